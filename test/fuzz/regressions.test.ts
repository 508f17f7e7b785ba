/**
 * Inputs the fuzzers found, shrunk by hand to their smallest form, kept as plain tests
 * so that they run on every `npm test` whatever seed the properties draw.
 */
import { describe, expect, it } from 'vitest';
import { generateMermaid } from '../../server/src/diagram/mermaid.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { mermaidProblems } from './invariants.js';

describe('fuzz regressions', () => {
  it('a diagram window that starts after connect() re-opens its activation bar (no deactivate of an inactive participant)', () => {
    // Found by the generateMermaid property (maxMessages 0, focus mid-handshake). Mermaid
    // rejects the whole diagram ("Trying to inactivate an inactive participant").
    const text = 'server: listen\nclient: connect\nclient -> server : SYN\nserver -> client : SYN ACK\nclient -> server : ACK\n';
    const { scenario, analysis } = analyzeText(text);
    const diagram = generateMermaid(scenario, analysis, { maxMessages: 1, focusLine: 3 });
    expect(mermaidProblems(diagram.text)).toEqual([]);
    expect(diagram.text).toContain('activate client\nserver->>client');
  });

  it('a listener with two peers, then a line the multiple-peers fix renames: no endless re-try of its fix', () => {
    // Found by the analyzeText property (seed 295123953): the listener's routing renamed
    // the line the multiple-peers fix made, which was fixed again, without end (stack overflow).
    // (Not shrunk: the fuzzer's input as it was, an example with one line mangled.)
    const text = "\n// A half-open connection: one side crashed and lost its state, the other still\n// thinks the connection is ESTABLISHED. RFC 9293 §3.5.1, Figure 9 (\"Half-open\n// connection discovery\") and Figure 10 (\"Active side causes half-open connection\n// discovery\"). A segment that reaches a host with no connection is answered by RST\n// (§3.10.7.1); a SYN that reaches an ESTABLISHED connection gets a challenge ACK\n// (RFC 5961 §4, recommended by RFC 9293 §3.10.7.4), which the crashed side answers\n// with RST. The two RFC figures are drawn one after the other.\nscenario \"Half-open connection discovery\"\n\nparticipant a as \"TCP A (crashes)\"\nparticipant b as \"TCP B\"\n\nb: listen\nscenarioa -> b : SYN seq=100\n2MSL loop crash rect SYN send PSH\nb -> a : SYN ACK seq=300 ack=101\na -> b : ACK seq=101 ack=301\nexpect a ESTABLISHED, b ESTABLISHED\n\n// Figure 9: A crashes, and tries to open a new connection.\na: crash\nnote over a : the host loses all connection state: CLOSED, no TCB, nothing sent\nexpect a CLOSED, b ESTABLISHED\na -> b : SYN seq=400\nnote over b : a SYN on an ESTABLISHED connection: do not reset, send a challenge ACK\nexpect a SYN-SENT, b ESTABLISHED\nb -> a : ACK seq=301 ack=101\nnote over a : SYN-SENT: ack=101 does not acknowledge our SYN (400): answer with <SEQ=SEG.ACK><CTL=RST>\na -> b : RST seq=101\nnote over b : the RST is exactly at RCV.NXT (101): B aborts the old connection\nexpect a SYN-SENT, b CLOSED\n\n// Figure 9 ends with A's SYN sent again (its retransmission timer fired); B\n// listens again, so this time the handshake completes.\nb: listen\na: timeout RTO\na -> b : SYN seq=400\nnote over a, b : the retransmitted SYN now opens a fresh connection\nb -> a : SYN ACK seq=800 ack=401\na -> b : ACK seq=401 ack=801\nexpect a ESTABLISHED, b ESTABLISHED\n\n// Figure 10: A crashes again, and this time B is the one that sends.\na: crash\nb -> a : PSH ACK seq=801 ack=401 len=10\nnote over a : no TCB: a segment with ACK is answered by <SEQ=SEG.ACK><CTL=RST>\na -> b : RST seq=401\nnote over b : B learns the connection is gone (ECONNRESET)\nexpect a CLOSED, b CLOSED\n";
    expect(() => analyzeText(text)).not.toThrow();
  });
});
