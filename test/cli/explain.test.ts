/**
 * `synack explain` through the built CLI: every source line printed with its number,
 * and under each event line the facts of the engine (states with ● on the changed ones,
 * inferred numbers, the RFC rule, replies owed, socket results), diagnostics under their
 * line; the same as check --json with --json; colour only on a terminal (run under
 * `script`, which gives the CLI a pseudo-terminal) and never with NO_COLOR; 141 and
 * nothing on stderr when the reader goes away.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/bundle-lock.js';
import { cliRunner, runProcess, type RunCli } from './run-cli.js';

let cli: string;
let dir: string;
let run: RunCli;

beforeAll(() => {
  ({ cli, dir, run } = cliRunner());
  for (const name of ['three-way-handshake.tcpflow', 'connection-refused.tcpflow', 'half-close-shutdown.tcpflow']) {
    copyFileSync(join(ROOT, 'examples', name), join(dir, name));
  }
  copyFileSync(join(ROOT, 'examples/mistakes/common-mistakes.tcpflow'), join(dir, 'mistakes.tcpflow'));
});

const ANSI = /\u001b\[/;

/** The block explain prints for source line `n`: that line and the indented facts under it. */
function blockOf(output: string, n: number): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^ *${n}  `).test(l));
  expect(start, `line ${n} printed`).toBeGreaterThanOrEqual(0);
  const block = [lines[start]];
  for (const l of lines.slice(start + 1)) {
    if (!/^ +[^\s\d]/.test(l)) break;
    block.push(l.trim());
  }
  return block;
}

describe('explain', () => {
  it('the handshake: every source line, and under each event the states, rule, reply owed and socket result', async () => {
    const r = await run(['explain', 'three-way-handshake.tcpflow']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(ANSI);
    const source = readFileSync(join(dir, 'three-way-handshake.tcpflow'), 'utf8').split('\n').slice(0, -1);
    source.forEach((text, i) => expect(r.stdout).toContain(`${String(i + 1).padStart(2)}  ${text}`));
    expect(r.stdout).toMatch(/^three-way-handshake\.tcpflow — Three-way handshake\n/);

    // Line 17: the client's SYN reaches the listening server.
    const syn = blockOf(r.stdout, 17);
    expect(syn).toContain('states:   ⟶ client SYN-SENT · ● server SYN-RECEIVED');
    expect(syn).toContain('changed:  server LISTEN → SYN-RECEIVED');
    expect(syn.some((l) => l.startsWith('rule:     server: SYN in LISTEN') && l.endsWith('(RFC 9293 §3.10.7.2)'))).toBe(true);
    expect(syn.some((l) => l.startsWith('owes:     server owes SYN ACK ack=J+1'))).toBe(true);
    expect(syn).toContain('numbers:  server IRS — → J, RCV.NXT — → J+1');

    // Line 21: the SYN,ACK; connect() returns.
    const synAck = blockOf(r.stdout, 21);
    expect(synAck).toContain('states:   ⟶ ● client ESTABLISHED · server SYN-RECEIVED');
    expect(synAck).toContain('socket:   client: connect() returns');
    expect(synAck.some((l) => l.startsWith('owes:     client owes ACK seq=J+1 ack=K+1'))).toBe(true);

    // Line 25 completes the handshake; a note or an expect line has no facts.
    expect(blockOf(r.stdout, 25)).toContain('socket:   server: accept() returns');
    expect(blockOf(r.stdout, 26)).toHaveLength(1);
    expect(blockOf(r.stdout, 27)).toHaveLength(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('three-way-handshake.tcpflow: no errors, no warnings');
  });

  it('shows a reply owed since an earlier line under every line until it is sent', async () => {
    writeFileSync(join(dir, 'owed.tcpflow'), 'server: listen\nclient -> server : SYN seq=J\nserver -> client : SYN ACK seq=K ack=J+1\nserver: accept\nclient -> server : ACK seq=J+1 ack=K+1\n');
    const r = await run(['explain', 'owed.tcpflow']);
    expect(r.status).toBe(0);
    const owes = (n: number) => blockOf(r.stdout, n).filter((l) => l.startsWith('owes:'));
    expect(owes(3)).toEqual([expect.stringMatching(/^owes: +client owes ACK seq=J\+1 ack=K\+1: /)]);
    expect(owes(4)).toEqual([expect.stringMatching(/^owes: +client still owes ACK seq=J\+1 ack=K\+1, due since an earlier line: /)]);
    expect(owes(5)).toEqual([]);
  });

  it('fills in the numbers left out, marked (inferred), and describes each call once', async () => {
    writeFileSync(join(dir, 'short.tcpflow'), 'server: listen\nclient -> server : SYN seq=J\nserver -> client : SYN ACK seq=K ack=J+1\nclient -> server : ACK\nserver: listen\n');
    const r = await run(['explain', 'short.tcpflow']);
    expect(blockOf(r.stdout, 4)).toContain('segment:  client -> server : ACK seq=J+1 (inferred) ack=K+1 (inferred)');
    expect(blockOf(r.stdout, 2)).toContain('segment:  client -> server : SYN seq=J');
    expect(blockOf(r.stdout, 1).filter((l) => l.startsWith('call:'))).toHaveLength(1);
    // The second listen is refused: no description again, the error under its line.
    const again = blockOf(r.stdout, 5);
    expect(again.filter((l) => l.startsWith('call:'))).toHaveLength(0);
    expect(again.some((l) => l.startsWith('error call-not-allowed: '))).toBe(true);
    expect(r.status).toBe(1);
  });

  it('a refused connection: the RST and ECONNREFUSED', async () => {
    const r = await run(['explain', 'connection-refused.tcpflow']);
    expect(r.status).toBe(0);
    const syn = blockOf(r.stdout, 13);
    expect(syn.some((l) => l.startsWith('owes:     server owes RST ACK seq=0 ack=J+1'))).toBe(true);
    const rst = blockOf(r.stdout, 17);
    expect(rst).toContain('changed:  client SYN-SENT → CLOSED');
    expect(rst.some((l) => l.startsWith('socket:') && l.includes('ECONNREFUSED'))).toBe(true);
  });

  it('every diagnostic of check is printed under its line; exit 1', async () => {
    const check = await run(['check', '--json', 'mistakes.tcpflow']);
    const diagnostics = JSON.parse(check.stdout).diagnostics as Array<{ line: number; severity: string; code: string; message: string }>;
    expect(diagnostics.length).toBeGreaterThanOrEqual(5);
    const r = await run(['explain', 'mistakes.tcpflow']);
    expect(r.status).toBe(1);
    for (const d of diagnostics) expect(blockOf(r.stdout, d.line)).toContain(`${d.severity} ${d.code}: ${d.message}`);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`mistakes.tcpflow: ${errors} errors, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  });

  it('--json is check --json, byte for byte, exit code included', async () => {
    for (const file of ['three-way-handshake.tcpflow', 'mistakes.tcpflow']) {
      const explain = await run(['explain', '--json', file]);
      const check = await run(['check', '--json', file]);
      expect(explain).toEqual(check);
    }
  });

  it('--state-names linux; a bad option or no file is a usage error', async () => {
    expect((await run(['explain', '--state-names', 'linux', 'three-way-handshake.tcpflow'])).stdout).toContain('● server SYN_RECV');
    expect((await run(['explain', '--colour', 'x.tcpflow'])).status).toBe(2);
    expect((await run(['explain'])).status).toBe(2);
    expect(await run(['explain', 'missing.tcpflow'])).toMatchObject({ status: 2, stdout: '', stderr: 'synack: missing.tcpflow: no such file\n' });
  });

  it('Chinese labels with LANG=zh_CN.UTF-8 (states and RFC sections as they are)', async () => {
    const r = await run(['explain', 'three-way-handshake.tcpflow'], { LANG: 'zh_CN.UTF-8' });
    expect(blockOf(r.stdout, 17)).toContain('状态:     ⟶ client SYN-SENT · ● server SYN-RECEIVED');
    expect(r.stdout).toContain('没有错误，没有警告');
  });

  it('colour on a terminal, none with NO_COLOR or through a pipe; check confirms a clean file only on a terminal', async () => {
    // `script -e` exits with the command's code; the output is what matters here.
    const underTerminal = async (command: string, env: NodeJS.ProcessEnv = {}): Promise<string> => (await runProcess('script', ['-qec', command, '/dev/null'], dir, {
      ...process.env, LANG: '', LC_ALL: '', NO_COLOR: '', ...env,
    })).stdout;
    const coloured = await underTerminal(`${process.execPath} ${cli} explain three-way-handshake.tcpflow`);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toContain('● server SYN-RECEIVED');
    expect(await underTerminal(`${process.execPath} ${cli} explain three-way-handshake.tcpflow`, { NO_COLOR: '1' })).not.toMatch(ANSI);

    expect((await underTerminal(`${process.execPath} ${cli} check three-way-handshake.tcpflow`)).trim()).toBe('three-way-handshake.tcpflow: no errors');
    expect(await run(['check', 'three-way-handshake.tcpflow'])).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const withErrors = await underTerminal(`${process.execPath} ${cli} check mistakes.tcpflow`);
    expect(withErrors).not.toContain('no errors');
  });

  it('stops quietly with 141 when the reader goes away (explain big.tcpflow | head -1)', async () => {
    const lines = ['participant a starts ESTABLISHED snd=1 rcv=1', 'participant b starts ESTABLISHED snd=1 rcv=1'];
    for (let i = 0; i < 20_000; i++) lines.push(`a -> b : ACK seq=1 ack=1`);
    writeFileSync(join(dir, 'big.tcpflow'), `${lines.join('\n')}\n`);
    const r = await runProcess('bash', ['-c', `${process.execPath} ${cli} explain big.tcpflow 2>err.txt | head -1; echo "\${PIPESTATUS[0]}"`], dir, process.env);
    expect(r.stdout).toBe('big.tcpflow\n141\n');
    expect(readFileSync(join(dir, 'err.txt'), 'utf8')).toBe('');
  });
});
