/// <reference lib="dom" />
// (These tests run code inside Chromium with page.evaluate: DOM types for those callbacks.)
/**
 * Loads the real preview page (`buildPreviewHtml`, same CSP as the panel) with the real
 * webview bundle in headless Chromium, with a stub `acquireVsCodeApi` that records
 * what the page posts. Tests talk to the page as the extension does: by posting messages.
 */
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { buildPreviewHtml } from '../../client/src/preview/html.js';
import type { FromWebview, RenderMessage, ToWebview } from '../../client/src/preview/messages.js';
import { generateMermaid, type MermaidOptions } from '../../server/src/diagram/mermaid.js';
import { analyzeText } from '../../server/src/language/analyze.js';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`Skipping the preview browser tests: ${CHROMIUM} is not installed (apt-get install chromium).`);
}

const ORIGIN = 'https://preview.test';

/**
 * Builds the webview bundle as scripts/bundle.mjs does (minified, split into ES-module
 * chunks under `chunks/`), into a temporary folder.
 */
export async function buildWebview(): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-webview-'));
  await esbuild.build({
    entryPoints: ['client/webview/src/boot/preview.ts', 'client/webview/src/preview.css'],
    entryNames: '[name]',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2022',
    minify: true,
    outdir: dir,
    logLevel: 'warning',
    define: { 'import.meta.url': '""' },
  });
  // The page loads preview.js as a classic script: an `import` statement in it would not run.
  const entry = readFileSync(join(dir, 'preview.js'), 'utf8');
  if (/(^|[;}\s])(import|export)\s*[{*\w"']/.test(entry)) throw new Error('out/webview/preview.js must not use import or export statements (only import())');
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
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

export async function openPreview(browser: Browser, bundleDir: string): Promise<PreviewPage> {
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
  });
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
  await page.addInitScript(() => {
    const w = window as unknown as { __posted: unknown[]; __state: unknown; acquireVsCodeApi: () => unknown };
    w.__posted = [];
    w.acquireVsCodeApi = () => ({
      postMessage: (m: unknown) => { w.__posted.push(JSON.parse(JSON.stringify(m))); },
      setState: (s: unknown) => { w.__state = s; },
      getState: () => w.__state,
    });
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
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

/** A browser with the built webview bundle and one preview page: what a preview test file sets up. */
export interface PreviewSession {
  readonly browser: Browser;
  readonly bundleDir: string;
  readonly preview: PreviewPage;
  close(): Promise<void>;
}

export async function startPreviewSession(): Promise<PreviewSession> {
  const bundle = await buildWebview();
  const browser = await launch();
  const preview = await openPreview(browser, bundle.dir);
  return {
    browser,
    bundleDir: bundle.dir,
    preview,
    async close() {
      await browser.close();
      bundle.dispose();
    },
  };
}
