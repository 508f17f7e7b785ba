/**
 * What calls return, through the built language server over stdio: for every errno
 * (and the successes) the hover of the line where the call returns shows it, a stated
 * result that holds gives no diagnostic, and a wrong one is an `expect-failed`
 * diagnostic whose quick fix writes the actual result. Also: the socket calls' hovers
 * and completion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { ERRNO_SCENARIOS, wrongResult } from '../support/errno-scenarios.js';
import { applyEdits, LspClient } from './lsp-client.js';

let client: LspClient;
let counter = 0;
const newUri = (name: string) => `file:///test/${name}-${++counter}.tcpflow`;

beforeAll(async () => {
  client = await LspClient.start({ configuration: {} });
});
afterAll(async () => {
  await client?.stop();
});

async function hoverAt(uri: string, line: number, character: number): Promise<string> {
  const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  return result ? (result.contents as { value: string }).value : '';
}

describe.each(ERRNO_SCENARIOS.map((s, i) => [`${s.call} -> ${s.result} (${i})`, s] as const))('%s', (_name, s) => {
  it('no diagnostic; the hover where the call returns shows the result', async () => {
    const uri = newUri('errno');
    expect(await client.open(uri, s.text)).toEqual([]);
    const hover = await hoverAt(uri, s.returnsOn, 1);
    expect(hover).toContain('**Socket**');
    expect(hover).toMatch(new RegExp(`${s.call}\\(\\) (returns|fails)`));
    if (s.result.startsWith('E')) expect(hover).toContain(s.result);
  });

  it('a wrong stated result is expect-failed, and its fix writes the actual one', async () => {
    const uri = newUri('errno-wrong');
    const wrong = wrongResult(s);
    const diagnostics = await client.open(uri, wrong.text);
    expect(diagnostics.map((d) => [d.range.start.line, d.code, d.message])).toEqual([[wrong.line, 'expect-failed', `${s.call} returns ${s.result} here, not EWRONG.`]]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
    });
    const fix = actions.find((a) => a.title === `Change to ${s.result}`);
    expect(fix).toBeDefined();
    expect(applyEdits(wrong.text, fix!.edit!.changes![uri])).toBe(s.text);
  });
});

describe('the socket calls in the editor', () => {
  it('hover on read, write, socket, bind and shutdown names what they are', async () => {
    const text = 'server: socket\nserver: bind port=80\nserver: read\nserver: write\nserver: shutdown rd';
    const uri = newUri('calls');
    await client.open(uri, text);
    expect(await hoverAt(uri, 0, 9)).toContain('creates a new socket');
    expect(await hoverAt(uri, 1, 9)).toContain('local address');
    expect(await hoverAt(uri, 2, 9)).toContain('read() = recv()');
    expect(await hoverAt(uri, 3, 9)).toContain('write() = send()');
    expect(await hoverAt(uri, 4, 9)).toContain('SHUT_RD');
  });

  it('completion after `NAME: ` offers the socket calls', async () => {
    const text = 'server: ';
    const uri = newUri('complete');
    await client.open(uri, text);
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 8 } });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    for (const call of ['socket', 'bind', 'read', 'write', 'listen']) expect(labels).toContain(call);
  });
});
