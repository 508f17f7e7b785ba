/**
 * A listener that serves several clients (engine/listener.ts): it stays LISTEN, each
 * client gets its own connection `server[cN]`, and the SYN queue and accept queue
 * overflow as Linux's do (backlog + 1 in the accept queue; a full accept queue drops
 * SYNs and final ACKs, or answers RST with abort_on_overflow).
 */
import { describe, expect, it } from 'vitest';
import { analyze, diagnosticToString } from '../support/analyze.js';

const handshake = (c: string, isn: number, server: number) => [
  `${c} -> server : SYN seq=${isn}`,
  `server -> ${c} : SYN ACK seq=${server} ack=${isn + 1}`,
  `${c} -> server : ACK seq=${isn + 1} ack=${server + 1}`,
];

function run(...lines: string[]) {
  return analyze(lines.join('\n')).analysis;
}

/** The listener's queue notes, in order. */
function queueNotes(analysis: ReturnType<typeof run>): string[] {
  return analysis.steps.flatMap((s) => s.effects.filter((e) => e.text.startsWith('SYN queue')).map((e) => e.text));
}

describe('a listener with several clients', () => {
  it('stays LISTEN; each client gets its own connection, named as the learner writes the lines', () => {
    const a = run('server: listen', ...handshake('c1', 100, 300), ...handshake('c2', 500, 700), 'expect server LISTEN, c1 ESTABLISHED, c2 ESTABLISHED');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    const last = a.steps.at(-1)!.states;
    expect(last).toMatchObject({ server: 'LISTEN', 'server[c1]': 'ESTABLISHED', 'server[c2]': 'ESTABLISHED' });
    expect(queueNotes(a)).toEqual([
      'SYN queue: c1 · accept queue: (empty)', 'SYN queue: (empty) · accept queue: c1',
      'SYN queue: c2 · accept queue: c1', 'SYN queue: (empty) · accept queue: c1, c2',
    ]);
  });

  it('accept returns the first completed connection; on an empty queue it blocks and returns where one completes', () => {
    const a = run('server: listen', 'server: accept -> c1', ...handshake('c1', 100, 300), ...handshake('c2', 500, 700), 'server: accept -> c2', 'server: accept -> c3');
    expect(a.diagnostics.map((d) => `${diagnosticToString(d)} ${d.message}`)).toEqual(['10:19 error expect-failed accept has not returned by the end of the scenario (it still blocks), so it cannot return c3.']);
    expect(a.steps[1].effects.map((e) => e.text)).toEqual(['accept() blocks: the accept queue is empty']);
    expect(a.steps[4].effects.map((e) => e.text)).toContain('accept() returns the connection with c1');
  });

  it('three clients, backlog 1, no accept: two connections fill the accept queue, the third SYN is dropped', () => {
    const a = run('server: listen backlog=1', ...handshake('c1', 100, 300), ...handshake('c2', 500, 700),
      'c3 -> server : SYN seq=900', 'c3: timeout RTO', 'c3 -> server : SYN seq=900', 'expect server LISTEN, c3 SYN-SENT');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(a.steps.at(-1)!.states['server[c3]']).toBeUndefined();
    expect(a.steps[7].explanations.map((e) => e.text).join('\n')).toContain("the accept queue is full (more than backlog=1 connections wait for accept): c3's SYN is dropped");
  });

  /** backlog 2: c1 and c2 are queued, c3 and c4 are half-open; c3's ACK fills the accept queue (3 = backlog + 1), c4's overflows it. */
  const FILLED = ['server: listen backlog=2', ...handshake('c1', 100, 300), ...handshake('c2', 500, 700),
    'c3 -> server : SYN seq=900', 'c4 -> server : SYN seq=1300',
    'server -> c3 : SYN ACK seq=1100 ack=901', 'server -> c4 : SYN ACK seq=1500 ack=1301',
    'c3 -> server : ACK seq=901 ack=1101', 'c4 -> server : ACK seq=1301 ack=1501'];

  it('a full accept queue drops the final ACK: the server stays SYN-RECEIVED and re-sends its SYN,ACK while the client is ESTABLISHED', () => {
    const a = run(...FILLED, 'expect c4 ESTABLISHED', 'server -> c4 : SYN ACK seq=1500 ack=1301', 'c4 -> server : ACK seq=1301 ack=1501');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    const afterAck = a.steps[12];
    expect(afterAck.states).toMatchObject({ c4: 'ESTABLISHED', 'server[c4]': 'SYN-RECEIVED', 'server[c3]': 'ESTABLISHED' });
    expect(afterAck.explanations.map((e) => e.text).join('\n')).toContain("the ACK that completes c4's handshake is dropped");
    expect(queueNotes(a).at(-1)).toBe('SYN queue: c4 · accept queue: c1, c2, c3');
    expect(a.steps[13].segment?.retransmission).toBe(true);
    expect(a.steps.at(-1)!.states['server[c4]']).toBe('SYN-RECEIVED');
  });

  it('with abort_on_overflow the ACK is answered by RST and the connection is gone', () => {
    const lines = [...FILLED];
    lines[0] = 'server: listen backlog=2 abort_on_overflow';
    const a = run(...lines, 'server -> c4 : RST seq=1501', 'expect c4 CLOSED');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(a.steps[12].replies.map((r) => `${r.participant} ${r.reply.flags.join(' ')}`)).toEqual(['server[c4] RST']);
    expect(queueNotes(a).at(-1)).toBe('SYN queue: (empty) · accept queue: c1, c2, c3');
  });

  it('a full SYN queue drops a SYN: backlog + 1 half-open connections fit, as in Linux since commit 3479c7549fb1', () => {
    const a = run('server: listen backlog=1', 'c1 -> server : SYN seq=100', 'c2 -> server : SYN seq=500', 'c3 -> server : SYN seq=900', 'expect server LISTEN, c3 SYN-SENT');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(a.steps[2].states['server[c2]']).toBe('SYN-RECEIVED');
    expect(a.steps[3].states['server[c3]']).toBeUndefined();
    expect(a.steps[3].explanations.map((e) => e.text).join('\n')).toContain("the SYN queue is full (more than backlog=1 half-open connections): c3's SYN is dropped");
  });

  it('three clients, backlog 1, no accept: the third final ACK is dropped, the server re-sends its SYN,ACK while the client is ESTABLISHED', () => {
    const a = run('server: listen backlog=1', ...handshake('c1', 100, 300),
      'c2 -> server : SYN seq=500', 'c3 -> server : SYN seq=900',
      'server -> c2 : SYN ACK seq=700 ack=501', 'server -> c3 : SYN ACK seq=1100 ack=901',
      'c2 -> server : ACK seq=501 ack=701', 'c3 -> server : ACK seq=901 ack=1101',
      'server -> c3 : SYN ACK seq=1100 ack=901');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(queueNotes(a).at(-1)).toBe('SYN queue: c3 · accept queue: c1, c2');
    const dropped = a.steps[9];
    expect(dropped.states).toMatchObject({ c3: 'ESTABLISHED', 'server[c3]': 'SYN-RECEIVED' });
    expect(dropped.explanations.map((e) => e.text).join('\n')).toContain("the ACK that completes c3's handshake is dropped");
    expect(a.steps[10].segment?.retransmission).toBe(true);
  });

  describe('close of the listener resets what is still queued (Linux: inet_csk_listen_stop)', () => {
    const QUEUED = ['server: listen backlog=4', ...handshake('c1', 100, 300), ...handshake('c2', 500, 700), 'server: accept -> c1',
      'c3 -> server : SYN seq=900', 'server -> c3 : SYN ACK seq=1100 ack=901', 'server: close'];

    it('the accept queue: each connection owes RST <SEQ=SND.NXT>; an accepted one is left alone', () => {
      const a = run(...QUEUED, 'server -> c2 : RST seq=701', 'expect server CLOSED, c2 CLOSED, c1 ESTABLISHED');
      expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
      const close = a.steps[10];
      expect(close.replies.map((r) => `${r.participant} ${r.reply.flags.join(' ')} ${r.reply.seq?.offset}`)).toEqual(['server[c2] RST 701']);
      expect(close.states).toMatchObject({ server: 'CLOSED', 'server[c1]': 'ESTABLISHED', 'server[c2]': 'CLOSED', 'server[c3]': 'CLOSED' });
      expect(queueNotes(a).at(-1)).toBe('SYN queue: (empty) · accept queue: (empty)');
      expect(close.explanations.map((e) => e.text).join('\n')).toContain('while the connection with c2 waits in the accept queue: it is reset');
    });

    it("the SYN queue: the half-open connection is forgotten without a segment; the client's ACK then meets no socket and gets RST", () => {
      const a = run(...QUEUED, 'server -> c2 : RST seq=701', 'c3 -> server : ACK seq=901 ack=1101', 'server -> c3 : RST seq=1101', 'expect c3 CLOSED');
      expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
      expect(a.steps[10].replies.map((r) => r.participant)).not.toContain('server[c3]');
      // A forgotten connection owes nothing (c3 itself still owes the ACK of the SYN,ACK it got).
      expect(a.steps[10].owing?.map((o) => o.participant)).toEqual(['c3', 'server[c2]']);
      expect(a.steps[10].explanations.map((e) => e.text).join('\n')).toContain('while the connection with c3 is half-open in the SYN queue: it is forgotten without a segment');
      expect(a.steps[12].replies.map((r) => `${r.participant} ${r.reply.flags.join(' ')}`)).toEqual(['server[c3] RST']);
    });

    it('leaving the owed RST out is the usual owes-reply mistake, and a one-client listener closes as before', () => {
      const owed = run(...QUEUED, 'server -> c2 : FIN ACK seq=701 ack=501');
      expect(owed.diagnostics.length).toBeGreaterThan(0);
      const single = run('server: listen', ...handshake('c1', 100, 300), 'server: close');
      expect(single.diagnostics.map(diagnosticToString)).toEqual([]);
      // One client: the server is that connection, and close is its ordinary close.
      expect(single.steps.at(-1)!.transitions).toEqual([{ participant: 'server', before: 'ESTABLISHED', after: 'FIN-WAIT-1' }]);
      expect(queueNotes(single)).toEqual([]);
    });
  });

  it('one client per listener runs as before: no connection names, no queue notes', () => {
    const a = run('server: listen backlog=1', ...handshake('c1', 100, 300));
    expect(Object.keys(a.steps.at(-1)!.states)).toEqual(['server', 'c1']);
    expect(queueNotes(a)).toEqual([]);
  });
});

describe('expect names one connection of a listener: server[c1]', () => {
  const TWO = ['server: listen', ...handshake('c1', 100, 300), 'c2 -> server : SYN seq=500'];

  it('checks that connection, not the listener', () => {
    const a = run(...TWO, 'expect server LISTEN, server[c1] ESTABLISHED, server[c2] SYN-RECEIVED');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
  });

  it('a wrong state is expect-failed on the state, with the fix to the actual one', () => {
    const a = run(...TWO, 'expect server[c2] ESTABLISHED');
    expect(a.diagnostics.map((d) => `${diagnosticToString(d)} ${d.message}`)).toEqual(['6:19 error expect-failed server[c2] is SYN-RECEIVED here, not ESTABLISHED.']);
    expect(a.diagnostics[0].fixes?.[0].edits[0].newText).toBe('SYN-RECEIVED');
  });

  it('a connection that does not exist (yet) is expect-failed on the peer', () => {
    const a = run(...TWO, 'expect server[c3] LISTEN', 'expect server[c1] ESTABLISHED');
    expect(a.diagnostics.map((d) => `${diagnosticToString(d)} ${d.message}`)).toEqual([
      "6:15 error expect-failed server has no connection with c3 here: a listener's connection exists from the line where c3's SYN reaches it.",
    ]);
    const before = run('server: listen', 'expect server[c1] SYN-RECEIVED', ...handshake('c1', 100, 300), ...handshake('c2', 500, 700));
    expect(before.diagnostics.map((d) => d.code)).toEqual(['expect-failed']);
  });

  it('with one client, server[c1] is the server itself; server[c9] names no connection', () => {
    const a = run('server: listen', ...handshake('c1', 100, 300), 'expect server[c1] ESTABLISHED', 'expect server[c9] ESTABLISHED');
    expect(a.diagnostics.map((d) => `${diagnosticToString(d)} ${d.message}`)).toEqual([
      "6:15 error expect-failed server has no connection with c9 here: a listener's connection exists from the line where c9's SYN reaches it.",
    ]);
  });

  it('the reader: `[` without a name or `]` is one syntax error', () => {
    const open = analyze('expect server[ ESTABLISHED');
    expect(open.analysis.diagnostics.map((d) => d.code)).toEqual(['syntax']);
    const unclosed = analyze('expect server[c1 ESTABLISHED');
    expect(unclosed.analysis.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([expect.stringMatching(/^syntax .*`\]`/)]);
  });
});
