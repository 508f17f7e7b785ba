/**
 * Every user call in every state (RFC 9293 §3.10.1-3.10.5, §3.10.8): allowed calls
 * lead to the state the RFC names; refused ones give `call-not-allowed` with a
 * message that names the state.
 */
import { describe, expect, it } from 'vitest';
import { TCP_STATES, type TcpState } from '../../server/src/engine/states.js';
import { analyze, diagnosticToString, notOwedReply } from '../support/analyze.js';
import { inState } from './states-reached.js';

type Outcome = TcpState | 'refused';

/** What each call does in each state. `same` = allowed, no state change. */
const CALL_TABLE: Record<string, Partial<Record<TcpState, Outcome | 'same'>> & { default: Outcome | 'same' }> = {
  'listen': { CLOSED: 'LISTEN', default: 'refused' },
  'connect': { CLOSED: 'SYN-SENT', LISTEN: 'SYN-SENT', default: 'refused' },
  // a listened in every reaching prefix except CLOSED and SYN-SENT (an active open).
  'accept': { CLOSED: 'refused', 'SYN-SENT': 'refused', default: 'same' },
  'send len=10': {
    'CLOSED': 'refused', 'LISTEN': 'refused',
    'SYN-SENT': 'same', 'SYN-RECEIVED': 'same', 'ESTABLISHED': 'same', 'CLOSE-WAIT': 'same',
    default: 'refused',
  },
  'recv': { CLOSED: 'refused', default: 'same' },
  'close': {
    'CLOSED': 'refused', 'LISTEN': 'CLOSED', 'SYN-SENT': 'CLOSED',
    'SYN-RECEIVED': 'FIN-WAIT-1', 'ESTABLISHED': 'FIN-WAIT-1', 'CLOSE-WAIT': 'LAST-ACK',
    default: 'refused',
  },
  'shutdown': {
    'SYN-RECEIVED': 'FIN-WAIT-1', 'ESTABLISHED': 'FIN-WAIT-1', 'CLOSE-WAIT': 'LAST-ACK',
    default: 'refused',
  },
  'abort': { CLOSED: 'refused', default: 'CLOSED' },
  'crash': { default: 'CLOSED' },
  'timeout 2MSL': { 'TIME-WAIT': 'CLOSED', default: 'refused' },
  // Something is unacknowledged: the SYN, the SYN,ACK, or the FIN.
  'timeout RTO': {
    'SYN-SENT': 'same', 'SYN-RECEIVED': 'same', 'FIN-WAIT-1': 'same', 'CLOSING': 'same', 'LAST-ACK': 'same',
    default: 'refused',
  },
  'timeout USER': { CLOSED: 'refused', default: 'CLOSED' },
};

/** ABORT sends <SEQ=SND.NXT><CTL=RST> only in these states (§3.10.5). */
const ABORT_SENDS_RST: readonly TcpState[] = ['SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT'];

/** SND.NXT of `a` in each state of states-reached.ts. */
const SND_NXT: Partial<Record<TcpState, number>> = {
  'SYN-RECEIVED': 101, 'ESTABLISHED': 101, 'FIN-WAIT-1': 102, 'FIN-WAIT-2': 102, 'CLOSE-WAIT': 101,
};

function lastStep(text: string) {
  const { analysis } = analyze(text);
  return { analysis, step: analysis.steps.at(-1)! };
}

describe('reaching each state', () => {
  it.each(TCP_STATES.map((s) => [s]))('%s is reached without diagnostics', (state) => {
    const text = inState(state, `expect a ${state}`);
    const result = analyze(text).analysis;
    // CLOSING leaves an in-flight FIN undelivered: the only diagnostic allowed.
    expect(result.diagnostics.filter(notOwedReply).map((d) => d.code).filter((c) => c !== 'never-delivered')).toEqual([]);
  });
});

describe.each(Object.keys(CALL_TABLE).map((c) => [c]))('%s', (call) => {
  const row = CALL_TABLE[call];
  it.each(TCP_STATES.map((s) => [s, row[s] ?? row.default]))('in %s: %s', (state, outcome) => {
    const text = inState(state, `a: ${call}`);
    const { analysis, step } = lastStep(text);
    const callErrors = analysis.diagnostics.filter((d) => d.span.startLine === step.line && notOwedReply(d));
    if (outcome === 'refused') {
      expect(callErrors.map((d) => d.code)).toEqual(['call-not-allowed']);
      expect(callErrors[0].severity).toBe('error');
      expect(callErrors[0].message).toContain(state);
      // The call column: `a: ` is 3 characters.
      expect(callErrors[0].span.startColumn).toBe(3);
      expect(step.states.a).toBe(state);
    } else {
      expect(callErrors.map(diagnosticToString)).toEqual([]);
      expect(step.states.a).toBe(outcome === 'same' ? state : outcome);
    }
  });
});

describe('what the calls make due', () => {
  it.each(TCP_STATES.filter((s) => s !== 'CLOSED').map((s) => [s]))('abort in %s', (state) => {
    const { step } = lastStep(inState(state, 'a: abort'));
    if (ABORT_SENDS_RST.includes(state)) {
      expect(step.replies).toHaveLength(1);
      expect(step.replies[0].participant).toBe('a');
      expect(step.replies[0].reply.flags).toEqual(['RST']);
      expect(step.replies[0].reply.seq).toEqual({ symbol: null, offset: SND_NXT[state] });
    } else {
      expect(step.replies).toEqual([]);
    }
  });

  it('the RST that abort made due is sent with seq=SND.NXT and resets the peer (ECONNRESET)', () => {
    const text = inState('ESTABLISHED', 'a: abort', 'a -> b : RST seq=101');
    const { analysis, step } = lastStep(text);
    expect(analysis.diagnostics).toEqual([]);
    expect(step.states).toEqual({ a: 'CLOSED', b: 'CLOSED' });
    expect(step.effects.map((e) => e.text).join()).toContain('ECONNRESET');
  });

  it('an RST with any other seq after abort is bad-seq', () => {
    const text = inState('ESTABLISHED', 'a: abort', 'a -> b : RST seq=100');
    expect(analyze(text).analysis.diagnostics.map((d) => d.code)).toEqual(['bad-seq']);
  });

  it('an RST sent from ESTABLISHED without a call implies abort', () => {
    const { analysis, step } = lastStep(inState('ESTABLISHED', 'a -> b : RST seq=101'));
    expect(analysis.diagnostics).toEqual([]);
    expect(step.states).toEqual({ a: 'CLOSED', b: 'CLOSED' });
  });

  it('crash sends nothing, in any state', () => {
    for (const state of TCP_STATES) {
      const { step } = lastStep(inState(state, 'a: crash'));
      expect(step.replies).toEqual([]);
      expect(step.states.a).toBe('CLOSED');
    }
  });

  it('close makes a FIN due: the next line from a carries it, at SND.NXT', () => {
    const text = inState('ESTABLISHED', 'a: close', 'a -> b : FIN ACK');
    const { analysis, step } = lastStep(text);
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(step.segment?.seq).toEqual({ symbol: null, offset: 101 });
    expect(step.segment?.seqInferred).toBe(true);
    expect(step.states).toEqual({ a: 'FIN-WAIT-1', b: 'CLOSE-WAIT' });
  });

  it('a FIN from ESTABLISHED without close implies close', () => {
    const { analysis, step } = lastStep(inState('ESTABLISHED', 'a -> b : FIN ACK seq=101 ack=301'));
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(step.states).toEqual({ a: 'FIN-WAIT-1', b: 'CLOSE-WAIT' });
  });

  it('a FIN from CLOSE-WAIT without close implies close (→ LAST-ACK)', () => {
    const { analysis, step } = lastStep(inState('CLOSE-WAIT', 'a -> b : FIN ACK seq=101 ack=302'));
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(step.states).toEqual({ a: 'LAST-ACK', b: 'TIME-WAIT' });
  });

  it('a SYN from CLOSED without connect implies connect', () => {
    const { analysis, step } = lastStep(inState('CLOSED', 'b: listen', 'a -> b : SYN seq=100'));
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(step.states).toEqual({ a: 'SYN-SENT', b: 'SYN-RECEIVED' });
  });

  it('accept returns when the handshake completes', () => {
    const text = ['a: listen', 'a: accept', 'b -> a : SYN seq=300', 'a -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=301 ack=101'].join('\n');
    const { analysis } = analyze(text);
    expect(analysis.steps[1].effects.map((e) => e.text)).toEqual(['accept() blocks until the handshake completes']);
    expect(analysis.steps[4].effects.map((e) => `${e.participant}: ${e.text}`)).toContain('a: accept() returns');
  });

  it('recv returns the bytes received, then 0 once the FIN has arrived', () => {
    const text = inState('ESTABLISHED',
      'b -> a : ACK seq=301 ack=101 len=40',
      'a: recv',
      'b -> a : FIN ACK seq=341 ack=101',
      'a: recv');
    const { analysis } = analyze(text);
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    const effects = analysis.steps.map((s) => s.effects.filter((e) => e.participant === 'a').map((e) => e.text)).slice(-3);
    expect(effects[0]).toEqual(['read() returns 40 bytes']);
    expect(effects[2]).toEqual(['read() returns 0 (end of file): the peer sent FIN']);
  });

  it('close after shutdown only releases the socket', () => {
    const text = inState('ESTABLISHED', 'a: shutdown', 'a -> b : FIN ACK seq=101 ack=301', 'a: close');
    const { analysis, step } = lastStep(text);
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(step.states.a).toBe('FIN-WAIT-1');
  });

  it('send after close is refused even before the FIN is drawn', () => {
    const text = inState('ESTABLISHED', 'a: close', 'a: send len=5');
    expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual([`${text.split('\n').length - 1}:4 error call-not-allowed`]);
  });

  it('timeout without a timer is reported', () => {
    expect(analyze('a: timeout').analysis.diagnostics.map((d) => d.code)).toEqual(['bad-field']);
  });

  it('an unknown call is reported and the line still parses', () => {
    expect(analyze('a: bond').analysis.diagnostics.map((d) => d.code)).toEqual(['unknown-call']);
  });
});
