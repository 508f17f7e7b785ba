/**
 * The sender's side of a segment line: may this endpoint, in its state, emit this
 * segment with these numbers (RFC 9293 §3.10.1-3.10.5 say what each call sends, §3.3.1
 * what SND.NXT and RCV.NXT are)? Fills in an omitted `seq`/`ack` and advances the TCB.
 */
import { say } from '../i18n/catalogue.js';
import { engineMessages } from '../i18n/messages/engine.js';
import { rfcMessages } from '../i18n/messages/rfc.js';
import { learnerMessages } from '../i18n/messages/learner.js';
import { sendMessages as m } from '../i18n/messages/send.js';
import type { Probe, Reply, SentSegment } from './analysis.js';
import { spanEnd, type Fix } from './diagnostics.js';
import { FLAGS, type Flag, type SegmentStatement, type SeqField } from './model.js';
import { formatSeq, seqAdd, seqDiff, seqEquals, seqSymbol, type Seq } from './seq.js';
import { RFC, type StepContext } from './step-context.js';
import type { Profile } from './profile.js';
import { copyTcb, deleteTcb, type Tcb } from './tcb.js';
import { checkWindowField, synSent } from './options.js';
import type { TcpState } from './states.js';

/** Sequence numbers a segment occupies: its payload, plus one each for SYN and FIN. */
export function sequenceLength(flags: readonly Flag[], payload: number): number {
  return payload + (flags.includes('SYN') ? 1 : 0) + (flags.includes('FIN') ? 1 : 0);
}

export function flagText(flags: readonly Flag[]): string {
  return flags.join(',');
}

/** What the sender's state lets it emit; undefined when the segment is allowed. */
interface Plan {
  /** Why the segment cannot be sent, or undefined. */
  refusal?: string;
  /** The `seq` this segment must carry when it is new (undefined: free choice of ISS). */
  expectedSeq?: Seq;
  /** A SYN that chooses the ISS now. */
  choosesIss: boolean;
  /** The `ack` it must carry when the ACK flag is set. */
  expectedAck?: Seq;
  /** Exact numbers required (an RFC-formed reply), no retransmission range. */
  exact: boolean;
  /** Applied to the TCB once the numbers are known and the segment is allowed. */
  commit: (seq: Seq | undefined, seqLen: number) => void;
  /** Fixes offered with the refusal. */
  fixes?: readonly Fix[];
}

const CLOSING_STATES: readonly TcpState[] = ['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'];

/**
 * Checks and applies the sender's side of `seg`. Returns the segment as sent; the
 * receiver's processing is separate (arrive.ts).
 */
export function sendSegment(
  name: string,
  tcb: Tcb,
  seg: SegmentStatement,
  ctx: StepContext,
  freshSymbol: () => Seq,
): SentSegment {
  const flags = seg.flags;
  const seqLen = sequenceLength(flags, seg.length);
  const plan = planSend(name, tcb, seg, ctx);

  if (plan.refusal !== undefined) {
    // A flagless segment written without `-` has an empty flags span: mark the line instead.
    const at = seg.flags.length === 0 && !seg.noFlagsSpan ? seg.span : seg.flagsSpan;
    // One mistake, one error: when a flag the state calls for is all that is missing,
    // report it once and go on as if it were written (docs/semantics.md, "After an error").
    // A segment with no flags at all keeps the fixes its refusal made (plan.fixes).
    const repair = seg.flags.length > 0 ? missingFlagRepair(name, tcb, seg, ctx) : undefined;
    if (repair) {
      ctx.report('error', 'send-not-allowed', plan.refusal, at, [repair.fix], true);
      const asIf = sendSegment(name, tcb, repair.seg, ctx, freshSymbol);
      // Drawn as written; the receiver gets the line as its fix makes it.
      return { ...asIf, flags, ack: flags.includes('ACK') ? asIf.ack : undefined, asIf: asIf.asIf ?? { flags: asIf.flags, seq: asIf.seq, ack: asIf.ack } };
    }
    ctx.report('error', 'send-not-allowed', plan.refusal, at, plan.fixes);
  }

  // seq: check what was written, or fill in what the sender would put there.
  let seq = seg.seq?.value;
  let seqInferred = false;
  let retransmission = false;
  let probe: Probe | undefined;
  /** The numbers a fix writes, where the line's are wrong: what the TCBs go on with (docs/semantics.md, "After an error"). */
  let seqAsIf: Seq | undefined;
  let ackAsIf: Seq | undefined;
  if (seq !== undefined && plan.choosesIss && flags.includes('ACK') && seq.symbol !== null && seq.symbol === tcb.rcvNxt?.symbol) {
    // A SYN,ACK whose ISN is written in the peer's letter (seq=J+1 for the server): the
    // server picks its own ISN. Said here, where the confusion is, not on the next line.
    seqAsIf = freshSymbol();
    const field = `seq=${formatSeq(seqAsIf)}`;
    ctx.report('warning', 'bad-seq', say(learnerMessages.synAckInPeersLetter, { name, seq: formatSeq(seq), letter: seq.symbol, own: formatSeq(seqAsIf) }), seg.seq!.span, [
      { title: say(learnerMessages.setField, { field }), edits: [{ span: seg.seq!.span, newText: field }], preferred: true },
    ], true);
  } else if (seq === undefined) {
    if (plan.choosesIss) seq = freshSymbol();
    else seq = plan.expectedSeq;
    seqInferred = seq !== undefined;
  } else if (plan.refusal === undefined && !plan.choosesIss && plan.expectedSeq !== undefined && (probe = probeKind(tcb, flags, seg.length, seq))) {
    ctx.explain(name, probe === 'keep-alive' ? RFC.keepAlive : RFC.zeroWindowProbe, say(engineMessages.probeSent, { probe: say(probeLabel(probe)) }));
  } else if (plan.refusal === undefined && !plan.choosesIss && plan.expectedSeq !== undefined) {
    const verdict = judgeSeq(tcb, seq, seqLen, plan);
    // The reply an arrival made due re-sends the SYN in a simultaneous open: that is the reply, not a retransmission.
    if (verdict === 'retransmission') retransmission = !isDueReply(tcb.due, flags, seq);
    else if (verdict === 'bad') {
      reportBadSeq(name, seg, seq, plan, tcb, ctx);
      seqAsIf = plan.expectedSeq; // go on as if the fix were applied
    }
  }

  // ack: only meaningful with the ACK flag (contract §4.1 `ack-without-flag`).
  let ack = seg.ack?.value;
  let ackInferred = false;
  const hasAck = flags.includes('ACK');
  if (!hasAck && seg.ack) {
    ctx.report('warning', 'ack-without-flag', say(m.ackWithoutFlag, { ack: formatSeq(seg.ack.value) }), seg.ack.span, [
      { title: say(rfcMessages.addAckFlag), edits: [addFlagEdit(seg, 'ACK')], preferred: true },
    ]);
    ack = undefined;
  }
  if (hasAck) {
    if (ack === undefined) {
      ack = plan.expectedAck;
      ackInferred = ack !== undefined;
    } else if (plan.refusal === undefined && plan.expectedAck !== undefined && !seqEquals(ack, plan.expectedAck)) {
      reportBadAck(name, seg, ack, plan.expectedAck, ctx);
      ackAsIf = plan.expectedAck; // go on as if the fix were applied
    }
  }

  if (plan.refusal === undefined) {
    if (seg.window !== undefined) tcb.rcvWnd = seg.window;
    plan.commit(seqAsIf ?? seq, seqLen);
    tcb.due = undefined;
  }
  if (retransmission) ctx.explain(name, RFC.sequenceNumbers, say(m.retransmission));

  checkWindowField(seg, tcb, ctx);
  return {
    flags,
    seq,
    ack: hasAck ? ack : undefined,
    seqInferred,
    ackInferred,
    length: seg.length,
    window: seg.window,
    // Every key always present (undefined when absent), so that every sent segment has one
    // object shape: conditional spreads gave each combination its own, made each segment
    // through a slow generic copy, and left the engine's reads of them polymorphic.
    mss: seg.mss,
    wscale: seg.wscale,
    options: seg.options,
    arrow: seg.arrow,
    retransmission,
    probe,
    asIf: seqAsIf || ackAsIf ? { flags, seq: seqAsIf ?? seq, ack: hasAck ? ackAsIf ?? ack : undefined } : undefined,
  };
}

/**
 * A keep-alive: "Such a segment generally contains SEG.SEQ = SND.NXT-1 and may or may
 * not contain one garbage octet of data" (§3.8.4), sent only "when no sent data is
 * outstanding" (MUST-26). A zero-window probe (§3.8.6.1) is sent while the peer's window
 * is zero, at SND.UNA-1 the way stacks do (one octet of new data at SND.NXT is an ordinary
 * segment). Neither is new or a retransmission: it exists to make the peer answer with an
 * ACK, since its SEG.SEQ is not acceptable (Table 6).
 */
function probeKind(tcb: Tcb, flags: readonly Flag[], length: number, seq: Seq): Probe | undefined {
  if (!probeShaped(flags, length)) return undefined;
  if (!tcb.sndUna || !tcb.sndNxt || seqDiff(seq, tcb.sndUna) !== -1) return undefined;
  // While a reply is due the segment is that reply, with a wrong seq (say, the ACK of a
  // handshake that forgot the SYN took a number): a probe comes from an idle sender.
  if (tcb.due) return undefined;
  if (tcb.sndWnd === 0) return 'window-probe';
  return seqEquals(tcb.sndUna, tcb.sndNxt) ? 'keep-alive' : undefined;
}

/** A keep-alive or window probe carries ACK alone and at most one octet, sent or received. */
export function probeShaped(flags: readonly Flag[], length: number): boolean {
  return flags.includes('ACK') && !flags.some((f) => f === 'SYN' || f === 'FIN' || f === 'RST') && length <= 1;
}

/** The label a probe carries in explanations and on the diagram's arrow. */
export function probeLabel(probe: Probe) {
  return probe === 'keep-alive' ? engineMessages.keepAlive : engineMessages.windowProbe;
}

function judgeSeq(tcb: Tcb, seq: Seq, seqLen: number, plan: Plan): 'new' | 'retransmission' | 'bad' {
  const expected = plan.expectedSeq!;
  const d = seqDiff(seq, expected);
  if (d === 0) {
    // The SYN of SYN-SENT/SYN-RECEIVED sits at ISS: sent before unless it chooses the ISS now.
    return plan.exact || !alreadySent(tcb, seq, seqLen) ? 'new' : 'retransmission';
  }
  if (plan.exact || d === undefined || d > 0) return 'bad';
  // A segment with no SYN, data or FIN occupies no sequence numbers, so it re-sends
  // nothing: it carries SND.NXT (every <CTL=ACK> of §3.10 is <SEQ=SND.NXT>).
  if (seqLen === 0) return 'bad';
  // Earlier than SND.NXT: a retransmission if it starts at or after the first number sent.
  const lowest = tcb.iss ?? tcb.sndUna;
  if (lowest === undefined) return 'bad';
  const fromLowest = seqDiff(seq, lowest);
  return fromLowest !== undefined && fromLowest >= 0 ? 'retransmission' : 'bad';
}

function isDueReply(due: Reply | undefined, flags: readonly Flag[], seq: Seq): boolean {
  return !!due && due.flags.length === flags.filter((f) => f !== 'PSH').length
    && due.flags.every((f) => flags.includes(f)) && (!due.seq || seqEquals(due.seq, seq));
}

function alreadySent(tcb: Tcb, seq: Seq, seqLen: number): boolean {
  if (!tcb.sndNxt || seqLen === 0) return false;
  const d = seqDiff(seqAdd(seq, seqLen), tcb.sndNxt);
  return d !== undefined && d <= 0;
}

function replaceOrInsert(field: SeqField | undefined, seg: SegmentStatement, text: string): Fix['edits'] {
  return field ? [{ span: field.span, newText: text }] : [{ span: seg.fieldsEnd, newText: ` ${text}` }];
}

function reportBadSeq(name: string, seg: SegmentStatement, seq: Seq, plan: Plan, tcb: Tcb, ctx: StepContext): void {
  const expected = formatSeq(plan.expectedSeq!);
  const rule = plan.exact
    ? say(learnerMessages.badSeqReply, { expected })
    : sequenceLength(seg.flags, seg.length) === 0
    ? say(learnerMessages.badSeqNoLength, { expected })
    : say(learnerMessages.badSeqNew, { expected, lowest: formatSeq(tcb.iss ?? tcb.sndUna ?? plan.expectedSeq!) });
  const field = `seq=${expected}`;
  ctx.report('error', 'bad-seq', say(learnerMessages.badSeq, { seq: formatSeq(seq), name, rule, rfc: RFC.sequenceNumbers, expected }), seg.seq!.span, [
    { title: say(learnerMessages.setField, { field }), edits: replaceOrInsert(seg.seq, seg, field), preferred: true },
  ], true);
}

function reportBadAck(name: string, seg: SegmentStatement, ack: Seq, expected: Seq, ctx: StepContext): void {
  const field = `ack=${formatSeq(expected)}`;
  ctx.report('error', 'bad-ack', say(learnerMessages.badAck, { ack: formatSeq(ack), name, expected: formatSeq(expected), rfc: RFC.tcb }), seg.ack!.span, [
    { title: say(learnerMessages.setField, { field }), edits: replaceOrInsert(seg.ack, seg, field), preferred: true },
  ], true);
}

/** Whether `name` may send `seg` as written under `profile`, without an error (tried on a copy of its TCB: nothing changes). */
export function sendsCleanly(name: string, tcb: Tcb, seg: SegmentStatement, profile: Profile): boolean {
  let clean = true;
  const trial: StepContext = { profile, explain: () => {}, effect: () => {}, owe: () => {}, report: (severity) => { if (severity === 'error') clean = false; } };
  sendSegment(name, copyTcb(tcb), seg, trial, () => seqSymbol('ISS'));
  return clean;
}

/** Flags a refused segment may lack, in the order they are tried: ACK is the one learners leave out most. */
const REPAIRABLE_FLAGS: readonly Flag[] = ['ACK', 'SYN', 'FIN', 'RST'];

/**
 * The one flag whose absence is why `seg` is refused (FIN without ACK on a synchronized
 * connection, the SYN,ACK written as ACK), as the segment with it and the fix adding it.
 */
function missingFlagRepair(name: string, tcb: Tcb, seg: SegmentStatement, ctx: StepContext): { seg: SegmentStatement; fix: Fix } | undefined {
  for (const flag of REPAIRABLE_FLAGS) {
    if (seg.flags.includes(flag)) continue;
    // SYN is missing only from the SYN,ACK an endpoint still owes (written as a bare ACK).
    if (flag === 'SYN' && !(tcb.state === 'SYN-RECEIVED' && tcb.synPending)) continue;
    // FIN only where close queued one, RST only where an arrival made one due.
    if (flag === 'FIN' && !tcb.finPending) continue;
    if (flag === 'RST' && !tcb.due?.flags.includes('RST')) continue;
    const repaired: SegmentStatement = { ...seg, flags: FLAGS.filter((f) => f === flag || seg.flags.includes(f)) };
    // planSend only decides here: its commit (the one side effect) is not called.
    if (planSend(name, tcb, repaired, ctx).refusal !== undefined) continue;
    // A reset is exact (the RFC forms its numbers): it is the missing flag only if the line then fits it.
    if (flag === 'RST' && !sendsCleanly(name, tcb, repaired, ctx.profile)) continue;
    return { seg: repaired, fix: { title: say(learnerMessages.addFlag, { flag }), edits: [{ span: spanEnd(seg.flagsSpan), newText: flagInsertion(seg, flag) }], preferred: true } };
  }
  return undefined;
}

/** How a flag is added in the line's own notation: ` ACK`, or `, ACK=1` in the articles' (FLAG=1) notation. */
export function flagInsertion(seg: SegmentStatement, flag: Flag): string {
  return seg.flagBits ? `, ${flag}=1` : ` ${flag}`;
}

/** Decides, from the state and the reply due, whether and how `seg` may be sent. */
function planSend(name: string, tcb: Tcb, seg: SegmentStatement, ctx: StepContext): Plan {
  const flags = seg.flags;
  const has = (f: Flag) => flags.includes(f);
  const state = tcb.state;
  const refuse = (refusal: string): Plan => ({ refusal, choosesIss: false, exact: false, commit: () => {} });
  const due = tcb.due;

  if (has('RST')) return planReset(name, tcb, due, has('ACK'), refuse, ctx);

  if (has('SYN') && !has('ACK')) {
    if (has('FIN')) return refuse(say(m.synWithFin));
    if (state === 'CLOSED' || state === 'LISTEN' || (state === 'SYN-SENT' && tcb.synPending)) {
      return {
        choosesIss: true,
        exact: false,
        commit: (seq, seqLen) => {
          const implied = state !== 'SYN-SENT';
          tcb.state = 'SYN-SENT';
          tcb.iss = seq;
          tcb.sndUna = seq;
          tcb.sndNxt = seq && seqAdd(seq, seqLen);
          tcb.synPending = false;
          tcb.connectPending = true;
          synSent(tcb, seg);
          ctx.explain(name, RFC.open, implied
            ? say(m.activeOpenImplied, { iss: seq ? formatSeq(seq) : '?' })
            : say(m.activeOpenSyn, { iss: seq ? formatSeq(seq) : '?' }));
        },
      };
    }
    if (state === 'SYN-SENT') return { expectedSeq: tcb.iss, choosesIss: false, exact: false, commit: () => {} };
    return refuse(say(m.synNotAllowed, { name, state, rfc: RFC.open }));
  }

  if (has('SYN')) {
    // SYN,ACK: the reply of SYN-RECEIVED (RFC 9293 §3.10.7.2, and §3.10.7.3 for a simultaneous open).
    if (state !== 'SYN-RECEIVED') {
      const hint = state === 'CLOSED' || state === 'LISTEN'
        ? say(m.synAckHint, { name, closed: state === 'CLOSED' })
        : '';
      return refuse(say(m.synAckNotAllowed, { name, state, rfc: RFC.arrivesListen, hint }));
    }
    if (has('FIN')) return refuse(say(m.synAckWithFin));
    return {
      expectedSeq: tcb.synPending ? undefined : tcb.iss,
      choosesIss: tcb.synPending,
      expectedAck: tcb.rcvNxt,
      exact: false,
      commit: (seq, seqLen) => {
        if (tcb.synPending) {
          synSent(tcb, seg);
          tcb.iss = seq;
          tcb.sndUna = seq;
          tcb.sndNxt = seq && seqAdd(seq, seqLen);
          tcb.synPending = false;
          ctx.explain(name, RFC.arrivesListen, say(m.sendSynAck, { iss: seq ? formatSeq(seq) : '?' }));
        }
      },
    };
  }

  // Neither SYN nor RST: the segment belongs to a synchronized connection.
  if (state === 'CLOSED' || state === 'LISTEN' || state === 'SYN-SENT') {
    const what = has('FIN') ? say(m.whatFin) : seg.length > 0 ? say(m.whatData) : flags.length === 0 ? say(rfcMessages.aFlaglessSegment) : say(m.whatAck);
    const hint = state === 'SYN-SENT' && due?.flags.includes('RST')
      ? ` ${say(learnerMessages.synAckUnacceptable, { reply: describeReply(due) })}`
      : state === 'SYN-SENT'
      ? say(m.hintSynSent)
      : state === 'LISTEN' ? say(m.hintListen) : say(m.hintClosed);
    return refuse(say(m.notSynchronized, { name, state, what, rfc: RFC.stateDiagram, hint }));
  }
  if (!has('ACK')) return refuseWithoutAck(seg, refuse);
  if (state === 'SYN-RECEIVED' && tcb.synPending) {
    return refuse(say(m.owesSynAckFirst, { name, rfc: RFC.arrivesListen }));
  }

  const expectedAck = tcb.rcvNxt;
  if (has('FIN')) return planFin(name, tcb, seg, expectedAck, refuse, ctx);
  if (tcb.finPending && seg.length === 0 && !due && (state === 'FIN-WAIT-1' || state === 'LAST-ACK')) {
    // Nothing calls for a bare ACK here (no arrival made one due, close() reads no more, so
    // no window update): the segment close queued is the FIN, and that is what is missing.
    return refuse(say(learnerMessages.finQueued, { name, state, rfc: RFC.closeCall }));
  }

  const finSentOrClosed = tcb.finSeq !== undefined || (CLOSING_STATES.includes(state) && !tcb.finPending);
  if (seg.length > 0 && finSentOrClosed) {
    // Only a retransmission of data sent before the FIN is possible now.
    return {
      expectedSeq: tcb.sndNxt,
      expectedAck,
      choosesIss: false,
      exact: false,
      commit: () => {},
      ...(isRetransmissionOnly(tcb, seg) ? {} : { refusal: say(m.dataAfterOwnFin, { name, state, rfc: RFC.closeCall }) }),
    };
  }
  if (seg.length > 0 && state === 'SYN-RECEIVED') {
    return refuse(say(m.dataInSynReceived, { name, rfc: RFC.send }));
  }

  return {
    expectedSeq: tcb.sndNxt,
    expectedAck,
    choosesIss: false,
    exact: false,
    commit: (seq, seqLen) => advance(tcb, seq, seqLen),
  };
}

/**
 * A sender in a synchronized state writes a segment without ACK. RFC 9293 §3.1: the
 * acknowledgment number "Once a connection is established, this is always sent"; §3.4:
 * "once in the ESTABLISHED state, all segments must carry current acknowledgment
 * information"; and the receiver drops it (§3.10.7.4, "if the ACK bit is off drop the
 * segment"). So a stack does not send it: an error for the sender, with the ACK flag as
 * its fix. (The same segment delivered with `-->`, an injection, is the receiver's
 * business only, and is dropped there.)
 */
function refuseWithoutAck(seg: SegmentStatement, refuse: (r: string) => Plan): Plan {
  const plan = refuse(say(rfcMessages.synchronizedWithoutAck, { flagless: seg.flags.length === 0 }));
  return { ...plan, fixes: [{ title: say(rfcMessages.addAckFlag), edits: [addFlagEdit(seg, 'ACK')], preferred: true }] };
}

/** The edit that adds `flag` to a segment line: after its flags, or in place of the `-` that says it has none. */
export function addFlagEdit(seg: SegmentStatement, flag: Flag): Fix['edits'][number] {
  if (seg.noFlagsSpan) return { span: seg.noFlagsSpan, newText: flag };
  return { span: spanEnd(seg.flagsSpan), newText: ` ${flag}` };
}

function isRetransmissionOnly(tcb: Tcb, seg: SegmentStatement): boolean {
  const seq = seg.seq?.value;
  if (!seq || !tcb.sndNxt) return false;
  const end = seqDiff(seqAdd(seq, seg.length), tcb.finSeq ?? tcb.sndNxt);
  return end !== undefined && end <= 0;
}

function advance(tcb: Tcb, seq: Seq | undefined, seqLen: number): void {
  if (!seq || !tcb.sndNxt) return;
  const end = seqAdd(seq, seqLen);
  const d = seqDiff(end, tcb.sndNxt);
  if (d !== undefined && d > 0) tcb.sndNxt = end;
}

function planFin(name: string, tcb: Tcb, seg: SegmentStatement, expectedAck: Seq | undefined, refuse: (r: string) => Plan, ctx: StepContext): Plan {
  const state = tcb.state;
  // Our FIN already sent: only a retransmission (seq + payload at finSeq) is possible.
  if (tcb.finSeq !== undefined) {
    const acked = tcb.sndUna !== undefined && seqDiff(tcb.sndUna, tcb.finSeq) !== undefined && seqDiff(tcb.sndUna, tcb.finSeq)! > 0;
    if (acked) return refuse(say(m.finAlreadyAcked, { name, state, rfc: RFC.close }));
    return { expectedSeq: seqAdd(tcb.finSeq, -seg.length), expectedAck, choosesIss: false, exact: false, commit: () => {} };
  }
  const closeBy: Partial<Record<TcpState, TcpState>> = { 'ESTABLISHED': 'FIN-WAIT-1', 'SYN-RECEIVED': 'FIN-WAIT-1', 'CLOSE-WAIT': 'LAST-ACK' };
  // A FIN close queued may be drawn after the peer's FIN arrived (FIN-WAIT-1 → CLOSING):
  // CLOSE forms it "after all preceding SENDs have been segmentized" (RFC 9293 §3.10.4).
  const pendingOk = tcb.finPending && (state === 'FIN-WAIT-1' || state === 'LAST-ACK' || state === 'CLOSING');
  const next = pendingOk ? state : closeBy[state];
  if (!next) {
    return refuse(say(m.finNotAllowed, { name, state, rfc: RFC.closeCall }));
  }
  return {
    expectedSeq: tcb.sndNxt,
    expectedAck,
    choosesIss: false,
    exact: false,
    commit: (seq, seqLen) => {
      if (!pendingOk) ctx.explain(name, RFC.closeCall, say(m.impliedClose, { state: next }));
      tcb.state = next;
      tcb.finPending = false;
      if (seq) {
        tcb.finSeq = seqAdd(seq, seqLen - 1);
        advance(tcb, seq, seqLen);
      }
    },
  };
}

function planReset(name: string, tcb: Tcb, due: Reply | undefined, hasAck: boolean, refuse: (r: string) => Plan, ctx: StepContext): Plan {
  const state = tcb.state;
  if (due && due.flags.includes('RST')) {
    const needsAck = due.flags.includes('ACK');
    if (needsAck && !hasAck) {
      return refuse(say(m.resetNeedsAck, { name, reply: describeReply(due), rfc: RFC.arrivesClosed }));
    }
    return {
      expectedSeq: due.seq,
      expectedAck: due.ack,
      choosesIss: false,
      exact: true,
      commit: () => ctx.explain(name, RFC.reset, say(m.sendDueReset, { reply: describeReply(due) })),
    };
  }
  if (state === 'SYN-RECEIVED' || state === 'ESTABLISHED' || state === 'FIN-WAIT-1' || state === 'FIN-WAIT-2' || state === 'CLOSE-WAIT') {
    return {
      expectedSeq: tcb.sndNxt,
      expectedAck: hasAck ? tcb.rcvNxt : undefined,
      choosesIss: false,
      exact: true,
      commit: () => {
        ctx.explain(name, RFC.abort, say(m.impliedAbort));
        deleteTcb(tcb);
      },
    };
  }
  const why = state === 'CLOSED' || state === 'LISTEN' || state === 'SYN-SENT'
    ? say(m.noResetWhyReply, { rfc: RFC.reset })
    : say(m.noResetWhyAbort, { state, rfc: RFC.abort });
  return refuse(say(m.owesNoReset, { name, state, why }));
}

/** `<SEQ=0><ACK=J+1><CTL=RST,ACK>`, the RFC's notation. */
export function describeReply(reply: Reply): string {
  const parts: string[] = [];
  if (reply.seq) parts.push(`<SEQ=${formatSeq(reply.seq)}>`);
  if (reply.ack) parts.push(`<ACK=${formatSeq(reply.ack)}>`);
  parts.push(`<CTL=${flagText(reply.flags)}>`);
  return parts.join('');
}
