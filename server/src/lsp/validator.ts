/**
 * Diagnostics: the engine's, as they are (one analysis per version, already computed
 * when the document was read). Each carries the contract's code, `source: 'tcpflow'`
 * and, in `data`, the engine's fixes as LSP text edits for the code actions.
 *
 * At most MAX_PUBLISHED_DIAGNOSTICS are published per document, plus one information
 * diagnostic that says how many there are and where to see them all. A million error
 * lines made a 3.7 GB publish that never arrived; an editor shows a few hundred.
 */
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../engine/diagnostics.js';
import { say } from '../i18n/catalogue.js';
import { serverMessages } from '../i18n/messages/server.js';
import type { DocumentAnalyses } from './analyses.js';
import { validationHooks } from './test-hooks.js';
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

/**
 * Diagnostics published per document: the first ones in source order. 1,000 is more
 * than anyone reads in an editor's problem list, and about 0.5 MB of JSON with fixes.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 1000;

/** The code of the diagnostic that says some were left out. */
export const MORE_DIAGNOSTICS_CODE = 'more-diagnostics';

/** Langium's DocumentValidator, replaced: no AST walk, no second report of parser errors. */
export class TcpflowDocumentValidator {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async validateDocument(document: LangiumDocument): Promise<LspDiagnostic[]> {
    const { analysis, lines, text } = this.analyses.get(document);
    validationHooks(text);
    const all = analysis.diagnostics;
    const published = all.slice(0, MAX_PUBLISHED_DIAGNOSTICS).map((d) => toLspDiagnostic(d, lines));
    if (all.length > MAX_PUBLISHED_DIAGNOSTICS) {
      const firstLeftOut = toRange(all[MAX_PUBLISHED_DIAGNOSTICS].span, lines);
      published.push({
        range: { start: firstLeftOut.start, end: firstLeftOut.start },
        severity: DiagnosticSeverity.Information,
        code: MORE_DIAGNOSTICS_CODE,
        source: 'tcpflow',
        message: say(serverMessages.moreDiagnostics, { shown: MAX_PUBLISHED_DIAGNOSTICS.toLocaleString('en'), total: all.length.toLocaleString('en') }),
        data: { shown: MAX_PUBLISHED_DIAGNOSTICS, total: all.length },
      });
    }
    return published;
  }
}
