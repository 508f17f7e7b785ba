/**
 * A listener's connections in the editor (issue 12), through the built language
 * server over stdio: `expect server[c1] STATE` is checked with its fix, renaming a
 * client renames its connection, the outline lists the listener's connections under
 * it, completion proposes the next segment of the connection a line names, and the
 * quick fix `Add server: accept` makes room in a full accept queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, lineOf, LspClient, positionOf } from './lsp-client.js';

let client: LspClient;
let counter = 0;
const newUri = (name: string) => `file:///test/listener-${name}-${++counter}.tcpflow`;

beforeAll(async () => {
  client = await LspClient.start({ configuration: {} });
});
afterAll(async () => {
  await client?.stop();
});

/** Two clients: c1's handshake is complete, c2's SYN has been answered. */
const TWO_CLIENTS = [
  'participant server as "Server"',
  'server: listen backlog=2',
  'c1 -> server : SYN seq=100',
  'server -> c1 : SYN ACK seq=300 ack=101',
  'c1 -> server : ACK seq=101 ack=301',
  'c2 -> server : SYN seq=500',
  'server -> c2 : SYN ACK seq=700 ack=501',
].join('\n');

async function completionLabels(uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  return Array.isArray(result) ? result : result.items;
}

describe('expect server[c1]: one connection of a listener', () => {
  it('a state that holds gives no diagnostic; a wrong one is expect-failed, and its fix writes the actual state', async () => {
    const uri = newUri('expect');
    expect(await client.open(uri, `${TWO_CLIENTS}\nexpect server LISTEN, server[c1] ESTABLISHED, server[c2] SYN-RECEIVED`)).toEqual([]);
    const wrong = `${TWO_CLIENTS}\nexpect server[c2] ESTABLISHED`;
    const diagnostics = await client.change(uri, wrong);
    expect(diagnostics.map((d) => [d.range.start.line, d.code, d.message])).toEqual([[7, 'expect-failed', 'server[c2] is SYN-RECEIVED here, not ESTABLISHED.']]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const fix = actions.find((a) => a.title === 'Change to SYN-RECEIVED');
    expect(fix).toBeDefined();
    expect(applyEdits(wrong, fix!.edit!.changes![uri])).toBe(`${TWO_CLIENTS}\nexpect server[c2] SYN-RECEIVED`);
  });

  it('a connection that does not exist is expect-failed on the peer name', async () => {
    const uri = newUri('expect-missing');
    const diagnostics = await client.open(uri, `${TWO_CLIENTS}\nexpect server[c3] LISTEN`);
    expect(diagnostics.map((d) => [d.range.start, d.code])).toEqual([[{ line: 7, character: 14 }, 'expect-failed']]);
  });

  it('completion after `expect server[c2] ` offers its state first, and after `expect ` the connections', async () => {
    const uri = newUri('expect-complete');
    await client.open(uri, `${TWO_CLIENTS}\nexpect server[c2] `);
    const states = await completionLabels(uri, 7, 'expect server[c2] '.length);
    expect(states[0].label).toBe('SYN-RECEIVED');
    await client.change(uri, `${TWO_CLIENTS}\nexpect `);
    const names = (await completionLabels(uri, 7, 'expect '.length)).map((i) => i.label);
    expect(names).toEqual(expect.arrayContaining(['server', 'c1', 'c2', 'server[c1]', 'server[c2]']));
  });
});

describe('editor features of a listener', () => {
  it('renaming a client renames its connection in expect', async () => {
    const uri = newUri('rename');
    const text = `${TWO_CLIENTS}\nexpect server[c2] SYN-RECEIVED, c2 ESTABLISHED`;
    expect(await client.open(uri, text)).toEqual([]);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'c2 -> server'), newName: 'browser' });
    const renamed = applyEdits(text, edit.changes![uri]);
    expect(renamed.split('\n').slice(5)).toEqual([
      'browser -> server : SYN seq=500',
      'server -> browser : SYN ACK seq=700 ack=501',
      'expect server[browser] SYN-RECEIVED, browser ESTABLISHED',
    ]);
    expect(await client.change(uri, renamed)).toEqual([]);
  });

  it('the outline shows the listener with its connections, each at the line its SYN arrived', async () => {
    const uri = newUri('outline');
    await client.open(uri, TWO_CLIENTS);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const server = symbols.find((s) => s.name === 'server')!;
    expect(server.children?.map((c) => [c.name, c.detail, c.selectionRange.start.line])).toEqual([
      ['server[c1]', 'connection with c1', lineOf(TWO_CLIENTS, 'c1 -> server : SYN')],
      ['server[c2]', 'connection with c2', lineOf(TWO_CLIENTS, 'c2 -> server : SYN')],
    ]);
    expect(server.range.end.line).toBeGreaterThanOrEqual(lineOf(TWO_CLIENTS, 'c2 -> server : SYN'));
    expect(symbols.find((s) => s.name === 'c1')!.children).toBeUndefined();
  });

  it("completion proposes each connection's own next segment", async () => {
    const uri = newUri('complete');
    const text = `${TWO_CLIENTS}\nc2 -> server : ACK seq=501 ack=701\nserver -> c1 : `;
    await client.open(uri, text);
    const toC1 = await completionLabels(uri, 8, 'server -> c1 : '.length);
    expect(toC1[0].label).toBe('ACK seq=301 ack=101');
    await client.change(uri, `${TWO_CLIENTS}\nc2 -> server : ACK seq=501 ack=701\nserver -> c2 : `);
    const toC2 = await completionLabels(uri, 8, 'server -> c2 : '.length);
    expect(toC2[0].label).toBe('ACK seq=701 ack=501');
    // c3 has no connection yet: the listener's own proposal, not another connection's numbers.
    await client.change(uri, `${TWO_CLIENTS}\nserver -> c3 : `);
    const toC3 = (await completionLabels(uri, 7, 'server -> c3 : '.length))[0].label;
    expect(toC3).not.toMatch(/seq=(301|701)/);
  });
});

describe('quick fixes of a listener', () => {
  async function applyCodeAction(name: string, text: string, title: string): Promise<string> {
    const uri = newUri(name);
    const diagnostics = await client.open(uri, text);
    expect(diagnostics.length).toBeGreaterThan(0);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    const action = actions.find((a) => a.title === title);
    expect(action, actions.map((a) => a.title).join(' | ')).toBeDefined();
    const fixed = applyEdits(text, action!.edit!.changes![uri]);
    expect(await client.change(uri, fixed)).toEqual([]);
    return fixed;
  }

  it('Add `server: accept`: the final ACK a full accept queue dropped', async () => {
    // backlog 1: c1 and c2 fill the accept queue (backlog + 1), so c3's final ACK is dropped.
    const text = [TWO_CLIENTS.replace('backlog=2', 'backlog=1'), 'c3 -> server : SYN seq=900', 'server -> c3 : SYN ACK seq=1100 ack=901',
      'c2 -> server : ACK seq=501 ack=701', 'c3 -> server : ACK seq=901 ack=1101', 'expect server[c3] ESTABLISHED'].join('\n');
    const fixed = await applyCodeAction('add-accept', text, 'Add `server: accept` before the dropped ACK (it makes room in the accept queue)');
    expect(fixed.split('\n')[10]).toBe('server: accept');
  });
});
