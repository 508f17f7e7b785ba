/**
 * RFC 9293 §3.5-3.6, Figures 6-13, written as scenarios: every event line must give
 * exactly the states the figure shows for it, with no diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { analyze, dedent, diagnosticToString, statesByLine, notOwedReply } from '../support/analyze.js';

function expectFigure(text: string, expected: Array<[string, Record<string, string>]>): void {
  const source = dedent(text);
  expect(analyze(source).analysis.diagnostics.filter(notOwedReply).map(diagnosticToString)).toEqual([]);
  expect(statesByLine(source)).toEqual(expected);
}

describe('RFC 9293 figures', () => {
  it('Figure 6: basic three-way handshake', () => {
    expectFigure(`
      participant A
      participant B starts LISTEN
      A -> B : SYN seq=100
      B -> A : SYN ACK seq=300 ack=101
      A -> B : ACK seq=101 ack=301
      A -> B : ACK seq=101 ack=301 len=10
    `, [
      ['A -> B : SYN seq=100', { A: 'SYN-SENT', B: 'SYN-RECEIVED' }],
      ['B -> A : SYN ACK seq=300 ack=101', { A: 'ESTABLISHED', B: 'SYN-RECEIVED' }],
      ['A -> B : ACK seq=101 ack=301', { A: 'ESTABLISHED', B: 'ESTABLISHED' }],
      ['A -> B : ACK seq=101 ack=301 len=10', { A: 'ESTABLISHED', B: 'ESTABLISHED' }],
    ]);
  });

  it('Figure 7: simultaneous connection synchronization (a SYN,ACK arriving in SYN-RECEIVED)', () => {
    expectFigure(`
      participant A
      participant B
      A ~> B : SYN seq=100 as synA
      B -> A : SYN seq=300
      deliver synA
      A ~> B : SYN ACK seq=100 ack=301 as synackA
      B -> A : SYN ACK seq=300 ack=101
      deliver synackA
    `, [
      ['A ~> B : SYN seq=100 as synA', { A: 'SYN-SENT', B: 'CLOSED' }],
      ['B -> A : SYN seq=300', { A: 'SYN-RECEIVED', B: 'SYN-SENT' }],
      ['deliver synA', { A: 'SYN-RECEIVED', B: 'SYN-RECEIVED' }],
      ['A ~> B : SYN ACK seq=100 ack=301 as synackA', { A: 'SYN-RECEIVED', B: 'SYN-RECEIVED' }],
      ['B -> A : SYN ACK seq=300 ack=101', { A: 'ESTABLISHED', B: 'SYN-RECEIVED' }],
      ['deliver synackA', { A: 'ESTABLISHED', B: 'ESTABLISHED' }],
    ]);
  });

  it('Figure 8: recovery from an old duplicate SYN (an RST whose seq is the offending SEG.ACK)', () => {
    expectFigure(`
      participant A
      participant B starts LISTEN
      A ~> B : SYN seq=100 as syn
      A --> B : SYN seq=90
      B -> A : SYN ACK seq=300 ack=91
      A -> B : RST seq=91
      deliver syn
      B -> A : SYN ACK seq=400 ack=101
      A -> B : ACK seq=101 ack=401
    `, [
      ['A ~> B : SYN seq=100 as syn', { A: 'SYN-SENT', B: 'LISTEN' }],
      ['A --> B : SYN seq=90', { A: 'SYN-SENT', B: 'SYN-RECEIVED' }],
      ['B -> A : SYN ACK seq=300 ack=91', { A: 'SYN-SENT', B: 'SYN-RECEIVED' }],
      ['A -> B : RST seq=91', { A: 'SYN-SENT', B: 'LISTEN' }],
      ['deliver syn', { A: 'SYN-SENT', B: 'SYN-RECEIVED' }],
      ['B -> A : SYN ACK seq=400 ack=101', { A: 'ESTABLISHED', B: 'SYN-RECEIVED' }],
      ['A -> B : ACK seq=101 ack=401', { A: 'ESTABLISHED', B: 'ESTABLISHED' }],
    ]);
  });

  it('Figure 9: half-open connection discovery', () => {
    expectFigure(`
      participant A
      participant B starts ESTABLISHED snd=300 rcv=100
      A: crash
      A -> B : SYN seq=400
      B -> A : ACK seq=300 ack=100
      A -> B : RST seq=100
      A -> B : SYN seq=400
    `, [
      ['A: crash', { A: 'CLOSED', B: 'ESTABLISHED' }],
      ['A -> B : SYN seq=400', { A: 'SYN-SENT', B: 'ESTABLISHED' }],
      ['B -> A : ACK seq=300 ack=100', { A: 'SYN-SENT', B: 'ESTABLISHED' }],
      ['A -> B : RST seq=100', { A: 'SYN-SENT', B: 'CLOSED' }],
      ['A -> B : SYN seq=400', { A: 'SYN-SENT', B: 'CLOSED' }],
    ]);
  });

  it('Figure 10: the active side causes half-open connection discovery', () => {
    expectFigure(`
      participant A
      participant B starts ESTABLISHED snd=300 rcv=100
      A: crash
      B -> A : ACK seq=300 ack=100 len=10
      A -> B : RST seq=100
    `, [
      ['A: crash', { A: 'CLOSED', B: 'ESTABLISHED' }],
      ['B -> A : ACK seq=300 ack=100 len=10', { A: 'CLOSED', B: 'ESTABLISHED' }],
      ['A -> B : RST seq=100', { A: 'CLOSED', B: 'CLOSED' }],
    ]);
  });

  it('Figure 11: an old duplicate SYN initiates a reset on two passive sockets', () => {
    expectFigure(`
      participant A starts LISTEN
      participant B starts LISTEN
      A --> B : SYN seq=Z
      B -> A : SYN ACK seq=X ack=Z+1
      A -> B : RST seq=Z+1
    `, [
      ['A --> B : SYN seq=Z', { A: 'LISTEN', B: 'SYN-RECEIVED' }],
      ['B -> A : SYN ACK seq=X ack=Z+1', { A: 'LISTEN', B: 'SYN-RECEIVED' }],
      ['A -> B : RST seq=Z+1', { A: 'LISTEN', B: 'LISTEN' }],
    ]);
  });

  it('Figure 12: normal close sequence', () => {
    expectFigure(`
      participant A starts ESTABLISHED snd=100 rcv=300
      participant B starts ESTABLISHED snd=300 rcv=100
      A: close
      A -> B : FIN ACK seq=100 ack=300
      B -> A : ACK seq=300 ack=101
      B: close
      B -> A : FIN ACK seq=300 ack=101
      A -> B : ACK seq=101 ack=301
      A: timeout 2MSL
    `, [
      ['A: close', { A: 'FIN-WAIT-1', B: 'ESTABLISHED' }],
      ['A -> B : FIN ACK seq=100 ack=300', { A: 'FIN-WAIT-1', B: 'CLOSE-WAIT' }],
      ['B -> A : ACK seq=300 ack=101', { A: 'FIN-WAIT-2', B: 'CLOSE-WAIT' }],
      ['B: close', { A: 'FIN-WAIT-2', B: 'LAST-ACK' }],
      ['B -> A : FIN ACK seq=300 ack=101', { A: 'TIME-WAIT', B: 'LAST-ACK' }],
      ['A -> B : ACK seq=101 ack=301', { A: 'TIME-WAIT', B: 'CLOSED' }],
      ['A: timeout 2MSL', { A: 'CLOSED', B: 'CLOSED' }],
    ]);
  });

  it('Figure 13: simultaneous close sequence', () => {
    expectFigure(`
      participant A starts ESTABLISHED snd=100 rcv=300
      participant B starts ESTABLISHED snd=300 rcv=100
      A: close
      B: close
      A ~> B : FIN ACK seq=100 ack=300 as finA
      B -> A : FIN ACK seq=300 ack=100
      deliver finA
      A ~> B : ACK seq=101 ack=301 as ackA
      B -> A : ACK seq=301 ack=101
      deliver ackA
      A: timeout 2MSL
      B: timeout 2MSL
    `, [
      ['A: close', { A: 'FIN-WAIT-1', B: 'ESTABLISHED' }],
      ['B: close', { A: 'FIN-WAIT-1', B: 'FIN-WAIT-1' }],
      ['A ~> B : FIN ACK seq=100 ack=300 as finA', { A: 'FIN-WAIT-1', B: 'FIN-WAIT-1' }],
      ['B -> A : FIN ACK seq=300 ack=100', { A: 'CLOSING', B: 'FIN-WAIT-1' }],
      ['deliver finA', { A: 'CLOSING', B: 'CLOSING' }],
      ['A ~> B : ACK seq=101 ack=301 as ackA', { A: 'CLOSING', B: 'CLOSING' }],
      ['B -> A : ACK seq=301 ack=101', { A: 'TIME-WAIT', B: 'CLOSING' }],
      ['deliver ackA', { A: 'TIME-WAIT', B: 'TIME-WAIT' }],
      ['A: timeout 2MSL', { A: 'CLOSED', B: 'TIME-WAIT' }],
      ['B: timeout 2MSL', { A: 'CLOSED', B: 'CLOSED' }],
    ]);
  });
});
