/**
 * `--profile rfc9293|linux` through the built CLI (issue 11): check, explain and export
 * check a file against the TCP the flag names where the file has no `profile` line.
 * The scenario: a connection reset before `accept`, which RFC 9293 deletes (accept has
 * nothing to return: an error) and Linux keeps in the accept queue (accept returns it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESET_BEFORE_ACCEPT } from './reset-before-accept.js';
import { cliRunner, type RunCli } from './run-cli.js';

let run: RunCli;

beforeAll(() => {
  const runner = cliRunner();
  run = runner.run;
  writeFileSync(join(runner.dir, 'reset.tcpflow'), RESET_BEFORE_ACCEPT);
  writeFileSync(join(runner.dir, 'reset-rfc.tcpflow'), `profile rfc9293\n${RESET_BEFORE_ACCEPT}`);
});

describe('--profile', () => {
  it('check: rfc9293 by default (accept refused, exit 1), linux accepts it (exit 0)', async () => {
    const plain = await run(['check', 'reset.tcpflow']);
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('call-not-allowed');
    const linux = await run(['check', '--profile', 'linux', 'reset.tcpflow']);
    expect(linux.stdout).toBe('');
    expect(linux.status).toBe(0);
    expect((await run(['check', '--profile=linux', '--json', 'reset.tcpflow'])).status).toBe(0);
  });

  it('a profile line in the file wins over the flag', async () => {
    expect((await run(['check', '--profile', 'linux', 'reset-rfc.tcpflow'])).status).toBe(1);
  });

  it('explain names the kernel behaviour, and --json passes the profile on', async () => {
    const out = await run(['explain', '--profile', 'linux', 'reset.tcpflow']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('accept queue');
    expect((await run(['explain', '--json', '--profile', 'linux', 'reset.tcpflow'])).status).toBe(0);
  });

  it('export draws under the profile', async () => {
    const rfc = await run(['export', 'reset.tcpflow', '--format', 'mmd', '-o', '-']);
    expect(rfc.status).not.toBe(0);
    const linux = await run(['export', 'reset.tcpflow', '--format', 'mmd', '-o', '-', '--profile', 'linux']);
    expect(linux.status).toBe(0);
    expect(linux.stdout).toContain('sequenceDiagram');
  });

  it('an unknown profile is a one-line usage error (exit 2), no stack trace', async () => {
    const out = await run(['check', '--profile', 'bsd', 'reset.tcpflow']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--profile takes rfc9293 or linux');
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
