/**
 * `npm run bench:preview`: the preview's cold open and update, this checkout against the
 * one TCPFLOW_BENCH_PREVIEW_BASELINE names (preview-baseline.ts). Prints the figures;
 * docs/benchmarks.md is left as it is (a before/after is written there by hand).
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';
import { comparePreview, PREVIEW_BASELINE, previewComparisonLines } from './preview-baseline.js';

if (!PREVIEW_BASELINE) {
  console.error('Set TCPFLOW_BENCH_PREVIEW_BASELINE to another checkout (with node_modules) to compare the preview with.');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_LAUNCH_ARGS] });
try {
  const comparison = await comparePreview(browser, PREVIEW_BASELINE, readFileSync('examples/three-way-handshake.tcpflow', 'utf8'));
  console.log(previewComparisonLines(comparison).join('\n'));
  console.log(`cold opens, ${comparison.baseline.name}: ${comparison.baseline.coldOpens.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`cold opens, ${comparison.ours.name}: ${comparison.ours.coldOpens.map((t) => t.toFixed(0)).join(' ')}`);
  for (const side of [comparison.baseline, comparison.ours]) {
    for (const [events, times] of side.updates) console.log(`updates at ${events} events, ${side.name}: ${times.map((t) => t.toFixed(0)).join(' ')}`);
  }
} finally {
  await browser.close();
}
