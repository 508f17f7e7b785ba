/**
 * Issue 13, the learner: one mistake → one error (the run goes on as if the line were
 * what its preferred fix makes it), and the letters the articles name numbers with
 * (first contact, and a new letter per phase: J/K for the handshake, M/N or u/v/w for
 * the close).
 */
import { describe, expect, it } from 'vitest';
import { analyze, dedent, diagnosticToString } from '../support/analyze.js';
import { applyFix, preferredFix } from './fixes.js';
import { formatSeq } from '../../server/src/engine/seq.js';

const HANDSHAKE = dedent(`
  participant client
  participant server
  server: listen
  client: connect
  client -> server : SYN seq=J
  server -> client : SYN ACK seq=K ack=J+1
  client -> server : ACK seq=J+1 ack=K+1
`);

/** The four-way close after the handshake, in the RFC's own letters. */
const CLOSE = [
  'client: close',
  'client -> server : FIN ACK seq=J+1 ack=K+1',
  'server -> client : ACK seq=K+1 ack=J+2',
  'server: close',
  'server -> client : FIN ACK seq=K+1 ack=J+2',
  'client -> server : ACK seq=J+2 ack=K+2',
  'expect client TIME-WAIT, server CLOSED',
];

const scenario = (lines: readonly string[]) => HANDSHAKE + lines.join('\n') + '\n';

/** The one diagnostic of `text`; and its preferred fix applied gives a clean scenario. */
function oneErrorFixedCleanly(text: string): { at: string; fixed: string } {
  const ds = analyze(text).analysis.diagnostics;
  expect(ds.map(diagnosticToString)).toHaveLength(1);
  expect(ds[0].severity).toBe('error');
  expect(ds[0].recovered).toBe(true);
  const fixed = applyFix(text, preferredFix(ds[0]));
  expect(analyze(fixed).analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  return { at: diagnosticToString(ds[0]), fixed };
}

describe('one mistake, one error: the run goes on as if the fix were applied', () => {
  it('the scenario itself is clean', () => {
    expect(analyze(scenario(CLOSE)).analysis.diagnostics).toEqual([]);
  });

  it('a FIN without ACK (as the articles write it): one error on it, none after', () => {
    const lines = CLOSE.map((l) => l.replace('FIN ACK seq=J+1', 'FIN seq=J+1'));
    const { at, fixed } = oneErrorFixedCleanly(scenario(lines));
    expect(at).toBe('9:20 error send-not-allowed');
    expect(fixed).toContain('client -> server : FIN ACK seq=J+1 ack=K+1');
  });

  it('a wrong seq: one error, and the ACK that follows it is not reported again', () => {
    const { at } = oneErrorFixedCleanly(scenario(CLOSE.map((l) => l.replace('FIN ACK seq=J+1 ack=K+1', 'FIN ACK seq=J+5 ack=K+1'))));
    expect(at).toBe('9:28 error bad-seq');
  });

  it('a wrong ack on the SYN,ACK: the client still completes its open', () => {
    const text = HANDSHAKE.replace('ack=J+1\n', 'ack=J+2\n') + CLOSE.join('\n') + '\n';
    expect(oneErrorFixedCleanly(text).at).toBe('6:34 error bad-ack');
  });

  it('the SYN,ACK written as a bare ACK gets the SYN back', () => {
    const text = HANDSHAKE.replace('SYN ACK seq=K', 'ACK seq=K') + CLOSE.join('\n') + '\n';
    const { fixed } = oneErrorFixedCleanly(text);
    expect(fixed).toContain('server -> client : ACK SYN seq=K ack=J+1');
  });

  it('a rejected `~> … as t`: its `deliver t` is not a second, false unknown-tag', () => {
    const text = scenario(['client ~> client : ACK seq=J+1 ack=K+1 len=5 as t', 'deliver t']);
    expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual(['8:11 error self-segment']);
  });

  it('`~>` without a tag: continues as delivered now, its preferred fix', () => {
    const { fixed } = oneErrorFixedCleanly(scenario(CLOSE.map((l) => l.replace('server -> client : ACK seq=K+1', 'server ~> client : ACK seq=K+1'))));
    expect(fixed).toContain('server -> client : ACK seq=K+1 ack=J+2');
  });

  it('multiple-peers: continues as if the line named the peer', () => {
    const { at } = oneErrorFixedCleanly(scenario(CLOSE.map((l) => l.replace('server -> client : ACK seq=K+1', 'server -> other : ACK seq=K+1'))));
    expect(at).toBe('10:1 error multiple-peers');
  });

  it('a call its state refuses: continues as if it were not there', () => {
    const { fixed } = oneErrorFixedCleanly(scenario(['server: listen', ...CLOSE]));
    expect(fixed.split('\n')[7]).toBe('');
  });
});

describe('the learner\'s letters', () => {
  it('article 5\'s close (FIN=1, seq=u … w): first contact names u and v, w renames v', () => {
    const text = dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client: close
      client -> server : FIN ACK seq=u
      server -> client : ACK ack=u+1 seq=v
      server: close
      server -> client : FIN ACK ack=u+1 seq=w
      client -> server : ACK ack=w+1 seq=u+1
      expect client TIME-WAIT, server CLOSED
    `);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    const said = analysis.steps.flatMap((s) => s.explanations.map((e) => e.text)).join('\n');
    expect(said).toMatch(/w = v/);
    // No invented name reaches the user.
    expect(JSON.stringify(analysis)).not.toMatch(/SND_|RCV_/);
  });

  it('article 1\'s close after a handshake with J/K and 100 bytes: M = J+101, N = K+1', () => {
    const text = scenario([
      'client -> server : ACK seq=J+1 ack=K+1 len=100',
      'client: close',
      'client -> server : FIN ACK seq=M ack=K+1',
      'server -> client : ACK ack=M+1',
      'server: close',
      'server -> client : FIN ACK seq=N ack=M+1',
      'client -> server : ACK seq=M+1 ack=N+1',
      'expect client TIME-WAIT, server CLOSED',
    ]);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    const said = analysis.steps.flatMap((s) => s.explanations.map((e) => e.text)).join('\n');
    expect(said).toMatch(/M = J\+101/);
    expect(said).toMatch(/N = K\+1/);
  });

  it('a letter already in use is a number, not a name: K+1 for the client\'s seq is an error', () => {
    const ds = analyze(scenario(['client -> server : ACK seq=K+1 ack=K+1'])).analysis.diagnostics;
    expect(ds.map((d) => d.code)).toContain('bad-seq');
  });

  it('a side that never writes a number gets the articles\' letters, u and v, not an invented name', () => {
    const text = dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client: close
      client -> server : FIN ACK
      server -> client : ACK
      server: close
      server -> client : FIN ACK
      client -> server : ACK
      expect client TIME-WAIT, server CLOSED
    `);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    const sent = analysis.steps.filter((s) => s.segment).map((s) => `seq=${formatSeq(s.segment!.seq!)} ack=${formatSeq(s.segment!.ack!)}`);
    expect(sent).toEqual(['seq=u ack=v', 'seq=v ack=u+1', 'seq=v ack=u+1', 'seq=u+1 ack=v+1']);
    expect(JSON.stringify(analysis)).not.toMatch(/SND_|RCV_/);
  });

  it('the letters for unknown numbers are ones the scenario does not write', () => {
    const text = dedent(`
      participant a starts ESTABLISHED
      participant b starts ESTABLISHED
      a -> b : PSH ACK len=10
      b -> a : ACK
      participant c
      participant d
      d: listen
      c -> d : SYN seq=u
      d -> c : SYN ACK ack=u+1
      c -> d : ACK
    `);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    expect(formatSeq(analysis.steps[0].segment!.seq!)).toBe('v');
    expect(formatSeq(analysis.steps[1].segment!.ack!)).toBe('v+10');
  });

  it('a letter first written after the unknown one was shown says what it stands for', () => {
    const text = dedent(`
      participant a starts ESTABLISHED
      participant b starts ESTABLISHED
      a -> b : PSH ACK len=10
      a: close
      a -> b : FIN ACK seq=M
      b -> a : ACK ack=M+1
    `);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps.flatMap((s) => s.explanations.map((e) => e.text)).join('\n')).toMatch(/M = u\+10/);
  });

  it('a number written later for an unknown side is its value (the letter shown before stood for it)', () => {
    const text = dedent(`
      participant a starts ESTABLISHED
      participant b starts ESTABLISHED
      a -> b : PSH ACK len=10
      a -> b : PSH ACK seq=110 len=10
      b -> a : ACK ack=120
    `);
    expect(analyze(text).analysis.diagnostics).toEqual([]);
  });

  it('messages name the learner\'s letters, never an invented one', () => {
    const text = dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client -> server : ACK seq=u len=10
      server -> client : ACK seq=v ack=u+5
    `);
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['bad-ack']);
    expect(ds[0].message).toContain('u+10');
    expect(ds[0].message).not.toMatch(/SND_|RCV_/);
  });
});

describe('a state name that is no state: the nearest one, with its fix', () => {
  it.each([
    ['ESTALISHED', 'ESTABLISHED'],
    ['LASK-ACK', 'LAST-ACK'],
    ['TIME-WAITE', 'TIME-WAIT'],
    ['FIN-WIAT-2', 'FIN-WAIT-2'],
    ['LISENT', 'LISTEN'],
  ])('%s → %s, read as it (one error, in expect and in starts)', (written, state) => {
    for (const text of [`participant a starts ${state}\nexpect a ${written}\n`, `participant a starts ${written}\nexpect a ${state}\n`]) {
      const ds = analyze(text).analysis.diagnostics;
      expect(ds.map((d) => d.code)).toEqual(['unknown-state']);
      expect(ds[0].message).toContain(`did you mean ${state}?`);
      const fixed = applyFix(text, preferredFix(ds[0]));
      expect(analyze(fixed).analysis.diagnostics).toEqual([]);
    }
  });

  it('a word far from every state gets the list, not a guess', () => {
    const [d] = analyze('participant a starts LISTEN\nexpect a HALF-OPEN\n').analysis.diagnostics;
    expect(d.code).toBe('unknown-state');
    expect(d.message).toContain('the states are CLOSED, LISTEN');
    expect(d.fixes).toBeUndefined();
  });
});

describe('wording a learner meets', () => {
  it('after an unacceptable SYN,ACK, the refused ACK says the SYN,ACK arrived and why it was not acceptable', () => {
    const text = dedent(`
      participant client
      participant server starts LISTEN
      client -> server : SYN seq=100
      server --> client : SYN ACK seq=300 ack=5000
      client -> server : ACK seq=101 ack=301
    `);
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['send-not-allowed']);
    expect(ds[0].message).toContain('The SYN,ACK that arrived was not acceptable');
    expect(ds[0].message).toContain('<SEQ=5000><CTL=RST>');
    expect(ds[0].message).not.toContain('once a SYN,ACK arrives');
  });

  it('a refused connection reads "connection refused"', () => {
    const text = dedent(`
      participant client
      participant server
      client -> server : SYN seq=100
      server -> client : RST ACK seq=0 ack=101
    `);
    const effects = analyze(text).analysis.steps.flatMap((s) => s.effects.map((e) => e.text));
    expect(effects).toContain('connect() fails: ECONNREFUSED ("connection refused")');
  });
});

describe('the SYN,ACK written in the client\'s letter', () => {
  it('seq=J+1 on the server\'s SYN,ACK: one warning there, with the fix seq=K, and the next line is not blamed', () => {
    const text = HANDSHAKE.replace('SYN ACK seq=K ack=J+1', 'SYN ACK seq=J+1 ack=J+1');
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['6:28 warning bad-seq']);
    expect(ds[0].message).toContain('seq=K');
    expect(analyze(applyFix(text, preferredFix(ds[0]))).analysis.diagnostics).toEqual([]);
  });
});

describe('a simultaneous close written in order', () => {
  it('the FIN close queued is drawn from CLOSING, carrying the ACK of the peer\'s FIN', () => {
    const text = dedent(`
      participant a starts ESTABLISHED snd=101 rcv=301
      participant b starts ESTABLISHED snd=301 rcv=101
      a: close
      b: close
      a -> b : FIN ACK seq=101 ack=301
      expect b CLOSING
      b -> a : FIN ACK seq=301 ack=102
      expect a TIME-WAIT, b CLOSING
      a -> b : ACK seq=102 ack=302
      expect a TIME-WAIT, b TIME-WAIT
    `);
    expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  });
});

describe('a simultaneous close written in order, expected as CLOSING', () => {
  // The scenario: both close, then the FINs are drawn one after the other.
  const inOrder = (between: readonly string[] = []) => [
    'participant a starts ESTABLISHED snd=100 rcv=300',
    'participant b starts ESTABLISHED snd=300 rcv=100',
    'a: close',
    'b: close',
    'a -> b : FIN ACK seq=100 ack=300',
    ...between,
    'b -> a : FIN ACK seq=300 ack=101',
    'expect a CLOSING, b CLOSING',
    'a -> b : ACK seq=101 ack=301',
    'b -> a : ACK seq=301 ack=101',
    'expect a TIME-WAIT, b TIME-WAIT',
  ].join('\n') + '\n';

  it('the expect is the one error, and it says the FINs must cross', () => {
    const ds = analyze(inOrder()).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['7:10 error expect-failed']);
    expect(ds[0].message).toContain('a is TIME-WAIT here, not CLOSING: b sent its FIN (line 6) after a\'s FIN had arrived (line 5)');
    expect(ds[0].message).toContain('Both sides reach CLOSING only when the two FINs cross');
  });

  it('its preferred fix draws the two FINs crossing, and the scenario is then clean', () => {
    const text = inOrder();
    const [d] = analyze(text).analysis.diagnostics;
    const fix = preferredFix(d);
    expect(fix.title).toBe('Draw the two FINs crossing (~> … deliver)');
    const fixed = applyFix(text, fix);
    expect(fixed.split('\n').slice(4, 9)).toEqual([
      'a ~> b : FIN ACK seq=100 ack=300 as fin_a',
      'b ~> a : FIN ACK seq=300 ack=100 as fin_b',
      'deliver fin_a',
      'deliver fin_b',
      'expect a CLOSING, b CLOSING',
    ]);
    expect(analyze(fixed).analysis.diagnostics.map(diagnosticToString)).toEqual([]);
    // The other fix is still there: change the expectation to what the in-order drawing gives.
    expect(d.fixes?.map((f) => f.title)).toEqual(['Draw the two FINs crossing (~> … deliver)', 'Change to TIME-WAIT']);
  });

  it('in letters: the peer\'s FIN no longer acknowledges the first one, in the learner\'s letters', () => {
    const text = dedent(`
      participant a starts ESTABLISHED
      participant b starts ESTABLISHED
      a: close
      b: close
      a -> b : FIN ACK seq=u ack=v
      note over a, b : both closed at once
      b -> a : FIN ACK seq=v ack=u+1
      expect a CLOSING
      a -> b : ACK
      b -> a : ACK
    `);
    const [d, ...rest] = analyze(text).analysis.diagnostics;
    expect(rest).toEqual([]);
    const fixed = applyFix(text, preferredFix(d));
    expect(fixed).toContain('b ~> a : FIN ACK seq=v ack=u as fin_b');
    expect(analyze(fixed).analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  });

  it('tags already in use are not taken again', () => {
    const text = inOrder().replace('expect a TIME-WAIT, b TIME-WAIT', 'a ~> b : ACK seq=101 ack=301 as fin_a\ndeliver fin_a');
    const fixed = applyFix(text, preferredFix(analyze(text).analysis.diagnostics[0]));
    expect(fixed).toContain('as fin_a2');
    expect(fixed).toContain('deliver fin_a2\ndeliver fin_b\n');
  });

  it('with an expect between the FINs the redraw would break it: explained, and the fix changes the state', () => {
    const text = inOrder(['expect b CLOSING']);
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['8:10 error expect-failed']);
    expect(ds[0].message).toContain('only when the two FINs cross');
    expect(ds[0].fixes?.map((f) => f.title)).toEqual(['Change to TIME-WAIT']);
    expect(analyze(applyFix(text, preferredFix(ds[0]))).analysis.diagnostics).toEqual([]);
  });

  it('another failed CLOSING (no in-order close behind it) keeps the plain message', () => {
    const text = dedent(`
      participant a starts ESTABLISHED snd=100 rcv=300
      participant b starts ESTABLISHED snd=300 rcv=100
      a: close
      a -> b : FIN ACK seq=100 ack=300
      expect a CLOSING
    `);
    const [d] = analyze(text).analysis.diagnostics;
    expect(d.message).toBe('a is FIN-WAIT-1 here, not CLOSING.');
  });
});
