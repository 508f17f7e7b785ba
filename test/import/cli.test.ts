/**
 * `import`'s command line, run in process: what it prints and writes, and every way it
 * refuses (a bad option, a damaged capture, a file that exists) as one line and exit 2,
 * never a stack trace; exit 1 when the capture shows what RFC 9293 does not allow.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/cli/import.js';
import { CliError } from '../../server/src/cli/io.js';
import { PROGRAM_NAME } from '../../server/src/cli/program.js';
import { F, ipv4, LINK, pcap, tcp } from './capture-builder.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-import-cli-'));
  const frame = (from: 'c' | 's', seq: number, ack: number, flags: number, payload = 0): Uint8Array => LINK.ethernet.wrap(from === 'c'
    ? ipv4('10.0.0.1', '10.0.0.2', tcp({ sport: 40000, dport: 80, seq, ack, flags, payload }))
    : ipv4('10.0.0.2', '10.0.0.1', tcp({ sport: 80, dport: 40000, seq, ack, flags, payload })));
  const good = [frame('c', 100, 0, F.SYN), frame('s', 300, 101, F.SYN | F.ACK), frame('c', 101, 301, F.ACK)];
  writeFileSync(join(dir, 'good.pcap'), pcap(1, good.map((bytes, i) => ({ seconds: 1, fraction: i, bytes }))));
  // The client acknowledges data the server never sent: bad-ack.
  const bad = [...good, frame('c', 101, 999, F.PSH | F.ACK, 10)];
  writeFileSync(join(dir, 'bad.pcap'), pcap(1, bad.map((bytes, i) => ({ seconds: 1, fraction: i, bytes }))));
  writeFileSync(join(dir, 'cut.pcap'), pcap(1, good.map((bytes) => ({ seconds: 1, fraction: 0, bytes }))).subarray(0, 60));
  writeFileSync(join(dir, 'empty.pcap'), pcap(1, []));

  // Two clients to one server port, their handshakes interleaved, then data and a close on each.
  const to80 = (client: string, port: number, toServer: boolean, seq: number, ack: number, flags: number, payload = 0): Uint8Array => LINK.ethernet.wrap(toServer
    ? ipv4(client, '10.0.0.2', tcp({ sport: port, dport: 80, seq, ack, flags, payload }))
    : ipv4('10.0.0.2', client, tcp({ sport: 80, dport: port, seq, ack, flags, payload })));
  const a = (toServer: boolean, seq: number, ack: number, flags: number, payload = 0) => to80('10.0.0.1', 40000, toServer, seq, ack, flags, payload);
  const b = (toServer: boolean, seq: number, ack: number, flags: number, payload = 0) => to80('10.0.0.3', 50000, toServer, seq, ack, flags, payload);
  const listener = [
    a(true, 100, 0, F.SYN), b(true, 7000, 0, F.SYN),
    a(false, 300, 101, F.SYN | F.ACK), b(false, 900, 7001, F.SYN | F.ACK),
    b(true, 7001, 901, F.ACK), a(true, 101, 301, F.ACK),
    a(true, 101, 301, F.PSH | F.ACK, 10), b(true, 7001, 901, F.PSH | F.ACK, 20),
    a(false, 301, 111, F.ACK), b(false, 901, 7021, F.ACK),
    a(true, 111, 301, F.FIN | F.ACK), a(false, 301, 112, F.FIN | F.ACK), a(true, 112, 302, F.ACK),
  ];
  writeFileSync(join(dir, 'listener.pcap'), pcap(1, listener.map((bytes, i) => ({ seconds: 1, fraction: i, bytes }))));
  // The listener's clients plus a connection to another server.
  const other = LINK.ethernet.wrap(ipv4('10.0.0.1', '10.0.0.9', tcp({ sport: 40001, dport: 443, seq: 5, flags: F.SYN })));
  // The listener's clients plus a third picked up mid-way (no SYN): it cannot join them.
  const midway = to80('10.0.0.5', 60000, true, 4000, 8000, F.PSH | F.ACK, 5);
  writeFileSync(join(dir, 'listener-midway.pcap'), pcap(1, [...listener, midway].map((bytes, i) => ({ seconds: 1, fraction: i, bytes }))));
  writeFileSync(join(dir, 'two-servers.pcap'), pcap(1, [...listener, other].map((bytes, i) => ({ seconds: 1, fraction: i, bytes }))));
});

function run(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  let status: number;
  // main.ts's handling of a CliError (main.ts itself bundles the language doc, which vitest cannot load).
  try {
    status = runImport(args, { cwd: dir, out: (t) => { stdout += t; }, err: (t) => { stderr += t; } });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    stderr += `${PROGRAM_NAME}: ${error.message}\n`;
    status = error.exitCode;
  }
  return { status, stdout, stderr };
}

describe('import (in process)', () => {
  it('prints the scenario on standard output, and nothing else when it checks clean', () => {
    const r = run('good.pcap');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\/\/ Imported from good\.pcap: connection 1, 10\.0\.0\.1:40000 → 10\.0\.0\.2:80, 3 packets\.\n/);
    expect(r.stdout).toContain('client -> server : ACK seq=101 ack=301 win=65535\n');
  });

  it('a capture that shows an impossible segment: the scenario, its diagnostic on standard error, exit 1', () => {
    const r = run('bad.pcap');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('client -> server : PSH ACK seq=101 ack=999 win=65535 len=10\n');
    expect(r.stderr).toMatch(/^\(standard output\):11:\d+: error bad-ack: /);
  });

  it('--profile linux / --profile=rfc9293: taken, and the scenario is checked as before', () => {
    expect(run('good.pcap', '--profile', 'linux')).toMatchObject({ status: 0, stderr: '' });
    const bad = run('bad.pcap', '--profile=rfc9293');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/error bad-ack: /);
  });

  it('two clients to one server port: one scenario, the server listening once, each client its own participant, capture order; it checks clean', () => {
    const r = run('listener.pcap', '--relative');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\/\/ Imported from listener\.pcap: connections 1, 2, all to the listener 10\.0\.0\.2:80, 13 packets in capture order\.\n/);
    const body = r.stdout.split('\n').filter((l) => l.startsWith('participant') || l.includes(' : ') || l.endsWith(': listen')).map((l) => l.replace(/ win=\d+/, ''));
    expect(body).toEqual([
      'participant c1 as "10.0.0.1:40000"',
      'participant c2 as "10.0.0.3:50000"',
      'participant server as "10.0.0.2:80"',
      'server: listen',
      'c1 -> server : SYN seq=J1',
      'c2 -> server : SYN seq=J2',
      'server -> c1 : SYN ACK seq=K1 ack=J1+1',
      'server -> c2 : SYN ACK seq=K2 ack=J2+1',
      'c2 -> server : ACK seq=J2+1 ack=K2+1',
      'c1 -> server : ACK seq=J1+1 ack=K1+1',
      'c1 -> server : PSH ACK seq=J1+1 ack=K1+1 len=10',
      'c2 -> server : PSH ACK seq=J2+1 ack=K2+1 len=20',
      'server -> c1 : ACK seq=K1+1 ack=J1+11',
      'server -> c2 : ACK seq=K2+1 ack=J2+21',
      'c1 -> server : FIN ACK seq=J1+11 ack=K1+1',
      'server -> c1 : FIN ACK seq=K1+1 ack=J1+12',
      'c1 -> server : ACK seq=J1+12 ack=K1+2',
    ]);
  });

  it('a listener: --names takes the clients\' names then the server\'s; --conn still picks one connection', () => {
    const named = run('listener.pcap', '--names', 'alice,bob,web');
    expect(named.status, named.stderr).toBe(0);
    expect(named.stdout).toContain('web: listen\n');
    expect(named.stdout).toContain('bob -> web : SYN seq=7000');
    expect(run('listener.pcap', '--names', 'alice,web')).toMatchObject({ status: 2, stderr: `${PROGRAM_NAME}: import: --names: 2 connections to one listener take 3 different names, the clients' then the server's (c1,…,server), not 'alice,web'\n` });
    const one = run('listener.pcap', '--conn', '2');
    expect(one.status, one.stderr).toBe(0);
    expect(one.stdout).toContain('client -> server : SYN seq=7000');
    expect(one.stdout).not.toContain('10.0.0.1:40000');
  });

  it('a connection to the listener picked up mid-way cannot join its scenario: one line naming it, exit 2; --conn imports it alone', () => {
    expect(run('listener-midway.pcap')).toEqual({ status: 2, stdout: '', stderr: `${PROGRAM_NAME}: listener-midway.pcap: connection 3 does not start with its client's SYN, so it cannot join the listener's scenario; import it alone with --conn 3\n` });
    const alone = run('listener-midway.pcap', '--conn', '3');
    expect(alone.status, alone.stderr).toBe(0);
    expect(alone.stdout).toContain('starts ESTABLISHED');
  });

  it('connections to different servers are refused as a whole; --filter picks the listener\'s', () => {
    const all = run('two-servers.pcap');
    expect(all.status).toBe(2);
    expect(all.stderr).toContain("two-servers.pcap: 3 connections, not all to one server: pick one with --conn N, or those to one listener with --filter 'dst port N'");
    const filtered = run('two-servers.pcap', '--filter', 'dst port 80');
    expect(filtered.status, filtered.stderr).toBe(0);
    expect(filtered.stdout).toContain('connections 1, 2, all to the listener 10.0.0.2:80');
  });

  it('-o writes the file atomically and reports the diagnostics on standard output; never over a file without --force', () => {
    const first = run('bad.pcap', '-o', 'bad.tcpflow');
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^bad\.tcpflow:11:\d+: error bad-ack: /);
    expect(first.stderr).toBe(`bad.tcpflow: written; 1 error; '${PROGRAM_NAME} explain bad.tcpflow' walks through it\n`);
    const written = readFileSync(join(dir, 'bad.tcpflow'), 'utf8');
    expect(written).toContain('ack=999');

    writeFileSync(join(dir, 'bad.tcpflow'), 'mine\n');
    expect(run('good.pcap', '-o', 'bad.tcpflow')).toEqual({ status: 2, stdout: '', stderr: `${PROGRAM_NAME}: bad.tcpflow: already exists; add --force to overwrite it\n` });
    expect(readFileSync(join(dir, 'bad.tcpflow'), 'utf8')).toBe('mine\n');
    expect((run('good.pcap', '-o', 'bad.tcpflow', '--force')).status).toBe(0);
    expect(readFileSync(join(dir, 'bad.tcpflow'), 'utf8')).toContain('ack=301');
  });

  it.each([
    [['cut.pcap'], 'cut.pcap: the capture is cut short in frame 1 (at byte 24)'],
    [['empty.pcap'], 'empty.pcap: no TCP connection in its 0 frames'],
    [['nothing.pcap'], 'nothing.pcap: no such file'],
    [['good.pcap', '--conn', '2'], 'good.pcap: no connection 2'],
    [['good.pcap', '--conn', 'one'], "import: --conn takes a connection number from --list (1, 2, …), not 'one'"],
    [['good.pcap', '--names', 'a,a'], "import: --names takes two different participant names"],
    [['good.pcap', '--names', 'a b,c'], "import: --names takes two different participant names"],
    [['good.pcap', '--filter', 'udp'], "--filter 'udp': cannot read 'udp'"],
    [['good.pcap', '--filter', 'port 443'], "good.pcap: no connection matches 'port 443'"],
    [['good.pcap', '--profile', 'bsd'], 'import: --profile takes rfc9293 or linux'],
    [['good.pcap', '--profile'], 'import: --profile takes rfc9293 or linux'],
    [['good.pcap', '--frobnicate'], 'import: unknown option --frobnicate'],
    [['good.pcap', 'bad.pcap'], 'import: one file at a time'],
    [[], 'import: no file given'],
  ])('%j: one line, exit 2', (args, message) => {
    const r = run(...args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`${PROGRAM_NAME}: ${message}`), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
