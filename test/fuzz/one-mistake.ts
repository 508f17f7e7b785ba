/**
 * One mistake → one error (issue 13): a valid scenario with one line broken the way a
 * learner breaks it — a flag dropped, a number changed, an arrow swapped, a state name
 * misspelt — gets exactly one diagnostic, an error on that line (or, for a misspelling
 * the reader knows, its `state-spelling` warning), and its preferred quick fix gives a
 * clean scenario again. Shared by `npm test` (test/fuzz/one-mistake.test.ts, over every
 * example) and `npm run fuzz` (PROPERTIES, random breaks at scale).
 */
import fc from 'fast-check';
import type { Diagnostic, Fix } from '../../server/src/engine/diagnostics.js';
import type { SegmentStatement, Statement } from '../../server/src/engine/model.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { EXAMPLES } from './generators.js';

export type BreakKind = 'drop-flag' | 'change-number' | 'swap-arrow' | 'misspell-state';
export const BREAK_KINDS: readonly BreakKind[] = ['drop-flag', 'change-number', 'swap-arrow', 'misspell-state'];

/** One broken line: the text with it, the line, how it was broken. */
export interface Break {
  readonly kind: BreakKind;
  readonly line: number;
  readonly text: string;
  readonly what: string;
}

/** The examples a learner could start from: the clean ones (examples/mistakes holds errors on purpose). */
export const CLEAN_EXAMPLES = EXAMPLES.filter((e) => analyzeText(e.text).analysis.diagnostics.length === 0);

function replaceOnLine(text: string, line: number, from: number, to: number, by: string): string {
  const lines = text.split('\n');
  lines[line] = lines[line].slice(0, from) + by + lines[line].slice(to);
  return lines.join('\n');
}

/**
 * Every way to break one line of `text` with `kind` (`variant` picks among letter edits
 * and number deltas). Left out on purpose, as they are not mistakes a line can show:
 * the seq of a SYN (it chooses the ISN, any value is right), the numbers of an old
 * duplicate (`-->`, anything may arrive), a flag whose loss leaves no flag, and a
 * delivery arrow other than `->` (a `-x` line is a loss, which is allowed).
 */
export function breaksOf(text: string, kind: BreakKind, variant = 0): Break[] {
  const { scenario } = analyzeText(text);
  const out: Break[] = [];
  for (const s of scenario.statements) {
    const line = s.span.startLine;
    const source = text.split('\n')[line];
    if (kind === 'drop-flag' && s.kind === 'segment' && s.arrow !== '-->') out.push(...dropFlag(text, s, source));
    if (kind === 'change-number' && s.kind === 'segment' && s.arrow !== '-->') out.push(...changeNumber(text, s, variant));
    if (kind === 'swap-arrow' && s.kind === 'segment' && s.arrow === '->') {
      out.push({ kind, line, text: replaceOnLine(text, line, s.arrowSpan.startColumn, s.arrowSpan.endColumn, '~>'), what: '-> to ~>' });
    }
    if (kind === 'misspell-state') out.push(...misspellState(text, s, variant));
  }
  return out;
}

function dropFlag(text: string, s: SegmentStatement, source: string): Break[] {
  if (s.flags.length < 2) return [];
  const out: Break[] = [];
  const flagsText = source.slice(s.flagsSpan.startColumn, s.flagsSpan.endColumn);
  for (const flag of s.flags) {
    const m = new RegExp(`(^|[\\s,+])${flag}(?=$|[\\s,+])`, 'i').exec(flagsText);
    if (!m) continue;
    const start = s.flagsSpan.startColumn + m.index + m[1].length;
    // Take a separator with it: `SYN ACK` → `SYN`, not `SYN `.
    const before = m.index > 0 ? 1 : 0;
    const after = m.index === 0 ? 1 : 0;
    out.push({ kind: 'drop-flag', line: s.span.startLine, text: replaceOnLine(text, s.span.startLine, start - before, start + flag.length + after, ''), what: `drop ${flag}` });
  }
  return out;
}

function changeNumber(text: string, s: SegmentStatement, variant: number): Break[] {
  const delta = 1 + (variant % 3);
  const out: Break[] = [];
  const fields = [['seq', s.seq], ['ack', s.ack]] as const;
  for (const [name, field] of fields) {
    if (!field) continue;
    if (name === 'seq' && s.flags.includes('SYN')) continue;
    const v = field.value;
    const written = v.symbol === null ? String((v.offset + delta) % 2 ** 32) : `${v.symbol}${v.offset + delta >= 0 ? '+' : ''}${v.offset + delta}`;
    out.push({ kind: 'change-number', line: s.span.startLine, text: replaceOnLine(text, s.span.startLine, field.span.startColumn, field.span.endColumn, `${name}=${written}`), what: `${name}+${delta}` });
  }
  return out;
}

function misspellState(text: string, s: Statement, variant: number): Break[] {
  const spans = s.kind === 'expect' ? s.checks.map((c) => c.stateSpan) : s.kind === 'participant' && s.startSpan ? [s.startSpan] : [];
  const source = text.split('\n');
  return spans.map((span) => {
    const name = source[span.startLine].slice(span.startColumn, span.endColumn);
    return { kind: 'misspell-state' as const, line: span.startLine, text: replaceOnLine(text, span.startLine, span.startColumn, span.endColumn, misspelt(name, variant)), what: `${name} → ${misspelt(name, variant)}` };
  });
}

/** A learner's slip: a letter left out, doubled, or two letters swapped (never a dash). */
export function misspelt(name: string, variant: number): string {
  const letters = [...name].map((c, i) => [c, i] as const).filter(([c]) => /[A-Za-z]/.test(c)).map(([, i]) => i);
  const at = letters[(variant >> 2) % letters.length];
  switch (variant % 3) {
    case 0: return name.slice(0, at) + name.slice(at + 1);
    case 1: return name.slice(0, at) + name[at] + name.slice(at);
    default: {
      const next = letters.find((i) => i > at) ?? letters[0];
      const [a, b] = [Math.min(at, next), Math.max(at, next)];
      return name.slice(0, a) + name[b] + name.slice(a + 1, b) + name[a] + name.slice(b + 1);
    }
  }
}

function applyFix(text: string, fix: Fix): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + Math.min(column, lines[line]?.length ?? 0);
  const edits = fix.edits.map((e) => ({ start: offset(e.span.startLine, e.span.startColumn), end: offset(e.span.endLine, e.span.endColumn), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const show = (d: Diagnostic) => `${d.span.startLine + 1}:${d.span.startColumn + 1} ${d.severity} ${d.code}: ${d.message}`;

/**
 * Why `broken` fails the property, or undefined when it holds. A break that changes
 * nothing the engine sees (a misspelling that is still a state name, say) is no mistake
 * and holds trivially.
 */
export function oneMistakeProblem(original: string, broken: Break): string | undefined {
  if (broken.text === original) return undefined;
  const ds = analyzeText(broken.text).analysis.diagnostics;
  const where = `${broken.kind} (${broken.what}) on line ${broken.line + 1}`;
  const counted = ds.filter((d) => d.severity === 'error' || d.code === 'state-spelling');
  if (counted.length === 0 && ds.length === 0) {
    // Still valid: the break wrote another correct line (FIN ACK → ACK where a bare ACK is right as well).
    return undefined;
  }
  if (ds.length !== 1) return `${where}: ${ds.length} diagnostics, not one:\n${ds.map(show).join('\n')}`;
  const [d] = ds;
  if (d.severity !== 'error' && d.code !== 'state-spelling') return `${where}: not an error: ${show(d)}`;
  if (d.span.startLine !== broken.line) return `${where}: reported on line ${d.span.startLine + 1}: ${show(d)}`;
  const fix = d.fixes?.find((f) => f.preferred) ?? d.fixes?.[0];
  if (!fix) return `${where}: no quick fix: ${show(d)}`;
  const fixed = applyFix(broken.text, fix);
  const after = analyzeText(fixed).analysis.diagnostics;
  if (after.length > 0) return `${where}: its fix "${fix.title}" leaves:\n${after.map(show).join('\n')}`;
  return undefined;
}

/**
 * Breaks that cannot give one error on their line, because the broken line is itself a
 * correct line: without its FIN, the server's FIN,ACK is the ACK its state owes (an
 * arrival made it due), so nothing is wrong until the FIN is missed later. Listed by the
 * line as written, so the list cannot hide anything else.
 */
export const KNOWN_GAPS: ReadonlyArray<{ readonly kind: BreakKind; readonly what: string; readonly line: string }> = [
  { kind: 'drop-flag', what: 'drop FIN', line: 'server -> client : FIN ACK seq=301 ack=102' },
];

export function isKnownGap(original: string, broken: Break): boolean {
  const line = original.split('\n')[broken.line]?.trim();
  return KNOWN_GAPS.some((g) => g.kind === broken.kind && g.what === broken.what && g.line === line);
}

/** A random break of a random clean example, for `npm run fuzz`. */
export const randomBreak: fc.Arbitrary<{ original: string; broken: Break }> = fc
  .tuple(fc.constantFrom(...CLEAN_EXAMPLES), fc.constantFrom(...BREAK_KINDS), fc.nat(1000), fc.nat(1000))
  .map(([example, kind, variant, pick]) => {
    const all = breaksOf(example.text, kind, variant);
    return { original: example.text, broken: all.length > 0 ? all[pick % all.length] : { kind, line: 0, text: example.text, what: 'nothing to break' } };
  });
