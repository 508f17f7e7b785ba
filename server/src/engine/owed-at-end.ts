/**
 * Replies owed when the scenario ends (issue 13): an arrival made a reply due — the RST
 * a client answers an old duplicate SYN,ACK with (RFC 9293 Figure 8), the ACK that would
 * take the peer out of LAST-ACK — and the endpoint never sent again, so the peer is left
 * waiting in a state nobody drew it leave. Leaving a due reply out is allowed (a lost or
 * delayed segment, docs/semantics.md §5), so this is information, not a warning, and it
 * is said only where it tells something:
 * - the peer waits for that reply: it is in a state that only an answer to its own SYN
 *   or FIN ends (SYN-SENT, SYN-RECEIVED, FIN-WAIT-1, CLOSING, LAST-ACK). An ACK of data
 *   left out leaves the peer ESTABLISHED, as a lost ACK does: nothing to say;
 * - the scenario has no error: an error already says what to change, and the scenario
 *   is checked again once it is fixed.
 * One per endpoint, on the line that made the reply due, with the fix that draws it at
 * the end of the scenario, where nothing after it can be changed by it.
 */
import type { Reply, Step } from './analysis.js';
import { endOf } from './anchor.js';
import type { Diagnostic, DiagnosticCode, Fix, Severity } from './diagnostics.js';
import type { Span, Statement } from './model.js';
import { formatSeq } from './seq.js';
import type { TcpState } from './states.js';
import type { Tcb } from './tcb.js';
import { say } from '../i18n/catalogue.js';
import { learnerMessages } from '../i18n/messages/learner.js';

type Report = (span: Span, severity: Severity, code: DiagnosticCode, message: string | (() => string), fixes?: readonly Fix[]) => void;

/**
 * Reports each endpoint of `names` (in that order) whose TCB still owes a reply after
 * the last line. `steps` and `statements` are the run's; the reply line is added after
 * the last statement.
 */
export function reportOwedAtEnd(names: Iterable<string>, tcbs: ReadonlyMap<string, Tcb>, steps: readonly Step[], statements: readonly Statement[], diagnostics: readonly Diagnostic[], report: Report): void {
  const last = statements.at(-1);
  if (!last || diagnostics.some((d) => d.severity === 'error')) return;
  for (const name of names) {
    const tcb = tcbs.get(name);
    const due = tcb?.due;
    if (!tcb || !due) continue;
    const step = madeDueOn(steps, name);
    if (!step) continue;
    const peer = step.to === name ? step.from : step.from === name ? step.to : tcb.peer;
    const waiting = peer === undefined ? undefined : tcbs.get(peer)?.state;
    if (!peer || !waiting || !WAITS_FOR_A_REPLY.has(waiting)) continue;
    const reply = replyText(due, tcb);
    const statement = statements[step.statementIndex];
    const rule = [...step.explanations].reverse().find((e) => e.participant === name)?.rule;
    const message = () => say(learnerMessages.owesAtEnd, { name, reply, peer, state: waiting, line: statement.span.startLine + 1, rule: rule ?? '', reason: due.reason });
    // At the end of the last statement's line (its trailing comment stays where it is).
    const fix: Fix = { title: say(learnerMessages.addOwedReply, { name, reply }), edits: [{ span: endOf(last.span, Number.MAX_SAFE_INTEGER), newText: `\n${name} -> ${peer} : ${reply}` }], preferred: true };
    report(statement.span, 'info', 'owed-reply', message, [fix]);
  }
}

/** States an endpoint leaves only when its SYN or FIN is answered: a peer there waits for the reply owed to it. */
const WAITS_FOR_A_REPLY: ReadonlySet<TcpState> = new Set<TcpState>(['SYN-SENT', 'SYN-RECEIVED', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK']);

/** The last step that made `name` owe a reply: the TCB keeps a due reply until its endpoint next sends, so that one is still owed. */
function madeDueOn(steps: readonly Step[], name: string): Step | undefined {
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i].replies.some((r) => r.participant === name)) return steps[i];
  return undefined;
}

/** The reply as a segment line's flags and fields, with the numbers the RFC forms (else the TCB's, as the engine would infer them). */
function replyText(due: Reply, tcb: Tcb): string {
  const seq = due.seq ?? (due.flags.includes('SYN') ? undefined : tcb.sndNxt);
  const ack = due.flags.includes('ACK') ? due.ack ?? tcb.rcvNxt : undefined;
  return [due.flags.join(' '), seq && `seq=${formatSeq(seq)}`, ack && `ack=${formatSeq(ack)}`].filter(Boolean).join(' ');
}
