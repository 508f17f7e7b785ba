/**
 * `tcpflow check FILE…` and `tcpflow check --json FILE` (contract §5).
 */
import type { Diagnostic } from '../engine/diagnostics.js';
import type { TextAnalysis } from '../language/analyze.js';
import { analyzeText } from '../language/analyze.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { readSourceOrReport } from './read-source.js';

export interface CheckJson {
  file: string;
  participants: string[];
  diagnostics: Array<{ line: number; column: number; severity: string; code: string; message: string }>;
  steps: Array<{ line: number; states: Record<string, string> }>;
}

export function toCheckJson(file: string, result: TextAnalysis): CheckJson {
  const { analysis } = result;
  return {
    file,
    participants: analysis.participants.map((p) => p.name),
    diagnostics: analysis.diagnostics.map((d) => ({
      line: d.span.startLine + 1,
      column: d.span.startColumn + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    steps: analysis.steps.map((s) => ({ line: s.line + 1, states: { ...s.states } })),
  };
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.span.startLine + 1}:${d.span.startColumn + 1}: ${d.severity} ${d.code}: ${d.message}`;
}

export function runCheck(args: readonly string[], io: CliIo): number {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) throw new CliError(`check: unknown option ${unknown}\nusage: tcpflow check [--json] FILE…`);
  if (files.length === 0) throw new CliError('check: no file given\nusage: tcpflow check [--json] FILE…');

  let hasErrors = false;
  let unreadable = false;
  const documents: CheckJson[] = [];
  for (const file of files) {
    const text = readSourceOrReport(file, io);
    if (text === undefined) {
      unreadable = true;
      continue;
    }
    const result = analyzeText(text);
    if (result.analysis.diagnostics.some((d) => d.severity === 'error')) hasErrors = true;
    if (json) {
      documents.push(toCheckJson(file, result));
    } else {
      for (const d of result.analysis.diagnostics) io.out(formatDiagnostic(file, d) + '\n');
    }
  }
  if (json && documents.length > 0) {
    io.out(JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2) + '\n');
  }
  if (unreadable) return EXIT.usage;
  return hasErrors ? EXIT.errors : EXIT.ok;
}
