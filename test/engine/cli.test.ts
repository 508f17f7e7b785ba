/**
 * `tcpflow check` as a process (contract §5): the JSON document's exact shape, the
 * text format, and exit codes 0 (no errors), 1 (errors) and 2 (bad usage, unreadable
 * input: missing file, directory, binary data, too large).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-cli-test-'));
});

function run(...args: string[]) {
  return runCli(args, dir);
}

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const HANDSHAKE = [
  'participant client as "Client"',
  'participant server',
  'server: listen',
  'client -> server : SYN seq=J',
  'server -> client : SYN ACK seq=K ack=J+2',
  'client -> server : ACK seq=J+1 ack=K+1',
  'expect client ESTABLISHED',
  '',
].join('\n');

describe('check --json', () => {
  it('has exactly the fields of contract §5, with 1-based lines and columns', () => {
    const name = file('handshake.tcpflow', HANDSHAKE);
    const r = run('check', '--json', name);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['file', 'participants', 'diagnostics', 'steps']);
    expect(json.file).toBe(name);
    expect(json.participants).toEqual(['client', 'server']);
    expect(json.diagnostics).toHaveLength(3);
    for (const d of json.diagnostics) {
      expect(Object.keys(d)).toEqual(['line', 'column', 'severity', 'code', 'message']);
      expect(typeof d.message).toBe('string');
      expect(d.message.length).toBeGreaterThan(0);
    }
    expect(json.diagnostics.map((d: { line: number; column: number; severity: string; code: string }) => [d.line, d.column, d.severity, d.code])).toEqual([
      [5, 34, 'error', 'bad-ack'],
      // The SYN,ACK with the wrong ack did not complete the client's open.
      [6, 20, 'error', 'send-not-allowed'],
      [7, 15, 'error', 'expect-failed'],
    ]);
    for (const s of json.steps) expect(Object.keys(s)).toEqual(['line', 'states']);
    expect(json.steps).toEqual([
      { line: 3, states: { client: 'CLOSED', server: 'LISTEN' } },
      { line: 4, states: { client: 'SYN-SENT', server: 'SYN-RECEIVED' } },
      { line: 5, states: { client: 'SYN-SENT', server: 'SYN-RECEIVED' } },
      { line: 6, states: { client: 'SYN-SENT', server: 'ESTABLISHED' } },
    ]);
  });

  it('a clean file: exit 0, empty diagnostics, one step per event line', () => {
    const name = file('clean.tcpflow', HANDSHAKE.replace('ack=J+2', 'ack=J+1'));
    const r = run('check', '--json', name);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([]);
    expect(json.steps.map((s: { line: number }) => s.line)).toEqual([3, 4, 5, 6]);
    expect(json.steps.at(-1).states).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
  });

  it('warnings alone exit 0', () => {
    const name = file('warn.tcpflow', 'a: connect\nexpect a SYN_SEND\n');
    const r = run('check', '--json', name);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toEqual(['warning state-spelling']);
  });

  it('an empty file is a valid, empty scenario', () => {
    const r = run('check', '--json', file('empty.tcpflow', ''));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: 'empty.tcpflow', participants: [], diagnostics: [], steps: [] });
  });

  it('columns count characters after multi-byte text', () => {
    const name = file('utf8.tcpflow', 'note over a : héllo wörld\nb: listen\na -> b : SYN seq=J data="é" foo=1\n');
    const json = JSON.parse(run('check', '--json', name).stdout);
    expect(json.diagnostics.map((d: { line: number; column: number; code: string }) => [d.line, d.column, d.code])).toEqual([[3, 29, 'unknown-option']]);
  });
});

describe('check (text)', () => {
  it('prints FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE, one per line', () => {
    const name = file('text.tcpflow', HANDSHAKE);
    const r = run('check', name);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^text\.tcpflow:5:34: error bad-ack: .+/);
    expect(lines[1]).toMatch(/^text\.tcpflow:6:20: error send-not-allowed: .+/);
    expect(lines[2]).toMatch(/^text\.tcpflow:7:15: error expect-failed: .+/);
  });

  it('several files: exit 1 if any has an error', () => {
    const ok = file('ok.tcpflow', 'a: listen\n');
    const bad = file('bad.tcpflow', 'a: close\n');
    expect(run('check', ok).status).toBe(0);
    expect(run('check', ok, bad).status).toBe(1);
  });
});

describe('exit code 2', () => {
  it('a missing file', () => {
    const r = run('check', 'nope.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.tcpflow: no such file/);
    expect(r.stdout).toBe('');
  });

  it('a directory', () => {
    mkdirSync(join(dir, 'adir.tcpflow'), { recursive: true });
    const r = run('check', 'adir.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a directory/);
  });

  it('a binary file', () => {
    const r = run('check', file('bin.tcpflow', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff])));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/binary/);
  });

  it('invalid UTF-8', () => {
    const r = run('check', file('latin1.tcpflow', Buffer.from('note over a : caf\xe9\n', 'latin1')));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/UTF-8/);
  });

  it('a missing file among good ones still exits 2, after checking the others', () => {
    const bad = file('bad2.tcpflow', 'a: close\n');
    const r = run('check', bad, 'missing.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/bad2\.tcpflow:1:4: error call-not-allowed/);
  });

  it('no file, or an unknown option', () => {
    expect(run('check').status).toBe(2);
    expect(run('check', '--frobnicate', 'x.tcpflow').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
  });

  it('a file larger than the limit', () => {
    const r = run('check', file('huge.tcpflow', `/*${'x'.repeat(17 * 1024 * 1024)}*/\n`));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MB/);
  });
});

describe('a 10 MB file', () => {
  it('is read and checked: a long comment and a scenario around it', () => {
    const body = `/*${'lorem ipsum '.repeat((10 * 1024 * 1024) / 12)}*/`;
    const ok = file('big-ok.tcpflow', `a: listen\n${body}\nexpect a LISTEN\n`);
    const r = run('check', '--json', ok);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).steps).toEqual([{ line: 1, states: { a: 'LISTEN' } }]);
    const bad = file('big-bad.tcpflow', `a: listen\n//${'x'.repeat(10 * 1024 * 1024)}\nexpect a CLOSED\n`);
    const rb = run('check', bad);
    expect(rb.status).toBe(1);
    expect(rb.stdout).toMatch(/^big-bad\.tcpflow:3:10: error expect-failed/);
  });
});
