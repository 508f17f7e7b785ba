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
/** The four corners of a label's text or a note's box as drawn on the page (after every transform). */
type Quad = Point[];
interface Measured { arrows: (Arrow & { order: number })[]; notes: Box[]; lifelines: Record<string, number>; labelQuads: { text: string; quad: Quad }[]; noteQuads: { text: string; quad: Quad }[] }

const FIGURES = ['simultaneous-open', 'simultaneous-close', 'old-duplicate-syn', 'lost-syn-retransmission', 'lost-last-ack-time-wait'];

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
  const quad = (el: SVGGraphicsElement): Point[] => {
    const b = el.getBBox();
    const m = el.getScreenCTM()!;
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m)).map((q) => ({ x: q.x, y: q.y }));
  };
  const labelQuads = labels.map((label) => ({ text: label.textContent ?? '', quad: quad(label as SVGGraphicsElement) }));
  const noteQuads = Array.from(svg.querySelectorAll<SVGRectElement>('rect.note')).map((rect) => ({ text: rect.parentElement?.textContent ?? '', quad: quad(rect) }));
  return { arrows, notes, lifelines, labelQuads, noteQuads };
}

/** Whether two convex quads share area: no edge direction of either separates them. */
function overlap(a: Quad, b: Quad): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i];
      const q = poly[(i + 1) % poly.length];
      const axis = { x: q.y - p.y, y: p.x - q.x };
      const project = (points: Quad) => points.map((r) => r.x * axis.x + r.y * axis.y);
      const [pa, pb] = [project(a), project(b)];
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
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

  it('no label covers another in any of the figures, and no label of the simultaneous close covers a note', () => {
    for (const figure of FIGURES) {
      const { labelQuads } = drawn.get(figure)!;
      for (let i = 0; i < labelQuads.length; i++) {
        for (let j = i + 1; j < labelQuads.length; j++) {
          expect(overlap(labelQuads[i].quad, labelQuads[j].quad), `${figure}: "${labelQuads[i].text}" and "${labelQuads[j].text}"`).toBe(false);
        }
      }
    }
    const { labelQuads, noteQuads } = drawn.get('simultaneous-close')!;
    for (const label of labelQuads) {
      for (const note of noteQuads) expect(overlap(label.quad, note.quad), `"${label.text}" over the note "${note.text}"`).toBe(false);
    }
  });

  it('ordinary segments slope a little, all by the same amount (textbook style)', () => {
    const { arrows } = drawn.get('lost-syn-retransmission')!;
    const drops = arrows.filter((a) => !a.label.endsWith('(lost)')).map((a) => Math.round(a.to.y - a.from.y));
    expect(drops.length).toBeGreaterThan(2);
    expect(new Set(drops).size).toBe(1);
    expect(drops[0]).toBeGreaterThan(5);
  });
});
