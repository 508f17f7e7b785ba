/**
 * A workspace folder of hostile files, and requests about files the client never
 * opened, against the built server over stdio (server/src/lsp/workspace-indexer.ts,
 * bounded-file-system.ts, open-documents.ts, protocol-gate.ts).
 *
 * Before: the workspace's files were all read at startup, and one that threw left the
 * server deaf; a 50 MB file blocked every document for 20 s; a request naming an
 * unopened file read it from disk (50 MB: 20.8 s, 2 GB) and kept it loaded forever.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { BAD_ACK, FIRST_EXAMPLE } from './documents.js';
import { LspClient, positionOf } from './lsp-client.js';

const MB = 1024 * 1024;
const root = mkdtempSync(join(tmpdir(), 'tcpflow-hostile-workspace-'));
const uriOf = (name: string) => pathToFileURL(join(root, name)).href;
const isRoot = process.getuid?.() === 0;

/** A valid scenario line repeated to `bytes`: every line is an event, nothing is an error. */
function bigScenario(bytes: number): string {
  const line = 'client -> server : ACK seq=J ack=K\n';
  return 'client: connect\n' + line.repeat(Math.ceil(bytes / line.length));
}

beforeAll(() => {
  writeFileSync(join(root, 'good.tcpflow'), BAD_ACK);
  mkdirSync(join(root, 'folder.tcpflow'));
  writeFileSync(join(root, 'folder.tcpflow', 'nested.tcpflow'), BAD_ACK);
  writeFileSync(join(root, 'huge.tcpflow'), bigScenario(17 * MB));
  writeFileSync(join(root, 'fifty.tcpflow'), bigScenario(50 * MB));
  writeFileSync(join(root, 'binary.tcpflow'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]));
  execFileSync('mkfifo', [join(root, 'fifo.tcpflow')]);
  symlinkSync(join(root, 'loop-b.tcpflow'), join(root, 'loop-a.tcpflow'));
  symlinkSync(join(root, 'loop-a.tcpflow'), join(root, 'loop-b.tcpflow'));
  symlinkSync(join(root, 'good.tcpflow'), join(root, 'link-to-good.tcpflow'));
  writeFileSync(join(root, 'unreadable.tcpflow'), BAD_ACK);
  chmodSync(join(root, 'unreadable.tcpflow'), 0);
  // The string that made the reader throw (issue 18): the server must live with it either way.
  writeFileSync(join(root, 'long-string.tcpflow'), `scenario "${'x'.repeat(4 * MB)}"\nclient: connect\n`);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('a workspace folder of hostile files', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start({ workspaceFolders: [root] });
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('checks the good files in the background and publishes their diagnostics', async () => {
    for (const name of ['good.tcpflow', 'folder.tcpflow/nested.tcpflow']) {
      const diagnostics = await client.diagnostics(uriOf(name));
      expect(diagnostics.map((d) => d.code)).toEqual(['bad-ack']);
    }
  });

  it('skips each hostile file with a log line saying why', async () => {
    const logged = (name: string, reason: string) => client.logs.find((l) => l.includes(join(root, name)) && l.includes(reason));
    await client.until(() => logged('huge.tcpflow', 'larger than the 16 MB'), 'the line about huge.tcpflow', 60_000);
    await client.until(() => logged('fifty.tcpflow', 'larger than the 16 MB'), 'the line about fifty.tcpflow', 60_000);
    await client.until(() => logged('binary.tcpflow', 'binary data'), 'the line about binary.tcpflow', 60_000);
    if (!isRoot) await client.until(() => logged('unreadable.tcpflow', 'EACCES'), 'the line about unreadable.tcpflow', 60_000);
    for (const name of ['huge.tcpflow', 'fifty.tcpflow', 'binary.tcpflow']) expect(client.publishedCount(uriOf(name))).toBe(0);
  });

  it('checks the file whose reading threw before, and never reads a FIFO, a symlink loop or a symlink (links are not followed)', async () => {
    // Checked (with whatever diagnostics the reader gives it, or the one that says its check failed).
    await client.until(() => client.publishedCount(uriOf('long-string.tcpflow')) > 0, 'long-string.tcpflow checked', 120_000);
    for (const name of ['fifo.tcpflow', 'loop-a.tcpflow', 'loop-b.tcpflow', 'link-to-good.tcpflow', 'folder.tcpflow']) {
      expect(client.publishedCount(uriOf(name))).toBe(0);
    }
  }, 150_000);

  it('an opened document gets diagnostics and hovers whatever the workspace holds', async () => {
    const uri = 'file:///elsewhere/opened.tcpflow';
    expect(await client.open(uri, FIRST_EXAMPLE)).toEqual([]);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(FIRST_EXAMPLE, 'server: accept') });
    expect(JSON.stringify(hover.contents)).toContain('ESTABLISHED');
    expect(client.process.exitCode).toBeNull();
  });
});

describe('a request about a file the client never opened', () => {
  let client: LspClient;
  beforeAll(async () => {
    // No workspace folder: nothing is loaded but what the client opens.
    client = await LspClient.start();
    await client.open('file:///open/first.tcpflow', FIRST_EXAMPLE);
  });
  afterAll(async () => {
    await client?.stop();
  });

  const position = { line: 1, character: 2 };
  it.each([
    ['textDocument/references', (uri: string) => ({ textDocument: { uri }, position, context: { includeDeclaration: true } })],
    ['textDocument/rename', (uri: string) => ({ textDocument: { uri }, position, newName: 'x' })],
    ['textDocument/documentHighlight', (uri: string) => ({ textDocument: { uri }, position })],
    ['textDocument/definition', (uri: string) => ({ textDocument: { uri }, position })],
    ['textDocument/hover', (uri: string) => ({ textDocument: { uri }, position })],
    ['textDocument/documentSymbol', (uri: string) => ({ textDocument: { uri } })],
    ['textDocument/semanticTokens/full', (uri: string) => ({ textDocument: { uri } })],
  ])('%s is answered null without reading the file (a FIFO, a 50 MB file)', async (method, params) => {
    // A FIFO blocks whoever opens it for reading: an answer proves it was not read.
    expect(await client.request(method, params(uriOf('fifo.tcpflow')))).toBeNull();
    expect(await client.request(method, params(uriOf('fifty.tcpflow')))).toBeNull();
  });

  it('keeps nothing loaded: the server stays small', () => {
    // Reading the 50 MB file once cost 2 GB; the server's whole peak stays far below it.
    expect(client.memoryMB().peak).toBeLessThan(400);
  });

  it('the preview\'s request says the document is not open', async () => {
    await expect(client.request('tcpflow/diagram', { uri: uriOf('fifty.tcpflow') })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('is not open') });
  });

  it('a closed document is unknown again', async () => {
    const uri = uriOf('good.tcpflow');
    await client.open(uri, BAD_ACK);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).not.toBeNull();
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toBeNull();
  });
});
