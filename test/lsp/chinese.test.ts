/**
 * The language server initialized with locale zh-cn (as VS Code sends it with the
 * Chinese display language), over stdio: hovers on a flag, a call and a state, and
 * inlay hints' tooltips, are Chinese; state names and RFC sections stay as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hover, InlayHint, MarkupContent } from 'vscode-languageserver-protocol';
import { dedent, LspClient, positionOf } from './lsp-client.js';

let client: LspClient;

const TEXT = dedent(`
  participant client
  participant server
  server: listen
  client -> server : SYN seq=J
  server -> client : SYN ACK seq=K ack=J+1
  client -> server : ACK
  expect client ESTABLISHED
`);
const uri = 'file:///test/chinese.tcpflow';

beforeAll(async () => {
  client = await LspClient.start({ configuration: {}, locale: 'zh-cn' });
  expect(await client.open(uri, TEXT)).toEqual([]);
});
afterAll(async () => {
  await client?.stop();
});

const hover = async (needle: string, offset = 0): Promise<string> => {
  const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(TEXT, needle, offset) });
  return (result?.contents as MarkupContent | undefined)?.value ?? '';
};

describe('locale zh-cn', () => {
  it('hovers on a flag, a call and a state are Chinese', async () => {
    expect(await hover('SYN seq=J', 1)).toContain('同步序号');
    expect(await hover('listen', 1)).toContain('被动打开（RFC 9293 §3.10.1）');
    const state = await hover('ESTABLISHED', 2);
    expect(state).toContain('**ESTABLISHED**');
    expect(state).toContain('连接已建立');
  });

  it('inlay hints keep states as written and explain inferred numbers in Chinese', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
    const labels = hints.map((h) => String(h.label));
    expect(labels).toContain('⟶ client CLOSED · ● server LISTEN');
    const inferred = hints.find((h) => String(h.label).startsWith('seq=J+1'));
    expect(inferred?.tooltip).toContain('推断值');
  });
});

describe('the tcpflow.language setting', () => {
  /** The hover on the SYN flag of `client`'s document, asked until it contains `wanted` (a setting applies asynchronously). */
  const hoverUntil = async (other: LspClient, docUri: string, wanted: string): Promise<string> => {
    let text = '';
    for (let attempt = 0; attempt < 100 && !text.includes(wanted); attempt++) {
      const result = await other.request<Hover | null>('textDocument/hover', { textDocument: { uri: docUri }, position: positionOf(TEXT, 'SYN seq=J', 1) });
      text = (result?.contents as MarkupContent | undefined)?.value ?? '';
      if (!text.includes(wanted)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return text;
  };

  it('overrides the client\'s locale, from initializationOptions, and follows a configuration change', async () => {
    const other = await LspClient.start({ initializationOptions: { tcpflow: { language: 'zh-CN' } }, locale: 'en' });
    try {
      const docUri = 'file:///test/setting.tcpflow';
      await other.open(docUri, TEXT);
      expect(await hoverUntil(other, docUri, '同步序号')).toContain('同步序号');
    } finally {
      await other.stop();
    }
  });

  it('set through workspace/configuration, and back to auto (the client\'s locale) when it changes', async () => {
    const other = await LspClient.start({ configuration: { language: 'zh-CN' }, locale: 'en' });
    try {
      const docUri = 'file:///test/setting-2.tcpflow';
      await other.open(docUri, TEXT);
      const chinese = await hoverUntil(other, docUri, '同步序号');
      // The line's rules too: the engine's words, from the run made in this language.
      expect(chinese).toContain('LISTEN 收到 SYN：IRS = J');
      other.configuration = { language: 'auto' };
      await other.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tcpflow: other.configuration } });
      const english = await hoverUntil(other, docUri, 'Synchronize sequence numbers');
      expect(english).toContain('Synchronize sequence numbers');
      expect(english).not.toContain('同步序号');
      // The unchanged document is re-checked in English, not given the Chinese run again.
      expect(english).toContain('SYN in LISTEN: IRS = J');
      expect(english).not.toContain('LISTEN 收到 SYN');
    } finally {
      await other.stop();
    }
  });
});
