/**
 * The protocol as the spec says it, against the built server over stdio
 * (server/src/lsp/protocol-gate.ts, protocol-params.ts): nothing before `initialize`,
 * -32602 naming the wrong field for bad params, and malformed notifications dropped
 * with a log line instead of killing the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError, type Hover } from 'vscode-languageserver-protocol';
import { BAD_ACK, FIRST_EXAMPLE } from './documents.js';
import { LspClient, positionOf } from './lsp-client.js';

/** The error a request is answered with (fails the test if it succeeds). */
async function errorOf(client: LspClient, method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    const result = await client.request(method, params);
    throw new Error(`${method} succeeded with ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof ResponseError) return error;
    throw error;
  }
}

describe('before initialize', () => {
  let client: LspClient;
  beforeAll(() => {
    client = LspClient.spawn();
  });
  afterAll(async () => {
    await client?.stop();
  });

  it('answers a request with -32002 ServerNotInitialized, then initializes normally', async () => {
    const hover = { textDocument: { uri: 'file:///early.tcpflow' }, position: { line: 0, character: 0 } };
    const error = await errorOf(client, 'textDocument/hover', hover);
    expect(error.code).toBe(-32002);
    expect(error.message).toContain('initialize');
    // A notification before initialize is dropped: this document is never opened.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///early.tcpflow', languageId: 'tcpflow', version: 1, text: BAD_ACK } });
    const result = await client.request<{ capabilities: object }>('initialize', { processId: null, rootUri: null, capabilities: {} });
    expect(result.capabilities).toHaveProperty('hoverProvider', true);
    await client.connection.sendNotification('initialized', {});
    expect(await client.request('textDocument/hover', hover)).toBeNull();
    expect(client.publishedCount('file:///early.tcpflow')).toBe(0);
    expect(await client.open('file:///after.tcpflow', BAD_ACK)).toHaveLength(1);
  });

  it('answers an initialize with bad params -32602, and stays uninitialized', async () => {
    const fresh = LspClient.spawn();
    try {
      const error = await errorOf(fresh, 'initialize', { processId: 'me', capabilities: {} });
      expect(error.code).toBe(-32602);
      expect(error.message).toContain('params.processId');
      expect((await errorOf(fresh, 'textDocument/documentSymbol', { textDocument: { uri: 'file:///x.tcpflow' } })).code).toBe(-32002);
    } finally {
      await fresh.stop();
    }
  });
});

describe('the editor\'s language', () => {
  it('protocol errors speak the locale sent in initialize', async () => {
    const zh = LspClient.spawn();
    try {
      await zh.request('initialize', { processId: null, rootUri: null, capabilities: {}, locale: 'zh-CN' });
      await zh.connection.sendNotification('initialized', {});
      const error = await errorOf(zh, 'textDocument/hover', { textDocument: { uri: 'file:///zh.tcpflow' } });
      expect(error.message).toBe('textDocument/hover：params.position 应为 object，而不是 undefined');
    } finally {
      await zh.stop();
    }
  });
});

describe('after initialize', () => {
  let client: LspClient;
  const uri = 'file:///protocol/open.tcpflow';
  beforeAll(async () => {
    client = await LspClient.start();
    await client.open(uri, FIRST_EXAMPLE);
  });
  afterAll(async () => {
    await client?.stop();
  });

  const position = { line: 0, character: 0 };
  it.each([
    ['textDocument/hover', { textDocument: { uri } }, 'params.position'],
    ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } }, 'params.position.line'],
    ['textDocument/hover', { textDocument: { uri: 42 }, position }, 'params.textDocument.uri'],
    ['textDocument/hover', null, 'params'],
    ['textDocument/completion', { textDocument: { uri: 'not a uri' }, position }, 'params.textDocument.uri'],
    ['textDocument/references', { textDocument: { uri }, position }, 'params.context'],
    ['textDocument/rename', { textDocument: { uri }, position, newName: 7 }, 'params.newName'],
    ['textDocument/inlayHint', { textDocument: { uri } }, 'params.range'],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [{}] } }, 'params.context.diagnostics[0].range'],
    ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 'two', insertSpaces: true } }, 'params.options.tabSize'],
    ['textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: position } }, 'params.range.end'],
    ['tcpflow/diagram', { uri, stateNames: 'bsd' }, 'params.stateNames'],
  ])('%s with bad params → -32602 naming %#', async (method, params, path) => {
    const error = await errorOf(client, method, params);
    expect(error.code).toBe(-32602);
    expect(error.message).toContain(`${method}: ${path} must be`);
    expect(error.message).not.toContain('Cannot read properties');
  });

  it('a client cannot call the gate\'s own answer method', async () => {
    expect((await errorOf(client, '$/tcpflow/gateAnswer', { result: 'spoofed' })).code).toBe(-32601);
  });

  it.each([
    ['didOpen with text: null', 'textDocument/didOpen', { textDocument: { uri: 'file:///protocol/null.tcpflow', languageId: 'tcpflow', version: 1, text: null } }],
    ['didOpen without textDocument', 'textDocument/didOpen', {}],
    ['didOpen with a numeric uri', 'textDocument/didOpen', { textDocument: { uri: 5, languageId: 'tcpflow', version: 1, text: '' } }],
    ['didOpen with a string version', 'textDocument/didOpen', { textDocument: { uri: 'file:///protocol/v.tcpflow', languageId: 'tcpflow', version: '1', text: '' } }],
    ['didOpen with null params', 'textDocument/didOpen', null],
    ['didChange with contentChanges not an array', 'textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: 'x' }],
    ['didChange with a change of text: null', 'textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: null }] }],
    ['didChange with a broken range', 'textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x', range: { start: { line: 0 } } }] }],
    ['didClose without uri', 'textDocument/didClose', { textDocument: {} }],
    ['didChangeWatchedFiles with a bad change', 'workspace/didChangeWatchedFiles', { changes: [{ uri: 3, type: 1 }] }],
    ['didChangeConfiguration with null', 'workspace/didChangeConfiguration', null],
  ])('%s is dropped with a log line; the server keeps answering', async (_what, method, params) => {
    const logs = client.logs.length;
    await client.connection.sendNotification(method, params);
    const line = await client.until(() => client.logs.slice(logs).find((l) => l.includes('ignored a malformed notification')), 'the log line');
    expect(line).toContain(method);
    // The open document is untouched (a dropped didChange changed nothing) and answers.
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(FIRST_EXAMPLE, 'server: accept') });
    expect(JSON.stringify(hover?.contents)).toContain('ESTABLISHED');
    expect(client.process.exitCode).toBeNull();
  });

  it('a document opened with null text was never opened: no diagnostics, requests answer null', async () => {
    expect(client.publishedCount('file:///protocol/null.tcpflow')).toBe(0);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///protocol/null.tcpflow' } })).toBeNull();
    expect(await client.open('file:///protocol/after-null.tcpflow', BAD_ACK)).toHaveLength(1);
  });
});
