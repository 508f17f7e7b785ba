/**
 * From packets to a scenario: connections by 4-tuple (a reused port starts a new one),
 * roles, the start of a connection captured mid-way, a SYN-ACK whose SYN was missed,
 * relative numbers across the 2^32 wrap, `--filter`; every scenario made here is run
 * through the engine, which must find nothing to object to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packetsOf, summarizeCapture } from '../../server/src/import/connections.js';
import { parseFilter } from '../../server/src/import/filter.js';
import { connectionToScenario, type ScenarioOptions } from '../../server/src/import/to-scenario.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { F, ipv4, ipv6, LINK, pcap, SYN_OPTIONS, tcp, type SegmentSpec } from './capture-builder.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-import-scenario-'));
});

type Hop = Omit<SegmentSpec, 'sport' | 'dport'> & { from: 'c' | 's' };
const C = { address: '192.0.2.1', port: 40000 };
const S = { address: '192.0.2.2', port: 443 };

let counter = 0;
/** A capture of the hops (c: client → server, s: server → client), one frame per 10 ms. */
function capture(hops: Hop[], v6 = false): string {
  const frames = hops.map((h, i) => {
    const [from, to] = h.from === 'c' ? [C, S] : [S, C];
    const segment = tcp({ ...h, sport: from.port, dport: to.port });
    const ip = v6 ? ipv6(`2001:db8::${from === C ? 1 : 2}`, `2001:db8::${to === C ? 1 : 2}`, segment) : ipv4(from.address, to.address, segment);
    return { seconds: 100, fraction: i * 10_000, bytes: LINK.ethernet.wrap(ip) };
  });
  const path = join(dir, `s${++counter}.pcap`);
  writeFileSync(path, pcap(1, frames));
  return path;
}

const OPTIONS: ScenarioOptions = { file: 'x.pcap', names: ['client', 'server'], relative: true, times: false };

function scenarioOf(path: string, options: Partial<ScenarioOptions> = {}, number = 1): string {
  const summary = summarizeCapture(path, 'x.pcap');
  const connection = summary.connections[number - 1];
  return connectionToScenario(connection, packetsOf(path, 'x.pcap', connection, 1000).packets, { ...OPTIONS, ...options }).join('\n');
}

function expectClean(text: string): void {
  const { analysis } = analyzeText(text);
  expect(analysis.diagnostics.map((d) => `${d.span.startLine + 1}: ${d.code} ${d.message}`), text).toEqual([]);
}

const A = 0xfffffff0; // the client's ISN: its numbers wrap past 2^32
const B = 5000;
const handshake: Hop[] = [
  { from: 'c', seq: A, flags: F.SYN, options: SYN_OPTIONS },
  { from: 's', seq: B, ack: A + 1, flags: F.SYN | F.ACK, options: SYN_OPTIONS },
  { from: 'c', seq: A + 1, ack: B + 1, flags: F.ACK },
];

describe('a scenario from a capture', () => {
  it('from the SYN: listen, raw numbers across the wrap, options as fields or comments; it checks clean', () => {
    const hops: Hop[] = [
      ...handshake,
      { from: 'c', seq: A + 1, ack: B + 1, flags: F.PSH | F.ACK, payload: 100 },
      { from: 's', seq: B + 1, ack: (A + 101) >>> 0, flags: F.ACK },
    ];
    const text = scenarioOf(capture(hops), { relative: false });
    expect(text).toContain('server: listen\nclient -> server : SYN seq=4294967280 win=65535 mss=1460 wscale=7   // sackOK; TS val 100 ecr 0\n');
    expect(text).toContain('client -> server : PSH ACK seq=4294967281 ack=5001 win=65535 len=100\n');
    expect(text).toContain('server -> client : ACK seq=5001 ack=85 win=65535');
    expectClean(text);
  });

  it('--relative: J+N and K+N from the ISNs, also past the wrap', () => {
    const text = scenarioOf(capture([...handshake, { from: 'c', seq: A + 1, ack: B + 1, flags: F.PSH | F.ACK, payload: 100 }, { from: 's', seq: B + 1, ack: (A + 101) >>> 0, flags: F.ACK }]));
    expect(text).toContain('client -> server : SYN seq=J win=');
    expect(text).toContain('server -> client : SYN ACK seq=K ack=J+1 ');
    expect(text).toContain('server -> client : ACK seq=K+1 ack=J+101 ');
    expectClean(text);
  });

  it('picked up mid-way: both ESTABLISHED with the numbers their first packets show, roles guessed by port; a keep-alive is J-1', () => {
    const hops: Hop[] = [
      { from: 's', seq: 9000, ack: 7000, flags: F.PSH | F.ACK, payload: 50 },
      { from: 'c', seq: 7000, ack: 9050, flags: F.ACK },
      { from: 'c', seq: 6999, ack: 9050, flags: F.ACK },
      { from: 's', seq: 9050, ack: 7000, flags: F.ACK },
    ];
    const text = scenarioOf(capture(hops));
    expect(text).toContain('// No SYN was captured');
    expect(text).toContain('participant client as "192.0.2.1:40000" starts ESTABLISHED snd=J rcv=K\n');
    expect(text).toContain('participant server as "192.0.2.2:443" starts ESTABLISHED snd=K rcv=J\n');
    expect(text).toContain('client -> server : ACK seq=J-1 ack=K+50 ');
    expect(text).not.toContain('listen');
    expectClean(text);
  });

  it('a SYN-ACK whose SYN was not captured: the SYN it answers is written, said to be missing', () => {
    const text = scenarioOf(capture(handshake.slice(1)));
    expect(text).toContain('server: listen\nclient -> server : SYN seq=J   // not in the capture');
    expectClean(text);
  });

  it('--names, --times and IPv6 labels', () => {
    const text = scenarioOf(capture(handshake, true), { names: ['laptop', 'web'], times: true });
    expect(text).toContain('participant laptop as "[2001:db8::1]:40000"');
    expect(text).toContain('scenario "[2001:db8::1]:40000 → [2001:db8::2]:443"');
    expect(text).toMatch(/^web -> laptop : SYN ACK seq=K ack=J\+1 .*\/\/ frame 2, \+0\.010000 s; sackOK/m);
    expectClean(text);
  });

  it('a refused connection: no listen, the RST ACK from CLOSED in raw numbers for the side that has no ISN', () => {
    const text = scenarioOf(capture([{ from: 'c', seq: A, flags: F.SYN }, { from: 's', seq: 0, ack: A + 1, flags: F.RST | F.ACK, win: 0 }]));
    expect(text).not.toContain('listen');
    expect(text).toContain('server -> client : RST ACK seq=0 ack=J+1 win=0');
    expectClean(text);
  });
});

describe('TCP Fast Open (RFC 7413): the one capture whose verdict is the profile\'s', () => {
  const COOKIE = [0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04];
  /** Kind 34 with a cookie, or asking for one (no cookie bytes). */
  const tfo = (cookie: number[]) => [34, 2 + cookie.length, ...cookie, 1, 1];
  /** The experimental kind 254 with Fast Open's magic 0xF989, as Linux sent it before kind 34 (RFC 6994). */
  const experimental = (cookie: number[]) => [254, 4 + cookie.length, 0xf9, 0x89, ...cookie];
  const diagnosticsOf = (text: string, profile: 'rfc9293' | 'linux') =>
    analyzeText(text, { profile: { name: profile } }).analysis.diagnostics.map((d) => `${d.span.startLine + 1}: ${d.severity} ${d.code}`);

  /** The second visit: data on the SYN with the cookie, which the server takes at once and acknowledges on its SYN,ACK. */
  const withData = (option: number[]): Hop[] => [
    { from: 'c', seq: A, flags: F.SYN, options: option, payload: 20 },
    { from: 's', seq: B, ack: (A + 21) >>> 0, flags: F.SYN | F.ACK },
    { from: 'c', seq: (A + 21) >>> 0, ack: B + 1, flags: F.ACK },
  ];

  it('data on a SYN with a cookie is `tfo`: clean under linux; under RFC 9293 the SYN,ACK acknowledges data not yet accepted (bad-ack)', () => {
    for (const option of [tfo(COOKIE), experimental(COOKIE)]) {
      const text = scenarioOf(capture(withData(option)));
      expect(text).toContain('client -> server : SYN seq=J win=65535 len=20 tfo\n');
      expect(text).toContain('server -> client : SYN ACK seq=K ack=J+21 win=65535\n');
      expect(diagnosticsOf(text, 'linux'), text).toEqual([]);
      const synAckLine = text.split('\n').findIndex((l) => l.startsWith('server -> client : SYN ACK')) + 1;
      expect(diagnosticsOf(text, 'rfc9293'), text).toEqual([`${synAckLine}: error bad-ack`]);
    }
  });

  it('data on a SYN with an empty Fast Open option (a client that needs no cookie) is `tfo` too', () => {
    expect(scenarioOf(capture(withData(tfo([]))))).toContain('client -> server : SYN seq=J win=65535 len=20 tfo\n');
  });

  it('the first visit: the cookie request and the cookie handed out are comments, and the connection checks clean under both profiles', () => {
    const text = scenarioOf(capture([
      { from: 'c', seq: A, flags: F.SYN, options: tfo([]) },
      { from: 's', seq: B, ack: A + 1, flags: F.SYN | F.ACK, options: tfo(COOKIE) },
      { from: 'c', seq: A + 1, ack: B + 1, flags: F.ACK },
    ]));
    expect(text).toContain('client -> server : SYN seq=J win=65535   // tfo cookiereq\n');
    expect(text).toContain('server -> client : SYN ACK seq=K ack=J+1 win=65535   // tfo cookie\n');
    expect(diagnosticsOf(text, 'linux')).toEqual([]);
    expect(diagnosticsOf(text, 'rfc9293')).toEqual([]);
  });
});

describe('connections', () => {
  it('a SYN on a 4-tuple whose connection closed starts another; the listing counts each', () => {
    const close: Hop[] = [
      { from: 'c', seq: A + 1, ack: B + 1, flags: F.FIN | F.ACK },
      { from: 's', seq: B + 1, ack: A + 2, flags: F.FIN | F.ACK },
      { from: 'c', seq: A + 2, ack: B + 2, flags: F.ACK },
    ];
    const second: Hop[] = [{ from: 'c', seq: 123, flags: F.SYN }, { from: 's', seq: 0, ack: 124, flags: F.RST | F.ACK }];
    const summary = summarizeCapture(capture([...handshake, ...close, ...second]), 'x');
    expect(summary.connections.map((c) => [c.number, c.packets, c.sawSyn && c.sawSynAck, c.finFromClient && c.finFromServer, c.sawReset])).toEqual([
      [1, 6, true, true, false],
      [2, 2, false, false, true],
    ]);
    expect(summary.connections[1].firstFrame).toBe(7);
  });
});

describe('--filter', () => {
  const summary = (): ReturnType<typeof summarizeCapture> => summarizeCapture(capture(handshake, true), 'x');
  it.each([
    ['port 443', true], ['port 40000', true], ['port 80', false], ['dst port 443', true], ['src port 443', false],
    ['host 2001:db8::1', true], ['host 2001:0db8:0:0:0:0:0:1', true], ['host 2001:db8::3', false],
    ['src host 2001:db8::1 and dst port 443', true], ['port 443 and port 80', false],
  ])('%s → %s', (text, expected) => {
    const filter = parseFilter(text);
    if ('problem' in filter) throw new Error(filter.problem);
    expect(filter(summary().connections[0])).toBe(expected);
  });

  it.each([['tcp', 'tcp'], ['port', 'port'], ['port 99999', 'port 99999'], ['port 80 or port 443', 'or port 443'], ['', '']])('%s is refused, naming %s', (text, problem) => {
    expect(parseFilter(text)).toEqual({ problem });
  });
});
