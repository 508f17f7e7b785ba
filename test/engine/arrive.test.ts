/**
 * SEGMENT ARRIVES (RFC 9293 §3.10.7) for CLOSED, LISTEN, SYN-SENT and the
 * synchronized states. Arbitrary segments are delivered with `-->` (only the
 * receiver acts on it), so these tests exercise the receiver alone: the state after
 * the arrival, the reply it makes due (step.replies), and the socket effects.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { formatSeq } from '../../server/src/engine/seq.js';
import type { TcpState } from '../../server/src/engine/states.js';
import { analyze, diagnosticToString, notOwedReply } from '../support/analyze.js';
import { established, replies } from './rfc-notation.js';
import { inState } from './states-reached.js';

/** Runs `text`; returns the last step, after checking the scenario has no diagnostics. */
function last(text: string): Step {
  const { analysis } = analyze(text);
  expect(analysis.diagnostics.filter(notOwedReply).map(diagnosticToString).filter((d) => !d.includes('never-delivered'))).toEqual([]);
  return analysis.steps.at(-1)!;
}

const effects = (step: Step) => step.effects.map((e) => `${e.participant}: ${e.text}`);

describe('CLOSED (§3.10.7.1)', () => {
  it('a SYN is answered by <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> (SYN counts one)', () => {
    const step = last('b --> a : SYN seq=300');
    expect(step.states.a).toBe('CLOSED');
    expect(replies(step)).toEqual(['a: <SEQ=0><ACK=301><CTL=RST,ACK>']);
  });

  it('SEG.LEN includes the payload and the FIN', () => {
    expect(replies(last('b --> a : SYN seq=300 len=10'))).toEqual(['a: <SEQ=0><ACK=311><CTL=RST,ACK>']);
    expect(replies(last('b --> a : FIN ACK seq=300 ack=7'))).toEqual(['a: <SEQ=7><CTL=RST>']);
    expect(replies(last('b --> a : FIN seq=300 len=4'))).toEqual(['a: <SEQ=0><ACK=305><CTL=RST,ACK>']);
  });

  it('a segment with ACK is answered by <SEQ=SEG.ACK><CTL=RST>', () => {
    expect(replies(last('b --> a : ACK seq=300 ack=101 len=5'))).toEqual(['a: <SEQ=101><CTL=RST>']);
  });

  it('an RST is discarded', () => {
    const step = last('b --> a : RST seq=300');
    expect(step.replies).toEqual([]);
    expect(step.states.a).toBe('CLOSED');
  });

  it('the due reset can be drawn, and only with its RFC-formed numbers', () => {
    const ok = ['participant client', 'participant server', 'client -> server : SYN seq=J', 'server -> client : RST ACK seq=0 ack=J+1'].join('\n');
    const step = last(ok);
    expect(step.states).toEqual({ client: 'CLOSED', server: 'CLOSED' });
    expect(effects(step)).toEqual(['client: connect() fails: ECONNREFUSED ("connection refused")']);
    const badAck = ok.replace('ack=J+1', 'ack=J');
    expect(analyze(badAck).analysis.diagnostics.map((d) => d.code)).toEqual(['bad-ack']);
    const badSeq = ok.replace('seq=0', 'seq=5');
    expect(analyze(badSeq).analysis.diagnostics.map((d) => d.code)).toEqual(['bad-seq']);
    const noAck = ok.replace('RST ACK seq=0 ack=J+1', 'RST seq=0');
    expect(analyze(noAck).analysis.diagnostics.map((d) => d.code)).toEqual(['send-not-allowed']);
  });
});

describe('LISTEN (§3.10.7.2)', () => {
  it('an RST is ignored', () => {
    const step = last(inState('LISTEN', 'b --> a : RST seq=300'));
    expect(step.states.a).toBe('LISTEN');
    expect(step.replies).toEqual([]);
  });

  it('an ACK is answered by <SEQ=SEG.ACK><CTL=RST> and the endpoint stays in LISTEN', () => {
    const step = last(inState('LISTEN', 'b --> a : ACK seq=300 ack=77'));
    expect(step.states.a).toBe('LISTEN');
    expect(replies(step)).toEqual(['a: <SEQ=77><CTL=RST>']);
  });

  it('a SYN leads to SYN-RECEIVED with a SYN,ACK due (ISS not chosen yet)', () => {
    const step = last(inState('LISTEN', 'b --> a : SYN seq=300'));
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(replies(step)).toEqual(['a: <ACK=301><CTL=SYN,ACK>']);
    expect(step.variables.filter((v) => v.participant === 'a').map((v) => `${v.variable}=${formatSeq(v.after!)}`)).toEqual(['IRS=300', 'RCV.NXT=301']);
  });

  it('a segment with none of SYN, ACK, RST is dropped', () => {
    const step = last(inState('LISTEN', 'b --> a : FIN seq=300'));
    expect(step.states.a).toBe('LISTEN');
    expect(step.replies).toEqual([]);
  });
});

describe('SYN-SENT (§3.10.7.3); ISS=100, SND.NXT=101', () => {
  const synSent = (line: string) => inState('SYN-SENT', line);

  it('a SYN,ACK acknowledging our SYN leads to ESTABLISHED with an ACK due; connect() returns', () => {
    const step = last(synSent('b --> a : SYN ACK seq=300 ack=101'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(effects(step)).toEqual(['a: connect() returns']);
  });

  it.each([['100', 'SEG.ACK = ISS'], ['99', 'SEG.ACK < ISS'], ['102', 'SEG.ACK > SND.NXT']])('an unacceptable ACK (ack=%s, %s) is answered by <SEQ=SEG.ACK><CTL=RST>', (ack) => {
    const step = last(synSent(`b --> a : SYN ACK seq=300 ack=${ack}`));
    expect(step.states.a).toBe('SYN-SENT');
    expect(replies(step)).toEqual([`a: <SEQ=${ack}><CTL=RST>`]);
  });

  it('an unacceptable ACK is checked before the RST bit: an RST,ACK with a bad ACK is dropped', () => {
    const step = last(synSent('b --> a : RST ACK seq=0 ack=100'));
    expect(step.states.a).toBe('SYN-SENT');
    expect(step.replies).toEqual([]);
  });

  it('an RST,ACK acknowledging our SYN resets the connection: ECONNREFUSED', () => {
    const step = last(synSent('b --> a : RST ACK seq=0 ack=101'));
    expect(step.states.a).toBe('CLOSED');
    expect(effects(step)).toEqual(['a: connect() fails: ECONNREFUSED ("connection refused")']);
  });

  it('an RST without ACK is dropped', () => {
    const step = last(synSent('b --> a : RST seq=0'));
    expect(step.states.a).toBe('SYN-SENT');
    expect(step.replies).toEqual([]);
  });

  it('a SYN without ACK (simultaneous open) leads to SYN-RECEIVED with <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> due', () => {
    const step = last(synSent('b --> a : SYN seq=300'));
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(replies(step)).toEqual(['a: <SEQ=100><ACK=301><CTL=SYN,ACK>']);
  });

  it('an acceptable ACK with neither SYN nor RST is dropped', () => {
    const step = last(synSent('b --> a : ACK seq=300 ack=101'));
    expect(step.states.a).toBe('SYN-SENT');
    expect(step.replies).toEqual([]);
  });

  it('after connect but before the SYN is drawn (ISS not chosen) any ACK is unacceptable', () => {
    const step = last(['a: connect', 'b --> a : SYN ACK seq=300 ack=101'].join('\n'));
    expect(step.states.a).toBe('SYN-SENT');
    expect(replies(step)).toEqual(['a: <SEQ=101><CTL=RST>']);
  });
});

describe('synchronized states (§3.10.7.4): acceptability (Table 6)', () => {
  it('a zero-length segment at RCV.NXT is acceptable', () => {
    const step = last(established('ESTABLISHED', 'b --> a : ACK seq=301 ack=101'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(step.replies).toEqual([]);
  });

  it.each([
    ['one before RCV.NXT', 'seq=300'],
    ['at RCV.NXT+RCV.WND (just outside the default window of 65535)', 'seq=65836'],
  ])('a zero-length segment %s is not acceptable: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>', (_, seq) => {
    const step = last(established('ESTABLISHED', `b --> a : ACK ${seq} ack=101`));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(step.explanations.map((e) => e.text).join()).toMatch(/not acceptable/);
  });

  it('a zero-length segment at the last number of the window is acceptable', () => {
    const step = last(established('ESTABLISHED', 'b --> a : ACK seq=65835 ack=101'));
    expect(step.replies).toEqual([]);
  });

  it('data that starts before RCV.NXT and ends inside the window is trimmed: only the new bytes count', () => {
    const step = last(established('ESTABLISHED', 'b --> a : ACK seq=291 ack=101 len=20'));
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
    expect(step.variables.map((v) => `${v.participant} ${v.variable}=${formatSeq(v.after!)}`)).toEqual(['a RCV.NXT=311']);
  });

  it('an old duplicate ending exactly at RCV.NXT is acknowledged again without advancing RCV.NXT', () => {
    const step = last(established('ESTABLISHED', 'b --> a : ACK seq=291 ack=101 len=10'));
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(step.variables).toEqual([]);
  });

  it('an old duplicate entirely before RCV.NXT is not acceptable and is answered by an ACK', () => {
    const step = last(established('ESTABLISHED', 'b --> a : ACK seq=281 ack=101 len=10'));
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(step.variables).toEqual([]);
  });

  it('data beyond a hole is queued and answered by a duplicate ACK; filling the hole delivers both', () => {
    const text = established('ESTABLISHED', 'b --> a : ACK seq=311 ack=101 len=10', 'b --> a : ACK seq=301 ack=101 len=10');
    const { analysis } = analyze(text);
    const [gap, fill] = analysis.steps;
    expect(replies(gap)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(replies(fill)).toEqual(['a: <SEQ=101><ACK=321><CTL=ACK>']);
  });

  describe('zero receive window (advertised by a with win=0)', () => {
    const zero = (line: string) => [
      'participant a starts ESTABLISHED snd=101 rcv=301',
      'participant b starts ESTABLISHED snd=301 rcv=101',
      'a -> b : ACK seq=101 ack=301 win=0',
      line,
    ].join('\n');

    it('a zero-length segment at RCV.NXT is acceptable', () => {
      expect(last(zero('b --> a : ACK seq=301 ack=101')).replies).toEqual([]);
    });

    it('a zero-length segment anywhere else is not', () => {
      expect(replies(last(zero('b --> a : ACK seq=302 ack=101')))).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    });

    it('data at RCV.NXT is not taken: answered by an ACK, RCV.NXT unchanged', () => {
      const step = last(zero('b --> a : ACK seq=301 ack=101 len=1'));
      expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
      expect(step.variables).toEqual([]);
    });

    it('data elsewhere is not acceptable at all', () => {
      const step = last(zero('b --> a : ACK seq=302 ack=101 len=1'));
      expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
      expect(step.explanations.map((e) => e.text).join()).toMatch(/not acceptable/);
    });

    it('but the ACK it carries is processed ("special allowance should be made to accept valid ACKs")', () => {
      const text = [
        'participant a starts ESTABLISHED snd=101 rcv=301',
        'participant b starts ESTABLISHED snd=301 rcv=101',
        'a -> b : ACK seq=101 ack=301 len=10',
        'a -> b : ACK seq=111 ack=301 win=0',
        'b --> a : ACK seq=301 ack=111 len=1',
      ].join('\n');
      const step = last(text);
      expect(step.variables.map((v) => `${v.participant} ${v.variable}=${formatSeq(v.after!)}`)).toEqual(['a SND.UNA=111']);
      expect(replies(step)).toEqual(['a: <SEQ=111><ACK=301><CTL=ACK>']);
    });

    it('and an RST exactly at RCV.NXT still resets', () => {
      expect(last(zero('b --> a : RST seq=301')).states.a).toBe('CLOSED');
    });

    it('a FIN at RCV.NXT does not fit either: the state does not change', () => {
      const step = last(zero('b --> a : FIN ACK seq=301 ack=101'));
      expect(step.states.a).toBe('ESTABLISHED');
      expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    });
  });

  it('an open window is not cut at its right edge (win= is unscaled; window scaling is not modelled)', () => {
    const text = [
      'participant a starts ESTABLISHED snd=101 rcv=301',
      'participant b starts ESTABLISHED snd=301 rcv=101',
      'a -> b : ACK seq=101 ack=301 win=100',
      'b --> a : ACK seq=301 ack=101 len=150',
    ].join('\n');
    const step = last(text);
    expect(step.variables.map((v) => `${v.variable}=${formatSeq(v.after!)}`)).toEqual(['RCV.NXT=451']);
  });
});

describe('synchronized states: RST (RFC 5961 §3 as RFC 9293 recommends)', () => {
  it('an RST exactly at RCV.NXT resets an ESTABLISHED connection: ECONNRESET', () => {
    const step = last(established('ESTABLISHED', 'b --> a : RST seq=301'));
    expect(step.states.a).toBe('CLOSED');
    expect(effects(step)).toEqual(['a: ECONNRESET ("connection reset")']);
    expect(step.replies).toEqual([]);
  });

  it('an RST in the window but not at RCV.NXT is answered by a challenge ACK', () => {
    const step = last(established('ESTABLISHED', 'b --> a : RST seq=302'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(step.explanations.some((e) => e.rule.includes('RFC 5961'))).toBe(true);
  });

  it.each([['before RCV.NXT', 'seq=300'], ['beyond the window', 'seq=70000']])('an RST %s is silently dropped', (_, seq) => {
    const step = last(established('ESTABLISHED', `b --> a : RST ${seq}`));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(step.replies).toEqual([]);
  });

  it.each([
    ['FIN-WAIT-1', 'ECONNRESET'], ['FIN-WAIT-2', 'ECONNRESET'], ['CLOSE-WAIT', 'ECONNRESET'],
    ['CLOSING', undefined], ['LAST-ACK', undefined], ['TIME-WAIT', undefined],
  ] as Array<[TcpState, string | undefined]>)('an exact RST in %s leads to CLOSED', (state, error) => {
    const step = last(established(state, 'b --> a : RST seq=301'));
    expect(step.states.a).toBe('CLOSED');
    expect(effects(step)).toEqual(error ? [`a: ${error} ("connection reset")`] : []);
  });

  it('an RST in SYN-RECEIVED of a passive open returns to LISTEN', () => {
    const step = last(inState('SYN-RECEIVED', 'b --> a : RST seq=301'));
    expect(step.states.a).toBe('LISTEN');
  });

  it('an RST in SYN-RECEIVED of a simultaneous (active) open leads to CLOSED: ECONNREFUSED', () => {
    const text = ['a: connect', 'a -x b : SYN seq=100', 'b --> a : SYN seq=300', 'b --> a : RST seq=301'].join('\n');
    const step = last(text);
    expect(step.states.a).toBe('CLOSED');
    expect(effects(step)).toEqual(['a: ECONNREFUSED ("connection refused")']);
  });
});

describe('synchronized states: SYN', () => {
  // Not TIME-WAIT: there a SYN at or past RCV.NXT reopens the connection (§3.6.1 MAY-2, rfc9293-rules.test.ts).
  it.each(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK'] as TcpState[])('a SYN in the window in %s gets a challenge ACK, the state is unchanged', (state) => {
    const step = last(established(state, 'b --> a : SYN seq=301'));
    expect(step.states.a).toBe(state);
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(step.explanations.some((e) => e.rule.includes('RFC 5961 §4'))).toBe(true);
  });

  it('a SYN outside the window fails the acceptability test and is answered by an ACK too', () => {
    const step = last(established('ESTABLISHED', 'b --> a : SYN seq=9'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
  });

  it('the challenge ACK can be drawn as the next segment, and the peer that lost its state answers RST', () => {
    const text = [
      'participant a starts ESTABLISHED snd=101 rcv=301',
      'participant b starts ESTABLISHED snd=301 rcv=101',
      'b: crash',
      'b -> a : SYN seq=900',
      'a -> b : ACK',
      'b -> a : RST seq=301',
    ].join('\n');
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    const challenge = analysis.steps[2];
    expect(challenge.segment).toMatchObject({ seq: { offset: 101 }, ack: { offset: 301 }, seqInferred: true, ackInferred: true });
    expect(analysis.steps.at(-1)!.states).toEqual({ a: 'CLOSED', b: 'SYN-SENT' });
  });

  it('a SYN in SYN-RECEIVED of a passive open returns to LISTEN', () => {
    const step = last(inState('SYN-RECEIVED', 'b --> a : SYN seq=301'));
    expect(step.states.a).toBe('LISTEN');
  });
});

describe('synchronized states: ACK', () => {
  it('a segment without ACK is dropped', () => {
    const step = last(established('ESTABLISHED', 'b --> a : PSH seq=301 len=5'));
    expect(step.replies).toEqual([]);
    expect(step.variables).toEqual([]);
  });

  it('SYN-RECEIVED → ESTABLISHED when SND.UNA < SEG.ACK ≤ SND.NXT; accept() returns', () => {
    const step = last(inState('SYN-RECEIVED', 'a: accept', 'b --> a : ACK seq=301 ack=101'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(effects(step)).toEqual(['a: accept() returns']);
  });

  it.each(['100', '102'])('SYN-RECEIVED: an unacceptable ACK (ack=%s) is answered by <SEQ=SEG.ACK><CTL=RST>', (ack) => {
    const step = last(inState('SYN-RECEIVED', `b --> a : ACK seq=301 ack=${ack}`));
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(replies(step)).toEqual([`a: <SEQ=${ack}><CTL=RST>`]);
  });

  it('ESTABLISHED: an ACK of something not yet sent is answered by an ACK and the segment dropped', () => {
    const step = last(established('ESTABLISHED', 'b --> a : ACK seq=301 ack=150 len=10'));
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(step.variables).toEqual([]);
  });

  it('ESTABLISHED: an old (duplicate) ACK is ignored but its data is still accepted', () => {
    const text = established('ESTABLISHED',
      'a -> b : ACK seq=101 ack=301 len=10',
      'b -> a : ACK seq=301 ack=111',
      'b --> a : ACK seq=301 ack=105 len=10');
    const step = last(text);
    expect(replies(step)).toEqual(['a: <SEQ=111><ACK=311><CTL=ACK>']);
    expect(step.variables.map((v) => `${v.variable}=${formatSeq(v.after!)}`)).toEqual(['RCV.NXT=311']);
  });

  it('FIN-WAIT-1 → FIN-WAIT-2 when our FIN is acknowledged; a partial ACK leaves FIN-WAIT-1', () => {
    const text = inState('ESTABLISHED',
      'a -> b : ACK seq=101 ack=301 len=10',
      'a: close',
      'a -x b : FIN ACK seq=111 ack=301',
      'b --> a : ACK seq=301 ack=111',
      'b --> a : ACK seq=301 ack=112');
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps.slice(-2).map((s) => s.states.a)).toEqual(['FIN-WAIT-1', 'FIN-WAIT-2']);
  });

  it('CLOSING → TIME-WAIT when our FIN is acknowledged', () => {
    const step = last(inState('CLOSING', 'b --> a : ACK seq=302 ack=102'));
    expect(step.states.a).toBe('TIME-WAIT');
  });

  it('LAST-ACK → CLOSED when our FIN is acknowledged', () => {
    const step = last(inState('LAST-ACK', 'b --> a : ACK seq=302 ack=102'));
    expect(step.states.a).toBe('CLOSED');
  });

  it('TIME-WAIT: a retransmitted FIN is acknowledged again and the state stays TIME-WAIT', () => {
    const text = inState('TIME-WAIT', 'a -x b : ACK seq=102 ack=302', 'b: timeout RTO', 'b -> a : FIN ACK seq=301 ack=102', 'a -> b : ACK seq=102 ack=302');
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    const [, , refin, reack] = analysis.steps.slice(-4);
    expect(refin.segment?.retransmission).toBe(true);
    expect(refin.states).toEqual({ a: 'TIME-WAIT', b: 'LAST-ACK' });
    expect(replies(refin)).toEqual(['a: <SEQ=102><ACK=302><CTL=ACK>']);
    expect(reack.states).toEqual({ a: 'TIME-WAIT', b: 'CLOSED' });
  });
});

describe('synchronized states: FIN', () => {
  it.each([
    ['ESTABLISHED', 'seq=301', 'CLOSE-WAIT'],
    ['FIN-WAIT-2', 'seq=301', 'TIME-WAIT'],
  ] as Array<[TcpState, string, TcpState]>)('a FIN in %s leads to the next state', (state, seq, next) => {
    const text = state === 'FIN-WAIT-2'
      ? [`participant a starts FIN-WAIT-2 snd=102 rcv=301`, `b --> a : FIN ACK ${seq} ack=102`].join('\n')
      : established(state, `b --> a : FIN ACK ${seq} ack=101`);
    const step = last(text);
    expect(step.states.a).toBe(next);
    expect(replies(step)).toEqual([`a: <SEQ=${state === 'FIN-WAIT-2' ? 102 : 101}><ACK=302><CTL=ACK>`]);
    expect(effects(step)).toEqual(['a: read() returns 0 (end of file)']);
  });

  it('a FIN in SYN-RECEIVED that also acknowledges our SYN: ESTABLISHED, then CLOSE-WAIT', () => {
    const step = last(inState('SYN-RECEIVED', 'b --> a : FIN ACK seq=301 ack=101'));
    expect(step.states.a).toBe('CLOSE-WAIT');
  });

  it('a FIN in FIN-WAIT-1 that does not acknowledge our FIN: CLOSING', () => {
    const step = last(inState('FIN-WAIT-1', 'b --> a : FIN ACK seq=301 ack=101'));
    expect(step.states.a).toBe('CLOSING');
  });

  it('a FIN in FIN-WAIT-1 that acknowledges our FIN: straight to TIME-WAIT', () => {
    const step = last(inState('FIN-WAIT-1', 'b --> a : FIN ACK seq=301 ack=102'));
    expect(step.states.a).toBe('TIME-WAIT');
  });

  it.each(['CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'] as TcpState[])('a retransmitted FIN in %s leaves the state and is acknowledged', (state) => {
    // The peer's FIN took 301; RCV.NXT is 302. Its retransmission starts at 301.
    const step = last(inState(state, `b --> a : FIN ACK seq=301 ack=${state === 'CLOSE-WAIT' ? 101 : 101}`));
    expect(step.states.a).toBe(state);
    expect(step.replies.map((r) => r.reply.flags)).toEqual([['ACK']]);
    expect(step.replies[0].reply.ack).toEqual({ symbol: null, offset: 302 });
  });

  it('data after the peer\'s FIN is ignored (CLOSE-WAIT)', () => {
    const step = last(inState('CLOSE-WAIT', 'b --> a : ACK seq=302 ack=101 len=5'));
    expect(step.variables).toEqual([]);
  });
});
