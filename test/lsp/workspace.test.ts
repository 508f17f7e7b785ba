/**
 * A workspace folder of hostile files, and requests about files the client never
 * opened, against the built server over stdio (server/src/lsp/workspace-indexer.ts,
 * bounded-file-system.ts, open-documents.ts, protocol-gate.ts).
 *
 * Before: the workspace's files were all read at startup, and one that threw left the
 * server deaf; a 50 MB file blocked every document for 20 s; a request naming an
 * unopened file read it from disk (50 MB: 20.8 s, 2 GB) and kept it loaded forever.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { BAD_ACK, FIRST_EXAMPLE } from './documents.js';
import { makeHostileWorkspace, type HostileWorkspace } from './hostile-workspace.js';
import { LspClient, positionOf } from './lsp-client.js';

const root = mkdtempSync(join(tmpdir(), 'tcpflow-hostile-workspace-'));
const uriOf = (name: string) => pathToFileURL(join(root, name)).href;
let workspace: HostileWorkspace;

beforeAll(() => {
  workspace = makeHostileWorkspace(root, BAD_ACK, ['bad-ack']);
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

  it('checks the good files in the background and publishes their diagnostics, the 4 MB string\'s too', async () => {
    for (const [name, codes] of workspace.checked) {
      // long-string.tcpflow: whatever the reader gives it, or the one diagnostic that says its check failed.
      const diagnostics = await client.until(() => client.lastPublished(uriOf(name)), `the diagnostics of ${name}`, 120_000);
      if (codes) expect(diagnostics.map((d) => d.code)).toEqual(codes);
    }
  }, 150_000);

  it('skips each hostile file with a log line saying why', async () => {
    for (const [name, reason] of workspace.skipped) {
      await client.until(() => client.logs.find((l) => l.includes(join(root, name)) && l.includes(reason)), `the line about ${name}`, 60_000);
      expect(client.publishedCount(uriOf(name))).toBe(0);
    }
  });

  it('never reads a FIFO, a symlink loop or a symlink (links are not followed)', () => {
    for (const name of workspace.untouched) expect(client.publishedCount(uriOf(name))).toBe(0);
  });

  it('a watched file that changed into one too large gets one warning saying why; a FIFO is not even opened', async () => {
    const fifty = uriOf('fifty.tcpflow');
    const count = client.publishedCount(fifty);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('fifo.tcpflow'), type: 2 }, { uri: fifty, type: 2 }] });
    const [warning, ...rest] = await client.diagnostics(fifty, count);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ code: 'not-checked', severity: 2 });
    expect(warning.message).toContain('larger than the 16 MB');
    expect(client.publishedCount(uriOf('fifo.tcpflow'))).toBe(0);
  });

  it('a watched file edited on disk is checked again', async () => {
    const uri = uriOf('good.tcpflow');
    const count = client.publishedCount(uri);
    writeFileSync(join(root, 'good.tcpflow'), FIRST_EXAMPLE);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    expect(await client.diagnostics(uri, count)).toEqual([]);
  });

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
