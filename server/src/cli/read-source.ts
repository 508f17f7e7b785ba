/**
 * Reads a scenario or Markdown file for the CLI, turning every way it can fail into one
 * clear line: missing, a folder, a pipe or a device, not text, too large.
 */
import { resolve } from 'node:path';
import { say } from '../i18n/catalogue.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { NotRegularFile, readRegularFile, TooLarge, type FileIdentity } from '../export/regular-file.js';
import { errorCode, systemReason } from '../export/system-reason.js';
import { CliError, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { decodeText, type TextEncoding } from './text-encoding.js';
import { MAX_SOURCE_BYTES } from '../language/reader/limits.js';

/**
 * The reader's bound (language/reader/limits.ts), which the language server applies too.
 * Here it is a hard bound on the bytes read, not a check of the size `stat` claims: a
 * device says 0.
 */
export { MAX_SOURCE_BYTES };

export interface SourceFile {
  /** The text, without a byte-order mark. */
  readonly text: string;
  /** What it was read as, so it can be written back the same way. */
  readonly encoding: TextEncoding;
  /** The file when it was read: `md --write` refuses to write over a file that changed since. */
  readonly identity: FileIdentity;
}

export function readSource(file: string, cwd: string): SourceFile {
  const limit = MAX_SOURCE_BYTES / 1024 / 1024;
  let read: ReturnType<typeof readRegularFile>;
  try {
    read = readRegularFile(resolve(cwd, file), MAX_SOURCE_BYTES);
  } catch (error) {
    if (error instanceof NotRegularFile) {
      throw new CliError(error.kind === 'folder'
        ? say(cliMessages.isDirectory, { file })
        : say(cliMessages.notRegularInput, { file, kind: error.kind }));
    }
    if (error instanceof TooLarge) {
      throw new CliError(error.size === undefined
        ? say(cliMessages.tooLargeWhileReading, { file, limit })
        : say(cliMessages.tooLarge, { file, megabytes: (error.size / 1024 / 1024).toFixed(1), limit }));
    }
    throw new CliError(errorCode(error) === 'ENOENT'
      ? say(cliMessages.noSuchFile, { file })
      : say(cliMessages.cannotRead, { file, reason: systemReason(error) }));
  }
  const decoded = decodeText(read.bytes, file);
  if ('problem' in decoded) throw new CliError(decoded.problem);
  return { text: decoded.text, encoding: decoded.encoding, identity: read.identity };
}

/**
 * For commands that go on with the other files: the file, or undefined after printing
 * the one-line reason (the caller then exits 2, contract §5).
 */
export function readSourceOrReport(file: string, io: CliIo): SourceFile | undefined {
  try {
    return readSource(file, io.cwd);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`${PROGRAM_NAME}: ${error.message}\n`);
    return undefined;
  }
}
