/**
 * The endpoints' TCBs at a given line, for completion and the "insert the reply" fix.
 *
 * The engine reports final TCB snapshots only, so the TCBs before line L come from
 * running the engine once more over the statements above L (already read: no parse).
 * On a 1,000-event scenario that costs a few milliseconds, and only when completion or
 * a code action asks.
 */
import type { Analysis, TcbSnapshot } from '../engine/analysis.js';
import { callAllowed as engineCallAllowed } from '../engine/calls.js';
import type { CallName, Flag, TimerName } from '../engine/model.js';
import { runScenario } from '../engine/run.js';
import { formatSeq, seqSymbol, type Seq } from '../engine/seq.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { say } from '../i18n/catalogue.js';
import { editorMessages as e } from '../i18n/messages/editor.js';

const cache = new WeakMap<DocumentAnalysis, Map<number, Analysis>>();

/** The analysis of the statements that start before `line`. */
export function analysisBefore(doc: DocumentAnalysis, line: number): Analysis {
  const statements = doc.scenario.statements.filter((s) => s.span.startLine < line);
  if (statements.length === doc.scenario.statements.length) return doc.analysis;
  let byLine = cache.get(doc);
  if (!byLine) cache.set(doc, (byLine = new Map()));
  let found = byLine.get(statements.length);
  if (!found) {
    found = runScenario({ statements });
    byLine.set(statements.length, found);
  }
  return found;
}

export interface ProposedSegment {
  readonly flags: readonly Flag[];
  readonly seq?: Seq;
  readonly ack?: Seq;
  /** Why this segment: the reply owed, or what the state sends next. */
  readonly why: string;
}

export function segmentText(p: ProposedSegment): string {
  return [p.flags.join(' '), p.seq && `seq=${formatSeq(p.seq)}`, p.ack && `ack=${formatSeq(p.ack)}`].filter(Boolean).join(' ');
}

/** The symbol the engine would choose for a new ISS: J, K, x, y, then ISN_<name> (run.ts freshSymbol). */
export function freshSymbol(analysis: Analysis, owner: string): Seq {
  const used = new Set<string>();
  for (const step of analysis.steps) {
    if (step.segment?.seq?.symbol) used.add(step.segment.seq.symbol);
    if (step.segment?.ack?.symbol) used.add(step.segment.ack.symbol);
  }
  const symbol = ['J', 'K', 'x', 'y'].find((s) => !used.has(s)) ?? `ISN_${owner}`;
  return seqSymbol(symbol);
}

/** The segment `from` would send now, fully filled: the reply it owes, or what its state sends next. */
export function proposeSegment(analysis: Analysis, from: string): ProposedSegment | undefined {
  const t: TcbSnapshot | undefined = analysis.finalTcbs[from];
  const fresh = () => freshSymbol(analysis, from);
  if (!t || (t.state === 'CLOSED' && !t.due)) return { flags: ['SYN'], seq: fresh(), why: say(e.whyActiveOpen) };
  if (t.due) {
    const due = t.due;
    const seq = due.seq ?? (due.flags.includes('SYN') ? (t.synPending || !t.iss ? fresh() : t.iss) : t.sndNxt);
    const ack = due.flags.includes('ACK') ? due.ack ?? t.rcvNxt : undefined;
    return { flags: due.flags, seq, ack, why: say(e.whyOwedReply, { name: from, reason: due.reason }) };
  }
  switch (t.state) {
    case 'LISTEN':
      return { flags: ['SYN'], seq: fresh(), why: say(e.whyListenSyn) };
    case 'SYN-SENT':
      return t.synPending || !t.iss
        ? { flags: ['SYN'], seq: fresh(), why: say(e.whySynOfOpen) }
        : { flags: ['SYN'], seq: t.iss, why: say(e.whySynRetransmission) };
    case 'SYN-RECEIVED':
      if (t.synPending || !t.iss) return { flags: ['SYN', 'ACK'], seq: fresh(), ack: t.rcvNxt, why: say(e.whySynAck) };
      break;
    default:
      break;
  }
  if (t.finPending) return { flags: ['FIN', 'ACK'], seq: t.sndNxt, ack: t.rcvNxt, why: say(e.whyFin) };
  return { flags: ['ACK'], seq: t.sndNxt, ack: t.rcvNxt, why: say(e.whyNext, { name: from }) };
}

/** Calls the endpoint's state accepts: the engine's own rules (engine/calls.ts). */
export function callAllowed(t: TcbSnapshot | undefined, call: CallName, timer?: TimerName): boolean {
  return engineCallAllowed(t, call, timer);
}
