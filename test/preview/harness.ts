/// <reference lib="dom" />
// (These tests run code inside Chromium with page.evaluate: DOM types for those callbacks.)
/**
 * Loads the real preview page (`buildPreviewHtml`, same CSP as the panel) with the real
 * webview bundle in headless Chromium, with a stub `acquireVsCodeApi` that records
 * what the page posts. Tests talk to the page as the extension does: by posting messages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { buildPreviewHtml } from '../../client/src/preview/html.js';
import { readPreloadManifest } from '../../server/src/export/preload-manifest.js';
import { buildWebviewInto } from '../support/test-build.js';
import type { FromWebview, RenderMessage, ToWebview } from '../../client/src/preview/messages.js';
import { generateMermaid, type MermaidOptions } from '../../server/src/diagram/mermaid.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';

export const ORIGIN = 'https://preview.test';

/**
 * Builds the webview bundle as scripts/bundle.mjs --production does (minified, split
 * into ES-module chunks under `chunks/`, with its preload manifest), into a temporary
 * folder. The tests use the one test/support/global-setup.ts built; the benchmarks this.
 */
export async function buildWebview(): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-webview-'));
  await buildWebviewInto(dir);
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launch(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_LAUNCH_ARGS],
  });
}

export interface PreviewPage {
  readonly page: Page;
  /** Console errors, CSP violations and dialogs seen so far. */
  readonly problems: string[];
  send(message: ToWebview): Promise<void>;
  posted(): Promise<FromWebview[]>;
  /** Sends a render and waits until the page reports it rendered (or failed). */
  render(message: RenderMessage): Promise<Extract<FromWebview, { type: 'rendered' }>>;
  waitForPosted<T extends FromWebview['type']>(type: T, match?: (m: Extract<FromWebview, { type: T }>) => boolean): Promise<Extract<FromWebview, { type: T }>>;
}

export interface OpenPreviewOptions {
  /** Emit the preload links of `preload.json`, as the panel does (default true). */
  readonly preload?: boolean;
  /**
   * Answer the page's `ready` inside the page with this render message, as an extension
   * that already has the diagram would, so a cold open is timed without a round trip
   * through the test driver.
   */
  readonly answerReady?: RenderMessage;
}

/**
 * Serves a webview page as VS Code would: `html` at `${ORIGIN}/index.html`, the bundle's
 * files under `${ORIGIN}/out/webview/`, and nothing from anywhere else.
 */
export async function serveWebviewPage(page: Page, bundleDir: string, html: string): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    const file = join(bundleDir, url.pathname.replace('/out/webview/', ''));
    if (url.pathname.startsWith('/out/webview/') && existsSync(file)) {
      return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(file) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

export async function openPreview(browser: Browser, bundleDir: string, options: OpenPreviewOptions = {}): Promise<PreviewPage> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith(ORIGIN)) problems.push(`request: ${r.url()}`); });
  const nonce = randomBytes(16).toString('base64');
  const html = buildPreviewHtml({
    cspSource: ORIGIN,
    nonce,
    scriptUri: `${ORIGIN}/out/webview/preview.js`,
    styleUri: `${ORIGIN}/out/webview/preview.css`,
    preloadUris: options.preload === false ? [] : readPreloadManifest(bundleDir).map((module) => `${ORIGIN}/out/webview/${module}`),
  });
  await serveWebviewPage(page, bundleDir, html);
  await page.addInitScript((answerReady) => {
    const w = window as unknown as { __posted: unknown[]; __postedAt: number[]; __state: unknown; acquireVsCodeApi: () => unknown };
    w.__posted = [];
    w.__postedAt = [];
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => {
        w.__posted.push(JSON.parse(JSON.stringify(m)));
        w.__postedAt.push(performance.now());
        if (answerReady && (m as { type?: string }).type === 'ready') window.postMessage(answerReady, '*');
      },
      setState: (s: unknown) => { w.__state = s; },
      getState: () => w.__state,
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  }, options.answerReady);
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'));

  const posted = (): Promise<FromWebview[]> => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted);
  const send = (message: ToWebview): Promise<void> => page.evaluate((m) => window.postMessage(m, '*'), message);
  const waitForPosted = async <T extends FromWebview['type']>(type: T, match: (m: Extract<FromWebview, { type: T }>) => boolean = () => true) => {
    for (;;) {
      const list = await posted();
      const found = list.find((m): m is Extract<FromWebview, { type: T }> => m.type === type && match(m as Extract<FromWebview, { type: T }>));
      if (found) return found;
      await page.waitForFunction((n) => (window as unknown as { __posted: unknown[] }).__posted.length > n, list.length);
    }
  };
  return {
    page,
    problems,
    send,
    posted,
    waitForPosted,
    async render(message) {
      await send(message);
      return waitForPosted('rendered', (m) => m.version === message.version);
    },
  };
}

export interface ColdOpen {
  /** In the page: from the start of navigation to the `rendered` report of the first diagram. */
  readonly pageMs: number;
  /** The same, plus the driver's cost of making the page (new page, routes, init script). */
  readonly wallMs: number;
  readonly ok: boolean;
  /** Every module the page fetched, relative to `out/webview/`, in the order requested. */
  readonly modules: string[];
  /** Console errors, CSP violations and dialogs the page showed. */
  readonly problems: string[];
}

/**
 * A preview opened the way the panel opens one, answered at once with `message`, until
 * its first diagram is drawn. The page is closed again.
 */
export async function coldOpen(browser: Browser, bundleDir: string, message: RenderMessage, options: Pick<OpenPreviewOptions, 'preload'> = {}): Promise<ColdOpen> {
  const t0 = performance.now();
  const preview = await openPreview(browser, bundleDir, { ...options, answerReady: message });
  try {
    const rendered = await preview.waitForPosted('rendered', (m) => m.version === message.version);
    const wallMs = performance.now() - t0;
    const inPage = await preview.page.evaluate((version) => {
      const w = window as unknown as { __posted: Array<{ type: string; version?: number }>; __postedAt: number[] };
      const index = w.__posted.findIndex((m) => m.type === 'rendered' && m.version === version);
      const modules = performance.getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((path) => path.endsWith('.js'))
        .map((path) => path.replace('/out/webview/', ''));
      return { at: w.__postedAt[index], modules };
    }, message.version);
    return { pageMs: inPage.at, wallMs, ok: rendered.ok, modules: inPage.modules, problems: [...preview.problems] };
  } finally {
    await preview.page.close();
  }
}

let versions = 0;

/** A render message for `.tcpflow` source, through the real parser, engine and generator. */
export function renderMessageFor(source: string, options: MermaidOptions = {}, extra: Partial<RenderMessage> = {}): RenderMessage {
  const { scenario, analysis } = analyzeText(source);
  const diagram = generateMermaid(scenario, analysis, options);
  return {
    type: 'render',
    version: ++versions,
    uri: 'file:///test.tcpflow',
    mermaid: diagram.text,
    messages: diagram.messages,
    notes: diagram.notes,
    theme: 'auto',
    ...extra,
  };
}

export function nextVersion(): number {
  return ++versions;
}

/** A browser and the built webview bundle: what a browser test file sets up. */
export interface BundleSession {
  readonly browser: Browser;
  readonly bundleDir: string;
  close(): Promise<void>;
}

/** A browser on the webview bundle in `bundleDir` (the bundle is not removed at close). */
export async function startBundleSession(bundleDir: string, executablePath: string): Promise<BundleSession> {
  const browser = await launch(executablePath);
  return {
    browser,
    bundleDir,
    async close() {
      await browser.close();
    },
  };
}

/** A bundle session with one preview page open. */
export interface PreviewSession extends BundleSession {
  readonly preview: PreviewPage;
}

export async function startPreviewSession(bundleDir: string, executablePath: string): Promise<PreviewSession> {
  const session = await startBundleSession(bundleDir, executablePath);
  const preview = await openPreview(session.browser, session.bundleDir);
  return { ...session, preview };
}
