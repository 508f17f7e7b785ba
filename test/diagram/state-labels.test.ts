/**
 * The state labels (server/src/diagram/state-labels.ts) on Mermaid's real output: the
 * fixtures are what `mermaid.render` returned for golden diagrams (captured by
 * scripts/diagram-fixtures.mjs), each with the plans of its golden Mermaid text.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishDrawing } from '../../server/src/diagram/finish.js';
import { labelStates, STATE_BOX_HEIGHT, STATE_GAP } from '../../server/src/diagram/state-labels.js';
import { readStatePlan, statePlanLine, type StateLabel } from '../../server/src/diagram/state-plan.js';

const FIXTURES = ['three-way-handshake', 'simultaneous-open', 'simultaneous-close', 'old-duplicate-syn', 'lost-syn-retransmission', 'syn-queue-and-accept-queue'];

interface Box { left: number; right: number; top: number; bottom: number }
interface Drawn { box: Box; text: string; line: number; centreY: number }

function fixture(name: string): { svg: string; mermaid: string; plan: StateLabel[] } {
  const mermaid = readFileSync(`test/diagram/golden/${name}.mmd`, 'utf8');
  return { svg: readFileSync(`test/diagram/fixtures/${name}.svg`, 'utf8'), mermaid, plan: readStatePlan(mermaid) };
}

function attr(tag: string, name: string): number {
  return Number(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]);
}

function drawnLabels(svg: string): Drawn[] {
  return [...svg.matchAll(/<g class="tcpflow-state tcpflow-item" data-kind="state" data-line="(\d+)">(<rect [^>]*>)<\/rect>(<text [^>]*>)([^<]*)<\/text><\/g>/g)]
    .map(([, line, rect, text, content]) => {
      const box = { left: attr(rect, 'x'), top: attr(rect, 'y'), right: attr(rect, 'x') + attr(rect, 'width'), bottom: attr(rect, 'y') + attr(rect, 'height') };
      return { box, text: content, line: Number(line), centreY: attr(text, 'y') };
    });
}

function lifelines(svg: string): Map<string, number> {
  return new Map([...svg.matchAll(/<line\b[^>]*class="actor-line[^"]*"[^>]*>/g)].map(([tag]) => [/\sname="([^"]*)"/.exec(tag)![1], attr(tag, 'x1')]));
}

function arrowRows(svg: string): number[] {
  return [...svg.matchAll(/<line\b[^>]*class="messageLine[01]"[^>]*>/g)].map(([tag]) => attr(tag, 'y2'));
}

function noteBoxes(svg: string): Box[] {
  return [...svg.matchAll(/<rect\b[^>]*class="note"[^>]*>/g)].map(([tag]) => ({
    left: attr(tag, 'x'), right: attr(tag, 'x') + attr(tag, 'width'), top: attr(tag, 'y'), bottom: attr(tag, 'y') + attr(tag, 'height'),
  }));
}

function overlap(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('state labels on Mermaid\'s output', () => {
  for (const name of FIXTURES) {
    it(`${name}: each label sits beside its lifeline on its row, clear of notes, lifelines and other labels`, () => {
      const { svg, mermaid, plan } = fixture(name);
      expect(plan.length).toBeGreaterThan(0);
      const out = finishDrawing(svg, mermaid);
      const drawn = drawnLabels(out);
      expect(drawn).toHaveLength(plan.length);
      const x = lifelines(svg);
      const rows = arrowRows(svg);
      const notes = noteBoxes(svg);
      drawn.forEach((label, i) => {
        const want = plan[i];
        const what = `${name}: ${want.participant} ${want.text}`;
        expect(label.text, what).toBe(want.text);
        expect(label.line, what).toBe(want.line);
        // On its row: the arrow's end, or the middle of the note.
        const row = want.at.kind === 'message' ? rows[want.at.index] : (notes[want.at.index].top + notes[want.at.index].bottom) / 2;
        expect(label.centreY, what).toBeCloseTo(row, 1);
        expect((label.box.top + label.box.bottom) / 2, what).toBeCloseTo(row, 1);
        expect(label.box.bottom - label.box.top).toBe(STATE_BOX_HEIGHT);
        // Beside its lifeline (or beyond the note on that row), never across it.
        const lx = x.get(want.participant)!;
        const note = want.at.kind === 'note' ? notes[want.at.index] : undefined;
        const edges = [lx + STATE_GAP, lx - STATE_GAP, ...(note ? [note.right + STATE_GAP, note.left - STATE_GAP] : [])];
        expect(edges.some((e) => Math.abs(label.box.left - e) < 0.02 || Math.abs(label.box.right - e) < 0.02), what).toBe(true);
        for (const other of x.values()) expect(other > label.box.left && other < label.box.right, `${what} crosses a lifeline`).toBe(false);
        for (const n of notes) expect(overlap(label.box, n), `${what} covers a note`).toBe(false);
        drawn.forEach((o, j) => {
          if (j !== i) expect(overlap(label.box, o.box), `${what} covers ${o.text}`).toBe(false);
        });
      });
      // The picture holds every label.
      const [vx, , vw] = /viewBox="([^"]*)"/.exec(out)![1].split(' ').map(Number);
      for (const label of drawn) {
        expect(label.box.left).toBeGreaterThanOrEqual(vx);
        expect(label.box.right).toBeLessThanOrEqual(vx + vw);
      }
    });
  }

  it('puts the textbook sides: the first lifeline\'s states on its left, the others\' on their right, and a state at a note over the lifeline beyond the note', () => {
    const { svg, mermaid, plan } = fixture('three-way-handshake');
    const drawn = drawnLabels(finishDrawing(svg, mermaid));
    const x = lifelines(svg);
    const byText = (participant: string, text: string) => drawn[plan.findIndex((p) => p.participant === participant && p.text === text)];
    expect(byText('server', 'SYN-RECEIVED').box.left).toBeCloseTo(x.get('server')! + STATE_GAP, 1);
    expect(byText('client', 'ESTABLISHED').box.right).toBeCloseTo(x.get('client')! - STATE_GAP, 1);
    // SYN-SENT is on the row of `connect()`, a note centred on the client's lifeline: left of that note.
    const connect = noteBoxes(svg)[plan.find((p) => p.text === 'SYN-SENT')!.at.index];
    expect(byText('client', 'SYN-SENT').box.right).toBeCloseTo(connect.left - STATE_GAP, 1);
  });

  it('puts a middle lifeline\'s state on the side its row\'s arrow does not leave by', () => {
    const { svg, mermaid, plan } = fixture('syn-queue-and-accept-queue');
    const drawn = drawnLabels(finishDrawing(svg, mermaid));
    const x = lifelines(svg);
    const clientLabels = plan.map((p, i) => ({ p, d: drawn[i] })).filter(({ p }) => p.participant !== 'server');
    expect(clientLabels.length).toBeGreaterThan(2);
    // Every client arrow goes to or comes from the server, on the left: the labels are on the right.
    for (const { p, d } of clientLabels) expect(d.box.left, `${p.participant} ${p.text}`).toBeCloseTo(x.get(p.participant)! + STATE_GAP, 1);
    expect(plan.some((p) => p.text === 'server↔c1 SYN-RECEIVED')).toBe(true);
  });

  it('leaves Mermaid\'s own elements as they were; the root grows only when a label is beyond its edge', () => {
    const root = (s: string) => /^<svg[^>]*>/.exec(s)![0];
    const body = (s: string) => s.replace(/^<svg[^>]*>/, '').replace(/<g class="tcpflow-state[\s\S]*?<\/g>/g, '');
    // Mermaid's margins hold the examples' labels; a long one on the last lifeline does not fit.
    const long = 'server↔c1 SYN-RECEIVED · server↔c2 SYN-RECEIVED · server↔c3 SYN-RECEIVED';
    const { mermaid: handshake } = fixture('three-way-handshake');
    const cases = [
      ['three-way-handshake', handshake, false],
      ['syn-queue-and-accept-queue', fixture('syn-queue-and-accept-queue').mermaid, false],
      ['three-way-handshake', handshake.replace(/ m0:server:(\d+):SYN-RECEIVED /, (_, line: string) => ` m0:server:${line}:${encodeURIComponent(long)} `), true],
    ] as const;
    for (const [name, mermaid, grows] of cases) {
      const { svg } = fixture(name);
      const sloped = finishDrawing(svg, mermaid.replace(/\n%% tcpflow-states .*\n/, '\n'));
      const out = finishDrawing(svg, mermaid);
      if (grows) expect(drawnLabels(out).map((l) => l.text)).toContain(long);
      expect(body(out), name).toBe(body(sloped));
      const [before, after] = [attr(root(sloped), 'width'), attr(root(out), 'width')];
      if (grows) expect(after, name).toBeGreaterThan(before);
      else expect(after, name).toBe(before);
      // Width and viewBox grow together, so the picture's scale stays 1.
      expect(Number(/viewBox="[^"]*"/.exec(root(out))![0].split(' ')[2]), name).toBe(after);
    }
  });

  it('returns the SVG as it is when it lacks a row or a lifeline the plan names', () => {
    const { svg } = fixture('three-way-handshake');
    const label = (over: Partial<StateLabel>): StateLabel => ({ at: { kind: 'message', index: 0 }, participant: 'server', line: 1, text: 'LISTEN', ...over });
    expect(labelStates(svg, [label({ at: { kind: 'message', index: 3 } })])).toBe(svg);
    expect(labelStates(svg, [label({ at: { kind: 'note', index: 99 } })])).toBe(svg);
    expect(labelStates(svg, [label({ participant: 'nobody' })])).toBe(svg);
    expect(labelStates('<p>not a drawing</p>', [label({})])).toBe('<p>not a drawing</p>');
    expect(labelStates(svg, [])).toBe(svg);
  });
});

describe('state plan', () => {
  const anyLabel = fc.record({
    at: fc.record({ kind: fc.constantFrom('message' as const, 'note' as const), index: fc.nat({ max: 40 }) }),
    participant: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,12}$/),
    line: fc.nat({ max: 100_000 }),
    text: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  });

  it('reads back what it writes, any text (lone surrogates become U+FFFD)', () => {
    fc.assert(fc.property(fc.array(anyLabel, { minLength: 1, maxLength: 6 }), (labels) => {
      const line = statePlanLine(labels)!;
      expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
      const text = `sequenceDiagram\nparticipant a\n${line}\n`;
      const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
      expect(readStatePlan(text)).toEqual(labels.map((l) => ({ ...l, text: wellFormed(l.text) })));
    }), { numRuns: 300 });
  });

  it('ignores tokens not in its shape', () => {
    const text = 'sequenceDiagram\n%% tcpflow-states m0:a:1:OK q1:a:1:X m1:1a:1:X m2:a:x:X m3:a:1:%E0%A4%A n0:b:2:%3Cb%3E\n';
    expect(readStatePlan(text)).toEqual([
      { at: { kind: 'message', index: 0 }, participant: 'a', line: 1, text: 'OK' },
      { at: { kind: 'note', index: 0 }, participant: 'b', line: 2, text: '<b>' },
    ]);
  });
});

describe('state labels stay text', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
    fc.string({ unit: fc.constantFrom('<', '>', '&', '"', '\'', '<script>', '</text>', '</g>', '<svg onload=alert(1)>', ']]>', '<!--', '&amp;', '\u0000', '\u0007', 'a', ' '), minLength: 1, maxLength: 20 }),
  );

  it('any label text becomes escaped character data: no element, attribute or entity of its own', () => {
    const { svg } = fixture('three-way-handshake');
    fc.assert(fc.property(hostile, fc.constantFrom('client', 'server'), (text, participant) => {
      const out = labelStates(svg, [{ at: { kind: 'message', index: 1 }, participant, line: 7, text }]);
      const added = out.slice(out.indexOf('<g class="tcpflow-state'), out.lastIndexOf('</svg>'));
      expect(added).toMatch(/^<g class="tcpflow-state tcpflow-item" data-kind="state" data-line="7"><rect [^<>]*><\/rect><text [^<>]*>[^<>]*<\/text><\/g>$/);
      const content = /<text [^<>]*>([^<>]*)<\/text>/.exec(added)![1];
      // Only the five entities the escaping writes, and no XML control character.
      expect(content.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      const decoded = content.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&amp;/g, '&');
      expect(decoded).toBe(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' '));
    }), { numRuns: 400 });
  });
});
