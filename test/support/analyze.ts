/** Shared helpers for engine and language tests. */
import { analyzeText, type TextAnalysis } from '../../server/src/language/analyze.js';
import type { Diagnostic } from '../../server/src/engine/diagnostics.js';

export { dedent } from './text.js';

/** `LINE:COL severity code` — the one way tests print a diagnostic. */
export function diagnosticToString(d: Diagnostic): string {
  return `${d.span.startLine + 1}:${d.span.startColumn + 1} ${d.severity} ${d.code}`;
}

export function analyze(text: string): TextAnalysis {
  return analyzeText(text);
}

/** The states after each event line, keyed by the line's source text (trimmed, comments removed). */
export function statesByLine(text: string): Array<[string, Record<string, string>]> {
  const source = text.split('\n');
  const { analysis } = analyzeText(text);
  return analysis.steps.map((s) => [source[s.line].replace(/\/\/.*$/, '').trim(), { ...s.states }]);
}

export function codes(text: string): string[] {
  return analyzeText(text).analysis.diagnostics.map((d) => d.code);
}

export function errors(text: string): Diagnostic[] {
  return analyzeText(text).analysis.diagnostics.filter((d) => d.severity === 'error');
}

/**
 * Whether `d` is more than the `owed-reply` information a scenario cut short on purpose
 * gets at its end (a peer left waiting for a reply the test does not draw). Tests of one
 * rule leave that out, as they leave out `never-delivered`; test/engine/owed-at-end.test.ts
 * tests it.
 */
export function notOwedReply(d: Diagnostic): boolean {
  return d.code !== 'owed-reply';
}
