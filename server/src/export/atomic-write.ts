/**
 * Writing an export so that it is never seen half written: the bytes go to a temporary
 * file in the target's folder, are flushed to disk, and the temporary file is renamed
 * over the target (rename within one folder is atomic on POSIX file systems and on
 * NTFS). An interrupted export leaves the old file or the new one, whole; at worst a
 * stray `.NAME.*.tcpflow-tmp` file beside it.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A write that failed, with a message that names the file and the reason in plain words. */
export class WriteError extends Error {}

const CHUNK = 64 * 1024;

/**
 * Test hook: milliseconds to pause after each 64 KiB chunk, so a test can kill an export
 * while it writes. Read from the environment; 0 (off) unless set.
 */
function chunkPause(): number {
  const value = Number(process.env.TCPFLOW_TEST_WRITE_PAUSE_MS ?? '0');
  return Number.isFinite(value) && value > 0 ? Math.min(value, 10_000) : 0;
}

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tcpflow-tmp`);
}

/** `display` is how messages name the file (the path as the user gave it). */
export function writeFileAtomic(path: string, data: string | Uint8Array, display = path): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const folder = dirname(path);
  ensureFolder(folder, display);
  const temp = temporaryPathFor(path);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (error) {
    throw new WriteError(`${display}: cannot write into ${dirname(display)} (${reason(error)})`);
  }
  try {
    const pause = chunkPause();
    for (let offset = 0; offset < bytes.length; offset += CHUNK) {
      const end = Math.min(offset + CHUNK, bytes.length);
      let at = offset;
      while (at < end) at += writeSync(fd, bytes, at, end - at);
      if (pause > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
    fsyncSync(fd);
    closeSync(fd);
  } catch (error) {
    try { closeSync(fd); } catch { /* already closed */ }
    removeQuietly(temp);
    throw new WriteError(`${display}: write failed (${reason(error)})`);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    removeQuietly(temp);
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError(code === 'EISDIR'
      ? `${display}: is a folder, not a file`
      : `${display}: cannot replace it (${reason(error)})`);
  }
}

/** Creates a missing output folder; a path through a file or a read-only place fails clearly. */
export function ensureFolder(folder: string, display: string): void {
  try {
    if (statSync(folder).isDirectory()) return;
    throw new WriteError(`${display}: ${folder} is a file, not a folder`);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new WriteError(`${display}: a part of the path ${folder} is a file, not a folder`);
    if (code !== 'ENOENT') throw new WriteError(`${display}: cannot use folder ${folder} (${reason(error)})`);
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WriteError(code === 'ENOTDIR' || code === 'EEXIST'
      ? `${display}: a part of the path ${folder} is a file, not a folder`
      : `${display}: cannot create folder ${folder} (${reason(error)})`);
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'the folder does not exist';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

function removeQuietly(path: string): void {
  try { unlinkSync(path); } catch { /* nothing to remove */ }
}
