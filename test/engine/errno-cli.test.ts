/**
 * Every errno a call fails with, through the built CLI as a process: `check --json`
 * lists it in the step's `returns` where the call returns, a stated result that holds
 * checks clean (exit 0), and a wrong one is `expect-failed` (exit 1) naming both.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { ERRNO_SCENARIOS, wrongResult } from '../support/errno-scenarios.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-errno-'));
});

describe.each(ERRNO_SCENARIOS.map((s, i) => [`${s.call} -> ${s.result} (${i})`, s, i] as const))('%s', (_name, s, i) => {
  it('check --json shows the result on the line where the call returns, and the stated result holds', () => {
    writeFileSync(join(dir, `ok-${i}.tcpflow`), s.text);
    const r = runCli(['check', '--json', `ok-${i}.tcpflow`], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { diagnostics: unknown[]; steps: Array<{ line: number; returns?: Array<{ participant: string; call?: string; result: string }> }> };
    expect(json.diagnostics).toEqual([]);
    const step = json.steps.find((st) => st.line === s.returnsOn + 1);
    expect(step?.returns).toContainEqual(expect.objectContaining({ call: s.call, result: s.result }));
  });

  it('a wrong stated result is expect-failed, exit 1', () => {
    const wrong = wrongResult(s);
    writeFileSync(join(dir, `wrong-${i}.tcpflow`), wrong.text);
    const r = runCli(['check', `wrong-${i}.tcpflow`], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`wrong-${i}.tcpflow:${wrong.line + 1}:`);
    expect(r.stdout).toContain(`error expect-failed: ${s.call} returns ${s.result} here, not EWRONG.`);
  });
});
