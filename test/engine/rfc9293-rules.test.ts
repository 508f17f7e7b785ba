/**
 * RFC 9293 rules the engine once got wrong (issue 11), each tested against the RFC text
 * it follows, quoted in the test's comment. Segments delivered with `-->` exercise the
 * receiver alone; `->` lines exercise the sender's check as well.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { analyze, diagnosticToString, notOwedReply } from '../support/analyze.js';
import { established, replies } from './rfc-notation.js';
import { inState } from './states-reached.js';

/** Runs `text`, checks it has no diagnostics (but the owed reply a scenario cut short ends with), returns its steps. */
function steps(text: string): readonly Step[] {
  const { analysis } = analyze(text);
  expect(analysis.diagnostics.filter(notOwedReply).map(diagnosticToString)).toEqual([]);
  return analysis.steps;
}

const last = (text: string): Step => steps(text).at(-1)!;

const explained = (step: Step) => step.explanations.map((e) => `${e.participant}: ${e.text}`).join('\n');

describe('RST checks by the raw SEG.SEQ (§3.10.7.4 with RFC 5961 §3.2)', () => {
  // "1) If the RST bit is set and the sequence number is outside the current receive
  // window, silently drop the segment." SEG.SEQ = 296 is before RCV.NXT = 301 even
  // though its 10 bytes reach into the window: trimming must not move it onto RCV.NXT.
  it('a RST starting before RCV.NXT is outside the window: dropped silently, the connection stays', () => {
    const step = last(established('ESTABLISHED', 'b --> a : RST ACK seq=296 ack=101 len=10'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(step.replies).toEqual([]);
    expect(explained(step)).toContain('outside the receive window');
  });

  it('a RST beyond the window is dropped silently too', () => {
    const step = last(established('ESTABLISHED', 'b --> a : RST seq=70000'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(step.replies).toEqual([]);
  });

  // "2) If the RST bit is set and the sequence number exactly matches the next expected
  // sequence number (RCV.NXT), then TCP endpoints MUST reset the connection".
  it('a RST exactly at RCV.NXT resets', () => {
    const step = last(established('ESTABLISHED', 'b --> a : RST seq=301'));
    expect(step.states.a).toBe('CLOSED');
  });

  // "3) If the RST bit is set and the sequence number does not exactly match the next
  // expected sequence value, yet is within the current receive window, TCP endpoints
  // MUST send an acknowledgment (challenge ACK): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
  it('a RST inside the window but not at RCV.NXT owes a challenge ACK', () => {
    const step = last(established('ESTABLISHED', 'b --> a : RST seq=305'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
  });
});

describe('a retransmitted SYN in SYN-RECEIVED (§3.10.7.4, Table 6)', () => {
  // Table 6: a segment of length > 0 is acceptable only if "RCV.NXT =< SEG.SEQ <
  // RCV.NXT+RCV.WND or RCV.NXT =< SEG.SEQ+SEG.LEN-1 < RCV.NXT+RCV.WND"; the SYN again
  // has SEG.SEQ = RCV.NXT-1, and "If an incoming segment is not acceptable, an
  // acknowledgment should be sent in reply".
  const lostSynAck = ['participant a', 'participant b', 'a: listen', 'b: connect', 'b -> a : SYN seq=300', 'a -x b : SYN ACK seq=100 ack=301', 'b: timeout RTO'];

  it('owes <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>', () => {
    const step = last([...lostSynAck, 'b -> a : SYN seq=300'].join('\n'));
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(explained(step)).toContain('not acceptable by Table 6');
  });

  it('a re-sent SYN,ACK is accepted as the retransmission it is, and the handshake completes', () => {
    const all = steps([...lostSynAck, 'b -> a : SYN seq=300', 'a -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=301 ack=101'].join('\n'));
    expect(all.at(-2)!.segment?.retransmission).toBe(true);
    expect(all.at(-2)!.states.b).toBe('ESTABLISHED');
    expect(all.at(-1)!.states.a).toBe('ESTABLISHED');
  });

  it('so is the ACK the RFC asks for', () => {
    const all = steps([...lostSynAck, 'b -> a : SYN seq=300', 'a -> b : ACK seq=101 ack=301'].join('\n'));
    // b in SYN-SENT: an ACK without SYN is dropped; b's RTO re-sends its SYN again.
    expect(all.at(-1)!.states).toEqual({ a: 'SYN-RECEIVED', b: 'SYN-SENT' });
  });

  it('before the SYN,ACK was ever sent, the SYN,ACK stays due', () => {
    const step = last(['participant a', 'participant b', 'a: listen', 'b -> a : SYN seq=300', 'b -> a : SYN seq=300'].join('\n'));
    expect(replies(step)).toEqual(['a: <ACK=301><CTL=SYN,ACK>']);
  });
});

describe('text on a SYN is queued until ESTABLISHED (§3.10.7.2, §3.10.7.3)', () => {
  // §3.10.7.2 (LISTEN): "Set RCV.NXT to SEG.SEQ+1, IRS is set to SEG.SEQ, and any other
  // control or text should be queued for processing later."
  it('in LISTEN: RCV.NXT = SEG.SEQ+1, the SYN,ACK acknowledges the SYN only', () => {
    const step = last(inState('LISTEN', 'b --> a : SYN seq=300 len=10'));
    expect(replies(step)).toEqual(['a: <ACK=301><CTL=SYN,ACK>']);
    expect(explained(step)).toContain('queued until the connection is ESTABLISHED');
  });

  it('in LISTEN: the queued text is taken once the ACK of our SYN arrives, and acknowledged', () => {
    const all = steps(['participant a', 'participant b', 'a: listen', 'b: connect', 'b -> a : SYN seq=300 len=10', 'a -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=311 ack=101', 'a: recv'].join('\n'));
    const established = all.at(-2)!;
    expect(established.states.a).toBe('ESTABLISHED');
    expect(replies(established)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
    expect(all.at(-1)!.effects.map((e) => e.text)).toEqual(['read() returns 10 bytes']);
  });

  // §3.10.7.3 (SYN-SENT, our SYN not yet acknowledged): "Otherwise, enter SYN-RECEIVED
  // ... If there are other controls or text in the segment, queue them for processing
  // after the ESTABLISHED state has been reached".
  it('in SYN-SENT (simultaneous open): RCV.NXT = SEG.SEQ+1, the SYN,ACK does not acknowledge the text', () => {
    const step = last(inState('SYN-SENT', 'b --> a : SYN seq=300 len=10'));
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(replies(step)).toEqual(['a: <SEQ=100><ACK=301><CTL=SYN,ACK>']);
  });

  it('in SYN-SENT: the text is taken when the simultaneous open completes', () => {
    const step = last(inState('SYN-SENT', 'b --> a : SYN seq=300 len=10', 'a -> b : SYN ACK seq=100 ack=301', 'b --> a : SYN ACK seq=300 ack=101'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
  });
});

describe('a FIN on the SYN,ACK in SYN-SENT (§3.10.7.3)', () => {
  // "If there are other controls or text in the segment, then continue processing at
  // the sixth step under Section 3.10.7.4" — the eighth step there takes the FIN.
  it('continues at the sixth step: ESTABLISHED, then CLOSE-WAIT; the ACK covers the FIN', () => {
    const step = last(inState('SYN-SENT', 'b --> a : SYN ACK FIN seq=300 ack=101 len=5'));
    expect(step.states.a).toBe('CLOSE-WAIT');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=307><CTL=ACK>']);
    expect(step.effects.map((e) => e.text)).toEqual(['connect() returns', 'read() returns the remaining 5 bytes, then 0 (end of file)']);
  });
});

describe('explanations that name what happened', () => {
  it('accept after the connection was reset does not say the socket never listened', () => {
    const text = inState('ESTABLISHED', 'b --> a : RST seq=301', 'a: accept');
    const messages = analyze(text).analysis.diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('its connection is gone');
    expect(messages[0]).not.toContain('never called listen');
  });

  it('accept without listen still says so', () => {
    const messages = analyze('participant a\na: accept').analysis.diagnostics.map((d) => d.message);
    expect(messages.join()).toContain('never called listen');
  });

  // §3.10.7.1: "If the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>" — a SYN,ACK at a CLOSED
  // socket is an answer to no SYN of its, not a connection attempt.
  it('a SYN,ACK at a CLOSED socket is explained as a stray answer, not as a SYN', () => {
    const step = last('participant a\nparticipant b\nb --> a : SYN ACK seq=300 ack=7');
    expect(replies(step)).toEqual(['a: <SEQ=7><CTL=RST>']);
    expect(explained(step)).toContain('answers no SYN of its');
    expect(explained(step)).not.toContain('calls listen first');
  });

  it('a --> segment is an old duplicate only when it repeats numbers already received', () => {
    expect(explained(last(established('ESTABLISHED', 'b --> a : ACK seq=291 ack=101 len=10')))).toContain('an old duplicate');
    const injected = explained(last(established('ESTABLISHED', 'b --> a : ACK seq=301 ack=101 len=10')));
    expect(injected).toContain('injected or delivered late');
    expect(injected).not.toContain('old duplicate');
  });
});

describe('close with unread data, or data after close (§3.6.1, MAY-1 and SHLD-3)', () => {
  // "If such a host issues a CLOSE call while received data is still pending in the TCP
  // connection, or if new data is received after CLOSE is called, its TCP
  // implementation SHOULD send a RST to show that data was lost (SHLD-3)."
  const withUnread = (state: 'ESTABLISHED' | 'CLOSE-WAIT') => inState(state, ...(state === 'ESTABLISHED' ? ['b -> a : ACK seq=301 ack=101 len=10'] : []));

  // Reads are modelled once the application calls recv (here before any data came).
  it('close in ESTABLISHED with 10 unread bytes owes RST, not FIN, and enters CLOSED', () => {
    const text = inState('ESTABLISHED', 'a: recv', 'b -> a : ACK seq=301 ack=101 len=10') + 'a -> b : ACK seq=101 ack=311\na: close\n';
    const step = last(text);
    expect(step.states.a).toBe('CLOSED');
    expect(replies(step)).toEqual(['a: <SEQ=101><CTL=RST>']);
    expect(step.effects.map((e) => e.text)).toEqual(['close() with 10 unread bytes: RST, not FIN']);
    // The RST can be drawn (and resets b); a FIN cannot.
    const reset = last(text + 'a -> b : RST seq=101\n');
    expect(reset.states).toEqual({ a: 'CLOSED', b: 'CLOSED' });
    expect(analyze(text + 'a -> b : FIN ACK seq=101 ack=311\n').analysis.diagnostics.map((d) => d.code)).toEqual(['send-not-allowed']);
  });

  it('close in CLOSE-WAIT with unread data: RST instead of the FIN of LAST-ACK', () => {
    const text = inState('ESTABLISHED', 'a: recv', 'b -> a : ACK seq=301 ack=101 len=10', 'a -> b : ACK seq=101 ack=311', 'b: close', 'b -> a : FIN ACK seq=311 ack=101', 'a -> b : ACK seq=101 ack=312', 'a: close');
    const step = last(text);
    expect(step.states.a).toBe('CLOSED');
    expect(replies(step)).toEqual(['a: <SEQ=101><CTL=RST>']);
  });

  it('a scenario that never models reads (no recv) closes with FIN', () => {
    const step = last(withUnread('ESTABLISHED') + 'a -> b : ACK seq=101 ack=311\na: close\n');
    expect(step.states.a).toBe('FIN-WAIT-1');
    expect(step.replies).toEqual([]);
  });

  it('close with everything read still sends FIN', () => {
    const step = last(withUnread('ESTABLISHED') + 'a -> b : ACK seq=101 ack=311\na: recv\na: close\n');
    expect(step.states.a).toBe('FIN-WAIT-1');
    expect(step.replies).toEqual([]);
  });

  it('data arriving after close (FIN-WAIT-1) owes RST; the RST from there is accepted', () => {
    const text = inState('FIN-WAIT-1', 'b -> a : ACK seq=301 ack=101 len=10');
    // REACH's FIN-WAIT-1 got there by `a: close`; its FIN (seq=101) is lost, SND.NXT = 102.
    const step = last(text);
    expect(step.states.a).toBe('CLOSED');
    expect(replies(step)).toEqual(['a: <SEQ=102><CTL=RST>']);
    expect(step.effects.map((e) => e.text)).toEqual(['10 bytes after close(): RST']);
    // The RST is drawn without a diagnostic; b never saw the FIN (RCV.NXT = 101), so
    // SEG.SEQ = 102 is in its window but not at RCV.NXT: a challenge ACK (RFC 5961 §3.2).
    const reset = last(text + 'a -> b : RST seq=102\n');
    expect(reset.states).toEqual({ a: 'CLOSED', b: 'ESTABLISHED' });
    expect(replies(reset)).toEqual(['b: <SEQ=311><ACK=101><CTL=ACK>']);
  });

  it('after shutdown (not close) data is still read: no RST', () => {
    const text = inState('ESTABLISHED', 'a: shutdown', 'a -> b : FIN ACK seq=101 ack=301', 'b -> a : ACK seq=301 ack=102 len=10');
    const step = last(text);
    expect(step.states.a).toBe('FIN-WAIT-2');
    expect(replies(step)).toEqual(['a: <SEQ=102><ACK=311><CTL=ACK>']);
  });
});

describe('keep-alives (§3.8.4) and zero-window probes (§3.8.6.1) are not bad-seq', () => {
  // §3.8.4: "Such a segment generally contains SEG.SEQ = SND.NXT-1 and may or may not
  // contain one garbage octet of data."
  it('a keep-alive at SND.NXT-1 with no data is accepted, labelled, and owes an ACK', () => {
    const step = last(established('ESTABLISHED', 'a: timeout KEEPALIVE', 'a -> b : ACK seq=100 ack=301'));
    expect(step.segment?.probe).toBe('keep-alive');
    expect(step.segment?.retransmission).toBe(false);
    expect(replies(step)).toEqual(['b: <SEQ=301><ACK=101><CTL=ACK>']);
    expect(explained(step)).toMatch(/a: keep-alive: .*\nb: keep-alive: /);
  });

  it('one garbage octet is a keep-alive too (MAY-6), not a retransmission', () => {
    const step = last(established('ESTABLISHED', 'a -> b : ACK seq=100 ack=301 len=1'));
    expect(step.segment?.probe).toBe('keep-alive');
    expect(replies(step)).toEqual(['b: <SEQ=301><ACK=101><CTL=ACK>']);
  });

  it('with data outstanding, SND.NXT-1 without data is still bad-seq (MUST-26)', () => {
    const codes = analyze(established('ESTABLISHED', 'a -> b : ACK seq=101 ack=301 len=10', 'a -> b : ACK seq=110 ack=301')).analysis.diagnostics.map((d) => d.code);
    expect(codes).toEqual(['bad-seq']);
  });

  // §3.8.6.1: "The sending TCP peer must regularly transmit at least one octet of new
  // data (if available), or retransmit to the receiving TCP peer even if the send window
  // is zero, in order to "probe" the window." and "When the receiving TCP peer has a zero
  // window and a segment arrives, it must still send an acknowledgment".
  it('a window probe at SND.UNA-1 while the peer\'s window is zero owes an ACK with the window', () => {
    const text = established('ESTABLISHED', 'b -> a : ACK seq=301 ack=101 win=0', 'a: timeout PERSIST', 'a -> b : ACK seq=100 ack=301');
    const step = last(text);
    expect(step.segment?.probe).toBe('window-probe');
    expect(replies(step)).toEqual(['b: <SEQ=301><ACK=101><CTL=ACK>']);
    expect(explained(step)).toContain('window probe');
  });

  it('the timers are refused where they do not run', () => {
    const codes = (text: string) => analyze(text).analysis.diagnostics.map((d) => d.code);
    expect(codes(established('ESTABLISHED', 'a: timeout PERSIST'))).toEqual(['call-not-allowed']);
    expect(codes(established('ESTABLISHED', 'a -> b : ACK seq=101 ack=301 len=10', 'a: timeout KEEPALIVE'))).toEqual(['call-not-allowed']);
    expect(codes(inState('LISTEN', 'a: timeout KEEPALIVE'))).toEqual(['call-not-allowed']);
  });
});

describe('a SYN in TIME-WAIT (§3.6.1, MAY-2)', () => {
  // "it MAY accept a new SYN from the remote TCP endpoint to reopen the connection
  // directly from TIME-WAIT state (MAY-2), if it: (1) assigns its initial sequence number
  // for the new connection to be larger than the largest sequence number it used".
  it('a SYN past RCV.NXT reopens: SYN-RECEIVED, SYN,ACK owed, and the handshake completes', () => {
    const text = inState('TIME-WAIT', 'b --> a : SYN seq=400');
    const step = last(text);
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(replies(step)).toEqual(['a: <ACK=401><CTL=SYN,ACK>']);
    expect(explained(step)).toContain('MAY-2');
  });

  it('a SYN of the old connection\'s numbers gets the challenge ACK and TIME-WAIT stays', () => {
    const step = last(inState('TIME-WAIT', 'b --> a : SYN seq=250'));
    expect(step.states.a).toBe('TIME-WAIT');
    expect(replies(step)).toEqual(['a: <SEQ=102><ACK=302><CTL=ACK>']);
  });
});
