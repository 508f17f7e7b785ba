/**
 * The language server reads documents chunk by chunk (server/src/lsp/document-analysis.ts);
 * the CLI reads the whole text (analyzeText), with the same reader. Both must give the
 * same analysis, also after edits that reuse cached chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import type { Analysis } from '../../server/src/engine/analysis.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { ChunkSplitter, splitChunks } from '../../server/src/language/reader/chunks.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';
import { BAD_ACK, FIRST_EXAMPLE, SYN_TO_CLOSED, SYNTAX_ERRORS } from './documents.js';

const reader = () => new IncrementalReader();

/** What the tools show: diagnostics with spans, messages and fixes; states per line; participants; tags. */
function comparable(a: Analysis) {
  return {
    diagnostics: a.diagnostics,
    steps: a.steps.map((s) => ({ line: s.line, states: s.states, segment: s.segment, replies: s.replies, explanations: s.explanations })),
    participants: a.participants,
    tags: a.tags,
    title: a.title,
  };
}

const LINES = [
  'scenario "t"', 'participant client as "C"', 'participant server starts LISTEN', 'server: listen', 'client: connect',
  'client -> server : SYN seq=J', 'server -> client : SYN ACK seq=K ack=J+1', 'client -> server : ACK seq=J+1 ack=K+1',
  'client -> server : ACK ack=K+9', 'server ~> client : FIN ACK as f1', 'deliver f1', 'deliver nope', 'client: close',
  'expect client ESTABLISHED, server SYN_SEND', 'note over client, server : hi /* not a comment', 'x -x y : RST seq=0',
  '))) junk', 'client -> : SYN', 'client: timeout', '/* a block', 'comment */ client: recv', '/* closed */ server: abort',
  '"/*" string', '// line comment /*', 'a --> b : SYN seq=100', '', '   ', 'client -> server : PSH ACK data="é/*" len=4',
];

const syntaxLines = (a: Analysis): Array<[number, string]> => a.diagnostics.filter((d) => d.code === 'syntax').map((d) => [d.span.startLine, d.message] as [number, string]);

describe('incremental reading agrees with analyzeText', () => {
  it.each(Object.entries({ FIRST_EXAMPLE, BAD_ACK, SYN_TO_CLOSED, generated: generateScenario(300) }))('%s', (_, text) => {
    expect(comparable(reader().analyze('file:///a', text).analysis)).toEqual(comparable(analyzeText(text).analysis));
  });

  it('on random documents, with every line ending, and after edits that reuse the cache', () => {
    const r = reader();
    // One reader: chunk by chunk gives exactly what the whole text gives, errors or not.
    const check = (text: string) => {
      expect(comparable(r.analyze('file:///p', text).analysis)).toEqual(comparable(analyzeText(text).analysis));
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINES), { maxLength: 25 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.constantFrom(...LINES), { maxLength: 4 }),
        fc.nat(30),
        (lines, eol, inserted, at) => {
          check(lines.join(eol));
          check([...lines.slice(0, at), ...inserted, ...lines.slice(at)].join(eol));
        },
      ),
      { numRuns: Math.max(1, Math.round(300 * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1))) },
    );
  });

  it('reads every readable line of a document with syntax errors', () => {
    const { analysis } = reader().analyze('file:///s', SYNTAX_ERRORS);
    expect(syntaxLines(analysis).map(([line]) => line)).toEqual([1, 2]);
    expect(analysis.steps.map((s) => s.line)).toEqual([0, 3]);
  });

  it('skips a line of more than 10,000 tokens as the CLI does, also after an edit elsewhere', () => {
    const text = `b: listen\na -> b : SYN seq=1\n${'! '.repeat(20_000)}\nb -> a : SYN ACK seq=9 ack=2\n`;
    const r = reader();
    const first = r.analyze('file:///long', text).analysis;
    // The engine runs the lines that read: a owes the ACK of b's SYN,ACK at the end, b waits in SYN-RECEIVED.
    expect(first.diagnostics.map((d) => [d.span.startLine, d.code])).toEqual([[2, 'syntax'], [3, 'owed-reply']]);
    expect(first.diagnostics[0].message).toContain('20,000 words and symbols');
    expect(comparable(first)).toEqual(comparable(analyzeText(text).analysis));
    const edited = text.replace('seq=9', 'seq=10').replace('a -> b : SYN seq=1', 'a -> b : SYN seq=1\nnote over a : hi');
    expect(comparable(r.analyze('file:///long', edited).analysis)).toEqual(comparable(analyzeText(edited).analysis));
  });

  // chevrotain's recovery used to consume the line after an unreadable one without
  // reporting it; the reader reads each line on its own.
  it('analyzeText reads the valid lines after unreadable ones', () => {
    expect(analyzeText(SYNTAX_ERRORS).analysis.steps.map((s) => s.line)).toEqual([0, 3]);
    expect(analyzeText('/* a block\nscenario "t"\n').analysis.title).toBe('t');
    expect(analyzeText('/* a block\nclient -> : SYN\n').analysis.diagnostics.map((d) => d.span.startLine)).toEqual([0, 1]);
  });
});

describe('splitChunks', () => {
  it('keeps a block comment that spans lines in one chunk, with the lines it shares', () => {
    const text = 'a: listen\nb: connect /* one\ntwo\nthree */ b: close\nc: crash\n';
    const { chunks, blockComments } = splitChunks(text);
    expect(chunks.map((c) => [c.startLine, c.lineCount])).toEqual([[0, 1], [1, 3], [4, 1], [5, 1]]);
    expect(blockComments).toEqual([[1, 3]]);
    expect(chunks.map((c) => c.text).join('\n')).toBe(text);
  });

  it('split a line at a time (ChunkSplitter, as the server does in slices), gives the same chunks', () => {
    const text = `${generateScenario(40)}a /* one\r\ntwo */ b: close\r\n"/*"\r// x\n`;
    const splitter = new ChunkSplitter(text);
    let units = 0;
    while (!splitter.advance(1)) units++;
    const whole = splitChunks(text);
    expect(splitter.chunks).toEqual(whole.chunks);
    expect(splitter.lines).toEqual(whole.lines);
    expect(splitter.blockComments()).toEqual(whole.blockComments);
    // One unit per line split and per chunk cut.
    expect(units + 1).toBe(whole.lines.length + whole.chunks.length);
  });

  it('an unclosed /*, a /* in a string or after //, is not a comment', () => {
    const { chunks } = splitChunks('a /* open\nb "/*" c\n// /*\nd\n');
    expect(chunks.map((c) => c.lineCount)).toEqual([1, 1, 1, 1, 1]);
  });
});
