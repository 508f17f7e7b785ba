/**
 * Sloped arrows, measured where people see them: the built CLI exports the RFC figures
 * to SVG, headless Chromium lays each SVG out, and the test reads the arrows' drawn end
 * points (after every transform) against the rows Mermaid gave the notes around them.
 * An in-flight arrow must start at the row of its "sent as TAG, in flight" note and end
 * between the rows drawn before and after its delivery; two in flight at once must
 * cross; a lost one must stop between the lifelines.
 */
import { join } from 'node:path';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';
import { chromiumPath, EXAMPLES, runCliProcess, scratch } from './support.js';

interface Point { x: number; y: number }
interface Arrow { label: string; from: Point; to: Point }
interface Box { text: string; top: number; bottom: number; order: number }
interface Rect { left: number; right: number; top: number; bottom: number }
/** A state change drawn as a label on its lifeline (compact-states.ts): its box and the width its text takes. */
interface StateLabel { text: string; box: Rect; textWidth: number }
interface Measured { arrows: (Arrow & { order: number })[]; notes: Box[]; lifelines: Record<string, number>; states: StateLabel[]; boxes: Rect[] }

const FIGURES = ['simultaneous-open', 'simultaneous-close', 'old-duplicate-syn', 'lost-syn-retransmission', 'lost-last-ack-time-wait', 'four-way-close'];

/** Runs in the page: the drawn geometry of the SVG in #host, in page pixels. */
function measure(): Measured {
  const svg = document.querySelector('#host > svg') as SVGSVGElement;
  const order = (el: Element): number => Number((el.closest('[data-id]') ?? el).getAttribute('data-id')?.replace(/^i/, '') ?? -1);
  const toPage = (el: SVGGeometryElement, p: DOMPoint): Point => {
    const m = el.getScreenCTM()!;
    const q = p.matrixTransform(m);
    return { x: q.x, y: q.y };
  };
  const lines = Array.from(svg.querySelectorAll<SVGLineElement>('.messageLine0, .messageLine1'));
  const labels = Array.from(svg.querySelectorAll('text.messageText'));
  const arrows = lines.map((line, i) => ({
    label: labels[i]?.textContent ?? '',
    from: toPage(line, line.getPointAtLength(0)),
    to: toPage(line, line.getPointAtLength(line.getTotalLength())),
    order: order(line),
  }));
  const notes = Array.from(svg.querySelectorAll('rect.note')).map((rect) => {
    const box = rect.getBoundingClientRect();
    return { text: rect.parentElement?.textContent ?? '', top: box.top, bottom: box.bottom, order: order(rect) };
  });
  const lifelines: Record<string, number> = {};
  for (const line of Array.from(svg.querySelectorAll<SVGLineElement>('line.actor-line'))) {
    lifelines[line.getAttribute('name') ?? ''] = toPage(line, line.getPointAtLength(0)).x;
  }
  const rectOf = (r: DOMRect) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
  // State labels are the notes drawn 18 px high (LABEL_HEIGHT); every other note keeps Mermaid's size.
  const stateRects = Array.from(svg.querySelectorAll('rect.note')).filter((r) => r.getAttribute('height') === '18');
  const states = stateRects.map((rect) => ({
    text: rect.parentElement?.textContent ?? '',
    box: rectOf(rect.getBoundingClientRect()),
    textWidth: rect.parentElement?.querySelector('text')?.getBoundingClientRect().width ?? Number.NaN,
  }));
  const boxes = Array.from(svg.querySelectorAll('rect.note')).filter((r) => !stateRects.includes(r)).map((r) => rectOf(r.getBoundingClientRect()));
  return { arrows, notes, lifelines, states, boxes };
}

function overlap(a: Rect, b: Rect): boolean {
  return a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
}

function crosses(a: Arrow, b: Arrow): boolean {
  const side = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return side(a.from, a.to, b.from) !== side(a.from, a.to, b.to) && side(b.from, b.to, a.from) !== side(b.from, b.to, a.to);
}

describe('sloped arrows in exported SVG, measured in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const drawn = new Map<string, Measured>();

  beforeAll(async () => {
    const dir = scratch();
    const run = await runCliProcess(['export', ...FIGURES.map((f) => join(EXAMPLES, `${f}.tcpflow`)), '--format', 'svg', '--out-dir', dir], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    browser = await playwright.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_LAUNCH_ARGS] });
    page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    for (const figure of FIGURES) {
      await page.setContent(`<!doctype html><html><body style="margin:0"><div id="host">${readFileSync(join(dir, `${figure}.svg`), 'utf8')}</div></body></html>`);
      drawn.set(figure, await page.evaluate(measure));
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  function arrow(figure: string, tag: string): Arrow & { order: number } {
    const found = drawn.get(figure)!.arrows.find((a) => a.label.startsWith(`${tag}: `));
    expect(found, `${figure}: arrow ${tag}`).toBeDefined();
    return found!;
  }

  function expectSentAndDelivered(figure: string, tag: string): void {
    const { notes } = drawn.get(figure)!;
    const a = arrow(figure, tag);
    const sent = notes.find((n) => n.text === `sent as ${tag}, in flight`);
    expect(sent, `${figure}: note of ${tag}`).toBeDefined();
    expect(a.from.y, `${tag} starts at its send row`).toBeGreaterThanOrEqual(sent!.top);
    expect(a.from.y).toBeLessThanOrEqual(sent!.bottom);
    // Its delivery row: below everything drawn before the deliver line, above everything after.
    const before = notes.filter((n) => n.order < a.order);
    const after = notes.filter((n) => n.order > a.order);
    expect(a.to.y, `${tag} ends at its delivery row`).toBeGreaterThan(Math.max(...before.map((n) => n.bottom)));
    if (after.length > 0) expect(a.to.y).toBeLessThan(Math.min(...after.map((n) => n.top)));
    expect(a.to.y - a.from.y, `${tag} slopes down`).toBeGreaterThan(40);
  }

  it('simultaneous open: each SYN and SYN,ACK runs from its send row to its delivery row, and each pair crosses', () => {
    for (const tag of ['synA', 'synB', 'synackA', 'synackB']) expectSentAndDelivered('simultaneous-open', tag);
    expect(crosses(arrow('simultaneous-open', 'synA'), arrow('simultaneous-open', 'synB'))).toBe(true);
    expect(crosses(arrow('simultaneous-open', 'synackA'), arrow('simultaneous-open', 'synackB'))).toBe(true);
    expect(crosses(arrow('simultaneous-open', 'synA'), arrow('simultaneous-open', 'synackB'))).toBe(false);
  });

  it('simultaneous close: the FINs cross, and so do the ACKs', () => {
    for (const tag of ['finA', 'finB', 'ackA', 'ackB']) expectSentAndDelivered('simultaneous-close', tag);
    expect(crosses(arrow('simultaneous-close', 'finA'), arrow('simultaneous-close', 'finB'))).toBe(true);
    expect(crosses(arrow('simultaneous-close', 'ackA'), arrow('simultaneous-close', 'ackB'))).toBe(true);
  });

  it('old duplicate SYN: the old one arrives from above its row, the slow new one slopes over the rows between', () => {
    expectSentAndDelivered('old-duplicate-syn', 'syn');
    const old = drawn.get('old-duplicate-syn')!.arrows.find((a) => a.label.startsWith('old duplicate'))!;
    expect(old.to.y - old.from.y).toBeGreaterThan(30);
    expect(crosses(old, arrow('old-duplicate-syn', 'syn'))).toBe(true);
  });

  it('a lost segment stops in mid-air, between the lifelines', () => {
    for (const figure of ['lost-syn-retransmission', 'lost-last-ack-time-wait']) {
      const { arrows, lifelines } = drawn.get(figure)!;
      const lost = arrows.filter((a) => a.label.endsWith('(lost)'));
      expect(lost.length, figure).toBeGreaterThan(0);
      const xs = Object.values(lifelines);
      for (const a of lost) {
        expect(a.to.y).toBeGreaterThan(a.from.y);
        for (const x of xs) expect(Math.abs(a.to.x - x), `${figure}: the cross is away from every lifeline`).toBeGreaterThan(40);
      }
    }
  });

  it('ordinary segments slope a little, all by the same amount (textbook style)', () => {
    const { arrows } = drawn.get('lost-syn-retransmission')!;
    const drops = arrows.filter((a) => !a.label.endsWith('(lost)')).map((a) => Math.round(a.to.y - a.from.y));
    expect(drops.length).toBeGreaterThan(2);
    expect(new Set(drops).size).toBe(1);
    expect(drops[0]).toBeGreaterThan(5);
  });

  it('draws each state change as a small label on its lifeline, its text inside it, over no other note', () => {
    for (const figure of FIGURES) {
      const { states, lifelines, boxes } = drawn.get(figure)!;
      expect(states.length, figure).toBeGreaterThan(2);
      const xs = Object.values(lifelines);
      for (const label of states) {
        const centre = (label.box.left + label.box.right) / 2;
        expect(Math.min(...xs.map((x) => Math.abs(x - centre))), `${figure}: ${label.text} is on a lifeline`).toBeLessThan(1);
        expect(label.textWidth, `${figure}: ${label.text} fits its label`).toBeLessThanOrEqual(label.box.right - label.box.left);
        for (const other of [...boxes, ...states.filter((s) => s !== label).map((s) => s.box)]) {
          expect(overlap(label.box, other), `${figure}: ${label.text} overlaps another note`).toBe(false);
        }
      }
    }
  });
});
