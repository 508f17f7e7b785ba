/// <reference lib="dom" />
// (These tests run code inside Chromium with page.evaluate: DOM types for those callbacks.)
/**
 * The preview webview in real headless Chromium: the page the panel builds, the real
 * bundle with Mermaid, messages posted as the extension posts them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../server/src/language/analyze.js';
import { nextVersion, renderMessageFor, type PreviewPage } from './harness.js';
import { usePreviewSession } from './bundle-session.js';
import { largeScenario } from './large.js';

const HANDSHAKE = readFileSync('examples/three-way-handshake.tcpflow', 'utf8');
const SIMULTANEOUS = readFileSync('examples/simultaneous-open.tcpflow', 'utf8');
const MISTAKES = readFileSync('examples/mistakes/common-mistakes.tcpflow', 'utf8');

describe('preview webview (Chromium)', () => {
  let preview: PreviewPage;
  usePreviewSession((session) => { preview = session.preview; });

  it('draws one arrow per segment line and one state label per state change, linked to its line', async () => {
    const message = renderMessageFor(HANDSHAKE);
    const rendered = await preview.render(message);
    expect(rendered.ok).toBe(true);
    const { analysis, scenario } = analyzeText(HANDSHAKE);
    const segmentLines = scenario.statements.filter((s) => s.kind === 'segment').map((s) => s.span.startLine);
    const transitions = analysis.steps.flatMap((s) => s.transitions.map((t) => ({ line: s.line, state: t.after })));

    const drawn = await preview.page.evaluate(() => ({
      arrows: Array.from(document.querySelectorAll('#canvas svg text.messageText')).map((t) => Number(t.getAttribute('data-line'))),
      stateLabels: Array.from(document.querySelectorAll('#canvas svg g[data-kind="state"]')).map((g) => ({
        line: Number(g.getAttribute('data-line')),
        text: Array.from(g.querySelectorAll('text')).map((t) => t.textContent).join(' '),
      })),
      stateNotes: Array.from(document.querySelectorAll('#canvas svg g[data-kind="note"]')).map((g) => g.textContent ?? ''),
    }));
    expect(drawn.arrows).toEqual(segmentLines);
    expect(drawn.stateLabels).toEqual(transitions.map((t) => ({ line: t.line, text: t.state })));
    // No state is a note any more (every participant starts CLOSED here: no starting row either).
    expect(drawn.stateNotes.filter((n) => /^[A-Z-]+$/.test(n))).toEqual([]);
    expect(preview.problems).toEqual([]);
  });

  it('draws an in-flight segment at its delivery, dashed', async () => {
    const rendered = await preview.render(renderMessageFor(SIMULTANEOUS));
    expect(rendered.ok).toBe(true);
    const dashed = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#canvas svg .messageLine1')).length);
    const { scenario } = analyzeText(SIMULTANEOUS);
    expect(dashed).toBe(scenario.statements.filter((s) => s.kind === 'segment').length);
  });

  it('draws an in-flight segment never delivered where it leaves, dashed and ending in a cross', async () => {
    const text = 'participant a\nparticipant b starts LISTEN\na ~> b : SYN seq=100 as syn\nnote over a : waiting\n';
    const rendered = await preview.render(renderMessageFor(text));
    expect(rendered.ok).toBe(true);
    const drawn = await preview.page.evaluate(() => ({
      lines: Array.from(document.querySelectorAll('#canvas svg text.messageText')).map((t) => Number(t.getAttribute('data-line'))),
      arrows: Array.from(document.querySelectorAll('#canvas svg .messageLine1')).map((l) => l.getAttribute('marker-end') ?? ''),
    }));
    expect(drawn.lines).toEqual([2]);
    expect(drawn.arrows).toHaveLength(1);
    expect(drawn.arrows[0]).toMatch(/crosshead/);
    expect(preview.problems).toEqual([]);
  });

  it('keeps every note\'s text inside its box, error notes between close participants included', async () => {
    const rendered = await preview.render(renderMessageFor(MISTAKES));
    expect(rendered.ok).toBe(true);
    const notes = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#canvas svg rect.note')).map((box) => ({
      box: (box as SVGGraphicsElement).getBBox().width,
      lines: Array.from(box.parentElement!.querySelectorAll('text.noteText'))
        .map((t) => ({ text: t.textContent ?? '', width: (t as SVGGraphicsElement).getBBox().width })),
    })));
    const overflows = notes.flatMap((n) => n.lines.filter((l) => l.width > n.box).map((l) => `${l.width.toFixed(0)} px > ${n.box.toFixed(0)} px: ${l.text}`));
    expect(overflows).toEqual([]);
    // The example's errors are drawn, most between two participants that stand side by side.
    expect(notes.filter((n) => n.lines[0]?.text.startsWith('Error ')).length).toBeGreaterThan(3);
  });

  it('posts the line of a clicked arrow, and of a clicked note', async () => {
    const message = renderMessageFor(HANDSHAKE);
    await preview.render(message);
    const before = (await preview.posted()).length;
    await preview.page.locator('#canvas svg text.messageText').nth(1).click();
    const reveal = await preview.waitForPosted('reveal', () => true);
    const all = await preview.posted();
    expect(all.length).toBeGreaterThan(before);
    expect(all.filter((m) => m.type === 'reveal').at(-1)).toEqual({ type: 'reveal', line: message.messages[1].line });
    expect(reveal.type).toBe('reveal');

    const noteLine = message.notes.find((n) => n.line >= 0)!.line;
    await preview.page.locator(`#canvas svg g[data-kind="note"][data-line="${noteLine}"] text`).first().click();
    await preview.page.waitForFunction((line) => (window as unknown as { __posted: Array<{ type: string; line?: number }> }).__posted
      .filter((m) => m.type === 'reveal').at(-1)?.line === line, noteLine);
  });

  it('posts the line of a clicked state label, and highlights it with its line', async () => {
    const message = renderMessageFor(HANDSHAKE);
    await preview.render(message);
    const label = preview.page.locator('#canvas svg g[data-kind="state"]').nth(1);
    const line = Number(await label.getAttribute('data-line'));
    await label.locator('text').click();
    await preview.page.waitForFunction((l) => (window as unknown as { __posted: Array<{ type: string; line?: number }> }).__posted
      .filter((m) => m.type === 'reveal').at(-1)?.line === l, line);
    await preview.send({ type: 'highlight', line });
    await preview.page.waitForSelector('#canvas svg g[data-kind="state"].tcpflow-highlight');
    const lit = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#canvas svg .tcpflow-highlight')).map((e) => e.getAttribute('data-line')));
    expect(lit.every((l) => l === String(line))).toBe(true);
    await preview.send({ type: 'highlight', line: null });
  });

  it('highlights the arrow of a source line, and clears it', async () => {
    const message = renderMessageFor(HANDSHAKE);
    await preview.render(message);
    const line = message.messages[2].line;
    await preview.send({ type: 'highlight', line });
    await preview.page.waitForSelector('#canvas svg .tcpflow-highlight');
    const lit = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#canvas svg .tcpflow-highlight'))
      .map((e) => `${e.tagName}:${e.getAttribute('data-line')}`));
    expect(lit).toContain(`text:${line}`);
    expect(lit.every((l) => l.endsWith(`:${line}`))).toBe(true);
    await preview.send({ type: 'highlight', line: null });
    await preview.page.waitForFunction(() => document.querySelectorAll('#canvas svg .tcpflow-highlight').length === 0);
  });

  it('follows the VS Code theme from the body class', async () => {
    await preview.page.evaluate(() => { document.body.className = 'vscode-light'; });
    const message = renderMessageFor(HANDSHAKE);
    await preview.render(message);
    const fill = () => preview.page.evaluate(() => getComputedStyle(document.querySelector('#canvas svg rect.actor')!).fill);
    const light = await fill();
    const count = (await preview.posted()).length;
    await preview.page.evaluate(() => { document.body.className = 'vscode-dark'; });
    await preview.waitForPosted('rendered', (m) => m.version === message.version && !m.skipped);
    await preview.page.waitForFunction((n) => (window as unknown as { __posted: unknown[] }).__posted.length > n, count);
    const dark = await fill();
    expect(dark).not.toBe(light);
    await preview.page.evaluate(() => { document.body.className = 'vscode-light'; });
    await preview.page.waitForFunction((before) => getComputedStyle(document.querySelector('#canvas svg rect.actor')!).fill === before, light);
  });

  it('does not render again when the text did not change', async () => {
    const first = renderMessageFor(SIMULTANEOUS);
    await preview.render(first);
    const again = await preview.render({ ...first, version: nextVersion() });
    expect(again.skipped).toBe(true);
  });

  it('drops a render that a newer one overtook', async () => {
    const older = renderMessageFor(HANDSHAKE, {}, { banner: 'older' });
    const newer = renderMessageFor(SIMULTANEOUS, {}, { banner: 'newer' });
    await preview.page.evaluate(([a, b]) => { window.postMessage(a, '*'); window.postMessage(b, '*'); }, [older, newer] as const);
    await preview.waitForPosted('rendered', (m) => m.version === newer.version);
    const posted = await preview.posted();
    expect(posted.some((m) => m.type === 'rendered' && m.version === older.version && !m.skipped)).toBe(false);
    expect(await preview.page.textContent('#banner')).toBe('newer');
  });

  it('keeps the last good diagram while the document has a syntax error', async () => {
    const good = renderMessageFor(HANDSHAKE);
    await preview.render(good);
    const svgBefore = await preview.page.innerHTML('#canvas');
    const broken = renderMessageFor('participant a\na -> : SYN\n', {}, { syntaxError: { line: 1, message: 'Expecting a participant name' } });
    const rendered = await preview.render(broken);
    expect(rendered.skipped).toBe(true);
    expect(await preview.page.innerHTML('#canvas')).toBe(svgBefore);
    expect(await preview.page.textContent('#banner')).toContain('Syntax error on line 2: Expecting a participant name');
    expect(await preview.page.isVisible('#banner')).toBe(true);
  });

  it('shows a Mermaid failure as text and keeps the page alive', async () => {
    const bad = { ...renderMessageFor(HANDSHAKE), mermaid: 'sequenceDiagram\nparticipant a\na->>: oops\n' };
    const rendered = await preview.render(bad);
    expect(rendered.ok).toBe(false);
    expect(await preview.page.isVisible('#problem')).toBe(true);
    expect(await preview.page.textContent('#problem')).toContain('could not be drawn');
    const ok = await preview.render(renderMessageFor(SIMULTANEOUS, { stateNames: 'linux' }));
    expect(ok.ok).toBe(true);
    expect(await preview.page.isVisible('#problem')).toBe(false);
  });

  it('ignores malformed messages', async () => {
    const count = (await preview.posted()).length;
    await preview.page.evaluate(() => {
      window.postMessage({ type: 'render', version: 'x' }, '*');
      window.postMessage({ type: 'highlight', line: '<img>' }, '*');
      window.postMessage('render', '*');
      window.postMessage({ type: 'nonsense' }, '*');
    });
    const marker = renderMessageFor(HANDSHAKE, {}, { banner: 'after junk' });
    await preview.render(marker);
    const posted = (await preview.posted()).slice(count);
    expect(posted.map((m) => m.type)).toEqual(['rendered']);
  });

  it('zooms, fits and pans', async () => {
    await preview.render(renderMessageFor(largeScenario(30), {}, { banner: 'zoom' }));
    const scale = () => preview.page.evaluate(() => Number(document.getElementById('canvas')!.dataset.scale));
    const fitted = await scale();
    await preview.page.click('[data-action="zoom-in"]');
    expect(await scale()).toBeCloseTo(fitted * 1.25, 2);
    await preview.page.click('[data-action="actual-size"]');
    expect(await scale()).toBe(1);
    await preview.page.click('[data-action="fit"]');
    expect(await scale()).toBeCloseTo(fitted, 3);
  });

  it('refits the diagram when the panel is resized, unless the user zoomed', async () => {
    await preview.render(renderMessageFor(largeScenario(30), {}, { banner: 'resize' }));
    const sizes = () => preview.page.evaluate(() => ({
      svg: Number(document.querySelector('#canvas svg')!.getAttribute('width')),
      natural: document.querySelector<SVGSVGElement>('#canvas svg')!.viewBox.baseVal.width,
      panel: document.getElementById('viewport')!.clientWidth,
      scale: Number(document.getElementById('canvas')!.dataset.scale),
    }));
    const wide = await sizes();
    expect(wide.natural).toBeGreaterThan(450); // wider than the narrow panel below, so it must shrink
    expect(wide.svg).toBeLessThanOrEqual(wide.panel);
    try {
      await preview.page.setViewportSize({ width: 400, height: 800 });
      await preview.page.waitForFunction(() => Number(document.querySelector('#canvas svg')!.getAttribute('width')) < 400);
      const narrow = await sizes();
      expect(narrow.scale).toBeLessThan(wide.scale);
      expect(narrow.svg).toBeLessThanOrEqual(narrow.panel);

      await preview.page.setViewportSize({ width: 1000, height: 800 });
      await preview.page.waitForFunction((s) => Number(document.getElementById('canvas')!.dataset.scale) === s, wide.scale);

      await preview.page.click('[data-action="zoom-in"]');
      const zoomed = (await sizes()).scale;
      await preview.page.setViewportSize({ width: 600, height: 800 });
      // Two frames: time for the resize observer to have run.
      await preview.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect((await sizes()).scale).toBe(zoomed);
    } finally {
      await preview.page.setViewportSize({ width: 1000, height: 800 });
      await preview.page.click('[data-action="fit"]');
    }
  });

  it('draws a window of a large scenario, with a banner, and the whole of a mid-sized one', async () => {
    const big = renderMessageFor(largeScenario(2000), { maxMessages: 400, focusLine: 3000 }, { banner: 'Large scenario: a window' });
    expect(big.messages.length).toBe(400);
    const rendered = await preview.render(big);
    expect(rendered.ok).toBe(true);
    const arrows = await preview.page.locator('#canvas svg text.messageText').count();
    expect(arrows).toBe(400);
    expect(await preview.page.textContent('#banner')).toContain('Large scenario');
    // Beyond Mermaid's default maxTextSize (50,000 characters): must still draw, not an error box.
    const mid = renderMessageFor(largeScenario(1200), { maxMessages: 2000 });
    expect(mid.mermaid.length).toBeGreaterThan(50_000);
    const midRendered = await preview.render(mid);
    expect(midRendered.ok).toBe(true);
    expect(await preview.page.locator('#canvas svg text.messageText').count()).toBe(1200);
  });
});
