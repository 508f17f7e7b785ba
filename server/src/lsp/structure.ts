/**
 * The outline (title, participants, phases) and folding ranges (multi-line block
 * comments, phases). Phases are read from the engine's steps: a handshake runs while
 * a connection is being opened, a close from the first FIN, close call or reset on,
 * data transfer in between.
 */
import type { LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, FoldingRangeProvider } from 'langium/lsp';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { Step } from '../engine/analysis.js';
import type { TcpState } from '../engine/states.js';
import type { DocumentAnalyses } from './analyses.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { toRange } from './text.js';
import { listenerConnections } from './listener-outline.js';
import { say } from '../i18n/catalogue.js';
import { socketMessages } from '../i18n/messages/sockets.js';

export type PhaseKind = 'handshake' | 'data' | 'close';

export interface Phase {
  readonly kind: PhaseKind;
  readonly name: string;
  readonly firstLine: number;
  readonly lastLine: number;
}

const OPENING: readonly TcpState[] = ['LISTEN', 'SYN-SENT', 'SYN-RECEIVED'];
const CLOSING: readonly TcpState[] = ['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'];
const PHASE_NAMES: Record<PhaseKind, string> = { handshake: 'Handshake', data: 'Data transfer', close: 'Close' };

function phaseOf(step: Step): PhaseKind {
  const flags = step.segment?.flags ?? [];
  if (flags.includes('SYN')) return 'handshake';
  if (flags.includes('FIN') || flags.includes('RST')) return 'close';
  if (step.transitions.some((t) => CLOSING.includes(t.after) || (t.after === 'CLOSED' && t.before !== 'LISTEN' && t.before !== 'SYN-SENT'))) return 'close';
  if (step.transitions.some((t) => OPENING.includes(t.after) || OPENING.includes(t.before))) return 'handshake';
  // No state change: a line belongs to the phase its endpoints are in.
  const states = Object.values(step.states);
  if (states.some((s) => CLOSING.includes(s))) return 'close';
  if (states.some((s) => s === 'SYN-SENT' || s === 'SYN-RECEIVED')) return 'handshake';
  if (states.some((s) => s === 'ESTABLISHED')) return 'data';
  return step.kind === 'call' && states.every((s) => s === 'CLOSED' || s === 'LISTEN') ? 'handshake' : 'data';
}

/** Runs of steps of the same phase; the names are numbered when a kind comes back ("Handshake 2"). */
export function phases(doc: DocumentAnalysis): Phase[] {
  const out: Array<{ kind: PhaseKind; firstLine: number; lastLine: number }> = [];
  for (const step of doc.analysis.steps) {
    const kind = phaseOf(step);
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.lastLine = step.line;
    else out.push({ kind, firstLine: step.line, lastLine: step.line });
  }
  const seen = new Map<PhaseKind, number>();
  const total = new Map<PhaseKind, number>();
  for (const p of out) total.set(p.kind, (total.get(p.kind) ?? 0) + 1);
  return out.map((p) => {
    const n = (seen.get(p.kind) ?? 0) + 1;
    seen.set(p.kind, n);
    return { ...p, name: total.get(p.kind)! > 1 ? `${PHASE_NAMES[p.kind]} ${n}` : PHASE_NAMES[p.kind] };
  });
}

export class TcpflowStructure implements DocumentSymbolProvider, FoldingRangeProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  getSymbols(document: LangiumDocument): DocumentSymbol[] {
    const doc = this.analyses.get(document);
    const symbols: DocumentSymbol[] = [];
    const line = (n: number) => toRange({ startLine: n, startColumn: 0, endLine: n, endColumn: Number.MAX_SAFE_INTEGER }, doc.lines);
    const title = doc.scenario.statements.find((s) => s.kind === 'title');
    if (title && title.kind === 'title') {
      symbols.push({ name: title.text, detail: 'scenario', kind: SymbolKind.File, range: toRange(title.span, doc.lines), selectionRange: toRange(title.span, doc.lines) });
    }
    const connections = listenerConnections(doc);
    for (const p of doc.analysis.participants) {
      const selectionRange = toRange(p.span, doc.lines);
      const children = (connections.get(p.name) ?? []).map((c): DocumentSymbol => ({
        name: c.name, detail: say(socketMessages.outlineConnection, { peer: c.peer }), kind: SymbolKind.Object, range: line(c.line), selectionRange: line(c.line),
      }));
      // A parent's range encloses its children's: the listener's runs to its last connection's line.
      const last = children.at(-1);
      const range = last && last.range.end.line > selectionRange.end.line ? { start: selectionRange.start, end: last.range.end } : selectionRange;
      symbols.push({ name: p.name, detail: p.label ?? (p.declared ? 'participant' : 'participant (first use)'), kind: SymbolKind.Variable, range, selectionRange, ...(children.length > 0 ? { children } : {}) });
    }
    for (const phase of phases(doc)) {
      const range = { start: line(phase.firstLine).start, end: line(phase.lastLine).end };
      symbols.push({
        name: phase.name,
        detail: phase.firstLine === phase.lastLine ? `line ${phase.firstLine + 1}` : `lines ${phase.firstLine + 1}–${phase.lastLine + 1}`,
        kind: SymbolKind.Namespace,
        range,
        selectionRange: line(phase.firstLine),
      });
    }
    return symbols;
  }

  getFoldingRanges(document: LangiumDocument): FoldingRange[] {
    const doc = this.analyses.get(document);
    const ranges: FoldingRange[] = doc.blockComments.map(([startLine, endLine]) => ({ startLine, endLine, kind: FoldingRangeKind.Comment }));
    for (const phase of phases(doc)) {
      if (phase.lastLine > phase.firstLine) ranges.push({ startLine: phase.firstLine, endLine: phase.lastLine, kind: FoldingRangeKind.Region, collapsedText: phase.name });
    }
    return ranges;
  }
}
