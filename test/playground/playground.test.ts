/// <reference lib="dom" />
/**
 * The static playground (out/playground/index.html) opened from file:// in headless
 * Chromium: the editor speaks LSP to the worker (diagnostics with quick fixes, inlay
 * states, hover, completion), the diagram follows the text and links back to it, share
 * links restore the scenario, downloads are real files, the page speaks Chinese, and
 * no payload of the injection corpus runs anything under the page's CSP.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INJECTION_PAYLOADS, scenarioWith } from '../preview/injection-corpus.js';
import { documentVersion, readExample, scenarioText, setScenario, startPlaygroundSession, waitForDiagramOf, waitForProblemsLine, type PlaygroundSession } from './playground-page.js';

let session: PlaygroundSession;
let page: Page;

beforeAll(async () => {
  session = await startPlaygroundSession();
  page = await session.open();
});

afterAll(async () => {
  await session?.close();
});

/** The text of the diagram on screen. */
function diagramText(p: Page): Promise<string> {
  return p.evaluate(() => document.querySelector('#canvas svg')?.textContent ?? '');
}

const HANDSHAKE = readExample('three-way-handshake');
const ACK_LINE = 'client -> server : ACK seq=J+1 ack=K+1';

describe('playground from file:// (Chromium)', () => {
  it('opens with the first example checked: states as inlay hints, no problems, the diagram drawn', async () => {
    expect(await scenarioText(page)).toBe(HANDSHAKE);
    // Hints, diagnostics and the diagram arrive in any order: wait for each.
    await page.waitForSelector('.cm-inlay-hint', { timeout: 60_000 });
    const hints = await page.locator('.cm-inlay-hint').allTextContents();
    expect(hints.some((h) => h.includes('SYN-SENT'))).toBe(true);
    await waitForProblemsLine(page, /No problems/);
    expect(await diagramText(page)).toContain('SYN,ACK seq=K ack=J+1');
  }, 180_000);

  it('a wrong ack typed in the editor is an error whose quick fix repairs it; the diagram follows', async () => {
    const ackLine = HANDSHAKE.split('\n').indexOf(ACK_LINE);
    // Clicking the ACK arrow selects its line in the editor (the diagram links back).
    await page.locator(`#canvas text.messageText[data-line="${ackLine}"]`).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    expect((await scenarioText(page)).split('\n')[ackLine]).toBe('client -> server : ACK seq=J+1 ack=K+2');
    await page.locator('.cm-lintRange-error').first().waitFor({ timeout: 60_000 });
    await waitForDiagramOf(page, await documentVersion(page));
    expect(await diagramText(page)).toContain('ack=K+2');
    await page.locator('.cm-lintRange-error').first().hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain('ack=K+2 differs from');
    await tooltip.locator('.cm-diagnosticAction', { hasText: 'Set ack=K+1' }).click();
    expect(await scenarioText(page)).toBe(HANDSHAKE);
    await waitForProblemsLine(page, /No problems/);
    expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    await waitForDiagramOf(page, await documentVersion(page));
    expect(await diagramText(page)).not.toContain('ack=K+2');
  }, 180_000);

  it('hovering a segment explains it; completion offers keywords', async () => {
    const line = page.locator('.cm-line', { hasText: 'client -> server : SYN seq=J' });
    const box = (await line.boundingBox())!;
    // (The line may wrap: point at its first row.)
    await page.mouse.move(box.x + 30, box.y + 8);
    const hover = page.locator('.cm-tooltip-hover');
    await hover.waitFor({ timeout: 30_000 });
    expect(await hover.innerText()).toMatch(/SYN-RECEIVED/);
    // A table in the Markdown becomes a table, built from text.
    expect(await hover.locator('table td').count()).toBeGreaterThan(0);
    await page.mouse.move(0, 0);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nexp');
    await page.keyboard.press('Control+Space');
    const completion = page.locator('.cm-tooltip-autocomplete');
    await completion.waitFor({ timeout: 30_000 });
    expect(await completion.innerText()).toContain('expect');
    await page.keyboard.press('Escape');
    await setScenario(page, HANDSHAKE);
  }, 180_000);

  it('Share puts the scenario in the link; the link opened in a new page restores it', async () => {
    const edited = HANDSHAKE.replace('scenario "Three-way handshake"', 'scenario "Shared 握手 <b>"');
    await setScenario(page, edited);
    await page.locator('#share').click();
    await page.waitForFunction(() => location.hash.startsWith('#s='));
    const link = page.url();
    expect(link).not.toContain('Shared');
    const other = await session.open(link.slice(session.url.length));
    expect(await scenarioText(other)).toBe(edited);
    expect(await diagramText(other)).toContain('Shared 握手 <b>');
    await other.close();
  }, 180_000);

  it('a damaged share link says so and opens the example', async () => {
    const other = await session.open('#s=AAAA-not-deflate');
    expect(await scenarioText(other)).toBe(HANDSHAKE);
    expect(await other.locator('#status').textContent()).toMatch(/could not be read/);
    await other.close();
  }, 180_000);

  it('Download gives a valid SVG, PNG, .tcpflow and Markdown', async () => {
    await setScenario(page, HANDSHAKE);
    async function save(kind: string): Promise<Buffer> {
      await page.locator('#download-menu summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-download="${kind}"]`).click()]);
      expect(download.suggestedFilename()).toMatch(/^three-way-handshake\./);
      return readFileSync((await download.path())!);
    }
    const svg = (await save('svg')).toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror') !== null, root: doc.documentElement.localName, width: Number(doc.documentElement.getAttribute('width')), scripts: doc.querySelectorAll('script').length };
    }, svg);
    expect(parsed).toEqual({ error: false, root: 'svg', width: expect.any(Number) as number, scripts: 0 });
    expect(parsed.width).toBeGreaterThan(100);
    expect(svg).toContain('SYN,ACK seq=K ack=J+1');

    const png = await save('png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(200); // IHDR width, drawn at 2x
    expect(png.readUInt32BE(20)).toBeGreaterThan(200);

    expect((await save('tcpflow')).toString('utf8')).toBe(HANDSHAKE);
    const markdown = (await save('md')).toString('utf8');
    expect(markdown).toMatch(/```mermaid\nsequenceDiagram/);
  });

  it('an example from the menu replaces the scenario and its diagram', async () => {
    const before = await documentVersion(page);
    await page.locator('#examples').selectOption('four-way-close');
    expect(await scenarioText(page)).toBe(readExample('four-way-close'));
    await waitForDiagramOf(page, before + 1);
    expect(await diagramText(page)).toContain('FIN');
  });

  it('the dark theme draws the diagram in dark colours and is kept for the next visit', async () => {
    const lightStyle = await page.evaluate(() => document.querySelector('#canvas svg style')?.textContent ?? '');
    await page.locator('#theme').selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Mermaid draws again with its dark theme: the SVG's own stylesheet changes.
    await page.waitForFunction((light) => (document.querySelector('#canvas svg style')?.textContent ?? light) !== light, lightStyle, { timeout: 30_000 });
    const other = await session.open();
    expect(await other.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await other.close();
    await page.locator('#theme').selectOption('light');
  }, 180_000);

  it('speaks Chinese with ?lang=zh-CN, the checker too', async () => {
    const other = await session.open('?lang=zh-CN');
    expect(await other.locator('#share').textContent()).toBe('分享');
    expect(await other.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await waitForProblemsLine(other, /没有问题/);
    await other.close();
  }, 180_000);

  it('no script error or CSP violation so far', () => {
    expect(session.problems).toEqual([]);
  });
});

describe('injection corpus in the playground (Chromium)', () => {
  /** What a payload could have done to the page: run script, add elements that run it, keep an old picture. */
  function whatRan(p: Page) {
    return p.evaluate(() => {
      const root = document.querySelector('main')!;
      const elements = Array.from(root.querySelectorAll('*'));
      return {
        pwned: (globalThis as { __pwned?: unknown }).__pwned,
        svg: document.querySelector('#canvas svg') !== null,
        // The picture is this scenario's, not the last one kept because drawing failed.
        drawingProblem: document.getElementById('problem')?.textContent ?? '',
        scripts: root.querySelectorAll('script, iframe, object, embed, foreignObject').length,
        handlers: elements.flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${e.tagName} ${a.name}`)),
      };
    });
  }
  const NOTHING_RAN = { pwned: undefined, svg: true, drawingProblem: '', scripts: 0, handlers: [] };

  it.each(INJECTION_PAYLOADS.map((p, i) => [i, p] as const))('payload %i runs nothing', async (_i, payload) => {
    await setScenario(page, scenarioWith(payload));
    expect(await whatRan(page)).toEqual(NOTHING_RAN);
  });

  // A fresh page has no earlier diagram to fall back on: this once found that the
  // worker's reader used Node's Buffer to count a data="…" payload (no diagram at all).
  it('a payload in a share link runs nothing either, and the diagram is drawn', async () => {
    const before = await page.evaluate(() => location.hash);
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await setScenario(page, scenarioWith(payload));
    await page.locator('#share').click();
    await page.waitForFunction((old) => location.hash.startsWith('#s=') && location.hash !== old, before);
    const other = await session.open(page.url().slice(session.url.length));
    expect(await scenarioText(other)).toBe(scenarioWith(payload));
    // open() has waited for a diagram; it is drawn from the payload's text, shown as text.
    expect(await diagramText(other)).toContain('onerror="window.__pwned=1"');
    expect(await whatRan(other)).toEqual(NOTHING_RAN);
    await other.close();
    expect(session.problems).toEqual([]);
  }, 180_000);
});
