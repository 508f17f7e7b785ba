/// <reference lib="dom" />
// (These tests run code inside Chromium with page.evaluate: DOM types for those callbacks.)
/**
 * Nothing in a `.tcpflow` file can inject markup or script into the preview (contract
 * §6): each payload of the corpus, in every free-text position, rendered in the real
 * page under the panel's CSP. No script runs (a `window.__pwned` sentinel, dialogs and
 * console are watched), no element other than Mermaid's own SVG shapes appears, no
 * event handler or link attribute appears, the diagram still draws, and the payload
 * shows as text.
 */
import { describe, expect, it } from 'vitest';
import { renderMessageFor, type PreviewPage } from './harness.js';
import { usePreviewSession } from './bundle-session.js';
import { INJECTION_PAYLOADS, scenarioWith } from './injection-corpus.js';
import { analyzeText } from '../../server/src/language/analyze.js';

/** The elements Mermaid draws a sequence diagram with. */
const ALLOWED_TAGS = new Set(['svg', 'style', 'g', 'rect', 'text', 'tspan', 'line', 'path', 'defs', 'marker', 'symbol', 'polygon', 'title', 'desc', 'circle']);

/** What a reader sees: format characters dropped, runs of white space as one space. */
function visible(text: string): string {
  return text.replace(/\p{Cf}/gu, '').replace(/\s+/g, ' ').trim();
}

describe('injection corpus in the preview (Chromium)', () => {
  let preview: PreviewPage;
  usePreviewSession((session) => { preview = session.preview; });

  it('has at least 30 payloads', () => {
    expect(INJECTION_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(INJECTION_PAYLOADS.map((p, i) => [i, p] as const))('payload %i renders as text only', async (_i, payload) => {
    const source = scenarioWith(payload);
    // The scenario itself must be valid, so the payload is what is tested.
    expect(analyzeText(source).analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([]);
    const problemsBefore = preview.problems.length;
    const message = renderMessageFor(source);
    const rendered = await preview.render(message);
    expect(rendered.ok, rendered.error).toBe(true);

    const seen = await preview.page.evaluate(() => {
      const canvas = document.getElementById('canvas')!;
      const svg = canvas.querySelector(':scope > svg');
      const elements = Array.from(canvas.querySelectorAll('*'));
      return {
        hasSvg: svg !== null,
        topLevel: Array.from(canvas.children).map((c) => c.tagName.toLowerCase()),
        tags: [...new Set(elements.map((e) => e.tagName.toLowerCase()))],
        badAttributes: elements.flatMap((e) => Array.from(e.attributes)
          .filter((a) => /^on/i.test(a.name) || /href$/i.test(a.name) || /javascript:/i.test(a.value))
          .map((a) => `${e.tagName}[${a.name}=${a.value}]`)),
        pwned: (window as unknown as { __pwned?: unknown }).__pwned,
        arrows: canvas.querySelectorAll('text.messageText').length,
        // The arrows slope.ts moved, and whether their labels hold anything but text.
        sloped: Array.from(canvas.querySelectorAll('line.messageLine0, line.messageLine1')).filter((l) => l.getAttribute('y1') !== l.getAttribute('y2')).length,
        labelsWithElements: Array.from(canvas.querySelectorAll('text.messageText[transform]')).filter((t) => t.children.length > 0).length,
        movedLabels: Array.from(canvas.querySelectorAll('text.messageText[transform]')).map((t) => t.textContent ?? ''),
        // The state changes state-labels.ts drew beside the lifelines: only text, only state names.
        stateLabels: Array.from(canvas.querySelectorAll('g.tcpflow-state > text')).map((t) => t.textContent ?? ''),
        stateLabelsWithElements: Array.from(canvas.querySelectorAll('g.tcpflow-state > text')).filter((t) => t.children.length > 0).length,
        text: svg?.textContent ?? '',
        bodyChildren: Array.from(document.body.children).map((c) => c.id || c.tagName.toLowerCase()),
      };
    });
    expect(seen.hasSvg).toBe(true);
    expect(seen.topLevel).toEqual(['svg']);
    expect(seen.tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(seen.badAttributes).toEqual([]);
    expect(seen.pwned).toBeUndefined();
    expect(seen.arrows).toBe(message.messages.length);
    // Every arrow sloped (textbook style; one in flight), each moved label still only text, the payload's start in the in-flight one.
    expect(seen.sloped).toBe(message.messages.length);
    expect(seen.labelsWithElements).toBe(0);
    expect(seen.stateLabels).toEqual(['SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'ESTABLISHED']);
    expect(seen.stateLabelsWithElements).toBe(0);
    expect(visible(seen.movedLabels.find((l) => l.startsWith('late:')) ?? '')).toContain(visible(payload).slice(0, 12));
    expect(seen.bodyChildren).toEqual(['toolbar', 'banner', 'problem', 'viewport']);
    // The payload is shown as text (its start, as titles and labels are cut when very long).
    const start = visible(payload).slice(0, 40);
    expect(visible(seen.text)).toContain(start);
    expect(preview.problems.slice(problemsBefore)).toEqual([]);
  });

  it('never ran a script or opened a dialog over the whole corpus', async () => {
    expect(await preview.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(preview.problems.filter((p) => p.startsWith('dialog') || p.startsWith('request'))).toEqual([]);
  });
});
