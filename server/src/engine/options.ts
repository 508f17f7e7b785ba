/**
 * TCP options the engine uses (issue 11, "Timestamps and options"): the Timestamps
 * option for PAWS and for reopening from TIME-WAIT (RFC 7323 §5, RFC 6191), and the
 * window scale option for what `win=` means (RFC 7323 §2). SACK and MSS are shown, not
 * used. Each function is one rule, called from send.ts and arrive.ts.
 */
import { say } from '../i18n/catalogue.js';
import { rfcMessages } from '../i18n/messages/rfc.js';
import type { Fix } from './diagnostics.js';
import type { Flag, SegmentOptions, SegmentStatement } from './model.js';
import type { StepContext } from './step-context.js';
import type { Tcb } from './tcb.js';

/** The largest value of the 16-bit window field (RFC 9293 §3.1). */
export const MAX_UNSCALED_WINDOW = 0xffff;

/** What of a segment's options reaches the receiver. */
export interface WireOptions {
  readonly wscale?: number;
  readonly options?: SegmentOptions;
}

/** `a` before `b` in timestamp space: "TSval ... compared modulo 2^32" (RFC 7323 §5.3, like sequence numbers). */
export function timestampBefore(a: number, b: number): boolean {
  const d = (a - b) >>> 0;
  return d !== 0 && d >= 2 ** 31;
}

/** Our SYN (or SYN,ACK) is sent: record the options it offered. */
export function synSent(tcb: Tcb, seg: WireOptions): void {
  tcb.sentWscale = seg.wscale;
  tcb.sentSynTs = seg.options?.timestamp !== undefined;
}

/** The peer's SYN arrives: record its options; its TSval starts TS.Recent (RFC 7323 §4.3). */
export function synArrived(tcb: Tcb, seg: WireOptions): void {
  tcb.peerWscale = seg.wscale;
  tcb.peerSynTs = seg.options?.timestamp !== undefined;
  tcb.tsRecent = seg.options?.timestamp?.value;
}

/**
 * Timestamps are in use unless a SYN of this connection was seen without them ("the
 * Timestamps option ... MUST NOT be sent" unless both SYNs carried it, RFC 7323 §3.2).
 * A connection that starts mid-way (`starts ESTABLISHED`) shows no SYN: its segments'
 * `ts=` are taken as negotiated.
 */
export function timestampsInUse(tcb: Tcb): boolean {
  return tcb.sentSynTs !== false && tcb.peerSynTs !== false;
}

/** Window scaling is in effect once both SYNs carried wscale (RFC 7323 §2.2); never on a SYN itself. */
export function windowScaled(tcb: Tcb | undefined, flags: readonly Flag[]): boolean {
  return !!tcb && !flags.includes('SYN') && tcb.sentWscale !== undefined && tcb.peerWscale !== undefined;
}

/**
 * PAWS, RFC 7323 §5.3 R1: "If there is a Timestamps option in the arriving segment,
 * SEG.TSval < TS.Recent, TS.Recent is valid (see later discussion), and if the RST bit
 * is not set, then treat the arriving segment as not acceptable". True: rejected.
 */
export function pawsRejects(tcb: Tcb, flags: readonly Flag[], seg: WireOptions): boolean {
  const ts = seg.options?.timestamp;
  return !flags.includes('RST') && ts !== undefined && tcb.tsRecent !== undefined && timestampsInUse(tcb) && timestampBefore(ts.value, tcb.tsRecent);
}

/**
 * RFC 7323 §5.3 R3 (with §4.3): "If an arriving segment satisfies SEG.TSval >= TS.Recent
 * and SEG.SEQ =< Last.ACK.sent ..., then record its timestamp in TS.Recent". Last.ACK.sent
 * is taken as RCV.NXT before the segment (the engine acknowledges what it receives).
 */
export function recordTsRecent(tcb: Tcb, seg: WireOptions, startsAtOrBeforeRcvNxt: boolean): void {
  const ts = seg.options?.timestamp;
  if (!ts || !startsAtOrBeforeRcvNxt || !timestampsInUse(tcb)) return;
  if (tcb.tsRecent === undefined || !timestampBefore(ts.value, tcb.tsRecent)) tcb.tsRecent = ts.value;
}

/**
 * A SYN in TIME-WAIT whose old incarnation used timestamps (RFC 9293 §3.6.1 SHLD-4,
 * RFC 6191 §2): a TSval above the last one seen reopens whatever its sequence number; a
 * lower one is silently dropped; an equal one (or no timestamps) leaves it to the
 * sequence number rule (MAY-2).
 */
export function timeWaitTimestampVerdict(tcb: Tcb, seg: WireOptions): 'reopen' | 'drop' | undefined {
  const ts = seg.options?.timestamp;
  if (!ts || tcb.tsRecent === undefined || !timestampsInUse(tcb) || ts.value === tcb.tsRecent) return undefined;
  return timestampBefore(ts.value, tcb.tsRecent) ? 'drop' : 'reopen';
}

/**
 * `win=` above 65535 where no window scale is in effect: the field is 16 bits (RFC 9293
 * §3.1), so the value cannot be on the wire. A warning with a fix to the largest
 * unscaled window. With scaling negotiated on both SYNs `win=` is the scaled window in
 * bytes (what the receiver uses), up to 65535 × 2^wscale.
 */
export function checkWindowField(seg: SegmentStatement, sender: Tcb | undefined, ctx: StepContext): void {
  const win = seg.window;
  if (win === undefined || win <= MAX_UNSCALED_WINDOW) return;
  const windowSpan = seg.windowSpan;
  const fixes: Fix[] = windowSpan ? [{ title: say(rfcMessages.setWindowMax), edits: [{ span: windowSpan, newText: `win=${MAX_UNSCALED_WINDOW}` }], preferred: true }] : [];
  if (!windowScaled(sender, seg.flags)) {
    ctx.report('warning', 'bad-field', say(rfcMessages.windowAbove16Bits, { win, syn: seg.flags.includes('SYN') }), windowSpan ?? seg.span, fixes);
    return;
  }
  const shift = sender!.sentWscale!;
  const max = MAX_UNSCALED_WINDOW * 2 ** shift;
  if (win > max) ctx.report('warning', 'bad-field', say(rfcMessages.windowAboveScaled, { win, shift, max }), windowSpan ?? seg.span, fixes);
}

/** The options as a segment label shows them: `ts=100,0 sackOK sack`. */
export function optionsText(options: SegmentOptions | undefined): string[] {
  if (!options) return [];
  return [
    options.timestamp && `ts=${options.timestamp.value},${options.timestamp.echo}`,
    options.sackPermitted && 'sackOK',
    options.sack && 'sack',
    options.fastOpen && 'tfo',
  ].filter((s): s is string => typeof s === 'string');
}
