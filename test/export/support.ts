/**
 * Helpers for the export tests: a runner that spawns the CLI bundled for this test run
 * (test/support/test-build.ts), scratch folders, and the Chromium these tests draw with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, testBuild } from '../support/test-build.js';

export { ROOT };
export const EXAMPLES = join(ROOT, 'examples');

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES).filter((f) => f.endsWith('.tcpflow')).sort();
}

/** The browser of this test run (the system's, or the npm package's; never none: see global-setup.ts). */
export function chromiumPath(): string {
  return testBuild().chromium;
}

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [testBuild().cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
}

export async function runCliProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return finished(startCli(args, cwd, env));
}

export function scratch(prefix = 'tcpflow-export-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || png.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Segment lines that draw an arrow: `->`, `-x`, `-->`, and `~>` when some `deliver` delivers it. */
export function arrowLines(text: string): number {
  const lines = text.split('\n').map((l) => l.replace(/\/\/.*$/, ''));
  const delivered = new Set(lines.map((l) => /^\s*deliver\s+(\w+)/.exec(l)?.[1]).filter(Boolean));
  let count = 0;
  for (const line of lines) {
    const m = /^\s*\w+\s*(-->|->|-x|~>)\s*\w+\s*:(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] !== '~>') count++;
    else if (delivered.has(/\bas\s+(\w+)\s*$/.exec(m[2])?.[1])) count++;
  }
  return count;
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}
