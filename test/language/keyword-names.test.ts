/**
 * Words the grammar uses are names too (contract §2: a name is any identifier), wherever
 * a name stands; a broken keyword line keeps its precise message
 * (server/src/language/reader/line-shape.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { KEYWORDS as KEYWORD_NAMES } from '../../server/src/language/reader/line-shape.js';
import { notOwedReply } from '../support/analyze.js';

/** A handshake between `a` and `b` that uses every place a name stands: declaration, call, both ends of a segment, a tag and its delivery, a note over two, a note beside one, an expectation. */
function handshake(a: string, b: string, tag: string): string {
  return [
    `participant ${a} as "A"`,
    `participant ${b} starts LISTEN`,
    `${a}: connect`,
    `${a} ~> ${b} : SYN seq=J as ${tag}`,
    `note over ${a}, ${b} : the SYN is slow`,
    `deliver ${tag}`,
    `${b} -> ${a} : SYN ACK seq=K ack=J+1`,
    `note left of ${b} : waiting`,
    `${a} -> ${b} : ACK seq=J+1 ack=K+1`,
    `expect ${a} ESTABLISHED, ${b} ESTABLISHED`,
    '',
  ].join('\n');
}

describe('a word the grammar uses, as a name', () => {
  it.each(KEYWORD_NAMES.map((word, i) => [word, KEYWORD_NAMES[(i + 1) % KEYWORD_NAMES.length]] as const))('%s (with %s as its peer and tag)', (a, b) => {
    const { analysis } = analyzeText(handshake(a, b, b));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.participants.map((p) => p.name)).toEqual([a, b]);
    expect(analysis.steps.at(-1)?.states).toEqual({ [a]: 'ESTABLISHED', [b]: 'ESTABLISHED' });
    expect(analysis.tags.map((t) => t.tag)).toEqual([b]);
  });

  it('draws two peers called left and right', () => {
    const { analysis } = analyzeText('left: connect\nright: listen\nleft -> right : SYN seq=1\nexpect left SYN-SENT, right SYN-RECEIVED\n');
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
  });

  it('keeps the note text as written, keywords and all', () => {
    const { scenario } = analyzeText('note over left, right : left of over as note\n');
    expect(scenario.statements[0]).toMatchObject({ kind: 'note', participants: ['left', 'right'], text: 'left of over as note' });
  });
});

describe('a broken keyword line keeps its precise message', () => {
  const messageOf = (text: string): string => {
    const [d] = analyzeText(text).analysis.diagnostics;
    return `${d.span.startLine + 1}:${d.span.startColumn + 1} ${d.message}`;
  };

  it.each([
    ['note over a\n', "1:12 Cannot read this line: Expected ':' but found end of line."],
    ['participant as "Client"\n', '1:13 Cannot read this line: Expected a name but found `as`.'],
    ['participant starts LISTEN\n', '1:13 Cannot read this line: Expected a name but found `starts`.'],
    ['participant\n', '1:12 Cannot read this line: Expected a name but found end of line.'],
    ['left garbage\n', '1:1 Cannot read this line: `left` does not start a statement here. As a participant name, write `left: CALL` or `left -> PEER : FLAGS`.'],
  ])('%j', (text, message) => {
    expect(messageOf(text)).toBe(message);
  });

  it('reads the lines after a broken one', () => {
    const { analysis } = analyzeText('participant\nover: listen\nexpect over LISTEN\n');
    expect(analysis.diagnostics.map((d) => d.span.startLine)).toEqual([0]);
    expect(analysis.steps.at(-1)?.states).toEqual({ over: 'LISTEN' });
  });
});
