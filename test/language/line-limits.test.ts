/**
 * Lines too long to parse in time: left out of the parse with one `syntax` diagnostic,
 * the lines around them read as usual (server/src/language/reader/read-text.ts, limits.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { MAX_TOKENS_PER_LINE } from '../../server/src/language/reader/limits.js';

const HANDSHAKE_START = 'b: listen\na -> b : SYN seq=1\n';
const HANDSHAKE_END = 'b -> a : SYN ACK seq=9 ack=2\na -> b : ACK seq=2 ack=10\nexpect a ESTABLISHED, b ESTABLISHED\n';

describe('a line over the token bound', () => {
  it('is skipped with one diagnostic that says why, and the lines after it still count', () => {
    const long = '! '.repeat(MAX_TOKENS_PER_LINE + 1).trimEnd();
    const { analysis } = analyzeText(`${HANDSHAKE_START}${long}\n${HANDSHAKE_END}`);
    expect(analysis.diagnostics).toHaveLength(1);
    const [d] = analysis.diagnostics;
    expect(d).toMatchObject({ code: 'syntax', severity: 'error', span: { startLine: 2, startColumn: 0, endLine: 2, endColumn: long.length } });
    expect(d.message).toContain(`has ${(MAX_TOKENS_PER_LINE + 1).toLocaleString('en')} words and symbols`);
    // The handshake around it completes: the `expect` line passed.
    expect(analysis.steps.at(-1)?.states).toMatchObject({ a: 'ESTABLISHED', b: 'ESTABLISHED' });
  });

  it('counts tokens, not characters: a line at the bound is parsed as usual', () => {
    const atBound = '! '.repeat(MAX_TOKENS_PER_LINE).trimEnd();
    const { analysis } = analyzeText(`${HANDSHAKE_START}${atBound}\n${HANDSHAKE_END}`);
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['syntax']);
    expect(analysis.diagnostics[0].message).not.toContain('words and symbols');

    const longName = `note over a : ${'w'.repeat(200_000)}`;
    expect(analyzeText(`${HANDSHAKE_START}${longName}\n${HANDSHAKE_END}`).analysis.diagnostics).toEqual([]);
  });

  it('reports each long line once, in place of the lexer errors on it', () => {
    const garbage = '\u0001 '.repeat(MAX_TOKENS_PER_LINE + 5) + '!'.repeat(MAX_TOKENS_PER_LINE + 5);
    const { analysis } = analyzeText(`${garbage}\n${HANDSHAKE_START}${garbage}\n${HANDSHAKE_END}`);
    expect(analysis.diagnostics.map((d) => [d.span.startLine, d.code])).toEqual([[0, 'syntax'], [3, 'syntax']]);
    expect(analysis.diagnostics.every((d) => d.message.includes('words and symbols'))).toBe(true);
  });
});
