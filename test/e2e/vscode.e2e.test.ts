/**
 * End to end in a real VS Code: the packaged VSIX installed into code-server, driven
 * by headless Chromium like a user. Each step checks what the user sees and saves a
 * screenshot under test-results/e2e/. How to run it and what it needs: docs/e2e.md.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { F, ipv4, LINK, pcap, tcp } from '../import/capture-builder.js';
import { endSession, makeTempDir, packageVsix, ROOT, startCodeServer, type CodeServer } from './code-server.js';
import { launchChromium, normalize, waitUntil, Workbench } from './workbench.js';

const SHOTS = join(ROOT, 'test-results', 'e2e');
const EXAMPLE = 'three-way-handshake.tcpflow';
const BROKEN = 'wrong-ack.tcpflow';
const FIXTURES = join(__dirname, 'fixtures');
/** `tcpflow.export.directory` in the workspace's settings: exports go there. */
const EXPORT_DIR = 'diagrams';
const CAPTURE = 'two-connections.pcap';

/** A capture of two connections: a handshake from port 40001, a refused SYN from port 40002. */
function twoConnections(): Uint8Array {
  const frame = (sport: number, dport: number, from: string, to: string, seq: number, ack: number, flags: number): Uint8Array =>
    LINK.ethernet.wrap(ipv4(from, to, tcp({ sport, dport, seq, ack, flags })));
  const frames = [
    frame(40001, 80, '10.0.0.1', '10.0.0.2', 100, 0, F.SYN),
    frame(80, 40001, '10.0.0.2', '10.0.0.1', 300, 101, F.SYN | F.ACK),
    frame(40001, 80, '10.0.0.1', '10.0.0.2', 101, 301, F.ACK),
    frame(40002, 81, '10.0.0.1', '10.0.0.2', 500, 0, F.SYN),
    frame(81, 40002, '10.0.0.2', '10.0.0.1', 0, 501, F.RST | F.ACK),
  ];
  return pcap(1, frames.map((bytes, i) => ({ seconds: 1_700_000_000, fraction: i, bytes })));
}

/** 1-based number of the first line of `text` that starts with `prefix` (after indentation). */
function lineOf(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((l) => l.trimStart().startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with "${prefix}"`);
  return index + 1;
}

/** 1-based numbers of the segment lines (`a -> b : …`, also `-x`, `~>`, `-->`), in order. */
function segmentLines(text: string): number[] {
  return text.split('\n').flatMap((l, i) => (/^\s*\w+\s*(?:-->|->|-x|~>)\s*\w+\s*:/.test(l) ? [i + 1] : []));
}

/**
 * Chooses the file `path` in code-server's own file dialog (a quick input holding a path,
 * titled `title`), as a user does: type the path, see the file highlighted, press Enter.
 * The dialog shares the one quick input widget with the Command Palette that opened it,
 * and it writes its folder's path into the input once it has listed that folder; text
 * typed before either has happened is lost (the step then waited in vain for the next
 * quick pick, the failure seen in CI). So it waits for the dialog's title and its listed
 * folder, and for the file's row to be the highlighted one before pressing Enter.
 */
async function chooseInFileDialog(wb: Workbench, title: string, path: string): Promise<void> {
  const { page } = wb;
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor();
  const rows = widget.locator('.quick-input-list .monaco-list-row');
  await rows.first().waitFor();
  await widget.locator('input').fill(path);
  const name = new RegExp(`^${basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await rows.and(page.locator('.focused')).filter({ has: page.locator('.label-name', { hasText: name }) }).first().waitFor();
  await page.keyboard.press('Enter');
}

describe('the extension in VS Code (code-server)', () => {
  const exampleText = readFileSync(join(ROOT, 'examples', EXAMPLE), 'utf8');
  const brokenText = readFileSync(join(FIXTURES, BROKEN), 'utf8');
  let dir: string;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    dir = makeTempDir();
    const vsix = await packageVsix(dir);
    server = await startCodeServer({
      vsix,
      dir,
      populate(workspace) {
        for (const f of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.tcpflow'))) {
          copyFileSync(join(ROOT, 'examples', f), join(workspace, f));
        }
        copyFileSync(join(FIXTURES, BROKEN), join(workspace, BROKEN));
        writeFileSync(join(workspace, CAPTURE), twoConnections());
        mkdirSync(join(workspace, '.vscode'));
        writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'tcpflow.export.directory': EXPORT_DIR }, null, 2));
      },
    });
    browser = await launchChromium();
    wb = await Workbench.open(browser, server.url, server.workspace, SHOTS);
    wb.page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 15 * 60_000); // a first run installs code-server (a few minutes)

  afterAll(async () => {
    await endSession({ browser, server, dir, shots: SHOTS, extraLog: () => `\n--- page errors ---\n${pageErrors.join('\n')}\n` });
  }, 60_000);

  it('shows every participant\'s state as inlay hints when an example is opened', () => wb.step('inlay-hints', async () => {
    await wb.openFile(EXAMPLE);
    const listen = lineOf(exampleText, 'server: listen');
    const syn = lineOf(exampleText, 'client -> server : SYN seq=J');
    // After the client's SYN arrives, the listening server is SYN-RECEIVED (RFC 9293 §3.10.7.2).
    const synLine = await wb.waitForLine(EXAMPLE, syn, 'a state hint with SYN-RECEIVED', (l) => l.injected.includes('SYN-RECEIVED'));
    // The hint is drawn beside the text, which stays the file's own.
    expect(synLine.text.trim()).toBe(exampleText.split('\n')[syn - 1].trim());
    const listenLine = await wb.waitForLine(EXAMPLE, listen, 'a state hint with LISTEN', (l) => l.injected.includes('LISTEN'));
    expect(listenLine.injected).not.toContain('SYN-RECEIVED');
    await wb.screenshot('inlay-hints');
  }), 120_000);

  it('lists a broken file\'s diagnostic, with its message, in the Problems panel', () => wb.step('problems', async () => {
    const [diagnostic] = analyzeText(brokenText).analysis.diagnostics;
    expect(diagnostic.code).toBe('bad-ack');
    await wb.openFile(BROKEN);
    await wb.page.keyboard.press('Control+Shift+M');
    const panel = wb.page.locator('.markers-panel');
    await panel.waitFor();
    await waitUntil(`the Problems panel to show "${diagnostic.message}"`, async () => {
      const text = normalize((await panel.textContent()) ?? '');
      return text.includes(normalize(diagnostic.message)) ? text : undefined;
    });
    // The squiggle is in the editor too, on the wrong number.
    await wb.editor(BROKEN).locator('.squiggly-error').first().waitFor();
    await wb.screenshot('problems');
  }), 60_000);

  it('explains an event line\'s transition in a hover', () => wb.step('hover', async () => {
    const syn = lineOf(brokenText, 'client -> server : SYN seq=J');
    await wb.hoverWord(BROKEN, syn, 'SYN');
    const hover = wb.page.locator('.monaco-hover:visible', { hasText: 'SYN-RECEIVED' });
    await hover.waitFor();
    // The server goes LISTEN → SYN-RECEIVED on this line.
    expect(normalize((await hover.textContent()) ?? '')).toMatch(/server.*LISTEN.*SYN-RECEIVED/);
    await wb.screenshot('hover');
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(5, 5);
    await hover.waitFor({ state: 'hidden' });
  }), 60_000);

  it('fixes a wrong ack= with the quick fix', () => wb.step('quick-fix', async () => {
    const line = lineOf(brokenText, 'server -> client : ACK seq=K+1 ack=J+100');
    const column = brokenText.split('\n')[line - 1].indexOf('ack=J+100') + 5;
    await wb.editor(BROKEN).locator('.view-lines').click({ position: { x: 5, y: 5 } }); // focus the editor
    await wb.goTo(line, column);
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Set ack=J+101' });
    await fix.waitFor();
    await wb.screenshot('quick-fix-menu');
    await fix.click();
    await wb.waitForLine(BROKEN, line, 'the fixed ack', (l) => l.text.trim() === 'server -> client : ACK seq=K+1 ack=J+101');
    // The diagnostic goes away with the mistake.
    const panel = wb.page.locator('.markers-panel');
    await waitUntil('the Problems panel to drop the bad-ack diagnostic', async () => {
      const text = normalize((await panel.textContent()) ?? '');
      return text.includes('ack=J+100') ? undefined : text;
    });
    await wb.screenshot('quick-fix-applied');
    // Saved, the file on disk has the fix.
    await wb.page.keyboard.press('Control+S');
    const saved = await waitUntil('the saved file to have ack=J+101', async () => {
      const text = readFileSync(join(server!.workspace, BROKEN), 'utf8');
      return text.includes('ack=J+101') ? text : undefined;
    });
    expect(saved.split('\n')[line - 1]).toBe('server -> client : ACK seq=K+1 ack=J+101');
    expect(saved.replace('ack=J+101', 'ack=J+100')).toBe(brokenText);
  }), 60_000);

  let preview: Frame | undefined;

  it('opens the preview to the side with the diagram drawn as SVG', () => wb.step('preview', async () => {
    await wb.page.keyboard.press('Control+J'); // close the panel, for room
    await wb.openFile(EXAMPLE);
    await wb.runCommand('TCP Flow: Open Preview to the Side');
    // The webview is an iframe in an iframe; find the document that holds Mermaid's SVG.
    preview = await wb.waitForFrameWith('svg text.messageText', 'the preview\'s SVG with its messages');
    const arrows = await preview.locator('svg text.messageText').count();
    expect(arrows).toBe(segmentLines(exampleText).length);
    expect(normalize((await preview.locator('svg').first().textContent()) ?? '')).toContain('Three-way handshake');
    // The packaged preload manifest reached the page, and VS Code served what it lists.
    const load = await preview.evaluate(() => ({
      preloads: document.querySelectorAll('link[rel="modulepreload"]').length,
      firstDiagramMs: performance.getEntriesByName('tcpflow-first-diagram')[0]?.startTime,
    }));
    expect(load.preloads).toBeGreaterThan(0);
    expect(load.firstDiagramMs).toBeGreaterThan(0);
    console.log(`preview in VS Code: first diagram ${Math.round(load.firstDiagramMs ?? 0)} ms after the webview page started loading`);
    await wb.screenshot('preview');
  }), 90_000);

  it('moves the cursor to a message\'s line when it is clicked in the preview', () => wb.step('preview-click', async () => {
    expect(preview, 'the preview step did not open a preview').toBeDefined();
    const second = segmentLines(exampleText)[1]; // server -> client : SYN ACK …
    await wb.cursorItem().waitFor();
    expect(normalize((await wb.cursorItem().textContent()) ?? '')).not.toContain(`Ln ${second},`);
    await preview!.locator('svg text.messageText').nth(1).click();
    await wb.waitForCursor(second);
    await wb.screenshot('preview-click');
  }), 60_000);

  it('exports the diagram as an SVG file into the folder the settings name', () => wb.step('export', async () => {
    const target = join(server!.workspace, EXPORT_DIR, 'three-way-handshake.svg');
    expect(existsSync(target)).toBe(false);
    await wb.tab(EXAMPLE).click();
    await wb.tab(EXAMPLE, true).waitFor();
    await wb.runCommand('TCP Flow: Export Diagram');
    await wb.quickInputTitled('Export Diagram').waitFor();
    await wb.pick('SVG');
    await wb.quickInputTitled('Export Diagram: theme').waitFor();
    await wb.pick('Light');
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    const svg = await waitUntil(`${target} to be written`, async () => (existsSync(target) ? readFileSync(target, 'utf8') : undefined), 240_000);
    await wb.waitForNotification(`Exported ${EXPORT_DIR}/three-way-handshake.svg`);
    expect(svg).toMatch(/<svg[\s>][\s\S]*<\/svg>\s*$/);
    const text = normalize(svg.replace(/<[^>]*>/g, ' '));
    expect(text).toContain('Three-way handshake');
    expect(svg.match(/class="messageText"/g)?.length).toBe(segmentLines(exampleText).length);
    await wb.screenshot('export');
    // Keep the file, and a picture of it as a browser draws it on its own.
    copyFileSync(target, join(SHOTS, 'exported-three-way-handshake.svg'));
    const image = await browser!.newPage({ viewport: { width: 900, height: 700 } });
    try {
      // As an image in a page (an SVG document of its own has no document.fonts, which screenshots wait for).
      await image.setContent(`<!DOCTYPE html><body style="margin:0"><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
      await image.waitForFunction(() => document.images[0]?.complete && document.images[0].naturalWidth > 0);
      const box = await image.locator('img').boundingBox();
      expect(box?.width).toBeGreaterThan(100);
      await image.screenshot({ path: join(SHOTS, 'exported-three-way-handshake.png'), fullPage: true });
    } finally {
      await image.close();
    }
    // Exporting leaves the preview beside the editor showing its diagram.
    await wb.page.locator('.tabs-container .tab.active[aria-label^="Preview three-way-handshake.tcpflow"]').waitFor();
    await wb.waitForFrameWith('svg text.messageText', 'the preview to show its diagram again after the export', 20_000);
    await wb.screenshot('export-preview-after');
  }), 360_000);

  it('opens a capture as a scenario: the file, a connection from the list, an untitled editor and its preview', () => wb.step('import-capture', async () => {
    await wb.runCommand('TCP Flow: Open Capture as Scenario…');
    await chooseInFileDialog(wb, 'Open Capture as Scenario', join(server!.workspace, CAPTURE));
    await wb.pick('1  10.0.0.1:40001 → 10.0.0.2:80');
    const editor = wb.page.locator('.monaco-editor[data-uri^="untitled:"]').first();
    await editor.locator('.view-lines', { hasText: 'client -> server : SYN seq=J' }).waitFor();
    const shown = await waitUntil('the preview to draw the imported handshake', async () => {
      for (const frame of wb.page.frames()) {
        if (frame.isDetached()) continue;
        const text = normalize((await frame.locator('svg').first().textContent({ timeout: 1_000 }).catch(() => '')) ?? '');
        if (text.includes('10.0.0.1:40001')) return frame;
      }
      return undefined;
    });
    expect(await shown.locator('svg text.messageText').count()).toBe(3);
    await wb.screenshot('import-capture');
  }), 120_000);
});
