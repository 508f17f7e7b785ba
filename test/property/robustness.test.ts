/**
 * The parser and the engine never throw: not on random text, not on random
 * sequences of the language's own tokens, not on the examples mutated (lines
 * deleted, duplicated, swapped; random bytes inserted). And what they return is
 * well formed: diagnostics inside the text, one step per event line, in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectionOf } from '../../server/src/engine/listener.js';
import { TCP_STATES } from '../../server/src/engine/states.js';
import { analyzeText } from '../../server/src/language/analyze.js';

/** TCPFLOW_PROPERTY_SCALE=20 runs twenty times as many cases (for a long search). */
const runs = (n: number) => Math.round(n * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1));

const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
const examples: string[] = [];
(function collect(dir: string) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) collect(join(dir, e.name));
    else if (e.name.endsWith('.tcpflow')) examples.push(readFileSync(join(dir, e.name), 'utf8'));
  }
})(EXAMPLES_DIR);

const STATES = new Set<string>(TCP_STATES);

/** Runs the whole pipeline and checks the shape of the result. */
function check(text: string): void {
  const { analysis } = analyzeText(text);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const d of analysis.diagnostics) {
    expect(d.span.startLine).toBeGreaterThanOrEqual(0);
    expect(d.span.startLine).toBeLessThan(lineCount);
    expect(d.span.startColumn).toBeGreaterThanOrEqual(0);
    expect(d.code).toMatch(/^[a-z-]+$/);
    expect(['error', 'warning', 'info']).toContain(d.severity);
  }
  let previous = -1;
  const names = new Set(analysis.participants.map((p) => p.name));
  for (const step of analysis.steps) {
    expect(step.line).toBeGreaterThan(previous);
    expect(step.line).toBeLessThan(lineCount);
    previous = step.line;
    for (const [name, state] of Object.entries(step.states)) {
      // A participant, or one connection of a listener (`server[c1]`, engine/listener.ts).
      expect(names.has(connectionOf(name)?.listener ?? name)).toBe(true);
      expect(STATES.has(state)).toBe(true);
    }
  }
}

/** Pieces of the language, so random texts get past the lexer and into the engine. */
const token = fc.constantFrom(
  'a', 'b', 'client', 'server', ':', '->', '-x', '~>', '-->', ',', '+', '-', '=', ' ', ' ', ' ', '\n', '\n', '\r\n',
  'SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'SYNACK', 'seq=', 'ack=', 'len=', 'win=', 'mss=', 'data="x"', 'J', 'K+1', '0',
  '4294967295', '99999999999999999999', 'listen', 'connect', 'accept', 'close', 'shutdown', 'abort', 'crash', 'timeout',
  '2MSL', 'RTO', 'USER', 'send', 'recv', 'deliver', 't1', 'as', 'note', 'over', 'left', 'of', 'expect', 'ESTABLISHED',
  'SYN_SEND', 'TIME-WAIT', 'participant', 'starts', 'LISTEN', 'snd=', 'rcv=', 'scenario', '"title"', '"', '//', '/*', '*/', '@', 'é',
);
const tokenText = fc.array(token, { maxLength: 120 }).map((ts) => ts.join(''));

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\n', ':', '-', '>', '=', '"', '/', '*', 'S', 'Y', 'N', '0', '+', ','), maxLength: 300 }),
  tokenText,
);

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), token) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const n = Math.max(lines.length, 1);
    const i = m.at % n;
    switch (m.kind) {
      case 'delete': lines.splice(i, 1); break;
      case 'duplicate': lines.splice(i, 0, lines[i] ?? ''); break;
      case 'swap': { const j = m.with % n; [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? '']; break; }
      case 'insert': {
        const joined = lines.join('\n');
        const at = m.at % (joined.length + 1);
        lines = (joined.slice(0, at) + m.text + joined.slice(at)).split('\n');
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

describe('never throws', () => {
  it('on random text', () => {
    fc.assert(fc.property(anyText, (text) => check(text)), { numRuns: runs(400) });
  });

  it('on mutated examples', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => check(mutate(text, ms))),
      { numRuns: runs(300) },
    );
  });

  it('on examples with their lines shuffled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples).chain((t) => fc.shuffledSubarray(t.split('\n'), { minLength: 0 })), (lines) => check(lines.join('\n'))),
      { numRuns: runs(150) },
    );
  });
});

describe('mutations that keep a line intact keep its step', () => {
  it('deleting a comment or note line changes no state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.nat(), (text, pick) => {
        const lines = text.split('\n');
        const removable = lines.map((l, i) => [l, i] as const).filter(([l]) => /^(\/\/|note )/.test(l));
        fc.pre(removable.length > 0);
        const [, index] = removable[pick % removable.length];
        const before = analyzeText(text).analysis;
        const after = analyzeText([...lines.slice(0, index), ...lines.slice(index + 1)].join('\n')).analysis;
        expect(after.diagnostics.map((d) => d.code)).toEqual(before.diagnostics.map((d) => d.code));
        expect(after.steps.map((s) => s.states)).toEqual(before.steps.map((s) => s.states));
      }),
      { numRuns: runs(60) },
    );
  });
});
