/**
 * The socket calls by their names (socket, bind, read, write, shutdown rd|wr|rdwr) and
 * what each call returns, checked with `NAME: CALL -> RESULT` (engine/socket-calls.ts,
 * socket-call-rules.ts, socket-results.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyze, dedent, diagnosticToString, notOwedReply } from '../support/analyze.js';

const HANDSHAKE = dedent(`
  participant client
  participant server
  server: listen
  client: connect
  client -> server : SYN seq=100
  server -> client : SYN ACK seq=300 ack=101
  client -> server : ACK seq=101 ack=301
`);

function run(...lines: string[]) {
  return analyze([HANDSHAKE, ...lines].join('\n')).analysis;
}

/** Every socket effect of the scenario's steps, as `participant: text [call=result]`. */
function effects(analysis: ReturnType<typeof run>): string[] {
  return analysis.steps.flatMap((s) => s.effects.map((e) => `${e.participant}: ${e.text}${e.result !== undefined ? ` [${e.call ?? ''}=${e.result}]` : ''}`));
}

describe('the calls by their names', () => {
  it('socket is a new CLOSED socket and bind changes no state, showing the address', () => {
    const { analysis } = analyze('server: socket\nserver: bind addr="10.0.0.2" port=80\nserver: listen\nexpect server LISTEN');
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps.map((s) => s.states.server)).toEqual(['CLOSED', 'CLOSED', 'LISTEN']);
    expect(effects(analysis)).toEqual(['server: socket() returns a new socket (CLOSED)', 'server: bind() returns 0: local address 10.0.0.2:80 [bind=0]']);
  });

  it('socket and bind on an open socket are refused', () => {
    const { analysis } = analyze('server: listen\nserver: socket\nserver: bind port=80');
    expect(analysis.diagnostics.map(diagnosticToString)).toEqual(['2:9 error call-not-allowed', '3:9 error call-not-allowed']);
  });

  it('write is send and read is recv, returning the byte counts', () => {
    const analysis = run('client: write len=5', 'client -> server : PSH ACK seq=101 ack=301 len=5', 'server: read -> 5', 'server: read');
    expect(analysis.diagnostics).toEqual([]);
    expect(effects(analysis)).toEqual([
      'client: connect() returns [connect=0]',
      'client: write() returns 5 [write=5]',
      'server: read() returns 5 bytes [read=5]',
      'server: read() blocks: no data yet',
    ]);
  });

  it('shutdown wr sends a FIN as shutdown did; shutdown rd sends nothing and read returns 0', () => {
    const wr = run('client: shutdown wr', 'client -> server : FIN ACK seq=101 ack=301', 'expect client FIN-WAIT-1, server CLOSE-WAIT');
    expect(wr.diagnostics.filter(notOwedReply)).toEqual([]);
    const rd = run('server: shutdown rd', 'expect server ESTABLISHED', 'client -> server : PSH ACK seq=101 ack=301 len=3', 'server -> client : ACK seq=301 ack=104', 'server: read -> 3', 'server: read -> 0');
    expect(rd.diagnostics).toEqual([]);
    expect(effects(rd).slice(1)).toEqual([
      'server: shutdown(SHUT_RD) returns 0: reads now return 0 once the queue is empty [shutdown=0]',
      'server: read() returns 3 bytes [read=3]',
      'server: read() returns 0: the application shut the reading side (SHUT_RD) [read=0]',
    ]);
  });

  it('shutdown rdwr shuts both: a FIN now, reads return 0', () => {
    const analysis = run('server: shutdown rdwr', 'server -> client : FIN ACK seq=301 ack=101', 'server: read -> 0');
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
  });

  it('an unknown shutdown word is reported and ignored', () => {
    const { analysis } = analyze(`${HANDSHAKE}\nclient: shutdown both`);
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['unknown-option']);
  });
});

describe('what calls return', () => {
  it('connect returns 0 where the SYN,ACK arrives, checked against a stated 0', () => {
    const text = HANDSHAKE.replace('client: connect', 'client: connect -> 0');
    expect(analyze(text).analysis.diagnostics).toEqual([]);
  });

  it('a stated result that differs is expect-failed at the result, with the fix that writes the actual one', () => {
    const text = HANDSHAKE.replace('client: connect', 'client: connect -> ECONNREFUSED');
    const [d] = analyze(text).analysis.diagnostics;
    expect(diagnosticToString(d)).toBe('4:20 error expect-failed');
    expect(d.message).toBe('connect returns 0 here, not ECONNREFUSED.');
    expect(d.fixes?.[0].edits[0].newText).toBe('0');
  });

  it('connect fails ECONNREFUSED when a RST answers the SYN; the failure itself is no error', () => {
    const text = 'client: connect -> ECONNREFUSED\nclient -> server : SYN seq=100\nserver -> client : RST ACK seq=0 ack=101';
    expect(analyze(text).analysis.diagnostics).toEqual([]);
  });

  it('connect fails ETIMEDOUT when the retries give up (timeout USER in SYN-SENT)', () => {
    const text = dedent(`
      client: connect -> ETIMEDOUT
      client -x server : SYN seq=100
      client: timeout RTO
      client -x server : SYN seq=100
      client: timeout USER
      expect client CLOSED`);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps[3].segment?.retransmission).toBe(true);
    expect(effects(analysis)).toEqual(['client: connect() fails: ETIMEDOUT (no answer to the SYN) [connect=ETIMEDOUT]']);
  });

  it('a blocking call that never returns is reported at the end', () => {
    const { analysis } = analyze('client: connect -> 0\nclient -x server : SYN seq=100');
    expect(analysis.diagnostics.map(diagnosticToString)).toEqual(['1:20 error expect-failed']);
    expect(analysis.diagnostics[0].message).toContain('has not returned by the end');
  });

  it('accept returns the connection with the peer', () => {
    const text = HANDSHAKE.replace('server: listen', 'server: listen\nserver: accept -> client');
    expect(analyze(text).analysis.diagnostics).toEqual([]);
    const wrong = HANDSHAKE.replace('server: listen', 'server: listen\nserver: accept -> c2');
    expect(analyze(wrong).analysis.diagnostics.map((d) => d.message)).toEqual(['accept returns client here, not c2.']);
  });

  it('after the peer resets: read fails ECONNRESET once, then returns 0; write fails ECONNRESET once, then EPIPE', () => {
    const reset = 'server -> client : RST seq=301';
    const reads = run(reset, 'client: read -> ECONNRESET', 'client: read -> 0');
    expect(reads.diagnostics).toEqual([]);
    const writes = run(reset, 'client: write len=1 -> ECONNRESET', 'client: write len=1 -> EPIPE', 'client: send -> EPIPE', 'client: close -> 0');
    expect(writes.diagnostics).toEqual([]);
    expect(effects(writes).slice(-2)).toEqual([
      'client: send() fails: EPIPE (the connection was reset; the process also gets SIGPIPE) [send=EPIPE]',
      'client: close() returns 0: the connection is gone already; the descriptor is released [close=0]',
    ]);
  });

  it('calls that return 0 show it only when a result is stated', () => {
    const quiet = run('client: close');
    expect(effects(quiet)).toEqual(['client: connect() returns [connect=0]']);
    const stated = run('client: close -> 0');
    expect(effects(stated).at(-1)).toBe('client: close() returns 0 [close=0]');
  });

  it('a refused call has no result to check, and a result on a call that returns none is a warning', () => {
    const { analysis } = analyze('client: close -> 0\nclient: crash -> 0');
    expect(analysis.diagnostics.map(diagnosticToString)).toEqual(['1:9 error call-not-allowed', '2:18 warning expect-failed']);
  });

  it('the result reads after an ASCII or a Unicode arrow, and a missing one is a syntax error', () => {
    expect(analyze('client: connect → ETIMEDOUT\nclient: timeout USER').analysis.diagnostics).toEqual([]);
    expect(analyze('client: connect ->').analysis.diagnostics.map((d) => d.code)).toEqual(['syntax']);
  });
});
