/** Runs the built CLI (test/examples/cli-build.ts) as a process, in a scratch folder. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../examples/cli-build.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cliRunner(): { cli: string; dir: string; run: (args: string[], env?: NodeJS.ProcessEnv) => CliRun } {
  const cli = buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-cli-learner-'));
  const run = (args: string[], env: NodeJS.ProcessEnv = {}): CliRun => {
    // LANG/LC_* cleared so the messages are English unless a test asks otherwise.
    const base = { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '' };
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env: { ...base, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { cli, dir, run };
}
