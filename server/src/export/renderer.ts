/**
 * Draws Mermaid source to SVG and PNG in a real headless Chromium. The drawing is done by
 * the export panel's own page (out/webview/export.js, from the webview build): the same
 * Mermaid chunks the preview and the Markdown preview load, and the same function that
 * draws, slopes, cleans and sizes an export in VS Code (client/src/export/webview-export.ts),
 * asked through the panel's message protocol as the extension asks it. One browser serves
 * a whole batch: the export page draws every diagram, and one picture page per PNG scale
 * shows the finished SVG to be captured.
 *
 * The pages are files written into the browser's own profile folder, loading the bundle's
 * scripts by file:// URLs, under a Content-Security-Policy that lets in only the bundle's
 * scripts (by nonce) and its fonts: no page can reach the network (the browser resolves
 * no names either, headless-chromium.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ExportTheme } from './mermaid-config.js';
import { cjkFont, loadCjkGlyphs } from './cjk-font.js';
import { ChromiumPage, HeadlessChromium } from './headless-chromium.js';
import { EXPORT_PRELOAD_MANIFEST, readPreloadManifest } from './preload-manifest.js';
import { say } from '../i18n/catalogue.js';
import { browserMessages } from '../i18n/messages/browser.js';
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

/** The export panel's boot script, beside the bundle that runs this code. */
const EXPORT_PAGE_SCRIPT = 'export.js';

/** The pages' files in the browser's profile folder. */
const EXPORT_PAGE_FILE = 'export.html';
const PICTURE_PAGE_FILE = 'picture.html';

/** How long the export page may take to load Mermaid (megabytes of script on a busy machine). */
const PAGE_READY_TIMEOUT_MS = 60_000;
/** How long one drawing or capture may take: a 10,000-message diagram takes Mermaid about 40 s. */
const DRAWING_TIMEOUT_MS = 600_000;

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
  private readonly pictures = new Map<number, Promise<ChromiumPage>>();
  private requests = 0;

  /** `browser` is public for the tests, which kill it to see what a crash does. */
  private constructor(readonly browser: HeadlessChromium, private readonly exportPage: ChromiumPage) {}

  static async launch(executablePath: string, timeoutMs = 60_000, webviewDir = webviewBundleDir()): Promise<DiagramRenderer> {
    if (!existsSync(join(webviewDir, EXPORT_PAGE_SCRIPT))) throw new RenderError(say(diagramMessages.exportPageMissing, { path: join(webviewDir, EXPORT_PAGE_SCRIPT) }));
    let browser: HeadlessChromium;
    try {
      // The export page loads while the browser starts: the first tab opens it.
      browser = await HeadlessChromium.launch({ executablePath, timeoutMs, firstPage: (profileDir) => writeExportPages(profileDir, webviewDir) });
    } catch (error) {
      throw new RenderError(say(browserMessages.startFailed, { path: executablePath, reason: firstLine(message(error)) }));
    }
    try {
      const page = await browser.firstPage();
      await page.waitUntil(exportPageIsReady, PAGE_READY_TIMEOUT_MS);
      return new DiagramRenderer(browser, page);
    } catch (error) {
      await browser.close();
      throw new RenderError(say(browserMessages.exportPageFailed, { reason: firstLine(message(error)) }));
    }
  }

  /** Drawn by the export panel's page: Mermaid, arrows sloped as the text's arrow plan asks, cleaned, sized. */
  async svg(mermaid: string, theme: ExportTheme): Promise<RenderedSvg> {
    let answer: PanelAnswer;
    try {
      await loadCjkGlyphs(this.exportPage, mermaid);
      const request: ExportRequest = { type: 'export', id: ++this.requests, mermaid, theme, format: 'svg', scale: 1 };
      answer = await this.exportPage.run(askExportPanel, request, { timeoutMs: DRAWING_TIMEOUT_MS });
    } catch (error) {
      // The panel answers Mermaid's own failures; a failed call is the browser's.
      throw new RenderError(say(browserMessages.drawingStopped, { reason: firstLine(message(error)) }));
    }
    if (!answer.ok || typeof answer.svg !== 'string' || typeof answer.width !== 'number' || typeof answer.height !== 'number') {
      throw new RenderError(say(diagramMessages.mermaidRejected, { reason: firstLine(answer.error ?? '') }));
    }
    return { svg: answer.svg, width: answer.width, height: answer.height };
  }

  /**
   * Mermaid lays text out a little differently at other device-pixel ratios, so the
   * diagram is drawn at scale 1 (exactly the SVG export) and only rasterized at `scale`,
   * by a capture of the picture page.
   */
  async png(mermaid: string, theme: ExportTheme, scale: number): Promise<RenderedPng> {
    const drawn = await this.svg(mermaid, theme);
    try {
      const page = await this.picture(scale);
      const box = await page.run(placeSvg, drawn.svg);
      await loadCjkGlyphs(page, mermaid);
      const shot = await page.send<{ data: string }>('Page.captureScreenshot', {
        format: 'png',
        clip: { x: box.x, y: box.y, width: box.width, height: box.height, scale: 1 },
        captureBeyondViewport: true,
      }, DRAWING_TIMEOUT_MS);
      return { png: Buffer.from(shot.data, 'base64'), width: Math.round(drawn.width * scale), height: Math.round(drawn.height * scale) };
    } catch (error) {
      throw new RenderError(say(browserMessages.drawingStopped, { reason: firstLine(message(error)) }));
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  private picture(scale: number): Promise<ChromiumPage> {
    let page = this.pictures.get(scale);
    if (!page) {
      page = this.openPicturePage(scale);
      this.pictures.set(scale, page);
    }
    return page;
  }

  private async openPicturePage(scale: number): Promise<ChromiumPage> {
    const page = await this.browser.newPage(pathToFileURL(join(this.browser.profileDir, PICTURE_PAGE_FILE)).href);
    await page.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 800, deviceScaleFactor: scale, mobile: false });
    await page.waitUntil(picturePageIsReady, PAGE_READY_TIMEOUT_MS);
    return page;
  }
}

const PAGE_STYLE = 'html,body{margin:0;padding:0}#host{display:inline-block;line-height:0}';

/**
 * Writes the two pages into the profile folder and gives the export page's URL. The
 * export page has the stand-in for VS Code's API first, then the panel's one script,
 * deferred, ahead of a preload of every module the first sequence diagram needs
 * (export-preload.json), so all of them are requested at once instead of a round of
 * requests per level of imports (docs/preview.md). The picture page only shows an SVG.
 */
export function writeExportPages(profileDir: string, webviewDir: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = (file: string): string => pathToFileURL(join(webviewDir, file)).href;
  const preloads = readPreloadManifest(webviewDir, EXPORT_PRELOAD_MANIFEST)
    .map((module) => `<link rel="modulepreload" nonce="${nonce}" href="${script(module)}">`).join('');
  const fontCss = cjkFont()?.css ?? '';
  const head = (scripts: string): string => `<!doctype html><html><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="${pageCsp(nonce)}">`
    + `<style>${PAGE_STYLE}\n${fontCss}</style>${scripts}</head><body><div id="host"></div></body></html>`;
  writeFileSync(join(profileDir, EXPORT_PAGE_FILE), head(
    `<script nonce="${nonce}">(${standInForVsCode.toString()})()</script>`
    + `<script defer nonce="${nonce}" src="${script(EXPORT_PAGE_SCRIPT)}"></script>${preloads}`,
  ));
  writeFileSync(join(profileDir, PICTURE_PAGE_FILE), head(''));
  return pathToFileURL(join(profileDir, EXPORT_PAGE_FILE)).href;
}

/** Scripts only by nonce; styles inline (Mermaid writes its own); fonts and nothing else from files. */
function pageCsp(nonce: string): string {
  return [`default-src 'none'`, `script-src 'nonce-${nonce}'`, `style-src 'unsafe-inline'`, 'font-src file:'].join('; ');
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

interface ExportHost {
  readonly ready: Promise<boolean>;
  readonly answers: Map<number, (answer: PanelAnswer) => void>;
}

/**
 * Runs in the export page before its scripts (written into the page as its source text:
 * it refers to nothing outside itself): VS Code's `acquireVsCodeApi`, whose messages
 * settle `ready` and hand each answer to whoever asked (askExportPanel).
 */
function standInForVsCode(): void {
  const g = globalThis as unknown as { tcpflowExportHost?: ExportHost; acquireVsCodeApi?: () => { postMessage(message: unknown): void } };
  let settleReady: (ready: boolean) => void = () => undefined;
  const host: ExportHost = { ready: new Promise((settle) => { settleReady = settle; }), answers: new Map() };
  g.tcpflowExportHost = host;
  g.acquireVsCodeApi = () => ({
    postMessage(posted: unknown) {
      const m = posted as { type?: string; id?: number };
      if (m.type === 'export-ready') settleReady(true);
      if (m.type === 'exported' && typeof m.id === 'number') {
        const answer = host.answers.get(m.id);
        host.answers.delete(m.id);
        answer?.(posted as PanelAnswer);
      }
    },
  });
}

/** Runs in the page: true once the panel's script has said it is ready. */
function exportPageIsReady(): Promise<boolean> | boolean {
  return (globalThis as unknown as { tcpflowExportHost?: ExportHost }).tcpflowExportHost?.ready ?? false;
}

/** Runs in the page: true once the picture page's host element is there. */
function picturePageIsReady(): boolean {
  const g = globalThis as unknown as { document: { readyState: string; getElementById(id: string): unknown } };
  return g.document.readyState === 'complete' && g.document.getElementById('host') !== null;
}

/** Runs in the page: posts one request to the panel script, as the extension does, and waits for its answer. */
function askExportPanel(request: ExportRequest): Promise<PanelAnswer> {
  const g = globalThis as unknown as { tcpflowExportHost: ExportHost; postMessage(message: unknown, target: string): void };
  return new Promise((resolve) => {
    g.tcpflowExportHost.answers.set(request.id, resolve);
    g.postMessage(request, '*');
  });
}

/** Runs in the page: shows a finished SVG (parsed as XML, not HTML) in the host element; gives its box. */
function placeSvg(svg: string): { x: number; y: number; width: number; height: number } {
  interface Element { getBoundingClientRect(): { x: number; y: number; width: number; height: number } }
  interface Host extends Element { replaceChildren(...nodes: unknown[]): void; firstElementChild: Element | null }
  interface PageGlobals {
    document: { getElementById(id: string): Host | null; importNode(node: unknown, deep: boolean): unknown };
    DOMParser: new () => { parseFromString(text: string, type: string): { documentElement: unknown } };
  }
  const g = globalThis as unknown as PageGlobals;
  const host = g.document.getElementById('host');
  if (!host) throw new Error('no host element');
  const parsed = new g.DOMParser().parseFromString(svg, 'image/svg+xml');
  host.replaceChildren(g.document.importNode(parsed.documentElement, true));
  const placed = host.firstElementChild;
  if (!placed) throw new Error('the drawn SVG is not in the page');
  const { x, y, width, height } = placed.getBoundingClientRect();
  return { x, y, width, height };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}
