/**
 * Completion and hovers in Chinese, in process (the same functions the server calls):
 * with the locale zh-CN every detail and hover sentence around the engine's facts is
 * Chinese, while state names, flags, calls and RFC variables stay as written. With
 * English back, the same places are English again (the catalogue is read per call).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../server/src/i18n/catalogue.js';
import { completions } from '../../server/src/lsp/completion.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';
import { hoverMarkdown } from '../../server/src/lsp/hover.js';

const TEXT = [
  'participant client',
  'participant server',
  'server: listen',
  'client -> server : SYN seq=J',
  'server ~> client : SYN ACK seq=K ack=J+1 as sa',
  'deliver sa',
  'client -> server : ACK',
  '',
].join('\n');

const CJK = /[\u4e00-\u9fff]/;
const read = (text: string) => new IncrementalReader().analyze('file:///zh.tcpflow', text);
const lineOf = (needle: string) => TEXT.split('\n').findIndex((l) => l.startsWith(needle));

afterEach(() => setLocale('en'));

describe('completion in zh-CN', () => {
  it('says why a call is offered or refused, in Chinese', () => {
    setLocale('zh-CN');
    const items = completions(read(TEXT), lineOf('client -> server : ACK'), 'server: ');
    const listen = items.find((i) => i.label === 'close');
    expect(listen?.detail).toBe('在 SYN-RECEIVED 中可用');
    const refused = items.find((i) => i.label === 'connect');
    expect(refused?.detail).toBe('server 处于 SYN-RECEIVED：会被拒绝');
  });

  it('proposes the segment owed with a Chinese reason, and labels flags and fields in Chinese', () => {
    setLocale('zh-CN');
    const line = lineOf('client -> server : ACK');
    const items = completions(read(TEXT), line, 'client -> server : ');
    const proposed = items[0];
    expect(proposed.detail).toBe('client 此刻要发送的报文段');
    expect(String(proposed.documentation)).toMatch(/^client 应回复的报文段：/);
    expect(items.find((i) => i.label === 'FIN')?.detail).toBe('标志');
    const afterFlag = completions(read(TEXT), line, 'client -> server : ACK ');
    expect(afterFlag.find((i) => i.label === 'win=')?.detail).toBe('字段');
    expect(afterFlag.find((i) => i.label === 'as')?.detail).toBe('给在途（~>）报文段加标签');
  });

  it('at a line start: a tag in flight and the participants, in Chinese', () => {
    setLocale('zh-CN');
    const items = completions(read(TEXT), lineOf('deliver sa'), '');
    expect(items.find((i) => i.label === 'deliver sa')?.detail).toBe('第 5 行发出的报文段到达');
  });

  it('is English again with the English locale', () => {
    setLocale('en');
    const items = completions(read(TEXT), lineOf('client -> server : ACK'), 'server: ');
    expect(items.find((i) => i.label === 'close')?.detail).toBe('valid in SYN-RECEIVED');
  });
});

describe('hovers in zh-CN', () => {
  it('an event line: headings, the table and every rule sentence are Chinese; states stay', () => {
    setLocale('zh-CN');
    const doc = read(TEXT);
    const line = lineOf('client -> server : ACK');
    const hover = hoverMarkdown(doc, { line, character: 0 }, 'rfc')!;
    expect(hover).toContain(`第 ${line + 1} 行`);
    expect(hover).toContain('| 参与者 | 之前 | 之后 |');
    expect(hover).toContain('**依据的规则**');
    expect(hover).toContain('ESTABLISHED');
    expect(hover).not.toMatch(/Rules applied|participant \| before|— line/);
  });

  it('a participant and an in-flight tag', () => {
    setLocale('zh-CN');
    const doc = read(TEXT);
    const participant = hoverMarkdown(doc, { line: 0, character: 'participant c'.length }, 'rfc')!;
    expect(participant).toContain('**client** (参与者)');
    expect(participant).toContain('声明于第 1 行；初始状态 CLOSED。');
    const tag = hoverMarkdown(doc, { line: lineOf('deliver sa'), character: 'deliver s'.length }, 'rfc')!;
    expect(tag).toContain('第 5 行发出；第 6 行送达。');
  });

  it('a diagnostic: its severity and "quick fixes" are Chinese, its code stays', () => {
    setLocale('zh-CN');
    const text = 'participant client\nparticipant server starts LISTEN\nclient -> server : SYN seq=J\nserver -> client : SYN ACK seq=K ack=J+5\n';
    const hover = hoverMarkdown(read(text), { line: 3, character: text.split('\n')[3].indexOf('ack=') + 1 }, 'rfc')!;
    expect(hover).toMatch(/^\*\*错误\*\* `bad-ack`/);
    expect(hover).toContain('快速修复：');
    expect(CJK.test(hover)).toBe(true);
  });
});
