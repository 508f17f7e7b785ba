/**
 * Reads a scenario file for the CLI, turning every way it can fail into one clear
 * line: missing, a directory, not text, too large.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { say } from '../i18n/catalogue.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { CliError, type CliIo } from './io.js';

import { MAX_SOURCE_BYTES } from '../language/reader/limits.js';

/** The reader's bound (language/reader/limits.ts), which the language server applies too. */
export { MAX_SOURCE_BYTES };

export function readSource(file: string, cwd: string): string {
  const path = resolve(cwd, file);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(say(cliMessages.isDirectory, { file }));
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot read (${code ?? String(error)})`}`);
  }
  if (size > MAX_SOURCE_BYTES) {
    throw new CliError(`${file}: ${(size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_SOURCE_BYTES / 1024 / 1024} MB a scenario may be`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.includes(0)) throw new CliError(`${file}: binary data (NUL bytes), not a text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file}: not valid UTF-8 text`);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * For commands that go on with the other files: the text, or undefined after printing
 * the one-line reason (the caller then exits 2, contract §5).
 */
export function readSourceOrReport(file: string, io: CliIo): string | undefined {
  try {
    return readSource(file, io.cwd);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.err(`tcpflow: ${error.message}\n`);
    return undefined;
  }
}
