/**
 * The language server moves a chunk's statements and diagnostics to the chunk's line
 * with a copy that names each span field (server/src/engine/shift-lines.ts). It must move
 * every span there is: compared here with a walk that finds spans by their shape, over
 * every statement and reading diagnostic of the examples and of broken lines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../server/src/engine/model.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { shiftDiagnostic, shiftStatement } from '../../server/src/engine/shift-lines.js';
import { listExamples } from '../support/examples.js';

function isSpan(value: object): value is Span {
  return 'startLine' in value && 'endColumn' in value && 'startColumn' in value && 'endLine' in value;
}

/** Every object with a span's four fields, wherever it is, moved by `delta`; everything else copied. */
function shiftedByShape(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftedByShape(v, delta));
  if (value === null || typeof value !== 'object') return value;
  if (isSpan(value)) return { ...value, startLine: value.startLine + delta, endLine: value.endLine + delta };
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftedByShape(v, delta)]));
}

/** Lines that read with reading diagnostics (and fixes) of their own, beside the examples' statements. */
const BROKEN = [
  'client -> server : SYNACK seq=1', 'client -> server : SYN BOGUS', 'participant p starts SYN_SEND snd=J rcv=K',
  'expect client ESTABLISHD, server LISTEN', 'client: timeout', 'client: frobnicate', 'client: send len=x',
  'client -> server : ACK seq=1 seq=2 data=3 win=99999999999', 'note left of a : text', 'a ~> b : SYN as t1', 'deliver t1',
  'client garbage here', 'expect', ')))',
];

const texts = [...listExamples(join(__dirname, '..', '..', 'examples')).map((p) => readFileSync(p, 'utf8')), BROKEN.join('\n')];

describe('shiftStatement and shiftDiagnostic', () => {
  const read = texts.map((t) => analyzeText(t));
  const statements = read.flatMap((r) => r.scenario.statements);
  const diagnostics = read.flatMap((r) => r.analysis.diagnostics);

  it('move every span of every statement kind', () => {
    expect(new Set(statements.map((s) => s.kind))).toEqual(new Set(['title', 'participant', 'call', 'segment', 'deliver', 'note', 'expect']));
    for (const s of statements) {
      // JSON: the same keys in the same order, and the same values.
      expect(JSON.stringify(shiftStatement(s, 7))).toBe(JSON.stringify(shiftedByShape(s, 7)));
    }
  });

  it('move the spans of diagnostics and of their fixes', () => {
    expect(diagnostics.some((d) => d.fixes && d.fixes.length > 0)).toBe(true);
    for (const d of diagnostics) expect(JSON.stringify(shiftDiagnostic(d, 3))).toBe(JSON.stringify(shiftedByShape(d, 3)));
  });

  it('leave the original untouched', () => {
    const before = JSON.stringify(statements);
    for (const s of statements) shiftStatement(s, 5);
    expect(JSON.stringify(statements)).toBe(before);
  });
});
