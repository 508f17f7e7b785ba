/**
 * Names are Unicode identifiers, as JavaScript's (ID_Start, then ID_Continue): a
 * scenario can be written with Chinese participant names and tags
 * (server/src/language/reader/scanner.ts), and the diagram keeps its Mermaid ids safe
 * (server/src/diagram/escape.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { isName, scan } from '../../server/src/language/reader/scanner.js';
import { displayWidth, padToWidth } from '../../server/src/language/display-width.js';
import { generateMermaid } from '../../server/src/diagram/mermaid.js';
import { participantId } from '../../server/src/diagram/escape.js';

const HANDSHAKE = [
  'participant 客户端',
  'participant 服务器 starts LISTEN',
  '客户端: connect',
  '客户端 ~> 服务器 : SYN seq=J as 第一次握手',
  'note over 客户端, 服务器 : SYN 在路上',
  'deliver 第一次握手',
  '服务器 -> 客户端 : SYN ACK seq=K ack=J+1',
  '客户端 -> 服务器 : ACK seq=J+1 ack=K+1',
  'expect 客户端 ESTABLISHED, 服务器 ESTABLISHED',
  '',
].join('\n');

describe('Chinese names in a scenario', () => {
  it('read as names wherever a name stands: declaration, call, segment ends, tag, delivery, note, expect', () => {
    const { analysis } = analyzeText(HANDSHAKE);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.participants.map((p) => p.name)).toEqual(['客户端', '服务器']);
    expect(analysis.tags.map((t) => t.tag)).toEqual(['第一次握手']);
    expect(analysis.steps.at(-1)?.states).toEqual({ 客户端: 'ESTABLISHED', 服务器: 'ESTABLISHED' });
  });

  it('`participant 客户端` was a syntax error; now `participant 1客户端` still is one (a name does not start with a digit)', () => {
    expect(analyzeText('participant 客户端\n').analysis.diagnostics).toEqual([]);
    const [d] = analyzeText('participant 1客户端\n').analysis.diagnostics;
    expect(d.message).toContain('Expected a name');
  });

  it('a full-width colon is not part of a name, and is reported, not swallowed', () => {
    const [d] = analyzeText('participant 客户端\n客户端：connect\n').analysis.diagnostics;
    expect(d.code).toBe('syntax');
    expect(d.span.startLine).toBe(1);
  });
});

describe('the scanner reads names by UAX #31', () => {
  const words = (text: string) => scan(text).lines.flatMap((l) => l.tokens.filter((t) => t.kind === 'word').map((t) => t.text));

  it.each([
    ['客户端', true], ['服务器2', true], ['_端口', true], ['client_客户', true], ['Ελλάδα', true], ['кли́ент', true],
    ['𠀀𠀁', true], // CJK Extension B, outside the BMP: a surrogate pair is one character
    ['e\u0301', true], // a combining mark continues a name
    ['1号', false], ['客户 端', false], ['客户端：', false], ['a-b', false], ['\u0301a', false], ['', false], ['🙂', false],
  ])('%j is one name: %s', (text, expected) => {
    expect(isName(text)).toBe(expected);
  });

  it('splits at anything that is not ID_Continue', () => {
    expect(words('客户端->服务器:SYN')).toEqual(['客户端', '服务器', 'SYN']);
    expect(words('甲，乙')).toEqual(['甲', '乙']);
  });

  it('a line of 200 000 Chinese characters is one word (the scan stays linear)', () => {
    const long = '汉'.repeat(200_000);
    expect(words(long)).toEqual([long]);
  });
});

describe('the diagram with Chinese names', () => {
  it('gives Chinese names safe numbered Mermaid ids and shows the names as labels', () => {
    const { scenario, analysis } = analyzeText(HANDSHAKE);
    const lines = generateMermaid(scenario, analysis).text.split('\n');
    expect(lines).toContain('participant p1_ as 客户端');
    expect(lines).toContain('participant p2_ as 服务器');
    expect(lines).toContain('p2_->>p1_: SYN,ACK seq=K ack=J+1');
    expect(lines.some((l) => l.startsWith('p1_--)p2_:') && l.includes('第一次握手'))).toBe(true);
    // No Chinese name is used as an id: every arrow's ends are ids.
    expect(lines.filter((l) => /->>|-\)|-x/.test(l)).every((l) => /^p[12]_\S+p[12]_:/.test(l))).toBe(true);
  });

  it('never gives two participants one id, even when a name looks like a numbered id', () => {
    const ids = ['p1_', '客户端', 'p2_'].map((name, i) => participantId(name, i + 1));
    expect(new Set(ids).size).toBe(3);
  });
});

describe('display width', () => {
  it('counts a CJK character as two columns, a combining mark as none', () => {
    expect(displayWidth('客户端')).toBe(6);
    expect(displayWidth('client')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('ＳＹＮ')).toBe(6);
    expect(padToWidth('客户', 6)).toBe('客户  ');
  });
});
