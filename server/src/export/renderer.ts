/**
 * Draws Mermaid source to SVG and PNG in a real headless Chromium. The drawing is done by
 * the export panel's own page (out/webview/export.js, from the webview build): the same
 * Mermaid chunks the preview and the Markdown preview load, and the same function that
 * draws, slopes, cleans and sizes an export in VS Code (client/src/export/webview-export.ts),
 * asked through the panel's message protocol as the extension asks it. One browser serves
 * a whole batch: one page per PNG scale, Mermaid loaded once per page. The pages have no
 * network: every request is refused or answered from the bundle on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type ExportTheme } from './mermaid-config.js';
import { CHROMIUM_LAUNCH_ARGS } from './chromium-args.js';
import { loadCjkGlyphs, useCjkFont } from './cjk-font.js';
import { EXPORT_PRELOAD_MANIFEST, readPreloadManifest } from './preload-manifest.js';
import { say } from '../i18n/catalogue.js';
import { diagramMessages } from '../i18n/messages/diagram.js';

export interface RenderedSvg {
  /** Standalone SVG (XML), natural size, with a background; no scripts or event attributes. */
  readonly svg: string;
  /** CSS pixels (the `width`/`height` attributes). */
  readonly width: number;
  readonly height: number;
}

export interface RenderedPng {
  readonly png: Buffer;
  /** Pixels: the SVG's size times the scale. */
  readonly width: number;
  readonly height: number;
}

/** A drawing failed inside the page (Mermaid rejected the text, or the browser went away). */
export class RenderError extends Error {}

/** Mermaid's own single-file browser build: only the benchmarks' bare-Mermaid reference uses it. */
export function mermaidBrowserBuild(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

/** The export page's origin; `.invalid` never resolves, the page's route answers it. */
const PAGE_ORIGIN = 'https://export.tcpflow.invalid';

/** The export panel's boot script, beside the bundle that runs this code. */
const EXPORT_PAGE_SCRIPT = 'export.js';

/**
 * The webview build next to this code: `out/webview` beside out/cli.js (and beside the
 * tests' private copy of the CLI), or the repository's out/webview when this file runs
 * from source (the in-process tests).
 */
export function webviewBundleDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'webview'), join(here, '..', '..', '..', 'out', 'webview')];
  return candidates.find((dir) => existsSync(join(dir, EXPORT_PAGE_SCRIPT))) ?? candidates[0];
}

export class DiagramRenderer {
  private readonly pages = new Map<number, Promise<Page>>();
  private requests = 0;

  private constructor(private readonly browser: Browser, private readonly webviewDir: string) {}

  static async launch(executablePath: string, timeoutMs = 60_000, webviewDir = webviewBundleDir()): Promise<DiagramRenderer> {
    if (!existsSync(join(webviewDir, EXPORT_PAGE_SCRIPT))) throw new RenderError(say(diagramMessages.exportPageMissing, { path: join(webviewDir, EXPORT_PAGE_SCRIPT) }));
    let chromium: typeof import('playwright-core').chromium;
    try {
      // require, not import(): through the ESM loader Node first scans playwright-core's
      // 3.6 MB CommonJS bundle for its export names, ~0.15 s of every export's start.
      ({ chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core'));
    } catch (error) {
      throw new RenderError(`playwright-core is not installed (npm install playwright-core): ${message(error)}`);
    }
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_LAUNCH_ARGS], timeout: timeoutMs });
    } catch (error) {
      throw new RenderError(`could not start Chromium at ${executablePath}: ${firstLine(message(error))}`);
    }
    return new DiagramRenderer(browser, webviewDir);
  }

  /** Drawn by the export panel's page: Mermaid, arrows sloped as the text's arrow plan asks, cleaned, sized. */
  async svg(mermaid: string, theme: ExportTheme): Promise<RenderedSvg> {
    const page = await this.page(1);
    await loadCjkGlyphs(page, mermaid);
    let answer: PanelAnswer;
    try {
      const request: ExportRequest = { type: 'export', id: ++this.requests, mermaid, theme, format: 'svg', scale: 1 };
      answer = await page.evaluate(askExportPanel, request);
    } catch (error) {
      throw new RenderError(say(diagramMessages.mermaidRejected, { reason: firstLine(message(error).replace(/^page\.evaluate: (Error: )?/, '')) }));
    }
    if (!answer.ok || typeof answer.svg !== 'string' || typeof answer.width !== 'number' || typeof answer.height !== 'number') {
      throw new RenderError(say(diagramMessages.mermaidRejected, { reason: firstLine(answer.error ?? '') }));
    }
    return { svg: answer.svg, width: answer.width, height: answer.height };
  }

  /**
   * Mermaid lays text out a little differently at other device-pixel ratios, so the
   * diagram is drawn at scale 1 (exactly the SVG export) and only rasterized at `scale`.
   */
  async png(mermaid: string, theme: ExportTheme, scale: number): Promise<RenderedPng> {
    const drawn = await this.svg(mermaid, theme);
    const page = await this.page(scale);
    await page.evaluate(placeSvg, drawn.svg);
    await loadCjkGlyphs(page, mermaid);
    const element = await page.$('#host > svg');
    if (!element) throw new RenderError('the drawn SVG is not in the page');
    const png = await element.screenshot({ type: 'png', omitBackground: false, animations: 'disabled', timeout: 120_000 });
    return { png, width: Math.round(drawn.width * scale), height: Math.round(drawn.height * scale) };
  }

  async close(): Promise<void> {
    // Closing the browser closes its contexts: one round trip, not one more per context.
    await this.browser.close().catch(() => undefined);
  }

  private page(scale: number): Promise<Page> {
    let page = this.pages.get(scale);
    if (!page) {
      page = this.openPage(scale);
      this.pages.set(scale, page);
    }
    return page;
  }

  /** Pages for scale 1 are the export panel's page; pages for other scales only show a finished SVG. */
  private async openPage(scale: number): Promise<Page> {
    const context = await this.browser.newContext({ deviceScaleFactor: scale, viewport: { width: 1280, height: 800 }, javaScriptEnabled: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    if (scale === 1) await this.openExportPanelPage(page);
    else await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_STYLE}</style></head><body><div id="host"></div></body></html>`);
    await useCjkFont(context, page);
    return page;
  }

  /**
   * The export panel's page, served from the webview build, with a stand-in for VS Code's
   * `acquireVsCodeApi` that hands each answer to whoever asked (askExportPanel).
   */
  private async openExportPanelPage(page: Page): Promise<void> {
    const root = this.webviewDir;
    const html = exportPageHtml(readPreloadManifest(root, EXPORT_PRELOAD_MANIFEST));
    await page.route(`${PAGE_ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/index.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      const file = join(root, decodeURIComponent(path));
      // Only the bundle's own scripts, never a path that climbs out of it.
      const inside = relative(root, file);
      if (!file.endsWith('.js') || inside.startsWith('..') || inside.startsWith(sep) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(file) });
    });
    await page.addInitScript(standInForVsCode);
    await page.goto(`${PAGE_ORIGIN}/index.html`);
    await page.waitForFunction(() => (globalThis as unknown as { tcpflowExportReady?: boolean }).tcpflowExportReady === true, undefined, { timeout: 60_000 });
  }
}

const PAGE_STYLE = 'html,body{margin:0;padding:0}#host{display:inline-block;line-height:0}';

/**
 * The export page: its one script deferred in the head, ahead of a preload of every module
 * the first sequence diagram needs (export-preload.json), so all of them are requested at
 * once instead of a round of requests per level of imports (as the preview does, docs/preview.md).
 */
function exportPageHtml(preloads: readonly string[]): string {
  const links = preloads.map((module) => `<link rel="modulepreload" href="/${module}">`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${PAGE_STYLE}</style><script defer src="/${EXPORT_PAGE_SCRIPT}"></script>${links}</head><body><div id="host"></div></body></html>`;
}

/** What the export panel answers (webview-protocol.ts ExportResultMessage, as the page hands it over). */
interface PanelAnswer {
  readonly ok: boolean;
  readonly svg?: string;
  readonly width?: number;
  readonly height?: number;
  readonly error?: string;
}

interface ExportRequest {
  readonly type: 'export';
  readonly id: number;
  readonly mermaid: string;
  readonly theme: ExportTheme;
  readonly format: 'svg';
  readonly scale: 1;
}

interface PanelGlobals {
  tcpflowExportReady?: boolean;
  tcpflowExportAnswers?: Map<number, (answer: unknown) => void>;
  acquireVsCodeApi?: () => { postMessage(message: unknown): void };
  postMessage(message: unknown, target: string): void;
}

/** Runs in the page before its scripts (serialized by Playwright: it refers to nothing outside itself). */
function standInForVsCode(): void {
  const g = globalThis as unknown as PanelGlobals;
  const answers = new Map<number, (answer: unknown) => void>();
  g.tcpflowExportAnswers = answers;
  g.acquireVsCodeApi = () => ({
    postMessage(posted: unknown) {
      const m = posted as { type?: string; id?: number };
      if (m.type === 'export-ready') g.tcpflowExportReady = true;
      if (m.type === 'exported' && typeof m.id === 'number') answers.get(m.id)?.(posted);
    },
  });
}

/** Runs in the page: posts one request to the panel script, as the extension does, and waits for its answer. */
function askExportPanel(request: ExportRequest): Promise<PanelAnswer> {
  const g = globalThis as unknown as PanelGlobals;
  return new Promise((resolve) => {
    g.tcpflowExportAnswers?.set(request.id, (answer) => {
      g.tcpflowExportAnswers?.delete(request.id);
      resolve(answer as PanelAnswer);
    });
    g.postMessage(request, '*');
  });
}

/** Runs in the page: shows a finished SVG (parsed as XML, not HTML) in the host element. */
function placeSvg(svg: string): void {
  interface Node { replaceChildren(...nodes: unknown[]): void }
  interface PageGlobals {
    document: { getElementById(id: string): Node | null; importNode(node: unknown, deep: boolean): unknown };
    DOMParser: new () => { parseFromString(text: string, type: string): { documentElement: unknown } };
  }
  const g = globalThis as unknown as PageGlobals;
  const host = g.document.getElementById('host');
  if (!host) throw new Error('no host element');
  const parsed = new g.DOMParser().parseFromString(svg, 'image/svg+xml');
  host.replaceChildren(g.document.importNode(parsed.documentElement, true));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}
