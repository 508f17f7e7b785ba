/**
 * SEGMENT ARRIVES: RFC 9293 §3.10.7, in the RFC's order of checks. Each function is
 * one subsection: CLOSED (§3.10.7.1), LISTEN (§3.10.7.2), SYN-SENT (§3.10.7.3) and the
 * synchronized states (§3.10.7.4). The receiver's reaction is never an error here: the
 * network may deliver anything; what it does about it is explained and made due.
 */
import { say } from '../i18n/catalogue.js';
import { learnerMessages } from '../i18n/messages/learner.js';
import { engineMessages } from '../i18n/messages/engine.js';
import { rfcMessages } from '../i18n/messages/rfc.js';
import { arriveMessages as a } from '../i18n/messages/arrive.js';
import type { Flag } from './model.js';
import { formatSeq, seqAdd, seqDiff, seqEquals, seqLess, seqLessOrEqual, type Seq } from './seq.js';
import { probeLabel, probeShaped, sequenceLength } from './send.js';
import type { Probe } from './analysis.js';
import { RFC, type StepContext } from './step-context.js';
import { deleteTcb, newTcb, type Tcb } from './tcb.js';
import { pawsRejects, recordTsRecent, synArrived, timeWaitTimestampVerdict, type WireOptions } from './options.js';

/** A segment on the wire, as it reaches the receiver. */
export interface ArrivingSegment extends WireOptions {
  readonly flags: readonly Flag[];
  readonly seq?: Seq;
  readonly ack?: Seq;
  /** Payload bytes. */
  readonly length: number;
  readonly window?: number;
}

export function segmentArrives(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): void {
  switch (tcb.state) {
    case 'CLOSED': return arrivesInClosed(name, tcb, seg, ctx);
    case 'LISTEN': return arrivesInListen(name, tcb, seg, ctx);
    case 'SYN-SENT': return arrivesInSynSent(name, tcb, seg, ctx);
    default: return arrivesSynchronized(name, tcb, seg, ctx);
  }
}

const has = (seg: ArrivingSegment, flag: Flag) => seg.flags.includes(flag);

/** §3.10.7.1: no TCB. Anything but a RST is answered by a RST formed from the segment. */
function arrivesInClosed(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): void {
  if (has(seg, 'RST')) {
    ctx.explain(name, RFC.arrivesClosed, say(a.closedRstDiscarded));
    return;
  }
  if (has(seg, 'ACK')) {
    ctx.owe(name, tcb, { flags: ['RST'], seq: seg.ack, reason: say(a.closedAnswersAck) });
  } else {
    const ack = seg.seq && seqAdd(seg.seq, sequenceLength(seg.flags, seg.length));
    ctx.owe(name, tcb, { flags: ['RST', 'ACK'], seq: { symbol: null, offset: 0 }, ack, reason: say(a.closedAnswersNoAck) });
  }
  ctx.explain(name, RFC.arrivesClosed, has(seg, 'SYN') && !has(seg, 'ACK')
    ? say(a.closedSyn, { name })
    : has(seg, 'SYN') ? say(engineMessages.synAckAtClosed, { name })
    : say(a.closedOther, { name }));
}

/** §3.10.7.2 */
function arrivesInListen(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): void {
  if (has(seg, 'RST')) {
    ctx.explain(name, RFC.arrivesListen, say(a.listenRstIgnored));
    return;
  }
  if (has(seg, 'ACK')) {
    ctx.owe(name, tcb, { flags: ['RST'], seq: seg.ack, reason: say(a.listenAnswersAck) });
    ctx.explain(name, RFC.arrivesListen, say(a.listenAck));
    return;
  }
  if (has(seg, 'SYN') && seg.seq) {
    tcb.irs = seg.seq;
    tcb.rcvNxt = seqAdd(seg.seq, 1);
    tcb.state = 'SYN-RECEIVED';
    tcb.passiveOpen = true;
    tcb.synPending = true;
    synArrived(tcb, seg);
    if (seg.window !== undefined) tcb.sndWnd = seg.window;
    const fastOpen = fastOpenData(name, tcb, seg, ctx);
    ctx.owe(name, tcb, { flags: ['SYN', 'ACK'], ack: tcb.rcvNxt, reason: say(a.listenAnswersSyn) });
    ctx.explain(name, RFC.arrivesListen, say(a.listenSyn, { irs: formatSeq(seg.seq), rcvNxt: formatSeq(tcb.rcvNxt) }));
    if (!fastOpen) queueSynText(name, tcb, seg, RFC.arrivesListen, ctx);
    return;
  }
  ctx.explain(name, RFC.arrivesListen, say(rfcMessages.listenDropsOther));
}

/** §3.10.7.3 */
function arrivesInSynSent(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): void {
  let ackAcceptable = false;
  // First, check the ACK bit: it must acknowledge our SYN, nothing before or beyond it.
  if (has(seg, 'ACK')) {
    const ack = seg.ack;
    const iss = tcb.iss;
    const sndNxt = tcb.sndNxt;
    const bad = !ack || !iss || !sndNxt || tcb.synPending || seqLessOrEqual(ack, iss) || !seqLessOrEqual(ack, sndNxt);
    if (bad) {
      if (has(seg, 'RST')) {
        ctx.explain(name, RFC.arrivesSynSent, say(a.synSentRstBadAck));
      } else {
        ctx.owe(name, tcb, { flags: ['RST'], seq: ack, reason: say(a.synSentAnswersBadAck) });
        ctx.explain(name, RFC.arrivesSynSent, say(a.synSentBadAck, { ack: ack ? formatSeq(ack) : '?', iss: iss ? formatSeq(iss) : '?', sndNxt: sndNxt ? formatSeq(sndNxt) : '?' }));
      }
      return;
    }
    ackAcceptable = true;
  }
  // Second, the RST bit.
  if (has(seg, 'RST')) {
    if (ackAcceptable) {
      deleteTcb(tcb);
      ctx.effect(name, say(learnerMessages.connectRefused), { call: 'connect', value: 'ECONNREFUSED' });
      ctx.explain(name, RFC.arrivesSynSent, say(a.synSentRefused));
    } else {
      ctx.explain(name, RFC.arrivesSynSent, say(a.synSentRstNoAck));
    }
    return;
  }
  // Fourth, the SYN bit.
  if (has(seg, 'SYN') && seg.seq) {
    tcb.irs = seg.seq;
    tcb.rcvNxt = seqAdd(seg.seq, 1);
    synArrived(tcb, seg);
    if (seg.window !== undefined) tcb.sndWnd = seg.window;
    if (ackAcceptable) tcb.sndUna = seg.ack;
    if (tcb.sndUna && tcb.iss && seqLess(tcb.iss, tcb.sndUna)) {
      // "If there are other controls or text in the segment, then continue processing
      // at the sixth step under Section 3.10.7.4": the text is taken now, a FIN closes.
      tcb.rcvNxt = seqAdd(tcb.rcvNxt, seg.length);
      tcb.unread += seg.length;
      tcb.state = 'ESTABLISHED';
      tcb.connectPending = false;
      ctx.effect(name, say(a.connectReturns), { call: 'connect', value: '0' });
      ctx.explain(name, RFC.arrivesSynSent, say(a.synAckAccepted, { irs: formatSeq(seg.seq), rcvNxt: formatSeq(tcb.rcvNxt), sndUna: formatSeq(tcb.sndUna) }));
      if (has(seg, 'FIN')) {
        ctx.explain(name, RFC.arrivesSynSent, say(engineMessages.finOnSynAck));
        finArrives(name, tcb, ctx);
      }
      ctx.owe(name, tcb, { flags: ['ACK'], seq: tcb.sndNxt, ack: tcb.rcvNxt, reason: say(a.synSentAcksSynAck) });
    } else {
      tcb.state = 'SYN-RECEIVED';
      tcb.passiveOpen = false;
      ctx.owe(name, tcb, { flags: ['SYN', 'ACK'], seq: tcb.iss, ack: tcb.rcvNxt, reason: say(a.simultaneousAnswers) });
      ctx.explain(name, RFC.arrivesSynSent, say(a.simultaneousOpen, { irs: formatSeq(seg.seq) }));
      queueSynText(name, tcb, seg, RFC.arrivesSynSent, ctx);
    }
    return;
  }
  ctx.explain(name, RFC.arrivesSynSent, say(a.synSentOther));
}

/** The part of a segment that is new: what Table 6 and trimming leave (§3.10.7.4, first check). */
interface Trimmed {
  /** Offset of SEG.SEQ from RCV.NXT (negative: starts with old numbers). */
  readonly offset: number;
  readonly syn: boolean;
  /** New payload bytes inside the window. */
  readonly data: number;
  readonly fin: boolean;
  /** All of its SYN/data/FIN had been received before (a duplicate). */
  readonly duplicate: boolean;
  /** Sequence numbers (data, FIN) cut off because the receive window is closed. */
  readonly beyondWindow: number;
}

/**
 * The acceptability test of Table 6, with the trimming the RFC describes: "One could
 * tailor actual segments to fit this assumption by trimming off any portions that lie
 * outside the window (including SYN and FIN) and only processing further if the
 * segment then begins at RCV.NXT". Two consequences:
 * - A segment whose numbers are all old but that ends exactly at RCV.NXT trims to an
 *   empty segment at RCV.NXT, which is acceptable: its ACK is processed (this is how a
 *   SYN,ACK arriving in SYN-RECEIVED completes a simultaneous open, RFC 9293 Figure 8).
 * - With a zero window all of a segment's data lies beyond the window, and Table 6
 *   calls such a segment "not acceptable"; but the RFC adds that "special allowance
 *   should be made to accept valid ACKs, URGs, and RSTs" when RCV.WND is zero. So a
 *   segment at RCV.NXT with a closed window is processed for its control bits and
 *   ACK with its data and FIN trimmed away (and an ACK is owed, telling the sender
 *   the window is still closed).
 */
function trim(tcb: Tcb, seg: ArrivingSegment): Trimmed | undefined {
  if (!seg.seq || !tcb.rcvNxt) return undefined;
  const offset = seqDiff(seg.seq, tcb.rcvNxt);
  if (offset === undefined) return undefined;
  const segLen = sequenceLength(seg.flags, seg.length);
  const wnd = tcb.rcvWnd;
  const inWindow = (d: number) => d >= 0 && d < wnd;
  let acceptable: boolean;
  if (segLen === 0) acceptable = wnd === 0 ? offset === 0 : inWindow(offset);
  else acceptable = wnd > 0 && (inWindow(offset) || inWindow(offset + segLen - 1));
  // Only a segment with ACK gets this allowance: it is there so an ACK riding on old
  // numbers is processed. A bare SYN that ends at RCV.NXT (a retransmitted SYN in
  // SYN-RECEIVED) is unacceptable, as Table 6 says, and owes an ACK.
  const endsAtRcvNxt = offset < 0 && offset + segLen === 0 && has(seg, 'ACK');
  const zeroWindowAllowance = wnd === 0 && offset === 0;
  if (!acceptable && !endsAtRcvNxt && !zeroWindowAllowance) return undefined;

  // Left edge: numbers before RCV.NXT were received already.
  let old = Math.max(0, -offset);
  let syn = has(seg, 'SYN');
  if (syn && old > 0) { syn = false; old -= 1; }
  const oldData = Math.min(old, seg.length);
  old -= oldData;
  let fin = has(seg, 'FIN');
  if (fin && old > 0) fin = false;
  let data = seg.length - oldData;
  const duplicate = offset < 0 && !syn && data === 0 && !fin && segLen > 0;

  // Right edge: with a closed window nothing fits. (An open window is not cut at its
  // right edge: `win=` is read unscaled, since window scaling is not modelled, so a
  // value copied from a capture can be far smaller than the real window.) A SYN is
  // left for the SYN check, which answers it whatever its number.
  let room = wnd === 0 ? 0 : Infinity;
  let beyondWindow = 0;
  if (data > room) { beyondWindow += data - room; data = room; }
  room -= data;
  if (fin && room <= 0) { fin = false; beyondWindow += 1; }
  return { offset: Math.max(offset, 0), syn, data, fin, duplicate, beyondWindow };
}

const SYNCHRONIZED_RESET: Record<string, string> = {
  'ESTABLISHED': 'ECONNRESET',
  'FIN-WAIT-1': 'ECONNRESET',
  'FIN-WAIT-2': 'ECONNRESET',
  'CLOSE-WAIT': 'ECONNRESET',
};

/** §3.10.7.4: SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT. */
function arrivesSynchronized(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): void {
  const state = tcb.state;
  const ackNow = (reason: string) =>
    ctx.owe(name, tcb, { flags: ['ACK'], seq: tcb.sndNxt, ack: tcb.rcvNxt, reason });

  // A RST is judged by its raw SEG.SEQ (RFC 5961 §3.2, which RFC 9293 §3.10.7.4
  // recommends), before any trimming: trimming would move a RST that starts before
  // RCV.NXT but reaches into the window onto RCV.NXT and let it reset the connection.
  if (has(seg, 'RST')) return rstArrives(name, tcb, seg, ctx, ackNow);

  if (state === 'SYN-RECEIVED' && has(seg, 'SYN') && !has(seg, 'ACK') && seg.seq && tcb.irs && seqEquals(seg.seq, tcb.irs)) {
    return synRetransmitted(name, tcb, ctx, ackNow);
  }

  if (state === 'TIME-WAIT' && has(seg, 'SYN') && !has(seg, 'ACK') && seg.seq && tcb.rcvNxt) {
    const byTimestamp = timeWaitTimestampVerdict(tcb, seg);
    if (byTimestamp === 'drop') {
      ctx.explain(name, RFC.timestamps6191, say(rfcMessages.timeWaitTimestampDrop, { tsval: seg.options!.timestamp!.value, tsRecent: tcb.tsRecent! }));
      return;
    }
    if (byTimestamp === 'reopen') {
      ctx.explain(name, RFC.timestamps6191, say(rfcMessages.timeWaitTimestampReopen, { tsval: seg.options!.timestamp!.value, tsRecent: tcb.tsRecent! }));
      return reopenFromTimeWait(name, tcb, seg, ctx);
    }
    if ((seqDiff(seg.seq, tcb.rcvNxt) ?? -1) >= 0) return reopenFromTimeWait(name, tcb, seg, ctx);
  }

  // PAWS (RFC 7323 §5.3 R1), before the sequence number check: an old timestamp makes
  // the segment unacceptable whatever its sequence number.
  if (pawsRejects(tcb, seg.flags, seg)) {
    ackNow(say(a.pawsReply));
    ctx.explain(name, RFC.paws, say(rfcMessages.pawsRejects, { tsval: seg.options!.timestamp!.value, tsRecent: tcb.tsRecent! }));
    return;
  }

  // First, check the sequence number.
  let t = trim(tcb, seg);
  const probe = probeAt(tcb, seg);
  if (probe && (!t || t.duplicate)) {
    ackNow(say(a.probeReply));
    ctx.explain(name, probe === 'keep-alive' ? RFC.keepAlive : RFC.zeroWindowProbe, say(engineMessages.probeArrives, { probe: say(probeLabel(probe)), rcvNxt: formatSeq(tcb.rcvNxt!), wnd: tcb.rcvWnd }));
    return;
  }
  if (!t) {
    ackNow(say(a.unacceptableReply));
    ctx.explain(name, RFC.arrivesOther, say(a.notAcceptable, { seq: seg.seq ? formatSeq(seg.seq) : '?', rcvNxt: tcb.rcvNxt ? formatSeq(tcb.rcvNxt) : '?' }));
    return;
  }

  // RFC 7323 §5.3 R3: an acceptable segment at or before Last.ACK.sent updates TS.Recent.
  recordTsRecent(tcb, seg, (seqDiff(seg.seq!, tcb.rcvNxt!) ?? 1) <= 0);

  // Fourth, the SYN bit (the third, security, is not modelled).
  if (t.syn) {
    if (state === 'SYN-RECEIVED' && tcb.passiveOpen) {
      returnToListen(tcb);
      ctx.explain(name, RFC.arrivesOther, say(a.synInSynReceived));
      return;
    }
    ackNow(say(a.challengeReply));
    ctx.explain(name, RFC.challengeAck, say(a.synChallenge, { state }));
    return;
  }

  // Fifth, the ACK field.
  if (!has(seg, 'ACK')) {
    ctx.explain(name, RFC.arrivesOther, say(rfcMessages.ackBitOff, { flagless: seg.flags.length === 0 }));
    return;
  }
  const stateBeforeAck = tcb.state;
  if (!processAck(name, tcb, seg, ctx, ackNow)) return;

  // Seventh, the segment text (the sixth, URG, is not modelled).
  let owesAck = t.duplicate;
  if (stateBeforeAck === 'SYN-RECEIVED' && tcb.state === 'ESTABLISHED' && tcb.outOfOrder.length > 0) {
    // Text that came with the SYN waited for ESTABLISHED (§3.10.7.2, §3.10.7.3); it is
    // in order now, so this segment is judged against the RCV.NXT past it.
    const rcvNxt = tcb.rcvNxt!;
    const queuedFin = drainOutOfOrder(tcb);
    if (!seqEquals(rcvNxt, tcb.rcvNxt!)) {
      owesAck = true;
      ctx.explain(name, RFC.arrivesOther, say(engineMessages.synTextProcessed, { bytes: seqDiff(tcb.rcvNxt!, rcvNxt)!, rcvNxt: formatSeq(tcb.rcvNxt!) }));
    }
    if (queuedFin) { finArrives(name, tcb, ctx); owesAck = true; }
    t = trim(tcb, seg) ?? { offset: 0, syn: false, data: 0, fin: false, duplicate: false, beyondWindow: 0 };
  }
  const stateNow = tcb.state;
  if (t.beyondWindow > 0) {
    owesAck = true;
    ctx.explain(name, RFC.arrivesOther, say(a.windowClosed, { count: t.beyondWindow }));
  }
  if (t.data > 0 && tcb.closeCalled) return dataAfterClose(name, tcb, t.data, ctx);
  if ((t.data > 0 || t.fin) && t.offset > 0) {
    queueOutOfOrder(tcb, seg.seq!, t.data, t.fin);
    ackNow(say(a.holeReply));
    ctx.explain(name, RFC.arrivesOther, say(a.outOfOrder, { seq: formatSeq(seg.seq!), rcvNxt: formatSeq(tcb.rcvNxt!) }));
    return;
  }
  if (t.data > 0) {
    if (stateNow === 'ESTABLISHED' || stateNow === 'FIN-WAIT-1' || stateNow === 'FIN-WAIT-2') {
      tcb.rcvNxt = seqAdd(tcb.rcvNxt!, t.data);
      tcb.unread += t.data;
      const queuedFin = drainOutOfOrder(tcb);
      owesAck = true;
      ctx.explain(name, RFC.arrivesOther, say(a.dataAccepted, { bytes: t.data, rcvNxt: formatSeq(tcb.rcvNxt) }));
      if (queuedFin) { finArrives(name, tcb, ctx); owesAck = true; }
    } else {
      ctx.explain(name, RFC.arrivesOther, say(a.dataAfterFin, { state: stateNow }));
    }
  }

  // Eighth, the FIN bit.
  if (t.fin) {
    finArrives(name, tcb, ctx);
    owesAck = true;
  }
  if (owesAck) {
    if (t.duplicate) ctx.explain(name, RFC.arrivesOther, say(a.duplicate));
    ackNow(say(t.duplicate ? a.duplicateReply
      : t.data === 0 && !t.fin ? a.closedWindowReply
      : a.receivedReply));
  }
}

/**
 * What the receiver sees of a keep-alive or window probe: an ACK at RCV.NXT-1 with at
 * most one octet. Table 6 finds it unacceptable (or a duplicate), so it owes an ACK,
 * which is the answer the probe exists to get (§3.8.4, §3.8.6.1).
 */
function probeAt(tcb: Tcb, seg: ArrivingSegment): Probe | undefined {
  if (!probeShaped(seg.flags, seg.length)) return undefined;
  if (!seg.seq || !tcb.rcvNxt || seqDiff(seg.seq, tcb.rcvNxt) !== -1) return undefined;
  return tcb.rcvWnd === 0 ? 'window-probe' : 'keep-alive';
}

/** The ACK processing of the fifth check; false when the segment is dropped. */
function processAck(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext, ackNow: (reason: string) => void): boolean {
  const ack = seg.ack;
  const una = tcb.sndUna;
  const nxt = tcb.sndNxt;
  const acceptable = !!(ack && una && nxt && seqLess(una, ack) && seqLessOrEqual(ack, nxt));
  const beyond = !ack || !nxt || seqDiff(ack, nxt) === undefined || seqLess(nxt, ack);

  if (tcb.state === 'SYN-RECEIVED') {
    if (!acceptable) {
      ctx.owe(name, tcb, { flags: ['RST'], seq: ack, reason: say(a.synReceivedAnswersBadAck) });
      ctx.explain(name, RFC.arrivesOther, say(a.synReceivedBadAck, { ack: ack ? formatSeq(ack) : '?', una: una ? formatSeq(una) : '?', nxt: nxt ? formatSeq(nxt) : '?' }));
      return false;
    }
    tcb.state = 'ESTABLISHED';
    tcb.sndUna = ack;
    if (seg.window !== undefined) tcb.sndWnd = seg.window;
    ctx.explain(name, RFC.arrivesOther, say(a.synReceivedAcked, { ack: formatSeq(ack!) }));
    if (tcb.acceptPending) { tcb.acceptPending = false; tcb.accepted = true; ctx.effect(name, say(a.acceptReturns), { call: 'accept', value: tcb.peer ?? '' }); }
    if (tcb.connectPending) { tcb.connectPending = false; ctx.effect(name, say(a.connectReturns), { call: 'connect', value: '0' }); }
    return true;
  }

  if (tcb.state === 'TIME-WAIT') {
    ctx.explain(name, RFC.arrivesOther, say(a.timeWaitFin));
    ackNow(say(a.timeWaitReply));
    return false;
  }

  // "If SND.UNA =< SEG.ACK =< SND.NXT, the send window should be updated": a duplicate
  // ACK can close the window (win=0), which is what starts zero-window probing.
  if (seg.window !== undefined && ack && una && nxt && seqLessOrEqual(una, ack) && seqLessOrEqual(ack, nxt)) tcb.sndWnd = seg.window;
  if (acceptable) {
    tcb.sndUna = ack;
  } else if (beyond && ctx.profile.dropsAckOfUnsentData) {
    ctx.explain(name, RFC.linuxAckOfUnsent, say(rfcMessages.linuxDropsAckOfUnsent, { ack: ack ? formatSeq(ack) : '?', sndNxt: nxt ? formatSeq(nxt) : '?' }));
    return false;
  } else if (beyond) {
    ackNow(say(a.ackOfUnsentReply));
    ctx.explain(name, RFC.arrivesOther, say(a.ackOfUnsent, { ack: ack ? formatSeq(ack) : '?', sndNxt: nxt ? formatSeq(nxt) : '?' }));
    return false;
  }
  const finAcked = tcb.finSeq !== undefined && !!tcb.sndUna && seqLess(tcb.finSeq, tcb.sndUna);
  switch (tcb.state) {
    case 'FIN-WAIT-1':
      if (finAcked) {
        tcb.state = 'FIN-WAIT-2';
        ctx.explain(name, RFC.arrivesOther, say(a.finWait1Acked));
      }
      return true;
    case 'CLOSING':
      if (finAcked) {
        tcb.state = 'TIME-WAIT';
        ctx.explain(name, RFC.arrivesOther, say(a.closingAcked));
      }
      return true;
    case 'LAST-ACK':
      if (finAcked) {
        deleteTcb(tcb);
        ctx.explain(name, RFC.arrivesOther, say(a.lastAckAcked));
        return false;
      }
      return true;
    default:
      return true;
  }
}

function finArrives(name: string, tcb: Tcb, ctx: StepContext): void {
  tcb.rcvNxt = seqAdd(tcb.rcvNxt!, 1);
  tcb.finReceived = true;
  ctx.effect(name, say(a.readEof, { unread: tcb.unread }));
  const finAcked = tcb.finSeq !== undefined && !!tcb.sndUna && seqLess(tcb.finSeq, tcb.sndUna);
  const before = tcb.state;
  switch (before) {
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
      tcb.state = 'CLOSE-WAIT';
      break;
    case 'FIN-WAIT-1':
      tcb.state = finAcked ? 'TIME-WAIT' : 'CLOSING';
      break;
    case 'FIN-WAIT-2':
      tcb.state = 'TIME-WAIT';
      break;
    default:
      break;
  }
  ctx.explain(name, RFC.arrivesOther, say(a.finArrives, { rcvNxt: formatSeq(tcb.rcvNxt), before, after: tcb.state }));
}

/**
 * The RST checks of RFC 5961 §3.2 as RFC 9293 §3.10.7.4 words them: "1) If the RST bit
 * is set and the sequence number is outside the current receive window, silently drop
 * the segment. 2) ... exactly matches the next expected sequence number (RCV.NXT), then
 * TCP endpoints MUST reset the connection ... 3) ... within the current receive window,
 * TCP endpoints MUST send an acknowledgment (challenge ACK)". With a zero window only
 * RCV.NXT itself is valid (the RFC's "special allowance ... to accept valid ... RSTs").
 */
function rstArrives(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext, ackNow: (reason: string) => void): void {
  if (tcb.state === 'TIME-WAIT' && ctx.profile.timeWaitIgnoresRst) {
    ctx.explain(name, RFC.linuxRfc1337, say(rfcMessages.linuxRfc1337));
    return;
  }
  const offset = seg.seq && tcb.rcvNxt ? seqDiff(seg.seq, tcb.rcvNxt) : undefined;
  if (offset === 0) return resetBy(name, tcb, ctx);
  if (offset !== undefined && offset > 0 && offset < tcb.rcvWnd) {
    ackNow(say(a.rstChallengeReply));
    ctx.explain(name, RFC.rstExactMatch, say(a.rstInWindow, { rcvNxt: formatSeq(tcb.rcvNxt!) }));
    return;
  }
  ctx.explain(name, RFC.rstExactMatch, say(engineMessages.rstOutsideWindow, {
    seq: seg.seq ? formatSeq(seg.seq) : '?', rcvNxt: tcb.rcvNxt ? formatSeq(tcb.rcvNxt) : '?', wnd: tcb.rcvWnd,
  }));
}

/**
 * Text (and a FIN) on a SYN that arrives in LISTEN or, for a simultaneous open, in
 * SYN-SENT: RCV.NXT = SEG.SEQ+1 only, "and any other control or text should be queued
 * for processing later" (§3.10.7.2); "queue them for processing after the ESTABLISHED
 * state has been reached" (§3.10.7.3). It waits as out-of-order data just past RCV.NXT,
 * processed when the ACK of our SYN arrives (arrivesSynchronized).
 */
function queueSynText(name: string, tcb: Tcb, seg: ArrivingSegment, rule: string, ctx: StepContext): void {
  const fin = has(seg, 'FIN');
  if (seg.length === 0 && !fin) return;
  queueOutOfOrder(tcb, tcb.rcvNxt!, seg.length, fin);
  ctx.explain(name, rule, say(engineMessages.synTextQueued, { bytes: seg.length, fin, rcvNxt: formatSeq(tcb.rcvNxt!) }));
}

/**
 * TCP Fast Open (RFC 7413 §4.2): a SYN carrying a cookie (`tfo`) has its data accepted
 * at once and acknowledged by the SYN,ACK, under the `linux` profile. RFC 9293 has no
 * such rule, so under it the data waits for ESTABLISHED (queueSynText), and the
 * explanation says why. True when the data was taken.
 */
function fastOpenData(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): boolean {
  if (!seg.options?.fastOpen || seg.length === 0) return false;
  if (!ctx.profile.fastOpen) {
    ctx.explain(name, RFC.fastOpen, say(rfcMessages.fastOpenNotRfc9293));
    return false;
  }
  tcb.rcvNxt = seqAdd(tcb.rcvNxt!, seg.length);
  tcb.unread += seg.length;
  ctx.explain(name, RFC.fastOpen, say(rfcMessages.fastOpenAccepted, { bytes: seg.length, rcvNxt: formatSeq(tcb.rcvNxt) }));
  if (has(seg, 'FIN')) queueOutOfOrder(tcb, tcb.rcvNxt, 0, true);
  return true;
}

/**
 * The peer's SYN again, in SYN-RECEIVED: our SYN,ACK was lost or is late. Its SEG.SEQ is
 * RCV.NXT-1, so Table 6 finds it unacceptable: "If an incoming segment is not
 * acceptable, an acknowledgment should be sent in reply" (§3.10.7.4). Stacks re-send
 * their SYN,ACK instead, which is drawn as its retransmission; both are fine here.
 * A SYN,ACK not sent yet is still the reply due.
 */
function synRetransmitted(name: string, tcb: Tcb, ctx: StepContext, ackNow: (reason: string) => void): void {
  if (tcb.synPending) {
    ctx.owe(name, tcb, { flags: ['SYN', 'ACK'], ack: tcb.rcvNxt, reason: say(a.synAckStillDue) });
  } else {
    ackNow(say(a.synRetransmittedReply));
  }
  ctx.explain(name, RFC.arrivesOther, say(engineMessages.synRetransmitted, { rcvNxt: formatSeq(tcb.rcvNxt!), pending: tcb.synPending }));
}

/**
 * RFC 9293 §3.6.1: "if new data is received after CLOSE is called, its TCP
 * implementation SHOULD send a RST to show that data was lost (SHLD-3)". The
 * application can read nothing more (MAY-1, a half-duplex close), so the data is lost.
 */
function dataAfterClose(name: string, tcb: Tcb, bytes: number, ctx: StepContext): void {
  resetForLostData(name, tcb, ctx, say(a.dataAfterCloseReply), say(engineMessages.dataAfterCloseEffect, { bytes }), say(engineMessages.dataAfterClose, { bytes }));
}

/**
 * Data lost after CLOSE (SHLD-3), whether unread at the call or arriving later: the TCB
 * goes and <SEQ=SND.NXT><CTL=RST> is due, for `reason`.
 */
export function resetForLostData(name: string, tcb: Tcb, ctx: StepContext, reason: string, effect: string, explanation: string): void {
  const sndNxt = tcb.sndNxt;
  deleteTcb(tcb);
  ctx.owe(name, tcb, { flags: ['RST'], seq: sndNxt, reason });
  ctx.effect(name, effect);
  ctx.explain(name, RFC.closeWithData, explanation);
}

/**
 * RFC 9293 §3.6.1: a host "MAY accept a new SYN from the remote TCP endpoint to reopen
 * the connection directly from TIME-WAIT state (MAY-2), if it: (1) assigns its initial
 * sequence number for the new connection to be larger than the largest sequence number
 * it used on the previous connection incarnation". A SYN whose SEG.SEQ is at or past
 * RCV.NXT cannot belong to the old incarnation, so it opens the new one as in LISTEN;
 * an older one gets the challenge ACK of the synchronized states. (The timestamp rule,
 * SHLD-4, needs timestamps, which are not modelled.)
 */
function reopenFromTimeWait(name: string, tcb: Tcb, seg: ArrivingSegment, ctx: StepContext): void {
  const oldSndNxt = tcb.sndNxt;
  // The old incarnation's TCB goes (deleteTcb keeps the peer and `listened`); the new one starts here.
  deleteTcb(tcb);
  Object.assign(tcb, { state: 'SYN-RECEIVED', synPending: true, irs: seg.seq, rcvNxt: seqAdd(seg.seq!, 1) });
  synArrived(tcb, seg);
  if (seg.window !== undefined) tcb.sndWnd = seg.window;
  ctx.owe(name, tcb, { flags: ['SYN', 'ACK'], ack: tcb.rcvNxt, reason: say(a.timeWaitReopenReply) });
  ctx.explain(name, RFC.close, say(engineMessages.timeWaitReopen, { seq: formatSeq(seg.seq!), oldSndNxt: oldSndNxt ? formatSeq(oldSndNxt) : '?' }));
  queueSynText(name, tcb, seg, RFC.close, ctx);
}

/** Resets the connection as §3.10.7.4's second check says for each state. */
function resetBy(name: string, tcb: Tcb, ctx: StepContext): void {
  const state = tcb.state;
  if (state === 'SYN-RECEIVED' && tcb.passiveOpen) {
    returnToListen(tcb);
    ctx.explain(name, RFC.arrivesOther, say(a.rstInSynReceived));
    return;
  }
  const error = state === 'SYN-RECEIVED' ? 'ECONNREFUSED' : SYNCHRONIZED_RESET[state];
  const inAcceptQueue = ctx.profile.resetChildStaysInAcceptQueue && tcb.listened && !tcb.accepted && !!error;
  deleteTcb(tcb);
  if (inAcceptQueue) {
    tcb.resetInAcceptQueue = true;
    ctx.explain(name, RFC.linuxAcceptQueue, say(rfcMessages.linuxResetInAcceptQueue));
  }
  if (error) ctx.effect(name, say(a.resetEffect, { error }), { value: error });
  ctx.explain(name, RFC.arrivesOther, say(a.rstAtRcvNxt, { state, signal: !!error }));
}

function returnToListen(tcb: Tcb): void {
  const { peer, acceptPending } = tcb;
  Object.assign(tcb, newTcb('LISTEN'));
  tcb.peer = peer;
  tcb.acceptPending = acceptPending;
}

function queueOutOfOrder(tcb: Tcb, start: Seq, length: number, fin: boolean): void {
  tcb.outOfOrder.push({ start, end: seqAdd(start, length), fin });
}

/** Moves RCV.NXT over queued data that is now in order; true if a queued FIN is reached. */
function drainOutOfOrder(tcb: Tcb): boolean {
  let progressed = true;
  let fin = false;
  while (progressed) {
    progressed = false;
    for (const range of tcb.outOfOrder) {
      const d = seqDiff(range.start, tcb.rcvNxt!);
      const e = seqDiff(range.end, tcb.rcvNxt!);
      if (d !== undefined && e !== undefined && d <= 0) {
        if (e > 0) { tcb.unread += e; tcb.rcvNxt = range.end; }
        if (range.fin && e >= 0) fin = true;
        tcb.outOfOrder = tcb.outOfOrder.filter((r) => r !== range);
        progressed = true;
        break;
      }
    }
  }
  return fin;
}
