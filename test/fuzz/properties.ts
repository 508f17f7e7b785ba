/**
 * The in-process fuzz properties (parser + engine, Mermaid generator), shared by
 * `npm test` (test/fuzz/*.test.ts, small run counts) and `npm run fuzz`
 * (scripts/fuzz.ts, 100,000 cases in all).
 */
import fc from 'fast-check';
import { escapeText, escapeWrapped, participantId } from '../../server/src/diagram/escape.js';
import { generateMermaid, type MermaidOptions } from '../../server/src/diagram/mermaid.js';
import { analyzeText, type TextAnalysis } from '../../server/src/language/analyze.js';
import { anyDocument, HOSTILE_STRINGS, mutatedExample, PUNCTUATION, structuredDocument, UNICODE, withLineEndings } from './generators.js';
import { analysisProblems, applyEdits, mermaidProblems } from './invariants.js';
import { isKnownGap, oneMistakeProblem, randomBreak } from './one-mistake.js';

/**
 * Per-document time budget for analyzeText (and for the generator), milliseconds: a
 * hang budget, not a speed target (that is `npm run bench`). The documents here take
 * well under a second; what it catches is superlinear work, which on these sizes runs
 * for minutes. 2 s failed at load 26 on 2 cores (a 65,000-character text took 2.9 s).
 */
export const BUDGET_MS = 15_000;

/** Runs analyzeText, failing with the reason if it throws, overruns the budget or hands out a position outside the text. */
export function analyzeChecked(text: string): TextAnalysis {
  const started = performance.now();
  const result = analyzeText(text);
  const ms = performance.now() - started;
  if (ms > BUDGET_MS) throw new Error(`analyzeText took ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms) on a ${text.length}-character text`);
  const problems = analysisProblems(text, result);
  if (problems.length > 0) throw new Error(`analysis positions out of range:\n${problems.slice(0, 10).join('\n')}`);
  return result;
}

export function mermaidChecked(result: TextAnalysis, options: MermaidOptions): string {
  const started = performance.now();
  const diagram = generateMermaid(result.scenario, result.analysis, options);
  const ms = performance.now() - started;
  if (ms > BUDGET_MS) throw new Error(`generateMermaid took ${ms.toFixed(0)} ms (budget ${BUDGET_MS} ms)`);
  const problems = mermaidProblems(diagram.text);
  if (problems.length > 0) throw new Error(`unsafe Mermaid:\n${problems.slice(0, 10).join('\n')}\n--- source ---\n${diagram.text.slice(0, 4000)}`);
  return diagram.text;
}

/** Text as a label could receive it: any Unicode, and the marks Mermaid gives a meaning to. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...UNICODE, ...PUNCTUATION, ...HOSTILE_STRINGS, 'wrap:', 'nowrap:', '<br>', '<br/>', '%%', '#', ';', '&#59;', '#59;', 'end', 'a', ' ', '\n'), maxLength: 40 }),
);

const mermaidOptions: fc.Arbitrary<MermaidOptions> = fc.record({
  stateNames: fc.constantFrom('rfc' as const, 'linux' as const),
  maxMessages: fc.oneof(fc.constant(undefined), fc.integer({ min: -1, max: 6 })),
  focusLine: fc.oneof(fc.constant(undefined), fc.integer({ min: -5, max: 60 })),
}, { requiredKeys: [] });

/** Diagnostics as an editor shows them: the comparable part. */
function shape(result: TextAnalysis): string[] {
  return result.analysis.diagnostics.map((d) => `${d.span.startLine}:${d.span.startColumn}-${d.span.endLine}:${d.span.endColumn} ${d.severity} ${d.code}`);
}

export interface FuzzProperty {
  readonly name: string;
  /** Cases in `npm test`. */
  readonly testRuns: number;
  /** Cases in `npm run fuzz`. */
  readonly fuzzRuns: number;
  readonly property: fc.IPropertyWithHooks<never> | fc.IProperty<never>;
}

function property<T>(name: string, testRuns: number, fuzzRuns: number, arb: fc.Arbitrary<T>, check: (value: T) => void): FuzzProperty {
  return { name, testRuns, fuzzRuns, property: fc.property(arb, check) as unknown as fc.IProperty<never> };
}

export const PROPERTIES: readonly FuzzProperty[] = [
  property('analyzeText: never throws, within budget, every position in range', 2_400, 40_000, anyDocument, (text) => {
    analyzeChecked(text);
  }),
  property('generateMermaid: never throws on any analysis, user text cannot break out', 1_200, 20_000,
    fc.tuple(anyDocument, mermaidOptions), ([text, options]) => {
      mermaidChecked(analyzeChecked(text), options);
    }),
  property('quick fixes: applying any fix gives a text that analyzes cleanly (positions in range)', 400, 6_000,
    fc.tuple(fc.oneof(mutatedExample, structuredDocument), fc.nat()), ([text, pick]) => {
      const fixes = analyzeChecked(text).analysis.diagnostics.flatMap((d) => d.fixes ?? []);
      if (fixes.length === 0) return;
      analyzeChecked(applyEdits(text, fixes[pick % fixes.length].edits));
    }),
  property('line endings: CRLF, CR and mixed endings give the same diagnostics and states as LF', 300, 5_000,
    fc.tuple(fc.oneof(mutatedExample.map((t) => t.replace(/\r\n?/g, '\n')), structuredDocument), fc.constantFrom('crlf' as const, 'cr' as const, 'mixed' as const), fc.nat()),
    ([text, style, seed]) => {
      const lf = analyzeChecked(text);
      const other = analyzeChecked(withLineEndings(text, style, seed));
      const a = shape(lf);
      const b = shape(other);
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`diagnostics differ with ${style} endings:\nLF:    ${a.join(' | ')}\n${style}: ${b.join(' | ')}`);
      const sa = JSON.stringify(lf.analysis.steps.map((s) => [s.line, s.states]));
      const sb = JSON.stringify(other.analysis.steps.map((s) => [s.line, s.states]));
      if (sa !== sb) throw new Error(`states differ with ${style} endings`);
    }),
  property('escaping: any text in any label position becomes safe Mermaid (cheap: many cases)', 6_000, 28_000,
    fc.tuple(hostileText, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 80 }), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/)),
    ([text, max, width, name]) => {
      const id = participantId(name, 1);
      const source = [
        'sequenceDiagram',
        `title ${escapeText(text, max)}`,
        `participant ${id} as ${escapeText(text, max, 'alias')}`,
        `Note over ${id}: ${escapeWrapped(text, width, max)}`,
        `${id}->>${id}: ${escapeText(text, max)}`,
        '',
      ].join('\n');
      const problems = mermaidProblems(source);
      if (problems.length > 0) throw new Error(`unsafe escaping of ${JSON.stringify(text)}:\n${problems.join('\n')}`);
    }),
  property('one mistake, one error: a clean example with one line broken gets one diagnostic there, and its fix makes it clean', 60, 4_000,
    randomBreak, ({ original, broken }) => {
      if (isKnownGap(original, broken)) return;
      const problem = oneMistakeProblem(original, broken);
      if (problem) throw new Error(problem);
    }),
];
