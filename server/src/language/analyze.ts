/**
 * Text in, analysis out: read the text into the engine's model (reader/read-text.ts),
 * run the engine. The CLI and the tests go through here; the language server reads
 * chunk by chunk with the same reader (lsp/document-analysis.ts).
 */
import type { Analysis } from '../engine/analysis.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario } from '../engine/model.js';
import { runScenario } from '../engine/run.js';
import type { ProfileChoice } from '../engine/profile.js';
import { readText } from './reader/read-text.js';

export interface TextAnalysis {
  readonly scenario: Scenario;
  /** The engine's analysis; its diagnostics include syntax and reading problems, in source order. */
  readonly analysis: Analysis;
}

/** `profile`: the TCP to check against where the text has no `profile` line (the CLI's --profile). */
export function analyzeText(text: string, options: { readonly profile?: ProfileChoice } = {}): TextAnalysis {
  const read = readText(text);
  const scenario: Scenario = { statements: read.statements, ...(options.profile ? { profile: options.profile } : {}) };
  const analysis = runScenario(scenario);
  return { scenario, analysis: { ...analysis, diagnostics: mergeDiagnostics(read.diagnostics, analysis.diagnostics) } };
}

/** The reader's diagnostics and the engine's, by position; at one position the reader's first. */
export function mergeDiagnostics(read: readonly Diagnostic[], engine: readonly Diagnostic[]): Diagnostic[] {
  return [...read, ...engine].sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn);
}
