/**
 * A listener with several clients through the built CLI as a process (issue 12):
 * `expect server[c1] STATE` checks one connection (exit 0 when it holds, exit 1 with
 * `expect-failed` when not, and in Chinese under `--lang zh-CN`), and `close` of the
 * listener shows the queued connection's RST in `check --json`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-listener-'));
});

const TWO_CLIENTS = [
  'server: listen backlog=2',
  'c1 -> server : SYN seq=100',
  'server -> c1 : SYN ACK seq=300 ack=101',
  'c1 -> server : ACK seq=101 ack=301',
  'c2 -> server : SYN seq=500',
];

function write(name: string, lines: readonly string[]): string {
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return name;
}

describe('synack check: expect server[c1]', () => {
  it('exit 0 when the connections are in the states named', () => {
    const r = runCli(['check', write('ok.tcpflow', [...TWO_CLIENTS, 'expect server LISTEN, server[c1] ESTABLISHED, server[c2] SYN-RECEIVED'])], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('exit 1 with expect-failed naming the connection, its state and the one expected', () => {
    const file = write('wrong.tcpflow', [...TWO_CLIENTS, 'expect server[c2] ESTABLISHED, server[c3] LISTEN']);
    const r = runCli(['check', file], dir);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'wrong.tcpflow:6:19: error expect-failed: server[c2] is SYN-RECEIVED here, not ESTABLISHED.',
      "wrong.tcpflow:6:39: error expect-failed: server has no connection with c3 here: a listener's connection exists from the line where c3's SYN reaches it.",
    ]);
    const zh = runCli(['check', '--lang', 'zh-CN', file], dir);
    expect(zh.stdout).toContain('server[c2] 此处为 SYN-RECEIVED，而不是 ESTABLISHED。');
  });
});

describe('synack check --json: close of a listener', () => {
  it("the connection still in the accept queue owes RST; the listener's step shows it", () => {
    const file = write('close.tcpflow', [...TWO_CLIENTS, 'server: close', 'server -> c1 : RST seq=301', 'expect server CLOSED, server[c1] CLOSED, c1 CLOSED']);
    const r = runCli(['check', '--json', file], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { steps: Array<{ line: number; states: Record<string, string>; owes?: Array<{ participant: string; flags: string[]; seq?: string }> }> };
    const close = json.steps.find((s) => s.line === 6)!;
    expect(close.states).toMatchObject({ server: 'CLOSED', 'server[c1]': 'CLOSED', 'server[c2]': 'CLOSED' });
    // c2's half-open connection is forgotten: it owes nothing, not even its SYN,ACK.
    expect(close.owes?.map((o) => [o.participant, o.flags.join(' '), o.seq])).toEqual([['server[c1]', 'RST', '301']]);
  });
});

describe('synack check --json: the queues of a listener', () => {
  it('each line that changes them carries their contents after it', () => {
    const file = write('queues.tcpflow', [
      'server: listen backlog=2',
      'c1 -> server : SYN seq=100',
      'c2 -> server : SYN seq=500',
      'server -> c1 : SYN ACK seq=300 ack=101',
      'c1 -> server : ACK seq=101 ack=301',
      'server: accept -> c1',
    ]);
    const r = runCli(['check', '--json', file], dir);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as { steps: Array<{ line: number; queues?: Array<{ participant: string; syn: string[]; accept: string[] }> }> };
    const queuesAt = (line: number) => json.steps.find((s) => s.line === line)?.queues;
    expect(queuesAt(2)).toEqual([{ participant: 'server', syn: ['c1'], accept: [] }]);
    expect(queuesAt(3)).toEqual([{ participant: 'server', syn: ['c1', 'c2'], accept: [] }]);
    expect(queuesAt(5)).toEqual([{ participant: 'server', syn: ['c2'], accept: ['c1'] }]);
    expect(queuesAt(6)).toEqual([{ participant: 'server', syn: ['c2'], accept: [] }]);
    // A line that leaves the queues alone has none.
    expect(queuesAt(4)).toBeUndefined();
  });
});
