/**
 * The playground's cold load from file:// (out/playground/index.html): time to the first
 * diagram, side by side in one run with a bare page that only loads Mermaid's own
 * bundle (mermaid.min.js) and renders the same diagram, the floor of any Mermaid-based
 * playground. Each load is a fresh browser context. Also the bytes the page loads, raw
 * and gzipped (what a static host would send).
 *
 * `npm run bench` writes its section; `npm run bench:playground` (playground-main.ts)
 * measures only this and replaces the section in docs/benchmarks.md.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { scenarioDiagram } from '../../server/src/export/formats.js';
import { mermaidInitConfig } from '../../server/src/export/mermaid-config.js';
import { median } from './stats.js';

export const PLAYGROUND_SECTION = 'Playground (static page, cold load from file://)';
const LOADS = 7;
const TARGET_MS = 1_500;
/** What index.html loads before the first diagram (editor.js beside it). */
const PAGE_FILES = ['index.html', 'playground.css', 'playground.js', 'editor.js', 'server-worker-source.js'];

const BARE_HTML = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<script defer src="mermaid.min.js"></script><script defer src="bare.js"></script></head>
<body><div id="canvas"></div></body></html>`;

function bareScript(mermaidText: string): string {
  return `(async () => {
  mermaid.initialize(${JSON.stringify(mermaidInitConfig('default'))});
  const { svg } = await mermaid.render('bare', ${JSON.stringify(mermaidText)});
  document.getElementById('canvas').innerHTML = svg;
  performance.mark('tcpflow-first-diagram');
})();`;
}

/** Milliseconds from navigation start to the page's first-diagram mark, in a fresh context. */
async function coldLoad(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction(() => performance.getEntriesByName('tcpflow-first-diagram')[0]?.startTime, undefined, { timeout: 120_000, polling: 20 });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

export async function playgroundSection(browser: Browser, playgroundDir = 'out/playground'): Promise<string[]> {
  const handshake = readFileSync('examples/three-way-handshake.tcpflow', 'utf8');
  const load = loadavg()[0];
  const bareDir = mkdtempSync(join(tmpdir(), 'tcpflow-bare-'));
  try {
    copyFileSync('node_modules/mermaid/dist/mermaid.min.js', join(bareDir, 'mermaid.min.js'));
    writeFileSync(join(bareDir, 'bare.js'), bareScript(scenarioDiagram(handshake).mermaid));
    writeFileSync(join(bareDir, 'index.html'), BARE_HTML);
    const playgroundUrl = pathToFileURL(join(playgroundDir, 'index.html')).href;
    const bareUrl = pathToFileURL(join(bareDir, 'index.html')).href;
    const ours: number[] = [];
    const bare: number[] = [];
    // Interleaved, so a change in the machine's load hits both alike.
    for (let i = 0; i < LOADS; i++) {
      console.error(`playground cold load ${i + 1}/${LOADS}…`);
      ours.push(await coldLoad(browser, playgroundUrl));
      bare.push(await coldLoad(browser, bareUrl));
    }
    const sizes = PAGE_FILES.map((f) => {
      const bytes = readFileSync(join(playgroundDir, f));
      return { file: f, raw: statSync(join(playgroundDir, f)).size, gzip: gzipSync(bytes).length };
    });
    const mermaidMin = readFileSync(join(bareDir, 'mermaid.min.js'));
    const total = { raw: sizes.reduce((s, x) => s + x.raw, 0), gzip: sizes.reduce((s, x) => s + x.gzip, 0) };
    const oursMedian = median(ours);
    return [
      `## ${PLAYGROUND_SECTION}`,
      '',
      `The three-way handshake example, ${LOADS} cold loads each (a fresh browser context per load), interleaved; time from navigation start to the first diagram in the page (a performance mark). Target: ≤ ${TARGET_MS} ms. Load average (1 min) at the start: ${load.toFixed(1)} on ${cpus().length} cores.`,
      '',
      '| page | median | min | max |',
      '|---|---|---|---|',
      `| playground (out/playground/index.html: worker language server + Mermaid + editor) | **${oursMedian.toFixed(0)} ms** | ${Math.min(...ours).toFixed(0)} ms | ${Math.max(...ours).toFixed(0)} ms |`,
      `| bare page (mermaid.min.js renders the same diagram) | ${median(bare).toFixed(0)} ms | ${Math.min(...bare).toFixed(0)} ms | ${Math.max(...bare).toFixed(0)} ms |`,
      '',
      `Target ${oursMedian <= TARGET_MS ? 'met' : 'missed'} (${(oursMedian / median(bare)).toFixed(2)}× the bare page, which is the floor: a page cannot draw before Mermaid has loaded).`,
      '',
      '| file the playground loads | size | gzipped |',
      '|---|---|---|',
      ...sizes.map((s) => `| ${s.file} | ${kb(s.raw)} | ${kb(s.gzip)} |`),
      `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
      `| (bare page: mermaid.min.js) | ${kb(mermaidMin.length)} | ${kb(gzipSync(mermaidMin).length)} |`,
      '',
    ];
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
  }
}

/** Replaces (or adds before "## Notes") this section of docs/benchmarks.md. */
export function writePlaygroundSection(doc: string, section: readonly string[]): string {
  const text = `${section.join('\n').trimEnd()}\n\n`;
  const existing = new RegExp(`^## ${PLAYGROUND_SECTION.replace(/[()]/g, '\\$&')}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  if (existing.test(doc)) return doc.replace(existing, text);
  const notes = doc.indexOf('\n## Notes');
  return notes < 0 ? `${doc.trimEnd()}\n\n${text}` : `${doc.slice(0, notes + 1)}${text}${doc.slice(notes + 1)}`;
}
