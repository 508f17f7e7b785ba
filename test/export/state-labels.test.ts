/**
 * State labels, measured where people see them: the built CLI exports examples to SVG
 * twice (labels, the default, and `--states notes`), headless Chromium lays each out,
 * and the test reads the drawn boxes: each state label sits beside its lifeline on the
 * row of its line's arrow, its text fits its box, it covers no arrow label, note or
 * other label, and the picture is shorter than with a note row per change.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';
import { readStatePlan } from '../../server/src/diagram/state-plan.js';
import { scenarioDiagram } from '../../server/src/export/formats.js';
import { chromiumPath, EXAMPLES, runCliProcess, scratch } from './support.js';

interface Rect { left: number; right: number; top: number; bottom: number }
interface Label { text: string; line: number; box: Rect; textBox: Rect }
interface Measured {
  height: number;
  labels: Label[];
  /** Each arrow's end point and its label's box, in drawing order. */
  arrows: { end: { x: number; y: number }; text: Rect }[];
  notes: Rect[];
  lifelines: Record<string, number>;
}

const FIGURES = ['three-way-handshake', 'data-transfer', 'syn-queue-and-accept-queue', 'four-way-close', 'simultaneous-open'];

/** Runs in the page: the drawn geometry of the SVG in #host, in page pixels. */
function measure(): Measured {
  const svg = document.querySelector('#host > svg') as SVGSVGElement;
  const rect = (el: Element): Rect => {
    const b = el.getBoundingClientRect();
    return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
  };
  const labels = Array.from(svg.querySelectorAll('g.tcpflow-state')).map((g) => ({
    text: g.querySelector('text')!.textContent ?? '',
    line: Number(g.getAttribute('data-line')),
    box: rect(g.querySelector('rect')!),
    textBox: rect(g.querySelector('text')!),
  }));
  const texts = Array.from(svg.querySelectorAll('text.messageText'));
  const arrows = Array.from(svg.querySelectorAll<SVGLineElement>('.messageLine0, .messageLine1')).map((line, i) => {
    const end = line.getPointAtLength(line.getTotalLength()).matrixTransform(line.getScreenCTM()!);
    return { end: { x: end.x, y: end.y }, text: rect(texts[i]) };
  });
  const lifelines: Record<string, number> = {};
  for (const line of Array.from(svg.querySelectorAll<SVGLineElement>('line.actor-line'))) {
    lifelines[line.getAttribute('name') ?? ''] = line.getPointAtLength(0).matrixTransform(line.getScreenCTM()!).x;
  }
  return { height: svg.getBoundingClientRect().height, labels, arrows, notes: Array.from(svg.querySelectorAll('rect.note')).map(rect), lifelines };
}

function overlap(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('state labels in exported SVG, measured in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const drawn = new Map<string, { labels: Measured; notes: Measured }>();

  beforeAll(async () => {
    const dir = scratch();
    const files = FIGURES.map((f) => join(EXAMPLES, `${f}.tcpflow`));
    for (const [sub, extra] of [['labels', []], ['notes', ['--states', 'notes']]] as const) {
      const run = await runCliProcess(['export', ...files, '--format', 'svg', '--out-dir', join(dir, sub), ...extra], dir);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    browser = await playwright.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_LAUNCH_ARGS] });
    page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
    const load = async (file: string): Promise<Measured> => {
      await page.setContent(`<!doctype html><html><body style="margin:0"><div id="host">${readFileSync(file, 'utf8')}</div></body></html>`);
      return page.evaluate(measure);
    };
    for (const figure of FIGURES) {
      drawn.set(figure, { labels: await load(join(dir, 'labels', `${figure}.svg`)), notes: await load(join(dir, 'notes', `${figure}.svg`)) });
    }
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws each state change as a label on its lifeline, centred on its arrow\'s row', () => {
    for (const figure of FIGURES) {
      const plan = readStatePlan(scenarioDiagram(readFileSync(join(EXAMPLES, `${figure}.tcpflow`), 'utf8')).mermaid);
      const { labels, arrows, lifelines } = drawn.get(figure)!.labels;
      expect(labels.map((l) => l.text), figure).toEqual(plan.map((p) => p.text));
      plan.forEach((p, i) => {
        const label = labels[i];
        const what = `${figure}: ${p.participant} ${p.text} (line ${p.line + 1})`;
        expect(label.line, what).toBe(p.line);
        const middle = (label.box.top + label.box.bottom) / 2;
        if (p.at.kind === 'message') {
          // The arrow's row: where it ends (a sloped arrow leaves a little higher).
          expect(Math.abs(middle - arrows[p.at.index].end.y), what).toBeLessThan(1.5);
          // Touching distance of its lifeline, on one side.
          const x = lifelines[p.participant];
          const gap = Math.min(Math.abs(label.box.left - x), Math.abs(x - label.box.right));
          expect(gap, what).toBeLessThan(12);
        }
      });
    }
  });

  it('fits each label\'s text in its box and covers no arrow label, note or other label', () => {
    for (const figure of FIGURES) {
      const { labels, arrows, notes } = drawn.get(figure)!.labels;
      for (const label of labels) {
        const what = `${figure}: ${label.text}`;
        expect(label.textBox.left, what).toBeGreaterThanOrEqual(label.box.left);
        expect(label.textBox.right, what).toBeLessThanOrEqual(label.box.right);
        for (const a of arrows) expect(overlap(label.box, a.text), `${what} covers an arrow label`).toBe(false);
        for (const n of notes) expect(overlap(label.box, n), `${what} covers a note`).toBe(false);
        for (const o of labels) if (o !== label) expect(overlap(label.box, o.box), `${what} covers ${o.text}`).toBe(false);
      }
    }
  });

  it('makes the picture shorter than a note row per change', () => {
    const heights = FIGURES.map((f) => ({ f, labels: drawn.get(f)!.labels.height, notes: drawn.get(f)!.notes.height }));
    for (const { f, labels, notes } of heights) expect(labels, f).toBeLessThan(notes);
    // data-transfer (30 lines): at least a tenth shorter.
    const dt = heights.find((h) => h.f === 'data-transfer')!;
    expect(dt.labels).toBeLessThan(dt.notes * 0.9);
    console.log(heights.map((h) => `${h.f}: ${Math.round(h.notes)} → ${Math.round(h.labels)} px`).join('\n'));
  });
});
