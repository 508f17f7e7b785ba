/** Runs the CLI built for this test run (test/support/test-build.ts) as a process, in a scratch folder. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBuild } from '../support/test-build.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type RunCli = (args: string[], env?: NodeJS.ProcessEnv) => Promise<CliRun>;

/** Runs `command` with its arguments to the end; asynchronously, so vitest's worker is never blocked. */
export function runProcess(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export function cliRunner(): { cli: string; dir: string; run: RunCli } {
  const cli = testBuild().cli;
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-cli-learner-'));
  // LANG/LC_* cleared so the messages are English unless a test asks otherwise.
  const run: RunCli = (args, env = {}) => runProcess(process.execPath, [cli, ...args], dir, { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '', ...env });
  return { cli, dir, run };
}
