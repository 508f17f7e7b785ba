/**
 * A capture file read in chunks: a 100 MB capture is never one buffer. Readers ask for
 * the next `n` bytes and get a view that stays valid until they ask again, so nothing
 * of the file outlives the record being decoded. Synchronous, so a reader cannot be left
 * waiting: the file is checked to be a regular file first (a named pipe would block and
 * a device would never end), as everything tcpflow reads (export/regular-file.ts).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { kindOf, NotRegularFile } from '../export/regular-file.js';

const CHUNK = 1024 * 1024;
/** O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export class ByteSource {
  private buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  /** File offset of `buffer[0]`. */
  private base = 0;
  private atEnd = false;

  private constructor(private readonly fd: number, readonly size: number) {}

  /** Opens a regular file; throws NotRegularFile, or the system error (ENOENT, EACCES…). */
  static open(path: string): ByteSource {
    const before = kindOf(statSync(path));
    if (before !== 'file') throw new NotRegularFile(before);
    const fd = openSync(path, OPEN_FLAGS);
    const stats = fstatSync(fd);
    const kind = kindOf(stats);
    if (kind !== 'file') {
      closeSync(fd);
      throw new NotRegularFile(kind);
    }
    return new ByteSource(fd, stats.size);
  }

  /** Offset in the file of the next byte `take` returns (for error messages). */
  get offset(): number {
    return this.base + this.start;
  }

  /** Bytes ready without reading: 0 at the end of the file. */
  available(): number {
    return this.end - this.start;
  }

  /**
   * Makes `n` bytes ready; false when the file ends first (the bytes that remain stay
   * ready, so `available()` tells a clean end (0) from a cut record).
   */
  ensure(n: number): boolean {
    while (this.end - this.start < n && !this.atEnd) this.fill(n);
    return this.end - this.start >= n;
  }

  /** The next `n` bytes (after `ensure(n)` said true), valid until the next call. */
  take(n: number): Buffer {
    const view = this.buffer.subarray(this.start, this.start + n);
    this.start += n;
    return view;
  }

  /** The next `n` bytes (after `ensure(n)` said true) without moving past them. */
  peek(n: number): Buffer {
    return this.buffer.subarray(this.start, this.start + n);
  }

  /** Skips `n` bytes; false when the file ends first. */
  skip(n: number): boolean {
    let left = n;
    while (left > 0) {
      if (this.available() === 0 && !this.ensure(1)) return false;
      const step = Math.min(left, this.available());
      this.start += step;
      left -= step;
    }
    return true;
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Moves what is left to the front of a buffer big enough for `n`, and reads more. */
  private fill(n: number): void {
    const left = this.end - this.start;
    const size = Math.max(CHUNK, n);
    const next = this.buffer.length >= size && this.start > 0 ? this.buffer : Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, this.start, this.end);
    this.base += this.start;
    this.buffer = next;
    this.start = 0;
    this.end = left;
    const read = readSync(this.fd, this.buffer, this.end, this.buffer.length - this.end, null);
    if (read === 0) this.atEnd = true;
    this.end += read;
  }
}
