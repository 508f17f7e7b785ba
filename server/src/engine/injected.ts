/**
 * What a `-->` line is, for its explanation: a segment the network delivers without the
 * sender's state being involved. It is an old duplicate only when the receiver has
 * already received every sequence number it carries; otherwise it is injected (or an
 * earlier incarnation's segment) delivered late. Judged from the receiver's TCB before
 * the arrival, so the words depend on the run's state alone.
 */
import { say } from '../i18n/catalogue.js';
import { engineMessages } from '../i18n/messages/engine.js';
import type { ArrivingSegment } from './arrive.js';
import { formatSeq, seqAdd, seqDiff, seqEquals } from './seq.js';
import { sequenceLength } from './send.js';
import type { Tcb } from './tcb.js';

export function injectedExplanation(receiver: Readonly<Tcb>, seg: ArrivingSegment): string {
  return isOldDuplicate(receiver, seg)
    ? say(engineMessages.oldDuplicate, { rcvNxt: formatSeq(receiver.rcvNxt!) })
    : say(engineMessages.injected);
}

function isOldDuplicate(receiver: Readonly<Tcb>, seg: ArrivingSegment): boolean {
  const { rcvNxt, irs } = receiver;
  if (!seg.seq || !rcvNxt) return false;
  const length = sequenceLength(seg.flags, seg.length);
  if (length === 0) return false;
  // A SYN duplicates only the SYN this connection began with.
  if (seg.flags.includes('SYN') && !(irs && seqEquals(seg.seq, irs))) return false;
  const end = seqDiff(seqAdd(seg.seq, length), rcvNxt);
  // Numbers before the IRS (when it is known) belong to no segment of this connection.
  const start = irs ? seqDiff(seg.seq, irs) : 0;
  return end !== undefined && end <= 0 && start !== undefined && start >= 0;
}
