/// <reference lib="dom" />
/**
 * The built playground (out/playground/, copied for this run so no later rebuild
 * changes it under a test) opened from file:// in headless Chromium, as a reader opens
 * the folder. Watches what a page must never do: script errors and CSP violations.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from '../preview/harness.js';
import { ROOT, testBuild } from '../support/test-build.js';

export interface PlaygroundSession {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** file:// URL of the copied index.html. */
  readonly url: string;
  /** Script errors and CSP violations of every page opened so far. */
  readonly problems: string[];
  open(suffix?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startPlaygroundSession(): Promise<PlaygroundSession> {
  const dir = mkdtempSync(join(testBuild().dir, 'playground-'));
  cpSync(join(ROOT, 'out', 'playground'), dir, { recursive: true });
  const url = pathToFileURL(join(dir, 'index.html')).href;
  const browser = await launch(testBuild().chromium);
  const context = await browser.newContext({ acceptDownloads: true });
  const problems: string[] = [];
  return {
    browser, context, url, problems,
    async open(suffix = '') {
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`); });
      page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
      await page.goto(url + suffix);
      await page.waitForSelector('body[data-editor="ready"]', { state: 'attached', timeout: 120_000 });
      await page.waitForSelector('#canvas svg', { state: 'attached', timeout: 120_000 });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The text the language server holds for the playground's document. */
export function scenarioText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { tcpflowPlayground: { document: { text: string } } }).tcpflowPlayground.document.text);
}

/** Replaces the scenario as choosing an example does, and waits for its diagram. */
export async function setScenario(page: Page, text: string): Promise<void> {
  const version = await page.evaluate((t) => {
    const handoff = (globalThis as unknown as { tcpflowPlayground: { document: { setText(t: string): void; version: number } } }).tcpflowPlayground;
    handoff.document.setText(t);
    return handoff.document.version;
  }, text);
  await waitForDiagramOf(page, version);
}

/** Waits until the diagram on screen was made from document version `version` or later. */
export async function waitForDiagramOf(page: Page, version: number): Promise<void> {
  await page.waitForFunction((v) => Number(document.getElementById('canvas')?.dataset.documentVersion ?? 0) >= v, version, { timeout: 60_000 });
}

/**
 * Waits until the problem count under the editor matches `pattern`. It is empty until the
 * server's first diagnostics arrive, which may be after the diagram and the inlay hints.
 */
export async function waitForProblemsLine(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('problems-line')?.textContent ?? ''), pattern.source, { timeout: 60_000 });
}

export function documentVersion(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as { tcpflowPlayground: { document: { version: number } } }).tcpflowPlayground.document.version);
}

/** An example scenario as shipped (examples/NAME.tcpflow). */
export function readExample(name: string): string {
  return readFileSync(join(ROOT, 'examples', `${name}.tcpflow`), 'utf8');
}
