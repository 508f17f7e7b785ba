/**
 * Reading files that may not be files. A path can name a named pipe (opening it for
 * reading waits for a writer, forever), a device (`/dev/zero` never ends and `stat`
 * says its size is 0), a socket or a folder. Everything tcpflow reads — scenarios,
 * Markdown, the stamp line of an SVG it may replace — goes through here: the path is
 * opened without blocking, the open file is checked to be a regular file (fstat, so it
 * cannot be swapped between the check and the read), and at most `limit` bytes are
 * read whatever the size claims to be.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type FileKind = 'file' | 'folder' | 'fifo' | 'device' | 'socket' | 'other';

export function kindOf(stats: Stats): FileKind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** What a file was when it was read or judged: if any of it changed, someone wrote to it. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
}

export function identityOf(stats: Stats): FileIdentity {
  return { dev: stats.dev, ino: stats.ino, size: stats.size, mtimeMs: stats.mtimeMs };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/** The path is not a regular file (after following symbolic links). */
export class NotRegularFile extends Error {
  constructor(readonly kind: FileKind) {
    super(kind);
  }
}

/** More than the limit: `size` when the file said so, undefined when it only turned out while reading. */
export class TooLarge extends Error {
  constructor(readonly size: number | undefined) {
    super('too large');
  }
}

/** O_NONBLOCK: opening a named pipe then returns at once instead of waiting for a writer (0 where it does not exist). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of a regular file, at most `limit` of them, and its identity when read.
 * Throws NotRegularFile, TooLarge, or the system error (ENOENT, EACCES…).
 */
export function readRegularFile(path: string, limit: number): { bytes: Buffer; identity: FileIdentity } {
  // stat first, so a device is never even opened (opening some has effects).
  const before = kindOf(statSync(path));
  if (before !== 'file') throw new NotRegularFile(before);
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    const kind = kindOf(stats);
    if (kind !== 'file') throw new NotRegularFile(kind);
    if (stats.size > limit) throw new TooLarge(stats.size);
    // Read until the end, not `stats.size` bytes: the file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new TooLarge(undefined);
    }
    return { bytes: Buffer.concat(chunks, total), identity: identityOf(stats) };
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` bytes of `path` as text, or undefined when it is not a readable regular file. */
export function readHeadIfFile(path: string, bytes: number): string | undefined {
  try {
    if (kindOf(statSync(path)) !== 'file') return undefined;
    const fd = openSync(path, OPEN_FLAGS);
    try {
      if (kindOf(fstatSync(fd)) !== 'file') return undefined;
      const head = Buffer.alloc(bytes);
      const n = readSync(fd, head, 0, bytes, 0);
      return head.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
