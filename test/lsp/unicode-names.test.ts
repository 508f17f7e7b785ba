/**
 * Chinese participant names and tags (names are Unicode identifiers:
 * server/src/language/reader/scanner.ts), through the built language server over
 * stdio as an editor uses them: diagnostics, inlay hints, rename, completion, semantic
 * tokens and formatting (aligned by display width: a CJK character is two columns).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, InlayHint, SemanticTokens, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { displayWidth } from '../../server/src/language/display-width.js';
import { applyEdits, decodeSemanticTokens, dedent, LspClient, positionOf } from './lsp-client.js';

let client: LspClient;
let counter = 0;
const newUri = (name: string) => `file:///test/unicode-${name}-${++counter}.tcpflow`;

beforeAll(async () => {
  client = await LspClient.start({ configuration: {} });
});
afterAll(async () => {
  await client?.stop();
});

const HANDSHAKE = dedent(`
  scenario "三次握手"
  participant 客户端 as "浏览器"
  participant 服务器 starts LISTEN
  客户端: connect
  客户端 ~> 服务器 : SYN seq=J as 第一次
  deliver 第一次
  服务器 -> 客户端 : SYN ACK seq=K ack=J+1
  客户端 -> 服务器 : ACK seq=J+1 ack=K+1
  expect 客户端 ESTABLISHED, 服务器 ESTABLISHED
`);

const all = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('a scenario written with Chinese names', () => {
  let uri: string;
  beforeAll(async () => {
    uri = newUri('handshake');
    expect(await client.open(uri, HANDSHAKE)).toEqual([]);
  });

  it('inlay hints name the Chinese participants with their states', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: all });
    const last = hints.filter((h) => h.position.line === positionOf(HANDSHAKE, 'ACK seq=J+1').line).map((h) => String(h.label));
    expect(last.join()).toMatch(/客户端 ESTABLISHED.*服务器 ESTABLISHED/);
  });

  it('renames a Chinese participant everywhere, to Chinese or English, and a Chinese tag', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(HANDSHAKE, '服务器 starts'), newName: '服务端' });
    const renamed = applyEdits(HANDSHAKE, edit.changes![uri]);
    expect(renamed).not.toContain('服务器');
    expect(renamed.match(/服务端/g)).toHaveLength(5);
    const toEnglish = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(HANDSHAKE, '客户端: connect'), newName: 'client' });
    const english = applyEdits(HANDSHAKE, toEnglish.changes![uri]);
    expect(english).not.toContain('客户端');
    expect(english.match(/client/g)).toHaveLength(6);
    const tag = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(HANDSHAKE, '第一次', 1), newName: '握手_1' });
    const withTag = applyEdits(HANDSHAKE, tag.changes![uri]);
    expect(withTag).toContain('as 握手_1');
    expect(withTag).toContain('deliver 握手_1');
    // The renamed text still reads back without a problem.
    const check = newUri('renamed');
    expect(await client.open(check, withTag)).toEqual([]);
  });

  it('refuses a new name that is not one name, naming the rule', async () => {
    const at = positionOf(HANDSHAKE, '客户端: connect');
    for (const bad of ['1号', '客户 端', '客户端：', 'a-b']) {
      await expect(client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: bad })).rejects.toThrow(/letter or _/);
    }
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: at, newName: '服务器' })).rejects.toThrow(/already used/);
  });

  it('completes a Chinese name being typed, replacing what was typed', async () => {
    const text = `${HANDSHAKE}客`;
    await client.change(uri, text);
    const line = text.split('\n').length - 1;
    const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 1 } });
    const items = Array.isArray(result) ? result : result.items;
    const item = items.find((i) => i.label === '客户端');
    expect(item).toBeDefined();
    expect((item!.textEdit as TextEdit).range).toEqual({ start: { line, character: 0 }, end: { line, character: 1 } });
    // After `expect 客户端 `, its state now comes first.
    const expectLine = `${HANDSHAKE}expect 客户端 `;
    await client.change(uri, expectLine);
    const states = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character: 'expect 客户端 '.length } });
    expect(states.items.find((i) => i.preselect)?.label).toBe('ESTABLISHED');
    await client.change(uri, HANDSHAKE);
  });

  it('semantic tokens cover each Chinese name whole', async () => {
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded = decodeSemanticTokens(data, client.initializeResult.capabilities.semanticTokensProvider!.legend.tokenTypes, HANDSHAKE);
    expect(decoded).toEqual(expect.arrayContaining(['客户端:variable+decl', '服务器:variable+decl', '第一次:event+decl', 'J:parameter']));
    expect(decoded.filter((d) => d.startsWith('第一次:event'))).toHaveLength(2);
  });
});

describe('formatting with Chinese names', () => {
  it('aligns arrows and colons by display width, a CJK character taking two columns', async () => {
    const text = dedent(`
      participant 客户端
      participant server
      客户端 -> server : SYN seq=1
      server ->客户端: SYN ACK seq=100 ack=2
      客户端  -x server : ACK seq=2 ack=101
    `);
    const uri = newUri('format');
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyEdits(text, edits).split('\n').slice(2, 5);
    expect(formatted).toEqual([
      '客户端 -> server : SYN seq=1',
      'server -> 客户端 : SYN ACK seq=100 ack=2',
      '客户端 -x server : ACK seq=2 ack=101',
    ]);
    // On screen, every colon stands in the same column.
    const colonColumns = formatted.map((l) => displayWidth(l.slice(0, l.indexOf(' : '))));
    expect(new Set(colonColumns).size).toBe(1);
  });
});
