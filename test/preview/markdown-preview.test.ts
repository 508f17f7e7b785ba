/// <reference lib="dom" />
/**
 * VS Code's Markdown preview, as far as it is ours: the markdown-it plugin's HTML with
 * raw HTML around it, and the shipped preview script (out/webview/markdown-preview.js,
 * which loads client/src/markdown/preview-script.ts and Mermaid from the webview's split
 * build) under the Markdown preview's nonce-only script policy, in headless Chromium. Raw HTML that imitates a
 * block — with a `%%{init}%%` that would switch on HTML labels, a guessed nonce, a
 * nonce holder of its own, a bare drawing element — is never drawn into.
 */
import { randomBytes } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extendMarkdownIt, type MarkdownItLike } from '../../client/src/markdown/markdown-it-plugin.js';
import { testBuild } from '../support/test-build.js';
import { launch, ORIGIN, serveWebviewPage } from './harness.js';

/**
 * An imitation of the plugin's block. Its text (escaped in the HTML, so the page itself
 * holds no <img>) is Mermaid that would switch on HTML labels and carry an onerror.
 */
const HOSTILE_SOURCE = '%%{init: {"securityLevel": "loose", "sequence": {"htmlLabels": true}}}%%\nsequenceDiagram\nA->>B: &lt;img src=x onerror="document.title=\'pwned\'"&gt;';
const fake = (attributes: string, marker: string) =>
  `<div class="tcpflow-diagram"${attributes}><pre class="tcpflow-mermaid" hidden>${HOSTILE_SOURCE}</pre><div class="tcpflow-drawing">${marker}</div></div>`;

const MARKDOWN = [
  '# Guide',
  '',
  fake('', 'fake-before'),
  '',
  '```tcpflow',
  'scenario "First real block"',
  'a -> b : SYN seq=1',
  '```',
  '',
  fake(' data-tcpflow-nonce="00000000000000000000000000000000"', 'fake-guessed-nonce'),
  '',
  '<div class="tcpflow-nonce" data-tcpflow-nonce="11111111111111111111111111111111" hidden></div>',
  '',
  fake(' data-tcpflow-nonce="11111111111111111111111111111111"', 'fake-own-holder'),
  '',
  '<div class="tcpflow-drawing">fake-bare-drawing</div>',
  '',
  '```tcpflow',
  'scenario "Last real block"',
  'b -> a : SYN ACK seq=5 ack=2',
  '```',
  '',
].join('\n');

describe('the Markdown preview script', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    // VS Code's preview renders with html: true, so the raw HTML reaches the page.
    const md = extendMarkdownIt(new MarkdownIt({ html: true }) as unknown as MarkdownItLike & { render(src: string): string });
    browser = await launch(testBuild().chromium);
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    // The policy of VS Code's Markdown preview (its default, strict level): scripts only by nonce.
    const nonce = randomBytes(16).toString('base64');
    const csp = `default-src 'none'; img-src 'self' https: data:; script-src 'nonce-${nonce}'; style-src 'self' 'unsafe-inline' https: data:; font-src 'self' https: data:`;
    await serveWebviewPage(page, testBuild().webview, `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><title>guide</title></head>`
      + `<body class="vscode-light">${md.render(MARKDOWN)}<script nonce="${nonce}" src="${ORIGIN}/out/webview/markdown-preview.js"></script></body></html>`);
    await page.goto(`${ORIGIN}/index.html`);
    // Blocks are drawn one after another in page order: when the last real one is drawn, every imitation has been passed.
    await page.waitForFunction(() => {
      const blocks = document.querySelectorAll('.tcpflow-diagram');
      return blocks[blocks.length - 1]?.querySelector('.tcpflow-drawing svg') !== null;
    }, undefined, { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(`draws the plugin's own blocks`, async () => {
    const drawn = await page.$$eval('.tcpflow-diagram', (blocks) => blocks
      .filter((b) => b.querySelector(':scope > .tcpflow-drawing svg'))
      .map((b) => b.querySelector('svg')?.textContent ?? ''));
    expect(drawn).toHaveLength(2);
    expect(drawn[0]).toContain('First real block');
    expect(drawn[1]).toContain('Last real block');
  });

  it('leaves every imitation as the Markdown wrote it, and runs nothing from it', async () => {
    const fakes = await page.$$eval('.tcpflow-drawing', (drawings) => drawings.filter((d) => !d.querySelector('svg')).map((d) => d.innerHTML));
    expect(fakes).toEqual(['fake-before', 'fake-guessed-nonce', 'fake-own-holder', 'fake-bare-drawing']);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.title()).toBe('guide');
    expect(problems).toEqual([]);
  });

  it('each rendering gets its own nonce, on the first element and on every block', () => {
    const md = extendMarkdownIt(new MarkdownIt({ html: true }) as unknown as MarkdownItLike & { render(src: string): string });
    const nonces = [md.render(MARKDOWN), md.render(MARKDOWN)].map((html) => {
      const holder = /^<div class="tcpflow-nonce" data-tcpflow-nonce="([0-9a-f]{32})" hidden><\/div>/.exec(html)?.[1];
      const blocks = [...html.matchAll(/<div class="tcpflow-diagram" data-tcpflow-nonce="([0-9a-f]{32})">/g)].map((m) => m[1]);
      // The imitations in the Markdown keep their made-up nonces; the plugin's two blocks have the holder's.
      expect(blocks).toEqual([holder, '0'.repeat(32), '1'.repeat(32), holder]);
      return holder;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});
