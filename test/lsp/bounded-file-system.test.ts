/**
 * The only way the language server reads a file (server/src/lsp/bounded-file-system.ts):
 * regular files of at most 16 MB, text only, each refusal an UnreadableFile with a
 * reason, a FIFO refused without being opened. In process: it is a plain class.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedFileSystemProvider, MAX_SOURCE_BYTES, UnreadableFile } from '../../server/src/lsp/bounded-file-system.js';

const root = mkdtempSync(join(tmpdir(), 'tcpflow-bounded-fs-'));
const at = (name: string) => URI.file(join(root, name));
writeFileSync(join(root, 'ok.tcpflow'), 'client: connect\n');
writeFileSync(join(root, 'limit.tcpflow'), 'x'.repeat(MAX_SOURCE_BYTES));
writeFileSync(join(root, 'over.tcpflow'), 'x'.repeat(MAX_SOURCE_BYTES + 1));
writeFileSync(join(root, 'binary.tcpflow'), Buffer.from([0x61, 0, 0x62]));
mkdirSync(join(root, 'folder.tcpflow'));
execFileSync('mkfifo', [join(root, 'fifo.tcpflow')]);
symlinkSync(join(root, 'loop-b.tcpflow'), join(root, 'loop-a.tcpflow'));
symlinkSync(join(root, 'loop-a.tcpflow'), join(root, 'loop-b.tcpflow'));

afterAll(() => rmSync(root, { recursive: true, force: true }));

const files = new BoundedFileSystemProvider();

describe.each([
  ['readFile', (uri: URI) => files.readFile(uri)],
  ['readFileSync', async (uri: URI) => files.readFileSync(uri)],
])('%s', (_name, read) => {
  it('reads a scenario, and one of exactly 16 MB', async () => {
    expect(await read(at('ok.tcpflow'))).toBe('client: connect\n');
    expect((await read(at('limit.tcpflow'))).length).toBe(MAX_SOURCE_BYTES);
  });

  it.each([
    ['over.tcpflow', 'larger than the 16 MB'],
    ['binary.tcpflow', 'binary data'],
    ['folder.tcpflow', 'not a regular file'],
    ['fifo.tcpflow', 'not a regular file'],
    ['loop-a.tcpflow', 'ELOOP'],
    ['missing.tcpflow', 'ENOENT'],
  ])('refuses %s: %s', async (name, reason) => {
    const error = await read(at(name)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect((error as UnreadableFile).reason).toContain(reason);
  });
});
