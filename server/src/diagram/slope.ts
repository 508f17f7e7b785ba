/**
 * Textbook arrows: Mermaid draws every message horizontally; textbooks and RFC figures
 * draw a segment from the moment it left to the moment it arrived. This pure function
 * takes the SVG Mermaid drew and the arrow plan the generator wrote into the text
 * (arrow-plan.ts) and moves each arrow's ends:
 * - in flight (`~>` … `deliver`): from the row of its "sent" note to its delivery row,
 *   so two segments in flight at once cross;
 * - lost (`-x`, or in flight and never delivered): a short slope that stops part-way
 *   across, its cross in mid-air;
 * - old duplicate (`-->`): a steep slope from well above its row (it left long ago);
 * - ordinary (`->`): a small uniform slope in the textbook style, untouched in flat.
 * Each moved arrow's label is turned to lie along it, above it, reading left to right.
 *
 * It works on the SVG text, not a DOM, so that the same function runs in the webviews,
 * in the CLI's Node process and in unit tests. It rewrites only the opening tags of
 * Mermaid's message lines and message labels, and in them only coordinates it computes
 * (numbers) and fixed attribute names: text content is never read or written, so a label
 * stays the text Mermaid escaped. When the SVG does not hold as many message lines and
 * labels as the plan has arrows (another Mermaid version, a surprise), the SVG is
 * returned as it is: flat, but correct.
 */
import type { ArrowPlan, ArrowTime } from './arrow-plan.js';
import { fmt, num, readTag, writeTag, type Tag } from './svg-tags.js';

/** How far (px) an ordinary segment drops in the textbook style. */
export const TEXTBOOK_DROP = 16;
/** How far a lost segment drops before its cross, and what fraction of the way it gets. */
export const LOST_DROP = 28;
export const LOST_REACH = 0.6;
/** How far above its row an old duplicate starts. */
export const OLD_DROP = 56;
/** How far (px) above its arrow a label sits (its middle: Mermaid's labels are centred on their y). */
const LABEL_LIFT = 9;
/** Room (px) a label leaves at an arrow's end, and the mean width of a character of Mermaid's 16 px font. */
const LABEL_INSET = 16;
const AVERAGE_CHARACTER_WIDTH = 7.5;

interface Point { readonly x: number; readonly y: number }

/** Where one arrow is to be drawn, and how its label hangs on it. */
export interface ArrowGeometry {
  readonly from: Point;
  readonly to: Point;
  /** `gap`: in the longest stretch between crossings with other arrows; `middle`: centred on the arrow. */
  readonly labelAt: 'gap' | 'middle';
}

const OPENING_TAG = /<(line|text|rect)\b([^>]*)>/g;

export function slopeArrows(svg: string, plan: ArrowPlan): string {
  if (!plan.arrows.some((a) => a.kind !== 'plain' || plan.style === 'textbook')) return svg;
  const lines: Tag[] = [];
  const labels: Tag[] = [];
  const notes: Tag[] = [];
  for (const match of svg.matchAll(OPENING_TAG)) {
    const classes = (/\bclass="([^"]*)"/.exec(match[2])?.[1] ?? '').split(/\s+/);
    const kind = match[1] === 'line' && (classes.includes('messageLine0') || classes.includes('messageLine1')) ? lines
      : match[1] === 'text' && classes.includes('messageText') ? labels
      : match[1] === 'rect' && classes.includes('note') ? notes
      : undefined;
    if (kind) kind.push(readTag(match));
  }
  if (lines.length !== plan.arrows.length || labels.length !== plan.arrows.length) return svg;
  const noteRows = notes.map((n) => num(n, 'y') + num(n, 'height') / 2);

  const moved = plan.arrows.map((time, i) => {
    const line = lines[i];
    const drawn = { from: { x: num(line, 'x1'), y: num(line, 'y1') }, to: { x: num(line, 'x2'), y: num(line, 'y2') } };
    if ([drawn.from.x, drawn.from.y, drawn.to.x, drawn.to.y].some((v) => !Number.isFinite(v))) return undefined;
    return arrowGeometry(time, plan.style, drawn, noteRows);
  });
  const edits: { tag: Tag; set: Record<string, string> }[] = [];
  moved.forEach((geometry, i) => {
    if (!geometry) return;
    const line = lines[i];
    edits.push({ tag: line, set: { x1: fmt(geometry.from.x), y1: fmt(geometry.from.y), x2: fmt(geometry.to.x), y2: fmt(geometry.to.y) } });
    edits.push({ tag: labels[i], set: labelPlacement(geometry, labelAlong(geometry, i, moved, () => labelWidth(svg, labels[i]))) });
  });
  if (edits.length === 0) return svg;

  edits.sort((a, b) => a.tag.start - b.tag.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += svg.slice(at, edit.tag.start) + writeTag(edit.tag, edit.set);
    at = edit.tag.end;
  }
  return out + svg.slice(at);
}

/**
 * Where an arrow goes, from where Mermaid drew it (horizontally, at its row) and the
 * rows of the notes; undefined to leave it as drawn.
 */
export function arrowGeometry(
  time: ArrowTime,
  style: ArrowPlan['style'],
  drawn: { readonly from: Point; readonly to: Point },
  noteRows: readonly number[],
): ArrowGeometry | undefined {
  const { from, to } = drawn;
  switch (time.kind) {
    case 'plain':
      return style === 'textbook' ? { from: { x: from.x, y: to.y - TEXTBOOK_DROP }, to, labelAt: 'middle' } : undefined;
    case 'lost':
      return {
        from: { x: from.x, y: to.y - LOST_DROP },
        to: { x: from.x + (to.x - from.x) * LOST_REACH, y: to.y },
        labelAt: 'middle',
      };
    case 'old':
      return { from: { x: from.x, y: to.y - OLD_DROP }, to, labelAt: 'middle' };
    case 'flight': {
      const sentRow = time.sentAtNote !== undefined ? noteRows[time.sentAtNote] : undefined;
      // A send row below the delivery cannot be (the plan and the SVG disagree): slope as an old one.
      const fromY = sentRow !== undefined && sentRow < to.y ? sentRow : to.y - OLD_DROP;
      return { from: { x: from.x, y: fromY }, to, labelAt: 'gap' };
    }
  }
}

/**
 * Where (0…1 along `a`, from its start) `a` crosses `b`, if the two segments cross.
 */
export function crossingAt(a: ArrowGeometry, b: ArrowGeometry): number | undefined {
  const r = { x: a.to.x - a.from.x, y: a.to.y - a.from.y };
  const s = { x: b.to.x - b.from.x, y: b.to.y - b.from.y };
  const denominator = r.x * s.y - r.y * s.x;
  if (denominator === 0) return undefined; // parallel
  const q = { x: b.from.x - a.from.x, y: b.from.y - a.from.y };
  const t = (q.x * s.y - q.y * s.x) / denominator;
  const u = (q.x * r.y - q.y * r.x) / denominator;
  return t > 0 && t < 1 && u > 0 && u < 1 ? t : undefined;
}

/**
 * Where (0…1 from its start) the middle of arrow `i`'s label goes: centred, or for an
 * in-flight one in the longest stretch between the arrows it crosses (so the labels of
 * two crossing segments sit on either side of the crossing, not on it). Only such a label
 * looks for crossings: with every pair of 400 arrows tried, the search cost the preview
 * more than the rest of the sloping together.
 */
function labelAlong(g: ArrowGeometry, i: number, moved: readonly (ArrowGeometry | undefined)[], width: () => number): number {
  if (g.labelAt === 'middle') return 0.5;
  const crossings: number[] = [];
  moved.forEach((other, j) => {
    const t = j === i || !other ? undefined : crossingAt(g, other);
    if (t !== undefined) crossings.push(t);
  });
  const length = Math.hypot(g.to.x - g.from.x, g.to.y - g.from.y) || 1;
  return labelPosition(crossings, (width() / 2 + LABEL_INSET) / length);
}

/** The label's new attributes: turned to the arrow's angle as read left to right, just above it, its middle `at` along it. */
function labelPlacement(g: ArrowGeometry, at: number): Record<string, string> {
  const rightward = g.to.x >= g.from.x;
  const [left, right] = rightward ? [g.from, g.to] : [g.to, g.from];
  const angle = (Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI;
  const anchor = { x: g.from.x + (g.to.x - g.from.x) * at, y: g.from.y + (g.to.y - g.from.y) * at };
  return {
    x: fmt(anchor.x),
    y: fmt(anchor.y - LABEL_LIFT),
    'text-anchor': 'middle',
    dy: '0',
    transform: `rotate(${fmt(angle)} ${fmt(anchor.x)} ${fmt(anchor.y)})`,
  };
}

/**
 * Where (0…1) to centre a label of half-length `half` (as a fraction of the arrow) on
 * an arrow with these crossings: in the longest stretch between them (ties: the
 * earliest), pushed away from a crossing towards the arrow's end when the stretch
 * reaches one, so that it keeps clear of the crossing label of the other arrow.
 */
export function labelPosition(crossings: readonly number[], half: number): number {
  const cuts = [0, ...[...crossings].sort((a, b) => a - b), 1];
  let best = { start: 0, end: 1, length: -1 };
  for (let i = 1; i < cuts.length; i++) {
    const length = cuts[i] - cuts[i - 1];
    if (length > best.length + 1e-9) best = { start: cuts[i - 1], end: cuts[i], length };
  }
  const middle = (best.start + best.end) / 2;
  if (cuts.length === 2) return middle;
  if (best.start === 0) return Math.min(middle, Math.max(half, 0));
  if (best.end === 1) return Math.max(middle, Math.min(1 - half, 1));
  return middle;
}

/**
 * A label's width, estimated from its characters (an entity counts as one): no layout
 * engine in Node, and only the label's place along its arrow depends on it.
 */
function labelWidth(svg: string, label: Tag): number {
  const close = svg.indexOf('</text>', label.end);
  const content = close < 0 ? '' : svg.slice(label.end, close).replace(/<[^>]*>/g, '').replace(/&[^;\s]{1,10};/g, '_');
  return Array.from(content).length * AVERAGE_CHARACTER_WIDTH;
}
