/** Shared helpers for engine and language tests. */
import { analyzeText, type TextAnalysis } from '../../server/src/language/analyze.js';
import type { Diagnostic } from '../../server/src/engine/diagnostics.js';

/** `LINE:COL severity code` — the one way tests print a diagnostic. */
export function diagnosticToString(d: Diagnostic): string {
  return `${d.span.startLine + 1}:${d.span.startColumn + 1} ${d.severity} ${d.code}`;
}

export function analyze(text: string): TextAnalysis {
  return analyzeText(text);
}

/** Strips the common indentation of a template literal, so scenarios can be indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
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
