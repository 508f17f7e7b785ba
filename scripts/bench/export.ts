/**
 * SVG export against Mermaid's own CLI (`mmdc`), side by side on the same diagrams: our
 * built CLI as a process (`synack export`, one Chromium for the whole batch) and `mmdc`
 * on the Mermaid source our generator writes for each scenario (what `export --format
 * mmd` gives), one `mmdc` run per diagram as a user of it would script a batch. Every
 * run writes into a fresh folder, so our skip of unchanged outputs is never what is
 * timed. Runs alternate (ours, mmdc, ours, …) so a change in the machine's load falls
 * on both; the figures are medians.
 *
 * `mmdc` is not a dependency (its postinstall would try to download a browser on a fresh
 * machine): it is installed on demand into .cache/mermaid-cli with
 * PUPPETEER_SKIP_DOWNLOAD=1 and --ignore-scripts, and pointed at the system's Chromium
 * through a puppeteer configuration file. Its version is the one whose Mermaid is ours.
 *
 * `npm run bench` writes this section with the rest; `npm run bench:export` measures
 * only this and replaces its section of docs/benchmarks.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './stats.js';

export const EXPORT_SECTION = 'SVG export against mmdc';
const MMDC_DIR = resolve('.cache', 'mermaid-cli');
/** mermaid-cli 11.17 draws with Mermaid 11.17, the Mermaid we bundle. */
const MMDC_PACKAGE = '@mermaid-js/mermaid-cli@11.17.0';
const CHROMIUM = process.env.TCPFLOW_CHROMIUM ?? '/usr/bin/chromium';
/**
 * One diagram takes about 3 s a side, so its ratio gets 7 alternating pairs: on a shared
 * 2-core machine a pair or two lands in someone else's burst, and a median of 2 or 3 moved
 * by 0.2×. A batch pair takes about 30 s and sits far from its target, so 3 pairs do.
 */
const SINGLE_RUNS = Number(process.env.TCPFLOW_BENCH_EXPORT_RUNS ?? 7);
const BATCH_RUNS = Number(process.env.TCPFLOW_BENCH_EXPORT_BATCH_RUNS ?? 3);
/**
 * Another build's CLI (say main's, bundled into a temporary folder) to time in the same
 * alternation, for a before/after of a change: its figures are written beside ours.
 */
const BASELINE_CLI = process.env.TCPFLOW_BENCH_EXPORT_BASELINE;
/** How the section names the baseline (say "main at 083ecf0"); its path otherwise. */
const BASELINE_NAME = process.env.TCPFLOW_BENCH_EXPORT_BASELINE_NAME ?? BASELINE_CLI;
/** The issue 15 targets: a single export at most 0.7× mmdc's time, a batch at most 0.35×. */
const SINGLE_TARGET = 0.7;
const BATCH_TARGET = 0.35;

export interface ExportTiming {
  readonly mmdcVersion: string;
  readonly mermaidVersion: string;
  readonly diagrams: number;
  readonly oursSingleMs: number;
  readonly mmdcSingleMs: number;
  readonly oursBatchMs: number;
  readonly mmdcBatchMs: number;
  /** The baseline build's figures, when TCPFLOW_BENCH_EXPORT_BASELINE named one. */
  readonly baseline?: { readonly name: string; readonly singleMs: number; readonly batchMs: number };
  readonly singleRuns: number;
  readonly batchRuns: number;
  /** 1-minute load average before and after: figures from a loaded machine are not quiet-machine figures. */
  readonly loadBefore: number;
  readonly loadAfter: number;
}

/** `mmdc`, installed on first use; undefined (with the reason printed) when it cannot be. */
function mmdc(): string | undefined {
  const bin = join(MMDC_DIR, 'node_modules', '.bin', 'mmdc');
  if (existsSync(bin)) return bin;
  mkdirSync(MMDC_DIR, { recursive: true });
  if (!existsSync(join(MMDC_DIR, 'package.json'))) writeFileSync(join(MMDC_DIR, 'package.json'), '{ "private": true }\n');
  console.error(`installing ${MMDC_PACKAGE} into ${MMDC_DIR} (no browser download)…`);
  const result = spawnSync('npm', ['install', MMDC_PACKAGE, '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: MMDC_DIR, stdio: 'inherit', env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  if (result.status !== 0 || !existsSync(bin)) {
    console.error(`${MMDC_PACKAGE} could not be installed: the export comparison is skipped.`);
    return undefined;
  }
  return bin;
}

function versionOf(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** Wall time of one process, in ms; a failed run stops the benchmark (a failed export is not a time). */
function timed(command: string, args: readonly string[], cwd: string): number {
  const start = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', cwd });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return ms;
}

export async function measureExport(cliPath: string): Promise<ExportTiming | undefined> {
  const cli = resolve(cliPath);
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} not found: the export comparison is skipped.`);
    return undefined;
  }
  const bin = mmdc();
  if (!bin) return undefined;
  const loadBefore = loadavg()[0];
  const work = mkdtempSync(join(tmpdir(), 'tcpflow-bench-export-'));
  try {
    const config = join(work, 'puppeteer.json');
    writeFileSync(config, JSON.stringify({ executablePath: CHROMIUM, args: ['--no-sandbox'] }));
    const examples = readdirSync('examples').filter((f) => f.endsWith('.tcpflow')).sort().map((f) => resolve('examples', f));
    const single = resolve('examples', 'three-way-handshake.tcpflow');
    // The Mermaid text mmdc draws: exactly what our export draws (no browser needed to write it).
    const sources = examples.map((file, i) => {
      const mmd = join(work, `${i}.mmd`);
      execFileSync(process.execPath, [cli, 'export', file, '--format', 'mmd', '-o', mmd]);
      return mmd;
    });
    const singleSource = sources[examples.indexOf(single)];
    const samples = { oursSingle: [] as number[], mmdcSingle: [] as number[], oursBatch: [] as number[], mmdcBatch: [] as number[], baseSingle: [] as number[], baseBatch: [] as number[] };
    const baseline = BASELINE_CLI === undefined ? undefined : resolve(BASELINE_CLI);
    const exportSingle = (cliFile: string, dir: string) => timed(process.execPath, [cliFile, 'export', single, '--format', 'svg', '-o', join(dir, 'a.svg')], work);
    const exportBatch = (cliFile: string, dir: string) => timed(process.execPath, [cliFile, 'export', ...examples, '--format', 'svg', '--out-dir', dir], work);
    const runs = Math.max(SINGLE_RUNS, BATCH_RUNS);
    for (let run = 0; run < runs; run++) {
      console.error(`export against mmdc: run ${run + 1} of ${runs}…`);
      // Each side writes into a fresh folder of its own, named relative to the work folder
      // (the CLI writes with --out-dir only inside its current folder).
      const out = (name: string) => {
        const dir = `${name}-${run}`;
        mkdirSync(join(work, dir));
        return dir;
      };
      if (run < SINGLE_RUNS) {
        if (baseline) samples.baseSingle.push(exportSingle(baseline, out('base-single')));
        samples.oursSingle.push(exportSingle(cli, out('ours-single')));
        samples.mmdcSingle.push(timed(bin, ['-q', '-p', config, '-i', singleSource, '-o', join(out('mmdc-single'), 'a.svg')], work));
      }
      if (run >= BATCH_RUNS) continue;
      if (baseline) samples.baseBatch.push(exportBatch(baseline, out('base-batch')));
      samples.oursBatch.push(exportBatch(cli, out('ours-batch')));
      const mmdcBatch = out('mmdc-batch');
      samples.mmdcBatch.push(sources.reduce((sum, source, i) => sum + timed(bin, ['-q', '-p', config, '-i', source, '-o', join(mmdcBatch, `${i}.svg`)], work), 0));
    }
    return {
      mmdcVersion: versionOf(join(MMDC_DIR, 'node_modules', '@mermaid-js', 'mermaid-cli', 'package.json')),
      mermaidVersion: versionOf(join(MMDC_DIR, 'node_modules', 'mermaid', 'package.json')),
      diagrams: examples.length,
      oursSingleMs: median(samples.oursSingle),
      mmdcSingleMs: median(samples.mmdcSingle),
      oursBatchMs: median(samples.oursBatch),
      mmdcBatchMs: median(samples.mmdcBatch),
      ...(baseline ? { baseline: { name: BASELINE_NAME!, singleMs: median(samples.baseSingle), batchMs: median(samples.baseBatch) } } : {}),
      singleRuns: SINGLE_RUNS,
      batchRuns: BATCH_RUNS,
      loadBefore,
      loadAfter: loadavg()[0],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function exportSectionLines(timing: ExportTiming | undefined): string[] {
  const lines = [`## ${EXPORT_SECTION}`, ''];
  if (!timing) return [...lines, 'Not measured in this run: no Chromium, or `@mermaid-js/mermaid-cli` could not be installed (see the run\'s output).', ''];
  const single = timing.oursSingleMs / timing.mmdcSingleMs;
  const batch = timing.oursBatchMs / timing.mmdcBatchMs;
  lines.push(`\`synack export --format svg\` (the built CLI, one Chromium per run) against \`mmdc\` ${timing.mmdcVersion} (Mermaid ${timing.mermaidVersion}, the same Mermaid as ours) on the Mermaid text our generator writes, with the same Chromium; wall time of the processes, fresh output folders, runs alternating, medians of ${timing.singleRuns} runs (one diagram) and ${timing.batchRuns} (the batch), 1-minute load average ${timing.loadBefore.toFixed(1)} before and ${timing.loadAfter.toFixed(1)} after (scripts/bench/export.ts). The batch is all ${timing.diagrams} examples: one \`synack export\` run against one \`mmdc\` run per diagram.`, '');
  lines.push('| | ours | mmdc | ratio | target |', '|---|---:|---:|---:|---|');
  lines.push(`| one diagram (three-way handshake) | ${seconds(timing.oursSingleMs)} s | ${seconds(timing.mmdcSingleMs)} s | ${single.toFixed(2)}× | ≤ ${SINGLE_TARGET}×: **${single <= SINGLE_TARGET ? 'met' : 'missed'}** |`);
  lines.push(`| ${timing.diagrams} diagrams | ${seconds(timing.oursBatchMs)} s | ${seconds(timing.mmdcBatchMs)} s | ${batch.toFixed(2)}× | ≤ ${BATCH_TARGET}×: **${batch <= BATCH_TARGET ? 'met' : 'missed'}** |`, '');
  const base = timing.baseline;
  if (base) {
    lines.push(`Before and after, in the same alternation: the baseline build (${base.name}) took ${seconds(base.singleMs)} s for one diagram (${(base.singleMs / timing.mmdcSingleMs).toFixed(2)}× mmdc) and ${seconds(base.batchMs)} s for the batch (${(base.batchMs / timing.mmdcBatchMs).toFixed(2)}×).`, '');
  }
  return lines;
}
