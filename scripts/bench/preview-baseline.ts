/**
 * The preview's cold open and update, this checkout against another one (say the commit
 * before a change), side by side in one Chromium, alternating, so both see the same load.
 *
 * Each side is a whole checkout: its webview is built with its own build script
 * (production, as `buildWebview` builds ours), and the diagrams it draws come from its
 * own reader, engine and generator, so each page draws the text its own server would send
 * (a change to the generator, such as state labels instead of state notes, is part of
 * what is compared). Only the scenario texts and this harness's page (the preview HTML
 * and the stub VS Code API of test/preview/harness.ts) are shared.
 *
 * `TCPFLOW_BENCH_PREVIEW_BASELINE=<checkout>` (with node_modules) names the other side,
 * for `npm run bench:preview` and `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import type { BuildOptions } from 'esbuild';
import type { RenderMessage } from '../../client/src/preview/messages.js';
import type { MermaidDiagram, MermaidOptions } from '../../server/src/diagram/mermaid.js';
import type { TextAnalysis } from '../../server/src/language/analyze.js';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { coldOpen, openPreview } from '../../test/preview/harness.js';
import { median, ms } from './stats.js';

export const PREVIEW_BASELINE = process.env.TCPFLOW_BENCH_PREVIEW_BASELINE;
/** The hand-written section of docs/benchmarks.md with such a comparison (kept when `npm run bench` writes the rest). */
export const PREVIEW_BEFORE_AFTER = 'The preview before and after the textbook pictures';
/** How the figures name the baseline (say "6fa346b"); its path otherwise. */
const BASELINE_NAME = process.env.TCPFLOW_BENCH_PREVIEW_BASELINE_NAME ?? PREVIEW_BASELINE;
const COLD_OPENS = Number(process.env.TCPFLOW_BENCH_PREVIEW_COLD_OPENS ?? 11);
const UPDATES = Number(process.env.TCPFLOW_BENCH_PREVIEW_UPDATES ?? 9);
/** The first updates of a page run Mermaid's code cold: 300-800 ms above the rest at 1,000 events. */
const UPDATE_WARM_UPS = 2;
const SIZES = [100, 1_000, 10_000];

/** One checkout's webview build and the render messages its own code writes. */
interface Side {
  readonly name: string;
  readonly dir: string;
  message(source: string, options: MermaidOptions): RenderMessage;
  dispose(): void;
}

/** What a side measured, in ms: times in the page, in the order run. */
export interface SideFigures {
  readonly name: string;
  readonly coldOpens: readonly number[];
  /** The webview part of each update, by number of events. */
  readonly updates: ReadonlyMap<number, readonly number[]>;
  /** The median CPU time of the page's main thread in an update, by number of events. */
  readonly updateCpuMs: ReadonlyMap<number, number>;
}

/** This checkout over the baseline: the median of each round's ratio (the two ran back to back, under the same load). */
export interface PairedRatios {
  readonly coldOpen: number;
  readonly update: ReadonlyMap<number, number>;
}

export interface PreviewComparison {
  readonly ours: SideFigures;
  readonly baseline: SideFigures;
  readonly ratios: PairedRatios;
  readonly coldOpens: number;
  readonly updates: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
}

let versions = 0;

/**
 * A checkout's side: its modules are loaded from its own files (vite-node compiles them as
 * ours), so nothing of this checkout's diagram code is in the baseline's figures.
 */
async function sideOf(root: string, name: string): Promise<Side> {
  const from = <T>(path: string): Promise<T> => import(/* @vite-ignore */ join(root, path)) as Promise<T>;
  const { analyzeText } = await from<{ analyzeText(text: string): TextAnalysis }>('server/src/language/analyze.ts');
  const { generateMermaid } = await from<{ generateMermaid(s: TextAnalysis['scenario'], a: TextAnalysis['analysis'], o: MermaidOptions): MermaidDiagram }>('server/src/diagram/mermaid.ts');
  const { webviewBuildOptions } = await from<{ webviewBuildOptions(o: { outdir: string; production: boolean }): BuildOptions }>('scripts/webview-build.mjs');
  const esbuild = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-webview-'));
  await esbuild.build({ ...webviewBuildOptions({ outdir: dir, production: true }), absWorkingDir: root });
  return {
    name,
    dir,
    message(source, options) {
      const { scenario, analysis } = analyzeText(source);
      const diagram = generateMermaid(scenario, analysis, options);
      return { type: 'render', version: ++versions, uri: 'file:///bench/preview.tcpflow', mermaid: diagram.text, messages: diagram.messages, notes: diagram.notes, theme: 'auto' };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The two sides in alternating order, the first of each pair swapping every round. */
function inTurn<T>(round: number, pair: readonly [T, T]): readonly [T, T] {
  return round % 2 === 0 ? pair : [pair[1], pair[0]];
}

/** Cold opens of the three-way handshake, alternating; the first round (a fresh browser) is not counted. */
async function coldOpens(browser: Browser, sides: readonly [Side, Side], handshake: string): Promise<number[][]> {
  const times: number[][] = [[], []];
  for (let round = 0; round <= COLD_OPENS; round++) {
    for (const side of inTurn(round, sides)) {
      const opened = await coldOpen(browser, side.dir, side.message(handshake, {}));
      if (!opened.ok) throw new Error(`${side.name}: the cold open failed (${opened.problems.join('; ')})`);
      if (round > 0) times[sides.indexOf(side)].push(opened.pageMs);
    }
  }
  return times;
}

/** One side's updates at one size: in-page wall time, and CPU time of the page's main thread. */
interface UpdateSamples {
  readonly ms: number[];
  readonly cpuMs: number[];
}

/** CPU time (ms) the page's main thread has used so far (Chromium's `ThreadTime` metric). */
async function threadTimeOf(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

/**
 * The webview part of preview updates as timePreviewUpdate (mermaid.ts) makes them: a
 * note typed into the middle of a generated scenario, the diagram drawn around that
 * line; one page per side, the sides drawing in turn, after warm-ups. The main thread's
 * CPU time is taken as well: on a shared machine it moves far less with the load than
 * the wall time does (it includes the driver's few calls into the page, alike on both sides).
 */
async function updates(browser: Browser, sides: readonly [Side, Side], events: number): Promise<UpdateSamples[]> {
  const lines = generateScenario(events).split('\n');
  const middle = Math.floor(lines.length / 2);
  const pages = await Promise.all(sides.map((side) => openPreview(browser, side.dir)));
  const cdps = await Promise.all(pages.map(async (p) => {
    const cdp = await p.page.context().newCDPSession(p.page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return cdp;
  }));
  const samples: UpdateSamples[] = [{ ms: [], cpuMs: [] }, { ms: [], cpuMs: [] }];
  try {
    for (let round = 0; round < UPDATE_WARM_UPS + UPDATES; round++) {
      lines.splice(middle, 0, `note over client : update ${round}`);
      const source = lines.join('\n');
      for (const side of inTurn(round, sides)) {
        const i = sides.indexOf(side);
        const message = side.message(source, { stateNames: 'rfc', focusLine: middle });
        const cpuBefore = await threadTimeOf(cdps[i]);
        const rendered = await pages[i].render(message);
        const cpuMs = await threadTimeOf(cdps[i]) - cpuBefore;
        if (!rendered.ok) throw new Error(`${side.name}: the update failed (${rendered.error ?? 'unknown'})`);
        if (round < UPDATE_WARM_UPS) continue;
        samples[i].ms.push(rendered.ms);
        samples[i].cpuMs.push(cpuMs);
      }
    }
  } finally {
    await Promise.all(pages.map((p) => p.page.close()));
  }
  return samples;
}

export async function comparePreview(browser: Browser, baselineRoot: string, handshake: string): Promise<PreviewComparison> {
  const loadBefore = loadavg()[0];
  const sides = [await sideOf(process.cwd(), 'this checkout'), await sideOf(resolve(baselineRoot), BASELINE_NAME ?? baselineRoot)] as const;
  try {
    const cold = await coldOpens(browser, sides, handshake);
    const byEvents = new Map<number, UpdateSamples[]>();
    for (const events of SIZES) {
      console.error(`preview against ${sides[1].name}: ${events} events…`);
      byEvents.set(events, await updates(browser, sides, events));
    }
    const figures = (i: number): SideFigures => ({
      name: sides[i].name,
      coldOpens: cold[i],
      updateCpuMs: new Map(SIZES.map((n) => [n, median(byEvents.get(n)![i].cpuMs)])),
      updates: new Map(SIZES.map((n) => [n, byEvents.get(n)![i].ms])),
    });
    const paired = (ours: readonly number[], base: readonly number[]) => median(ours.map((t, round) => t / base[round]));
    const ratios = {
      coldOpen: paired(cold[0], cold[1]),
      update: new Map(SIZES.map((n) => [n, paired(byEvents.get(n)![0].ms, byEvents.get(n)![1].ms)])),
    };
    return { ours: figures(0), baseline: figures(1), ratios, coldOpens: COLD_OPENS, updates: UPDATES, loadBefore, loadAfter: loadavg()[0] };
  } finally {
    for (const side of sides) side.dispose();
  }
}

/** The comparison as a paragraph and a table for docs/benchmarks.md. */
export function previewComparisonLines(c: PreviewComparison): string[] {
  const pair = (base: number, ours: number) => `${ms(base)} → ${ms(ours)} (${(ours / base).toFixed(2)}×)`;
  // The fastest of each side: what another process's burst can only lengthen, never shorten.
  const fastest = (base: readonly number[], ours: readonly number[]) => pair(Math.min(...base), Math.min(...ours));
  const row = (label: string, base: readonly number[], ours: readonly number[], paired: number, cpu = '') =>
    `| ${label} | ${pair(median(base), median(ours))} | ${paired.toFixed(2)}× | ${fastest(base, ours)} | ${cpu} |`;
  const cpu = (n: number) => pair(c.baseline.updateCpuMs.get(n)!, c.ours.updateCpuMs.get(n)!);
  return [
    `Side by side with ${c.baseline.name} (scripts/bench/preview-baseline.ts): both builds in one Chromium, alternating, each drawing the text its own generator writes; ${c.coldOpens} cold opens and ${c.updates} updates a side, timed in the page; 1-minute load average ${c.loadBefore.toFixed(1)} before, ${c.loadAfter.toFixed(1)} after.`,
    '',
    `| ms, ${c.baseline.name} → this build | medians | median of paired ratios | fastest | main thread's CPU (median) |`,
    '|---|---:|---:|---:|---:|',
    row('cold open (three-way handshake)', c.baseline.coldOpens, c.ours.coldOpens, c.ratios.coldOpen),
    ...SIZES.map((n) => row(`update, webview part, ${n.toLocaleString('en')} events`, c.baseline.updates.get(n)!, c.ours.updates.get(n)!, c.ratios.update.get(n)!, cpu(n))),
    '',
  ];
}
