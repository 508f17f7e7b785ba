/**
 * The only way the language server reads a file from disk (Langium's workspace
 * indexing, and re-reading a watched file that changed): `stat` first, regular files
 * only, at most the CLI's 16 MB, text only. Anything else is refused with a reason the
 * user can read (`UnreadableFile`) before a byte is read, so a FIFO named `x.tcpflow`
 * never blocks, a symlink loop is an ELOOP, and a 2 GB log renamed `.tcpflow` is not
 * loaded. The file is opened non-blocking and checked again through its handle, so one
 * swapped for a FIFO between the two checks is still refused.
 */
import { constants, promises as fs, readFileSync, statSync, type Stats } from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { MAX_SOURCE_BYTES } from '../language/reader/limits.js';
import { say } from '../i18n/catalogue.js';
import { serverMessages } from '../i18n/messages/server.js';
import { UnreadableFile } from './unreadable-file.js';

export { MAX_SOURCE_BYTES };

export { UnreadableFile };

export class BoundedFileSystemProvider extends NodeFileSystemProvider {
  override async readFile(uri: URI): Promise<string> {
    return (await this.readBoundedText(uri)).text;
  }

  override async readBinary(uri: URI): Promise<Uint8Array> {
    return (await this.readBoundedText(uri)).bytes;
  }

  // Langium's language server reads asynchronously; these are bounded all the same.
  override readFileSync(uri: URI): string {
    return this.readBoundedTextSync(uri).text;
  }

  override readBinarySync(uri: URI): Uint8Array {
    return this.readBoundedTextSync(uri).bytes;
  }

  private readBoundedTextSync(uri: URI): { bytes: Buffer; text: string } {
    const bytes = attemptSync(uri, () => {
      checkStats(uri, statSync(uri.fsPath));
      return readFileSync(uri.fsPath);
    });
    if (bytes.length > MAX_SOURCE_BYTES) throw new UnreadableFile(uri, tooLarge(bytes.length));
    return asText(uri, bytes);
  }

  private async readBoundedText(uri: URI): Promise<{ bytes: Buffer; text: string }> {
    const path = uri.fsPath;
    checkStats(uri, await attempt(uri, () => fs.stat(path)));
    const handle = await attempt(uri, () => fs.open(path, constants.O_RDONLY | constants.O_NONBLOCK));
    try {
      const stats = await attempt(uri, () => handle.stat());
      checkStats(uri, stats);
      // Sized by the stat, one byte more to notice a file that grew since; grown (up to
      // the bound and one byte) if it did.
      let buffer = Buffer.alloc(stats.size + 1);
      let length = 0;
      for (;;) {
        if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, MAX_SOURCE_BYTES + 1 - length))]);
        const { bytesRead } = await attempt(uri, () => handle.read(buffer, length, buffer.length - length, null));
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > MAX_SOURCE_BYTES) throw new UnreadableFile(uri, tooLarge(length));
      }
      return asText(uri, buffer.subarray(0, length));
    } finally {
      await handle.close();
    }
  }
}

function asText(uri: URI, bytes: Buffer): { bytes: Buffer; text: string } {
  if (bytes.includes(0)) throw new UnreadableFile(uri, say(serverMessages.binary));
  return { bytes, text: bytes.toString('utf-8') };
}

function checkStats(uri: URI, stats: Stats): void {
  if (!stats.isFile()) throw new UnreadableFile(uri, say(serverMessages.notAFile));
  if (stats.size > MAX_SOURCE_BYTES) throw new UnreadableFile(uri, tooLarge(stats.size));
}

function tooLarge(size: number): string {
  return say(serverMessages.tooLarge, { size: (size / 1024 / 1024).toFixed(1), limit: String(MAX_SOURCE_BYTES / 1024 / 1024) });
}

/** Runs a file-system call, turning its error into an UnreadableFile with the error code. */
async function attempt<T>(uri: URI, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asUnreadable(uri, error);
  }
}

function attemptSync<T>(uri: URI, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw asUnreadable(uri, error);
  }
}

function asUnreadable(uri: URI, error: unknown): UnreadableFile {
  if (error instanceof UnreadableFile) return error;
  return new UnreadableFile(uri, say(serverMessages.unreadable, { code: (error as NodeJS.ErrnoException).code ?? String(error) }));
}
