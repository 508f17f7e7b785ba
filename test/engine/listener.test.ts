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

  it('a full SYN queue drops a SYN', () => {
    const a = run('server: listen backlog=1', 'c1 -> server : SYN seq=100', 'c2 -> server : SYN seq=500', 'expect server LISTEN, c2 SYN-SENT');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(a.steps[2].explanations.map((e) => e.text).join('\n')).toContain("the SYN queue is full (1 half-open connections, backlog=1): c2's SYN is dropped");
  });

  it('one client per listener runs as before: no connection names, no queue notes', () => {
    const a = run('server: listen backlog=1', ...handshake('c1', 100, 300));
    expect(Object.keys(a.steps.at(-1)!.states)).toEqual(['server', 'c1']);
    expect(queueNotes(a)).toEqual([]);
  });
});
