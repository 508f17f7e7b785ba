/**
 * Statements and diagnostics moved some lines down (or up). The language server reads a
 * chunk of lines once, with spans counted from its first line, and places it at its line
 * in the document by moving every span down (lsp/document-analysis.ts); an engine run
 * that converges with the previous one after an edit moves the previous run's later
 * diagnostics (run.ts). When a line is typed into the middle of a 10,000-line scenario,
 * the 5,000 chunks after it move: this copy runs for each of them on every keystroke. It
 * names the span fields of each statement kind, so that each copy is a few
 * shape-preserving spreads; a generic walk over every property (Object.entries, `in`
 * checks on every object) took five times as long. test/engine/shift-lines.test.ts
 * compares it with such a generic walk.
 */
import type { Diagnostic } from './diagnostics.js';
import type { ExpectCheck, SeqField, Span, Statement } from './model.js';

export function shiftSpan(span: Span, delta: number): Span {
  return { ...span, startLine: span.startLine + delta, endLine: span.endLine + delta };
}

function shiftSeqField(field: SeqField | undefined, delta: number): SeqField | undefined {
  return field && { ...field, span: shiftSpan(field.span, delta) };
}

function shiftOptional(span: Span | undefined, delta: number): Span | undefined {
  return span && shiftSpan(span, delta);
}

function shiftCheck(check: ExpectCheck, delta: number): ExpectCheck {
  return { ...check, participantSpan: shiftSpan(check.participantSpan, delta), stateSpan: shiftSpan(check.stateSpan, delta) };
}

/** The statement with every span in it `delta` lines further down; everything else is shared. */
export function shiftStatement(s: Statement, delta: number): Statement {
  const span = shiftSpan(s.span, delta);
  switch (s.kind) {
    case 'title':
      return { ...s, span };
    case 'participant':
      return {
        ...s, nameSpan: shiftSpan(s.nameSpan, delta), startSpan: shiftOptional(s.startSpan, delta),
        snd: shiftSeqField(s.snd, delta), rcv: shiftSeqField(s.rcv, delta), span,
      };
    case 'call':
      return { ...s, participantSpan: shiftSpan(s.participantSpan, delta), callSpan: shiftSpan(s.callSpan, delta), span };
    case 'segment':
      return {
        ...s,
        fromSpan: shiftSpan(s.fromSpan, delta), toSpan: shiftSpan(s.toSpan, delta), arrowSpan: shiftSpan(s.arrowSpan, delta),
        flagsSpan: shiftSpan(s.flagsSpan, delta), seq: shiftSeqField(s.seq, delta), ack: shiftSeqField(s.ack, delta),
        tagSpan: shiftOptional(s.tagSpan, delta), fieldsEnd: shiftSpan(s.fieldsEnd, delta), span,
      };
    case 'deliver':
      return { ...s, tagSpan: shiftSpan(s.tagSpan, delta), span };
    case 'note':
      return { ...s, participantSpans: s.participantSpans.map((p) => shiftSpan(p, delta)), span };
    case 'expect':
      return { ...s, checks: s.checks.map((c) => shiftCheck(c, delta)), span };
    default: {
      const unknown: never = s;
      throw new Error(`shiftStatement: unknown statement ${JSON.stringify(unknown)}`);
    }
  }
}

/** The diagnostic, and the spans of its fixes' edits, `delta` lines further down. */
export function shiftDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  const span = shiftSpan(d.span, delta);
  if (!d.fixes) return { ...d, span };
  const fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, span: shiftSpan(e.span, delta) })) }));
  return { ...d, span, fixes };
}
