/**
 * State changes as labels on their lifelines (server/src/diagram/compact-states.ts), on
 * Mermaid's real output: the fixtures are what `mermaid.render` returned for golden
 * diagrams (scripts/diagram-fixtures.mjs), and each golden text carries its state plan.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterLayout } from '../../server/src/diagram/after-layout.js';
import { readArrowPlan } from '../../server/src/diagram/arrow-plan.js';
import { compactStates, heightMap, LABEL_HEIGHT } from '../../server/src/diagram/compact-states.js';
import { slopeArrows } from '../../server/src/diagram/slope.js';
import { readStatePlan, statePlanLine } from '../../server/src/diagram/state-plan.js';

const FIXTURES = ['three-way-handshake', 'simultaneous-open', 'simultaneous-close', 'old-duplicate-syn', 'lost-syn-retransmission'];

function fixture(name: string): { svg: string; mermaid: string } {
  return { svg: readFileSync(`test/diagram/fixtures/${name}.svg`, 'utf8'), mermaid: readFileSync(`test/diagram/golden/${name}.mmd`, 'utf8') };
}

function attr(tag: string, name: string): number {
  return Number(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]);
}

const tagsOf = (svg: string, pattern: RegExp): string[] => [...svg.matchAll(pattern)].map((m) => m[0]);
const noteRects = (svg: string) => tagsOf(svg, /<rect\b[^>]*class="note"[^>]*>/g);
const lifelineX = (svg: string, id: string) => attr(tagsOf(svg, new RegExp(`<line\\b[^>]*class="actor-line[^"]*"[^>]*data-id="${id}"[^>]*>`, 'g'))[0], 'x1');
const svgHeight = (svg: string) => attr(/<svg\b[^>]*>/.exec(svg)![0], 'height');
/** Every text node of the drawing, in order: what a reader sees, whatever moved. */
const texts = (svg: string) => [...svg.matchAll(/>([^<]+)</g)].map((m) => m[1]).filter((t) => t.trim() !== '');

describe('state changes on their lifelines, on Mermaid\'s output', () => {
  it.each(FIXTURES)('%s: each state note becomes a small label centred on its lifeline, and the drawing gets shorter', (name) => {
    const { svg, mermaid } = fixture(name);
    const plan = readStatePlan(mermaid);
    expect(plan.length, 'the golden text carries a state plan').toBeGreaterThan(0);
    const sloped = slopeArrows(svg, readArrowPlan(mermaid));
    const compact = compactStates(sloped, plan);
    const before = noteRects(sloped);
    const after = noteRects(compact);
    expect(after).toHaveLength(before.length);
    const states = new Set(plan.map((p) => p.note));
    for (const { note, lifeline } of plan) {
      const rect = after[note];
      expect(attr(rect, 'height')).toBe(LABEL_HEIGHT);
      expect(attr(rect, 'x') + attr(rect, 'width') / 2).toBeCloseTo(lifelineX(compact, lifeline), 1);
    }
    // Other notes keep their size.
    after.forEach((rect, i) => {
      if (!states.has(i)) expect(attr(rect, 'height')).toBe(attr(before[i], 'height'));
    });
    // Each state note's row (37 px and a 10 px margin) becomes a label row of 22 px, or none when it shares one.
    const saved = svgHeight(sloped) - svgHeight(compact);
    expect(saved).toBeGreaterThanOrEqual(plan.length * 20);
    // Labels stay text: the same words, in the same order.
    expect(texts(compact)).toEqual(texts(sloped));
  });

  it('puts a state label right under the arrow of its line, above everything after it', () => {
    const { svg, mermaid } = fixture('three-way-handshake');
    const compact = afterLayout(svg, mermaid);
    const arrows = tagsOf(compact, /<line\b[^>]*class="messageLine[01]"[^>]*>/g);
    const rects = noteRects(compact);
    const plan = readStatePlan(mermaid);
    // The SYN's arrow (the first) and the state its arrival made: the server's SYN-RECEIVED
    // (its second state label, after LISTEN).
    const synEnd = attr(arrows[0], 'y2');
    const synReceived = rects[plan.filter((p) => p.lifeline === 'server')[1].note];
    const top = attr(synReceived, 'y');
    expect(top).toBeGreaterThan(synEnd);
    expect(top - synEnd).toBeLessThan(10);
    // Every arrow after it starts below the label.
    for (const line of arrows.slice(1)) expect(Math.min(attr(line, 'y1'), attr(line, 'y2'))).toBeGreaterThan(top + LABEL_HEIGHT);
  });

  it('puts the states one line changed on both sides in one row', () => {
    const { svg, mermaid } = fixture('simultaneous-close');
    const plan = readStatePlan(mermaid);
    const rects = noteRects(compactStates(slopeArrows(svg, readArrowPlan(mermaid)), plan));
    const rows = plan.map((p) => attr(rects[p.note], 'y'));
    const shared = plan.filter((p, i) => i > 0 && p.note === plan[i - 1].note + 1 && p.lifeline !== plan[i - 1].lifeline && rows[i] === rows[i - 1]);
    // In a simultaneous close each FIN's arrival and each ACK's changes one side: whatever pairs
    // there are sit in one row; the lines that changed one side each keep their own row.
    expect(new Set(rows).size).toBe(plan.length - shared.length);
  });

  it('leaves the drawing as Mermaid made it when it holds a shape it cannot move, or fewer notes than the plan', () => {
    const { svg, mermaid } = fixture('three-way-handshake');
    const plan = readStatePlan(mermaid);
    const withLoop = svg.replace('</svg>', '<polygon points="0,0 1,1 2,0" class="labelBox"/></svg>');
    expect(compactStates(withLoop, plan)).toBe(withLoop);
    expect(compactStates(svg, [...plan, { note: 999, lifeline: 'client' }])).toBe(svg);
    expect(compactStates(svg, [])).toBe(svg);
  });

  it('moves heights monotonically, by what the cuts above take out', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 60 })), { maxLength: 8 }),
      fc.array(fc.integer({ min: -50, max: 1200 }), { minLength: 2, maxLength: 20 }),
      (spans, ys) => {
        // Cuts as the function makes them: apart from each other.
        const cuts = spans.sort((a, b) => a[0] - b[0]).reduce<Array<{ from: number; to: number }>>((list, [from, length]) => {
          const start = Math.max(from, (list[list.length - 1]?.to ?? -Infinity) + 1);
          return [...list, { from: start, to: start + length }];
        }, []);
        const f = heightMap(cuts);
        const sorted = [...ys].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) expect(f(sorted[i])).toBeGreaterThanOrEqual(f(sorted[i - 1]));
        const removed = cuts.reduce((sum, c) => sum + c.to - c.from, 0);
        for (const y of ys) {
          if (cuts.length === 0 || y <= cuts[0].from) expect(f(y)).toBe(y);
          if (cuts.length > 0 && y >= cuts[cuts.length - 1].to) expect(f(y)).toBe(y - removed);
        }
      },
    ));
  });
});

describe('the state plan', () => {
  it('names the state notes by their place among all notes and their lifeline, and reads back the same', () => {
    const line = statePlanLine([{ kind: 'state' }, { kind: 'call' }, { kind: 'state', lifeline: 'client' }, { kind: 'state', lifeline: 'p2_' }]);
    expect(line).toBe('%% tcpflow-states 2:client 3:p2_');
    expect(readStatePlan(`sequenceDiagram\n${line}\n`)).toEqual([{ note: 2, lifeline: 'client' }, { note: 3, lifeline: 'p2_' }]);
    expect(statePlanLine([{ kind: 'note' }])).toBeUndefined();
  });

  it('ignores a line not of the generator\'s shape', () => {
    for (const text of ['%% tcpflow-states 1:"x"', '%% tcpflow-states a:b', '%% tcpflow-states 1:client onload=x', 'note %% tcpflow-states 1:a']) {
      expect(readStatePlan(`sequenceDiagram\n${text}\n`), text).toEqual([]);
    }
  });
});
