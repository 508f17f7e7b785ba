/**
 * Diagnostics: the engine's, as they are (one analysis per version, already computed
 * when the document was read). Each carries the contract's code, `source: 'tcpflow'`
 * and, in `data`, the engine's fixes as LSP text edits for the code actions.
 */
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../engine/diagnostics.js';
import type { DocumentAnalyses } from './analyses.js';
import { toRange } from './text.js';

export interface FixData {
  readonly title: string;
  readonly preferred: boolean;
  readonly edits: readonly TextEdit[];
}

/** What a tcpflow diagnostic carries in `data`. */
export interface DiagnosticData {
  readonly code: string;
  readonly fixes: readonly FixData[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic, lines: readonly string[]): LspDiagnostic {
  const data: DiagnosticData = {
    code: d.code,
    fixes: (d.fixes ?? []).map((f) => ({
      title: f.title,
      preferred: f.preferred ?? false,
      edits: f.edits.map((e) => ({ range: toRange(e.span, lines), newText: e.newText })),
    })),
  };
  return { range: toRange(d.span, lines), severity: SEVERITY[d.severity], code: d.code, source: 'tcpflow', message: d.message, data };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return !!value && typeof value === 'object' && Array.isArray((value as DiagnosticData).fixes) && typeof (value as DiagnosticData).code === 'string';
}

/** Langium's DocumentValidator, replaced: no AST walk, no second report of parser errors. */
export class TcpflowDocumentValidator {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async validateDocument(document: LangiumDocument): Promise<LspDiagnostic[]> {
    const { analysis, lines } = this.analyses.get(document);
    return analysis.diagnostics.map((d) => toLspDiagnostic(d, lines));
  }
}
