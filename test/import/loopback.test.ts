/**
 * The importer against reality: real TCP exchanges on 127.0.0.1 (loopback-traffic.ts),
 * captured by real tcpdump on `lo` (Ethernet headers) and on `any` (Linux cooked v1 and
 * v2), converted to pcapng by editcap. Every packet the reader decodes is compared with
 * what tshark decodes from the same file; then the built CLI lists the connections,
 * imports each one to a file and `check --profile linux` (the kernel that made the
 * traffic) finds nothing to object to in any of them.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_NAME } from '../../server/src/cli/program.js';
import { packetsOf, summarizeCapture, type Connection } from '../../server/src/import/connections.js';
import { cliRunner, type RunCli } from '../cli/run-cli.js';
import { closeCaptured, curlGet, curlPath, pageServer, type CurlCount } from './curl-traffic.js';
import { NetNamespace } from './fast-open-traffic.js';
import {
  closedPort, echoServer, fullListener, listen, orderlyExchange, refused, resetExchange, retransmittedSyn, startCapture,
} from './loopback-traffic.js';

const exec = promisify(execFile);

let dir: string;
let run: RunCli;
const files = { lo: '', sll: '', sll2: '', pcapng: '' };

beforeAll(async () => {
  ({ run, dir } = cliRunner());
  const echo = echoServer();
  const echoPort = await listen(echo);
  const refusedPort = await closedPort();
  const full = await fullListener();
  const filter = `tcp and (port ${echoPort} or port ${refusedPort} or port ${full.port})`;
  files.lo = join(dir, 'lo.pcap');
  files.sll = join(dir, 'any-sll.pcap');
  files.sll2 = join(dir, 'any-sll2.pcap');
  const captures = await Promise.all([
    startCapture(files.lo, 'lo', undefined, filter),
    startCapture(files.sll, 'any', 'LINUX_SLL', filter),
    startCapture(files.sll2, 'any', 'LINUX_SLL2', filter),
  ]);
  try {
    await orderlyExchange(echoPort);
    await resetExchange(echoPort);
    await refused(refusedPort);
    const waiting = await retransmittedSyn(full.port);
    // Stop only once every capture holds the retransmitted SYN: on a loaded machine a
    // tcpdump may not yet have read the last packets from the kernel, and SIGINT loses them.
    for (const file of [files.lo, files.sll, files.sll2]) await untilCaptured(file, full.port);
    for (const socket of waiting) socket.destroy();
  } finally {
    for (const capture of captures) await capture.stop();
    await full.end();
    echo.close();
  }
  files.pcapng = join(dir, 'lo.pcapng');
  await exec('editcap', ['-F', 'pcapng', files.lo, files.pcapng]);
}, 120_000);

/** Waits (up to 30 s, then the test's own checks say what is missing) until `file` holds the second SYN of the third client of `port`. */
async function untilCaptured(file: string, port: number): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    try {
      const clients = summarizeCapture(file, file).connections.filter((c) => c.server.port === port);
      if (clients.length === 3 && clients[2].packets >= 2) return;
    } catch {
      // A record half written by tcpdump at this instant: read again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** tshark's decoding of every TCP packet: frame, ports, raw seq/ack, flags, window, payload length, MSS, window scale. */
async function tsharkRows(file: string): Promise<string[][]> {
  const fields = ['frame.number', 'tcp.srcport', 'tcp.dstport', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.window_size_value', 'tcp.len', 'tcp.options.mss_val', 'tcp.options.wscale.shift'];
  const { stdout } = await exec('tshark', ['-r', file, '-Y', 'tcp', '-T', 'fields', '-E', 'separator=/t', ...fields.flatMap((f) => ['-e', f])], { maxBuffer: 16 * 1024 * 1024 });
  // Only the last line break goes: trailing tabs are empty fields (no MSS, no window scale).
  return stdout.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
}

function ourRows(file: string): string[][] {
  const summary = summarizeCapture(file, file);
  const rows = summary.connections.flatMap((c: Connection) => packetsOf(file, file, c, 1_000_000).packets);
  rows.sort((a, b) => a.frame - b.frame);
  return rows.map((p) => [
    String(p.frame), String(p.tcp.sourcePort), String(p.tcp.destinationPort), String(p.tcp.seq),
    // tshark leaves the ack empty on a segment without the ACK flag.
    (p.tcp.flags & 0x10) !== 0 ? String(p.tcp.ack) : '',
    `0x${p.tcp.flags.toString(16).padStart(4, '0')}`, String(p.tcp.window), String(p.tcp.payloadLength),
    p.tcp.options.mss === undefined ? '' : String(p.tcp.options.mss),
    p.tcp.options.wscale === undefined ? '' : String(p.tcp.options.wscale),
  ]);
}

describe('real captures decoded as tshark decodes them', () => {
  it.each(['lo', 'sll', 'sll2', 'pcapng'] as const)('%s: every TCP packet, field by field', async (name) => {
    const theirs = await tsharkRows(files[name]);
    // The exchanges make at least: 10 (orderly) + 8 (reset) + 2 (refused) + 2×3 + 2 SYNs.
    expect(theirs.length).toBeGreaterThanOrEqual(28);
    // tshark prints an ack only with the ACK flag on some versions and always on others: compare both ways.
    const ours = ourRows(files[name]);
    expect(ours.map((r) => r.filter((_, i) => i !== 4))).toEqual(theirs.map((r) => r.filter((_, i) => i !== 4)));
    for (const [i, row] of ours.entries()) if (row[4] !== '') expect(row[4]).toBe(theirs[i][4]);
  });
});

describe('the import command on the real captures', () => {
  it('--list: the four kinds of connection, with what was captured of each', async () => {
    const r = await run(['import', files.lo, '--list']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^#\s+client\s+server\s+packets/);
    const body = rows.slice(1, -1).map((row) => row.split(/\s{2,}/));
    // 1 orderly, 2 reset, 3 refused, 4–6 the full listener's clients.
    expect(body).toHaveLength(6);
    expect(body[0].slice(-2)).toEqual(['yes', 'FIN+FIN']);
    expect(body[1].slice(-2)).toEqual(['yes', 'RST']);
    expect(body[2].slice(-2)).toEqual(['no', 'RST']);
    expect(body[5][3]).toBe('2');
    expect(rows.at(-1)).toMatch(/^\d+ frames, 6 TCP connections, 0 frames not TCP/);
  });

  it.each([1, 2, 3, 4, 5, 6])('--conn %i -o --profile linux: the scenario is written, and check --profile linux finds nothing to object to', async (n) => {
    const file = `conn${n}.tcpflow`;
    const r = await run(['import', files.lo, '--conn', String(n), '--relative', '--profile', 'linux', '-o', file]);
    expect(r.status, `${r.stdout}${r.stderr}\n${readFileSync(join(dir, file), 'utf8')}`).toBe(0);
    expect(r.stderr).toContain(`${file}: written; it checks clean`);
    const checked = await run(['check', '--profile', 'linux', file]);
    const scenario = readFileSync(join(dir, file), 'utf8');
    expect({ status: checked.status, stderr: checked.stderr }, scenario).toEqual({ status: 0, stderr: '' });
    // Information may remain, never an error or a warning: a client whose SYNs went
    // unanswered (connection 6, the full listener's) is told it is left in SYN-SENT.
    const diagnostics = checked.stdout.split('\n').filter((line) => line !== '');
    expect(diagnostics.filter((line) => !/: info [a-z-]+: /.test(line)), scenario).toEqual([]);
  });

  it('the orderly exchange: listen, the handshake, the data, both FINs, in relative numbers', () => {
    const text = readFileSync(join(dir, 'conn1.tcpflow'), 'utf8');
    const segments = text.split('\n').filter((l) => l.includes(' : ')).map((l) => l.replace(/\s+win=\d+|\s+\/\/.*$/g, ''));
    expect(text).toContain('server: listen\n');
    expect(segments.slice(0, 3)).toEqual([
      expect.stringMatching(/^client -> server : SYN seq=J mss=65495 wscale=\d+$/),
      expect.stringMatching(/^server -> client : SYN ACK seq=K ack=J\+1 mss=65495 wscale=\d+$/),
      'client -> server : ACK seq=J+1 ack=K+1',
    ]);
    expect(segments).toContain('client -> server : PSH ACK seq=J+1 ack=K+1 len=4');
    expect(segments.some((s) => /^client -> server : FIN ACK seq=J\+5 /.test(s))).toBe(true);
    expect(segments.some((s) => /^server -> client : FIN ACK seq=K\+10 /.test(s))).toBe(true);
  });

  it('the retransmitted SYN stays visible: two SYNs with the same number', () => {
    const text = readFileSync(join(dir, 'conn6.tcpflow'), 'utf8');
    expect(text.match(/^client -> server : SYN seq=J win=/gm)).toHaveLength(2);
  });

  it('without --conn, a capture of several connections is refused with the way to pick one', async () => {
    const r = await run(['import', files.lo]);
    expect(r).toEqual({ status: 2, stdout: '', stderr: `${PROGRAM_NAME}: ${files.lo}: 6 connections, not all to one server: pick one with --conn N, or those to one listener with --filter 'dst port N' ('${PROGRAM_NAME} import ${files.lo} --list' lists them)\n` });
  });

  it('--filter on the echo server\'s port: the orderly client and the resetting one as one listener scenario, clean under --profile linux', async () => {
    const port = readFileSync(join(dir, 'conn1.tcpflow'), 'utf8').match(/participant server as "127\.0\.0\.1:(\d+)"/)![1];
    const r = await run(['import', files.lo, '--filter', `dst port ${port}`, '--profile', 'linux', '-o', 'echo.tcpflow']);
    const text = readFileSync(join(dir, 'echo.tcpflow'), 'utf8');
    expect(r.status, `${r.stdout}${r.stderr}\n${text}`).toBe(0);
    expect(text).toMatch(/^\/\/ Imported from .*: connections 1, 2, all to the listener /);
    expect(text).toMatch(/^c1 -> server : FIN ACK /m);
    expect(text).toMatch(/^c2 -> server : RST ACK /m);
    const checked = await run(['check', '--profile', 'linux', 'echo.tcpflow']);
    expect(checked, text).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--filter on the full listener\'s port: its three clients as one listener scenario, clean under --profile linux', async () => {
    const port = readFileSync(join(dir, 'conn4.tcpflow'), 'utf8').match(/participant server as "127\.0\.0\.1:(\d+)"/)![1];
    const r = await run(['import', files.lo, '--filter', `dst port ${port}`, '--relative', '--profile', 'linux', '-o', 'listener.tcpflow']);
    const text = readFileSync(join(dir, 'listener.tcpflow'), 'utf8');
    expect(r.status, `${r.stdout}${r.stderr}\n${text}`).toBe(0);
    expect(text).toContain(`all to the listener 127.0.0.1:${port}`);
    expect(text.match(/^participant c\d as /gm)).toHaveLength(3);
    expect(text.match(/^server: listen$/gm)).toHaveLength(1);
    expect(text).toMatch(/^c1 -> server : SYN seq=J1 /m);
    expect(text).toMatch(/^c3 -> server : SYN seq=J3 /m);
    const checked = await run(['check', '--profile', 'linux', 'listener.tcpflow']);
    expect(checked, text).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--filter picks the refused connection by its port, and prints it on standard output', async () => {
    const port = readFileSync(join(dir, 'conn3.tcpflow'), 'utf8').match(/participant server as "127\.0\.0\.1:(\d+)"/)![1];
    const r = await run(['import', files.lo, '--filter', `dst port ${port}`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('server: listen');
    expect(r.stdout).toMatch(/^server -> client : RST ACK seq=0 ack=\d+ win=0$/m);
  });
});

/**
 * The "Done when", step by step: `tcpdump -w c.pcap` around a `curl` to a local
 * server, then `import c.pcap --list`, `import c.pcap --conn 1 -o c.tcpflow`, a scenario
 * that checks clean under `--profile linux`, and its picture.
 */
describe('tcpdump around curl to a local server, as the issue says', () => {
  let port: number;
  let count: CurlCount;

  beforeAll(async () => {
    curlPath(); // fails at once, saying how to get curl, if it is missing
    const server = pageServer();
    port = await listen(server);
    const capture = await startCapture(join(dir, 'c.pcap'), 'lo', undefined, `tcp port ${port}`);
    try {
      count = await curlGet(port);
      // Stop once the close's last ACK is in the file (or after 30 s; the tests then say what is missing).
      for (let tries = 0; tries < 300 && !closeCaptured(join(dir, 'c.pcap'), port); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await capture.stop();
      server.close();
    }
  }, 120_000);

  it('import c.pcap --list: one connection, its handshake and both FINs captured', async () => {
    const r = await run(['import', 'c.pcap', '--list']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    const row = rows[1].split(/\s{2,}/);
    expect(row[0]).toBe('1');
    expect(row[1]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(row[2]).toBe(`127.0.0.1:${port}`);
    expect(row.slice(-2)).toEqual(['yes', 'FIN+FIN']);
    expect(rows[2]).toMatch(/^\d+ frames, 1 TCP connections, 0 frames not TCP/);
  });

  it('import c.pcap --conn 1 -o c.tcpflow: written and clean; its data is what curl says it sent and received', async () => {
    const r = await run(['import', 'c.pcap', '--conn', '1', '-o', 'c.tcpflow']);
    const text = readFileSync(join(dir, 'c.tcpflow'), 'utf8');
    expect(r.status, `${r.stdout}${r.stderr}\n${text}`).toBe(0);
    expect(r.stderr).toContain('c.tcpflow: written; it checks clean');
    expect(text).toContain('server: listen\n');
    expect(text).toMatch(/^client -> server : SYN seq=\d+ /m);
    const bytes = (from: string) => [...text.matchAll(new RegExp(`^${from} -> \\w+ : .* len=(\\d+)`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(bytes('client')).toBe(count.sent);
    expect(bytes('server')).toBe(count.received);
    expect(text).toMatch(/^client -> server : FIN ACK /m);
    expect(text).toMatch(/^server -> client : FIN ACK /m);
  });

  it('check --profile linux c.tcpflow finds nothing to object to', async () => {
    const checked = await run(['check', '--profile', 'linux', 'c.tcpflow']);
    expect(checked, readFileSync(join(dir, 'c.tcpflow'), 'utf8')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('export c.tcpflow --format svg: the picture, one arrow per captured packet', async () => {
    const r = await run(['export', 'c.tcpflow', '--format', 'svg']);
    expect(r.status, r.stderr).toBe(0);
    const svg = readFileSync(join(dir, 'c.svg'), 'utf8');
    expect(svg).toMatch(/<svg[\s>][\s\S]*<\/svg>\s*$/);
    const packets = readFileSync(join(dir, 'c.tcpflow'), 'utf8').match(/^\w+ -> \w+ : /gm)!.length;
    expect(svg.match(/class="messageText"/g)?.length).toBe(packets);
  }, 180_000);
});

/**
 * TCP Fast Open by curl against Node's server, in a network namespace where the server
 * side is switched on (fast-open-traffic.ts): the first visit asks for a cookie, the
 * second sends its request on the SYN with it. Linux takes that data at once and its
 * SYN,ACK acknowledges it; RFC 9293 would queue it until ESTABLISHED and acknowledge
 * the SYN only. So the same capture is clean under `--profile linux` and has one
 * `bad-ack` under RFC 9293, on the SYN,ACK (docs/semantics.md, the linux profile).
 */
/**
 * Creating a network namespace needs CAP_SYS_ADMIN, which some CI containers do not
 * grant even to root (tcpdump needs only CAP_NET_RAW). Where it cannot be made, this one
 * block is skipped with a line saying so; the Fast Open rules stay covered by the
 * hand-made captures in scenario.test.ts.
 */
const namespaces = spawnSync('unshare', ['--net', 'true'], { stdio: 'pipe' });
const canMakeNamespace = namespaces.status === 0;
if (!canMakeNamespace) console.warn(`loopback.test.ts: the Fast Open capture is skipped: unshare --net failed here (${String(namespaces.stderr ?? namespaces.error ?? '').trim()})`);

describe.skipIf(!canMakeNamespace)('TCP Fast Open from curl: the capture whose verdict is the profile\'s', () => {
  let port: number;
  let second: CurlCount;

  beforeAll(async () => {
    const namespace = await NetNamespace.create();
    try {
      const server = await namespace.pageServer();
      port = server.port;
      const capture = await startCapture(join(dir, 'tfo.pcap'), 'lo', undefined, `tcp port ${port}`, namespace.launcher);
      try {
        await curlGet(port, { launcher: namespace.launcher, fastOpen: true }); // gets a cookie
        second = await curlGet(port, { launcher: namespace.launcher, fastOpen: true }); // its request rides on the SYN
        for (let tries = 0; tries < 300 && !closeCaptured(join(dir, 'tfo.pcap'), port, 2); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await capture.stop();
        await server.end();
      }
    } finally {
      await namespace.end();
    }
  }, 120_000);

  it('--list: both visits, each with its handshake and both FINs', async () => {
    const r = await run(['import', 'tfo.pcap', '--list']);
    expect(r.status, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\n').slice(1, -1).map((row) => row.split(/\s{2,}/));
    expect(rows.map((row) => [row[0], row[2], ...row.slice(-2)])).toEqual([
      ['1', `127.0.0.1:${port}`, 'yes', 'FIN+FIN'],
      ['2', `127.0.0.1:${port}`, 'yes', 'FIN+FIN'],
    ]);
  });

  it('the first visit asks for a cookie: the request and the cookie are comments, and it checks clean under RFC 9293', async () => {
    const r = await run(['import', 'tfo.pcap', '--conn', '1', '--relative', '-o', 'tfo1.tcpflow']);
    const text = readFileSync(join(dir, 'tfo1.tcpflow'), 'utf8');
    expect(r.status, `${r.stdout}${r.stderr}\n${text}`).toBe(0);
    expect(text).toMatch(/^client -> server : SYN seq=J win=\d+ mss=\d+ wscale=\d+ {3}\/\/ .*tfo cookiereq$/m);
    expect(text).toMatch(/^server -> client : SYN ACK seq=K ack=J\+1 .*\/\/ .*tfo cookie$/m);
  });

  it('the second visit sends its request on the SYN (tfo): RFC 9293 finds one bad-ack, on the SYN,ACK that acknowledges it', async () => {
    const r = await run(['import', 'tfo.pcap', '--conn', '2', '--relative', '-o', 'tfo2.tcpflow']);
    const text = readFileSync(join(dir, 'tfo2.tcpflow'), 'utf8');
    const lines = text.split('\n');
    const syn = lines.findIndex((l) => l.startsWith('client -> server : SYN ')) + 1;
    const synAck = lines.findIndex((l) => l.startsWith('server -> client : SYN ACK ')) + 1;
    expect(lines[syn - 1]).toMatch(new RegExp(`^client -> server : SYN seq=J win=\\d+ mss=\\d+ wscale=\\d+ len=${second.sent} tfo {3}//`));
    expect(lines[synAck - 1]).toMatch(new RegExp(`^server -> client : SYN ACK seq=K ack=J\\+${second.sent + 1} `));
    expect(r.status, `${r.stdout}${r.stderr}\n${text}`).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^tfo2\\.tcpflow:${synAck}:\\d+: error bad-ack: ack=J\\+${second.sent + 1} differs from server's RCV\\.NXT = J\\+1`)),
    ]);
  });

  it('the same file checks clean under --profile linux, which takes a Fast Open SYN\'s data at once', async () => {
    const checked = await run(['check', '--profile', 'linux', 'tfo2.tcpflow']);
    expect(checked, readFileSync(join(dir, 'tfo2.tcpflow'), 'utf8')).toEqual({ status: 0, stdout: '', stderr: '' });
    const imported = await run(['import', 'tfo.pcap', '--conn', '2', '--relative', '--profile', 'linux']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toBe('');
  });
});
