/// <reference lib="dom" />
/**
 * Mermaid's side, in headless Chromium: `mermaid.parse` and `mermaid.render` of the
 * diagram we generate, with the configuration the preview and the exports use; and our
 * preview's own update and cold open, through the real webview bundle.
 */
import type { Browser, Page } from 'playwright-core';
import { mermaidConfig } from '../../server/src/export/mermaid-config.js';
import { mermaidBrowserBuild } from '../../server/src/export/renderer.js';
import type { DiagramResult } from '../../server/src/lsp/custom-requests.js';
import type { LspClient } from '../../test/lsp/lsp-client.js';
import { buildWebview, coldOpen, nextVersion, openPreview, renderMessageFor, type PreviewPage } from '../../test/preview/harness.js';
import { median } from './stats.js';

type MermaidGlobal = { initialize(c: unknown): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> };

export async function mermaidPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><meta charset="utf-8"><body><div id="host"></div></body>');
  await page.addScriptTag({ path: mermaidBrowserBuild() });
  await page.evaluate((config) => (window as unknown as { mermaid: MermaidGlobal }).mermaid.initialize(config), mermaidConfig('light', true) as unknown);
  return page;
}

/** Median milliseconds of `mermaid.parse(text)`, timed inside the page. */
export async function timeParse(page: Page, text: string, runs: number): Promise<number> {
  const times = await page.evaluate(async ({ text, runs }) => {
    const m = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
    const out: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      await m.parse(text);
      out.push(performance.now() - t0);
    }
    return out.slice(1); // the first parse warms Mermaid up
  }, { text, runs });
  return median(times);
}

/** Milliseconds of one `mermaid.render(text)`, or undefined if it takes longer than the cap. */
export async function timeRender(page: Page, text: string, capMs: number): Promise<number | undefined> {
  const result = await Promise.race([
    page.evaluate(async (text) => {
      const m = (window as unknown as { mermaid: MermaidGlobal }).mermaid;
      const id = `d${Math.random().toString(36).slice(2)}`;
      const t0 = performance.now();
      const { svg } = await m.render(id, text);
      const elapsed = performance.now() - t0;
      document.getElementById('host')!.innerHTML = svg; // what a page does with it
      return elapsed;
    }, text),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), capMs)),
  ]);
  return result;
}

/** What a cold open costs: in the page (navigation start → first diagram), and with the driver's page set-up. */
export interface ColdOpenTiming {
  readonly pageMs: number;
  readonly wallMs: number;
}

/** Runs `body` with a live preview page (the real webview bundle) and a cold-open timer. */
export async function withPreview<T>(browser: Browser, body: (preview: PreviewPage, coldOpenOf: (source: string) => Promise<ColdOpenTiming>) => Promise<T>): Promise<T> {
  const bundle = await buildWebview();
  try {
    const preview = await openPreview(browser, bundle.dir);
    const coldOpenOf = async (source: string) => {
      const opened = await coldOpen(browser, bundle.dir, renderMessageFor(source));
      if (!opened.ok) throw new Error('cold open failed');
      return { pageMs: opened.pageMs, wallMs: opened.wallMs };
    };
    const result = await body(preview, coldOpenOf);
    await preview.page.close();
    return result;
  } finally {
    bundle.dispose();
  }
}

/** One preview update, split into its parts, beside Mermaid's bare render of the same text. */
export interface PreviewUpdateTiming {
  /** Server part plus webview part. */
  readonly totalMs: number;
  /** The edit sent over stdio until the `tcpflow/diagram` answer arrived. */
  readonly serverMs: number;
  /** In the page: the render message's arrival until the page reports it drawn and linked. */
  readonly webviewMs: number;
  /** The same message as the test driver sees it: its own round trips into the page included. */
  readonly webviewDriverMs: number;
  /** `mermaid.render` of the same text on the bare Mermaid page, timed inside that page. */
  readonly bareRenderMs: number;
  /** Update over bare render, per update (the two ran back to back). */
  readonly ratio: number;
}

/**
 * Preview updates as the editor makes them: an edit reaches the language server, the
 * panel asks it for the diagram (`tcpflow/diagram`, answered from the analysis the
 * server keeps per version), and the webview draws it. After each, the bare Mermaid
 * page renders the very text the preview drew, so both sides see the same machine
 * load. The webview part is timed inside the page, as the bare render is: the test
 * driver's round trips into the page belong to neither (they are reported apart).
 * Medians of `runs` edits after one warm-up.
 */
export async function timePreviewUpdate(preview: PreviewPage, barePage: Page, client: LspClient, uri: string, source: string, runs = 7): Promise<PreviewUpdateTiming> {
  await client.open(uri, source);
  const middle = Math.floor(source.split('\n').length / 2);
  const samples: PreviewUpdateTiming[] = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    await client.type(uri, middle, 0, `note over client : update ${i}\n`);
    const result = await client.request<DiagramResult>('tcpflow/diagram', { uri, line: middle });
    const t1 = performance.now();
    const rendered = await preview.render({
      type: 'render', version: nextVersion(), uri, mermaid: result.mermaid, messages: result.messages, notes: result.notes, theme: 'auto',
    });
    const t2 = performance.now();
    if (!rendered.ok) throw new Error(`preview failed: ${rendered.error ?? 'unknown'}`);
    const bareRenderMs = await timeRender(barePage, result.mermaid, 60_000);
    if (bareRenderMs === undefined) throw new Error('the bare render took over a minute');
    const totalMs = t1 - t0 + rendered.ms;
    if (i > 0) samples.push({ totalMs, serverMs: t1 - t0, webviewMs: rendered.ms, webviewDriverMs: t2 - t1, bareRenderMs, ratio: totalMs / bareRenderMs }); // the first warms up
  }
  const mid = (pick: (s: PreviewUpdateTiming) => number) => median(samples.map(pick));
  return { totalMs: mid((s) => s.totalMs), serverMs: mid((s) => s.serverMs), webviewMs: mid((s) => s.webviewMs), webviewDriverMs: mid((s) => s.webviewDriverMs), bareRenderMs: mid((s) => s.bareRenderMs), ratio: mid((s) => s.ratio) };
}
