/**
 * The arrow post-processing (server/src/diagram/slope.ts) on Mermaid's real output:
 * fixtures are what `mermaid.render` returned for golden diagrams (captured by
 * scripts/diagram-fixtures.mjs), each with the arrow plan of its golden Mermaid text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArrowPlan, type ArrowPlan, type ArrowTime } from '../../server/src/diagram/arrow-plan.js';
import { crossingAt, labelPosition, LOST_DROP, LOST_REACH, OLD_DROP, slopeArrows, TEXTBOOK_DROP } from '../../server/src/diagram/slope.js';

interface Line { x1: number; y1: number; x2: number; y2: number; tag: string }

function fixture(name: string): { svg: string; plan: ArrowPlan; mermaid: string } {
  const mermaid = readFileSync(`test/diagram/golden/${name}.mmd`, 'utf8');
  return { svg: readFileSync(`test/diagram/fixtures/${name}.svg`, 'utf8'), plan: readArrowPlan(mermaid), mermaid };
}

function attr(tag: string, name: string): number {
  return Number(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]);
}

function messageLines(svg: string): Line[] {
  return [...svg.matchAll(/<line\b[^>]*class="messageLine[01]"[^>]*>/g)].map(([tag]) => ({
    tag, x1: attr(tag, 'x1'), y1: attr(tag, 'y1'), x2: attr(tag, 'x2'), y2: attr(tag, 'y2'),
  }));
}

function labels(svg: string): { tag: string; text: string }[] {
  return [...svg.matchAll(/(<text\b[^>]*class="messageText"[^>]*>)([^<]*)<\/text>/g)].map((m) => ({ tag: m[1], text: m[2] }));
}

/** The middle row (y) of each note, in drawing order. */
function noteRows(svg: string): number[] {
  return [...svg.matchAll(/<rect\b[^>]*class="note"[^>]*>/g)].map(([tag]) => attr(tag, 'y') + attr(tag, 'height') / 2);
}

function noteIndex(mermaid: string, text: string): number {
  const notes = mermaid.split('\n').filter((l) => l.startsWith('Note '));
  const index = notes.findIndex((l) => l.endsWith(`: ${text}`));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return index;
}

function asGeometry(l: Line) {
  return { from: { x: l.x1, y: l.y1 }, to: { x: l.x2, y: l.y2 }, labelAt: 'middle' as const };
}

describe('sloped arrows on Mermaid\'s output', () => {
  it('draws each in-flight segment from its send row to its delivery row, and the two SYNs of a simultaneous open cross', () => {
    const { svg, plan, mermaid } = fixture('simultaneous-open');
    const before = messageLines(svg);
    const after = messageLines(slopeArrows(svg, plan));
    const rows = noteRows(svg);
    expect(after).toHaveLength(4);
    // Drawing order: synB, synA, synackB, synackA (the order of the deliver lines).
    const sentAt = ['synB', 'synA', 'synackB', 'synackA'].map((tag) => rows[noteIndex(mermaid, `sent as ${tag}, in flight`)]);
    after.forEach((line, i) => {
      expect(line.y1, `arrow ${i} starts at its send row`).toBe(sentAt[i]);
      expect(line.y2, `arrow ${i} ends at its delivery row`).toBe(before[i].y2);
      expect([line.x1, line.x2]).toEqual([before[i].x1, before[i].x2]);
      expect(line.y1).toBeLessThan(line.y2);
    });
    expect(crossingAt(asGeometry(after[0]), asGeometry(after[1]))).toBeDefined();
    expect(crossingAt(asGeometry(after[2]), asGeometry(after[3]))).toBeDefined();
    // Delivered one after the other, synB's and synackA's arrows do not meet.
    expect(crossingAt(asGeometry(after[0]), asGeometry(after[3]))).toBeUndefined();
  });

  it('crosses the FINs and the ACKs of a simultaneous close', () => {
    const { svg, plan } = fixture('simultaneous-close');
    const after = messageLines(slopeArrows(svg, plan));
    const flights = plan.arrows.flatMap((a, i) => (a.kind === 'flight' ? [after[i]] : []));
    expect(flights).toHaveLength(4);
    expect(crossingAt(asGeometry(flights[0]), asGeometry(flights[1]))).toBeDefined();
    expect(crossingAt(asGeometry(flights[2]), asGeometry(flights[3]))).toBeDefined();
  });

  it('ends a lost segment part-way across, its cross still on its end', () => {
    const { svg, plan } = fixture('lost-syn-retransmission');
    const lost = plan.arrows.findIndex((a) => a.kind === 'lost');
    expect(lost).toBe(0);
    const before = messageLines(svg)[lost];
    const after = messageLines(slopeArrows(svg, plan))[lost];
    expect(after.x2).toBeCloseTo(before.x1 + (before.x2 - before.x1) * LOST_REACH, 1);
    expect(after.x2).toBeLessThan(before.x2 - 50); // in mid-air, well before the receiver's lifeline
    expect(after.y1).toBe(before.y2 - LOST_DROP);
    expect(after.y2).toBe(before.y2);
    expect(after.tag).toMatch(/marker-end="url\(#[^)]*crosshead\)"/);
  });

  it('brings an old duplicate from well above its row, and slopes the in-flight new SYN over the rows between', () => {
    const { svg, plan } = fixture('old-duplicate-syn');
    const before = messageLines(svg);
    const after = messageLines(slopeArrows(svg, plan));
    expect(plan.arrows[0]).toEqual({ kind: 'old' });
    expect(after[0].y1).toBe(before[0].y2 - OLD_DROP);
    const flight = plan.arrows.findIndex((a) => a.kind === 'flight');
    // The new SYN left before the old duplicate arrived and is delivered after two more arrows.
    expect(after[flight].y1).toBeLessThan(before[0].y2);
    expect(after[flight].y2).toBe(before[flight].y2);
    expect(flight).toBe(3);
  });

  it('gives ordinary segments a small uniform slope in the textbook style and leaves them flat in the flat style', () => {
    const { svg, plan } = fixture('three-way-handshake');
    expect(plan.style).toBe('textbook');
    const before = messageLines(svg);
    const after = messageLines(slopeArrows(svg, plan));
    after.forEach((line, i) => {
      expect(line.y2 - line.y1).toBe(TEXTBOOK_DROP);
      expect(line.y2).toBe(before[i].y2);
    });
    expect(slopeArrows(svg, { ...plan, style: 'flat' })).toBe(svg);
  });

  it('turns each moved label along its arrow, reading left to right, or sets it level above where the arrow leaves, without touching its text', () => {
    const { svg, plan } = fixture('simultaneous-open');
    const out = slopeArrows(svg, plan);
    const before = labels(svg);
    const after = labels(out);
    expect(after.map((l) => l.text)).toEqual(before.map((l) => l.text));
    const lines = messageLines(out);
    let level = 0;
    after.forEach((label, i) => {
      const angle = Number(/rotate\((-?[\d.]+) /.exec(label.tag)?.[1]);
      const line = lines[i];
      const [left, right] = line.x1 < line.x2 ? [[line.x1, line.y1], [line.x2, line.y2]] : [[line.x2, line.y2], [line.x1, line.y1]];
      const slope = (Math.atan2(right[1] - left[1], right[0] - left[0]) * 180) / Math.PI;
      if (angle === 0 && Math.abs(slope) > 1) {
        // Level, just above the sender's end, running towards the receiver.
        level++;
        expect(plan.arrows[i].kind, 'only a label crowded out of its arrow goes level').toBe('flight');
        expect(Math.abs(Number(/\bx="([^"]+)"/.exec(label.tag)![1]) - line.x1)).toBeLessThan(20);
        expect(Number(/\by="([^"]+)"/.exec(label.tag)![1])).toBeLessThan(line.y1);
        expect(label.tag).toContain(`text-anchor="${line.x2 > line.x1 ? 'start' : 'end'}"`);
      } else {
        expect(angle).toBeCloseTo(slope, 1);
        expect(Math.abs(angle)).toBeLessThan(90);
      }
    });
    // Two pairs of crossing arrows with long labels: some go level, not all.
    expect(level).toBeGreaterThan(0);
    expect(level).toBeLessThan(after.length);
    // Everything but the arrows and their labels is the same text.
    const strip = (s: string) => s.replace(/<line\b[^>]*messageLine[^>]*>/g, '').replace(/<text\b[^>]*messageText[^>]*>/g, '');
    expect(strip(out)).toBe(strip(svg));
  });

  it('puts the labels of two crossing arrows on either side of the crossing', () => {
    const { svg, plan } = fixture('simultaneous-open');
    const out = slopeArrows(svg, plan);
    const lines = messageLines(out);
    const [a, b] = [asGeometry(lines[0]), asGeometry(lines[1])];
    const crossing = crossingAt(a, b)!;
    const point = { x: a.from.x + (a.to.x - a.from.x) * crossing, y: a.from.y + (a.to.y - a.from.y) * crossing };
    const anchors = labels(out).slice(0, 2).map((l) => /rotate\([^ ]+ ([^ ]+) ([^)]+)\)/.exec(l.tag)!.slice(1).map(Number));
    for (const [x, y] of anchors) expect(Math.hypot(x - point.x, y - point.y)).toBeGreaterThan(60);
  });

  it('places a label in the longest stretch between crossings, away from the crossing', () => {
    expect(labelPosition([], 0.2)).toBe(0.5);
    expect(labelPosition([0.3], 0.1)).toBeCloseTo(0.9);
    expect(labelPosition([0.7], 0.1)).toBeCloseTo(0.1);
    expect(labelPosition([0.2, 0.8], 0.1)).toBeCloseTo(0.5);
  });

  it('leaves an SVG alone when it does not hold as many arrows as the plan', () => {
    const { svg, plan } = fixture('simultaneous-open');
    expect(slopeArrows(svg, { ...plan, arrows: plan.arrows.slice(1) })).toBe(svg);
    expect(slopeArrows(svg, { style: 'flat', arrows: [] })).toBe(svg);
  });

  it('works on the XML form the CLI serializes (self-closing tags) as on the HTML form', () => {
    const { svg, plan } = fixture('three-way-handshake');
    const xml = svg.replace(/(<line\b[^>]*)><\/line>/g, '$1/>');
    const out = slopeArrows(xml, plan);
    expect(out).toMatch(/<line\b[^>]*messageLine[^>]*\/>/);
    expect(messageLines(out).map((l) => l.y2 - l.y1)).toEqual([TEXTBOOK_DROP, TEXTBOOK_DROP, TEXTBOOK_DROP]);
  });
});

describe('the arrow plan in the Mermaid text', () => {
  it('reads only the generator\'s exact shape', () => {
    expect(readArrowPlan('sequenceDiagram\n%% tcpflow-arrows flat p f12 f x o\n')).toEqual({
      style: 'flat', arrows: [{ kind: 'plain' }, { kind: 'flight', sentAtNote: 12 }, { kind: 'flight' }, { kind: 'lost' }, { kind: 'old' }],
    });
    expect(readArrowPlan('%% tcpflow-arrows sideways p\n').arrows).toEqual([]);
    expect(readArrowPlan('%% tcpflow-arrows flat p q\n').arrows).toEqual([]);
    expect(readArrowPlan('a->>b: %% tcpflow-arrows textbook p\n').arrows).toEqual([]);
  });
});

describe('any plan on any figure (property)', () => {
  const time = fc.oneof(
    fc.constant<ArrowTime>({ kind: 'plain' }), fc.constant<ArrowTime>({ kind: 'lost' }), fc.constant<ArrowTime>({ kind: 'old' }),
    fc.constant<ArrowTime>({ kind: 'flight' }), fc.nat(40).map((n): ArrowTime => ({ kind: 'flight', sentAtNote: n })),
  );
  const names = ['simultaneous-open', 'simultaneous-close', 'old-duplicate-syn', 'lost-syn-retransmission', 'three-way-handshake'];

  it('changes only coordinates, never text, and the same plan gives the same bytes', () => {
    fc.assert(fc.property(fc.constantFrom(...names), fc.constantFrom('textbook', 'flat'), fc.array(time, { maxLength: 14 }), (name, style, arrows) => {
      const { svg } = fixture(name);
      const count = messageLines(svg).length;
      const plan = { style: style as 'textbook' | 'flat', arrows: arrows.length >= count ? arrows.slice(0, count) : arrows };
      const out = slopeArrows(svg, plan);
      const text = (s: string) => s.replace(/<[^>]*>/g, '\u0000');
      expect(text(out)).toBe(text(svg));
      expect(out.match(/</g)?.length).toBe(svg.match(/</g)?.length);
      expect(slopeArrows(svg, plan)).toBe(out);
      for (const l of messageLines(out)) for (const v of [l.x1, l.y1, l.x2, l.y2]) expect(Number.isFinite(v)).toBe(true);
    }), { numRuns: 200 });
  });
});
