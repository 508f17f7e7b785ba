/**
 * Issue 13: a reply owed and never drawn gets a word at the end of the scenario — an
 * `owed-reply` information per endpoint, on the line that made the reply due, when the
 * peer is left waiting for it (engine/owed-at-end.ts), with the fix that draws it at the end.
 */
import { describe, expect, it } from 'vitest';
import { analyze, dedent, diagnosticToString } from '../support/analyze.js';
import { applyFix, preferredFix } from './fixes.js';

/** RFC 9293 Figure 8, stopped where the client must answer the old duplicate's SYN,ACK with RST. */
const FIGURE_8_CUT = dedent(`
  participant A
  participant B starts LISTEN
  A ~> B : SYN seq=100 as syn
  A --> B : SYN seq=90
  B -> A : SYN ACK seq=300 ack=91
  expect A SYN-SENT, B SYN-RECEIVED
`);

describe('owed-reply: a reply owed when the scenario ends', () => {
  it('Figure 8 stopped before the RST: A owes RST seq=91 for the SYN,ACK, B is left in SYN-RECEIVED', () => {
    const ds = analyze(FIGURE_8_CUT).analysis.diagnostics.filter((d) => d.code !== 'never-delivered');
    expect(ds.map(diagnosticToString)).toEqual(['5:1 info owed-reply']);
    expect(ds[0].message).toBe('A owes RST seq=91 for line 5 (RFC 9293 §3.10.7.3: SYN-SENT answers an unacceptable ACK by <SEQ=SEG.ACK><CTL=RST>), '
      + 'and the scenario ends without it: B is left waiting in SYN-RECEIVED. Draw it if A sends it; leaving it out shows a reply lost or never sent.');
  });

  it('its fix draws the reply at the end, after the lines that follow the one that made it due', () => {
    const [d] = analyze(FIGURE_8_CUT).analysis.diagnostics.filter((x) => x.code === 'owed-reply');
    const fix = preferredFix(d);
    expect(fix.title).toBe('Draw the reply A owes at the end: RST seq=91');
    const fixed = applyFix(FIGURE_8_CUT, fix);
    expect(fixed.trimEnd().split('\n').slice(-2)).toEqual(['expect A SYN-SENT, B SYN-RECEIVED', 'A -> B : RST seq=91']);
    expect(analyze(fixed).analysis.diagnostics.filter((x) => x.code === 'owed-reply')).toEqual([]);
  });

  it('a handshake without its last ACK: the fix completes it, clean; a trailing comment stays on its line', () => {
    const text = 'server: listen\nclient -> server : SYN seq=100\nserver -> client : SYN ACK seq=300 ack=101 // no ACK yet';
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['3:1 info owed-reply']);
    expect(ds[0].message).toContain('server is left waiting in SYN-RECEIVED');
    const fixed = applyFix(text, preferredFix(ds[0]));
    expect(fixed.split('\n').slice(2)).toEqual(['server -> client : SYN ACK seq=300 ack=101 // no ACK yet', 'client -> server : ACK seq=101 ack=301']);
    expect(analyze(fixed).analysis.diagnostics).toEqual([]);
  });

  it('one per endpoint that owes: a close whose last two replies are left out', () => {
    const text = dedent(`
      participant a starts ESTABLISHED snd=100 rcv=300
      participant b starts ESTABLISHED snd=300 rcv=100
      a: close
      b: close
      a ~> b : FIN ACK seq=100 ack=300 as fa
      b ~> a : FIN ACK seq=300 ack=100 as fb
      deliver fa
      deliver fb
    `);
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['7:1 info owed-reply', '8:1 info owed-reply']);
    expect(ds.map((d) => d.message.split(' for ')[0])).toEqual(['b owes ACK seq=301 ack=101', 'a owes ACK seq=101 ack=301']);
  });

  it('not said when the peer is not waiting for it: an ACK of data left out, as a lost ACK is', () => {
    const text = dedent(`
      participant a starts ESTABLISHED snd=100 rcv=300
      participant b starts ESTABLISHED snd=300 rcv=100
      a -> b : PSH ACK seq=100 ack=300 len=10
    `);
    const { analysis } = analyze(text);
    expect(analysis.steps.at(-1)!.owing?.map((o) => o.participant)).toEqual(['b']);
    expect(analysis.diagnostics).toEqual([]);
  });

  it('not said when the scenario has an error: the error says what to change first', () => {
    const text = 'server: listen\nclient -> server : SYN seq=100\nserver -> client : SYN ACK seq=300 ack=101\nexpect client CLOSED';
    expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual(['4:15 error expect-failed']);
  });

  it('not said once the owing endpoint sent anything after it', () => {
    const text = 'server: listen\nclient -> server : SYN seq=100\nserver -> client : SYN ACK seq=300 ack=101\nclient -> server : ACK seq=101 ack=301 len=0';
    expect(analyze(text).analysis.diagnostics).toEqual([]);
  });
});
