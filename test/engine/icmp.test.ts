/**
 * ICMP Destination Unreachable about a connection (RFC 9293 §3.9.2.2, engine/icmp.ts):
 * soft errors never abort (MUST-56) and a connect that gives up reports them; port
 * unreachable aborts (SHLD-26) and connect fails ECONNREFUSED; frag-needed is PMTUD.
 */
import { describe, expect, it } from 'vitest';
import { analyze, diagnosticToString, notOwedReply } from '../support/analyze.js';

const SYN_SENT = ['server: listen', 'client: connect', 'client -> server : SYN seq=100'];

function run(...lines: string[]) {
  return analyze(lines.join('\n')).analysis;
}

describe('ICMP', () => {
  it('host-unreachable in SYN-SENT is soft: no abort; the SYN is retried; connect gives up with EHOSTUNREACH', () => {
    const a = run('client: connect -> EHOSTUNREACH', 'client -> server : SYN seq=100', 'router -> client : ICMP host-unreachable', 'expect client SYN-SENT',
      'client: timeout RTO', 'client -> server : SYN seq=100', 'router -> client : ICMP host-unreachable', 'client: timeout USER', 'expect client CLOSED');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(a.steps[2].explanations[0].text).toContain('MUST-56');
    expect(a.steps.at(-1)!.effects.map((e) => [e.call, e.result])).toEqual([['connect', 'EHOSTUNREACH']]);
  });

  it('under profile linux, host-unreachable in SYN-SENT aborts at once and connect fails EHOSTUNREACH (tcp_v4_err)', () => {
    const a = run('profile linux', 'client: connect -> EHOSTUNREACH', 'client -> server : SYN seq=100', 'router -> client : ICMP host-unreachable', 'expect client CLOSED');
    expect(a.diagnostics.map(diagnosticToString)).toEqual([]);
    expect(a.steps.at(-1)!.effects.map((e) => [e.call, e.result])).toEqual([['connect', 'EHOSTUNREACH']]);
    // The same lines under RFC 9293 keep the connection (MUST-56): the expect fails.
    expect(run('client: connect', 'client -> server : SYN seq=100', 'router -> client : ICMP host-unreachable', 'expect client CLOSED').diagnostics.map((d) => d.code)).toEqual(['expect-failed']);
  });

  it('net-unreachable gives ENETUNREACH the same way', () => {
    const a = run(...SYN_SENT, 'router -> client : ICMP net-unreachable', 'client: timeout USER');
    expect(a.steps.at(-1)!.effects[0].result).toBe('ENETUNREACH');
  });

  it('without an ICMP message the retries end in ETIMEDOUT', () => {
    const a = run(...SYN_SENT, 'client: timeout USER');
    expect(a.steps.at(-1)!.effects[0].result).toBe('ETIMEDOUT');
  });

  it('port-unreachable from the peer\'s host aborts in SYN-SENT and connect fails ECONNREFUSED (SHLD-26)', () => {
    const a = run('client: connect -> ECONNREFUSED', 'client -> server : SYN seq=100', 'server -> client : ICMP port-unreachable', 'expect client CLOSED');
    expect(a.diagnostics).toEqual([]);
    expect(a.steps[2].explanations[0].text).toContain('SHLD-26');
  });

  it('a soft error on an established connection changes nothing', () => {
    const a = run(...SYN_SENT, 'server -> client : SYN ACK seq=300 ack=101', 'client -> server : ACK seq=101 ack=301', 'router -> client : ICMP host-unreachable', 'expect client ESTABLISHED');
    expect(a.diagnostics).toEqual([]);
  });

  it('a hard error on an established connection leaves ECONNREFUSED for the next read', () => {
    const a = run(...SYN_SENT, 'server -> client : SYN ACK seq=300 ack=101', 'client -> server : ACK seq=101 ack=301', 'router -> client : ICMP port-unreachable', 'client: read -> ECONNREFUSED', 'expect client CLOSED');
    expect(a.diagnostics).toEqual([]);
  });

  it('frag-needed is Path MTU Discovery: no abort', () => {
    const a = run(...SYN_SENT, 'router -> client : ICMP frag-needed', 'expect client SYN-SENT');
    expect(a.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(a.steps[3].explanations[0].text).toContain('Path MTU');
  });

  it('an unknown ICMP message is reported; a missing one is a syntax error', () => {
    expect(run('router -> client : ICMP time-exceeded').diagnostics.map((d) => d.code)).toEqual(['unknown-flag']);
    expect(run('router -> client : ICMP').diagnostics.map((d) => d.code)).toEqual(['syntax']);
  });

  it('an ICMP line binds no peer: the client keeps its one connection with the server', () => {
    const a = run(...SYN_SENT, 'router -> client : ICMP host-unreachable', 'server -> client : SYN ACK seq=300 ack=101', 'expect client ESTABLISHED');
    expect(a.diagnostics.filter(notOwedReply)).toEqual([]);
  });
});
