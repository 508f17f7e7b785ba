/**
 * The CLI's standard output and error as a CliIo, made safe for pipes. Output is written
 * with blocking writes to the file descriptors, so a reader that went away
 * (`synack check big.tcpflow | head -2`) shows at once as EPIPE on the write (Node
 * ignores SIGPIPE); the run then stops at that line (OutputClosed) and exits quietly
 * with 141, as a program killed by SIGPIPE would. (process.stdout reports EPIPE later,
 * as an 'error' event that, unheard, ended the process with a stack trace.) Any other
 * failure that escapes a command is one line, never a stack trace.
 */
import { writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { say } from '../i18n/catalogue.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { EXIT, OutputClosed, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { wantsColour } from './terminal.js';

export interface ProcessIo extends CliIo {
  /** Whether a reader went away. */
  closed(): boolean;
}

/** Writes all of `text` to `fd`, waiting while a non-blocking descriptor is full. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

export function processIo(internalErrorLine: (error: unknown) => string): ProcessIo {
  let closed = false;
  const write = (fd: number, text: string): void => {
    if (closed) throw new OutputClosed();
    try {
      writeAll(fd, text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE' || code === 'ECONNRESET') {
        closed = true;
        throw new OutputClosed();
      }
      throw error;
    }
  };
  const fatal = (error: unknown): void => {
    if (closed || error instanceof OutputClosed || (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE') {
      process.exit(EXIT.outputClosed);
    }
    try { writeAll(2, internalErrorLine(error)); } catch { /* stderr is gone too */ }
    process.exit(EXIT.usage);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  let cwd: string;
  try {
    cwd = process.cwd();
  } catch {
    try { writeAll(2, `${PROGRAM_NAME}: ${say(cliMessages.noCurrentFolder)}\n`); } catch { /* stderr is gone too */ }
    process.exit(EXIT.usage);
  }
  const terminal = isatty(1);
  return {
    cwd,
    terminal,
    colour: wantsColour(terminal, process.env),
    out: (text) => write(1, text),
    err: (text) => write(2, text),
    closed: () => closed,
  };
}
