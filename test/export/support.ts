/**
 * Helpers for the export tests: the CLI built once into a bundle (as `npm run bundle`
 * builds it, placed under node_modules/.cache so that it finds mermaid and
 * playwright-core the way the installed CLI does), a runner that spawns it, scratch
 * folders, and the Chromium these tests draw with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { findChromium } from '../../server/src/export/chromium.js';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLES = join(ROOT, 'examples');

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES).filter((f) => f.endsWith('.tcpflow')).sort();
}

/** The system's Chromium, or why browser tests are skipped. */
export const chromium = findChromium(process.env);
export const chromiumPath = 'path' in chromium ? chromium.path : undefined;
export const skipReason = 'problem' in chromium ? `no Chromium on this machine (${chromium.problem})` : undefined;
if (skipReason) console.warn(`export browser tests skipped: ${skipReason}`);

let built: Promise<string> | undefined;

/** Bundles server/src/cli/main.ts once per test process; resolves to the bundle's path. */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const outdir = join(ROOT, 'node_modules', '.cache', `tcpflow-export-test-${process.pid}`);
    mkdirSync(outdir, { recursive: true });
    await esbuild.build({
      entryPoints: { cli: join(ROOT, 'server/src/cli/main.ts') },
      bundle: true, platform: 'node', format: 'cjs', target: 'es2022', outdir, logLevel: 'error',
      external: ['playwright-core'],
      define: { 'import.meta.url': '_importMetaUrl' },
      banner: { js: "const _importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    });
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    return join(outdir, 'cli.js');
  })();
  return built;
}

export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export async function startCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ChildProcess> {
  const cli = await buildCli();
  return spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function finished(child: ChildProcess): Promise<Run> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
}

export async function runCliProcess(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return finished(await startCli(args, cwd, env));
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
