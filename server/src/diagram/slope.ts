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
 * Each moved arrow's label is turned to lie along it, reading left to right: above it
 * where it is free, else elsewhere along it or below it, so that no two labels and no
 * label and note cover each other where another place is free (label-boxes.ts).
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
import { BoxIndex, uprightBox, type TurnedBox } from './label-boxes.js';
import { estimateTextWidth } from './text-width.js';
import { fmt, num, readTag, writeTag, type Tag } from './svg-tags.js';

/** How far (px) an ordinary segment drops in the textbook style. */
export const TEXTBOOK_DROP = 16;
/** How far a lost segment drops before its cross, and what fraction of the way it gets. */
export const LOST_DROP = 28;
export const LOST_REACH = 0.6;
/** How far above its row an old duplicate starts. */
export const OLD_DROP = 56;
/**
 * How far (px) from its arrow a label's middle sits (Mermaid's labels are centred on
 * their y): half of the 16 px text and a little air, so the line passes clear of it.
 */
const LABEL_LIFT = 12;
/** Half the height a label takes, and the room kept around its ends. */
const LABEL_HALF_HEIGHT = 9;
const LABEL_END_ROOM = 3;
/** Room (px) a label leaves at an arrow's end. */
const LABEL_INSET = 16;

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
  // What a label must keep off: the notes, and every label placed (or left) before it.
  const taken: Taken = { notes: new BoxIndex(), labels: new BoxIndex() };
  for (const n of notes) {
    const box = uprightBox(num(n, 'x'), num(n, 'y'), num(n, 'width'), num(n, 'height'));
    if ([box.centre.x, box.centre.y, box.halfWidth, box.halfHeight].every(Number.isFinite)) taken.notes.add(box);
  }

  const moved = plan.arrows.map((time, i) => {
    const line = lines[i];
    const drawn = { from: { x: num(line, 'x1'), y: num(line, 'y1') }, to: { x: num(line, 'x2'), y: num(line, 'y2') } };
    if ([drawn.from.x, drawn.from.y, drawn.to.x, drawn.to.y].some((v) => !Number.isFinite(v))) return undefined;
    return arrowGeometry(time, plan.style, drawn, noteRows);
  });
  const edits: { tag: Tag; set: Record<string, string> }[] = [];
  moved.forEach((geometry, i) => {
    const width = labelWidth(svg, labels[i]);
    if (!geometry) {
      const box = { centre: { x: num(labels[i], 'x'), y: num(labels[i], 'y') }, halfWidth: width / 2, halfHeight: LABEL_HALF_HEIGHT, angle: 0 };
      if (Number.isFinite(box.centre.x) && Number.isFinite(box.centre.y)) taken.labels.add(box);
      return;
    }
    const line = lines[i];
    edits.push({ tag: line, set: { x1: fmt(geometry.from.x), y1: fmt(geometry.from.y), x2: fmt(geometry.to.x), y2: fmt(geometry.to.y) } });
    // Only an in-flight label is placed between crossings: for the others the search
    // over every pair of arrows is skipped (14 → 5 ms at 400 arrows).
    const crossings = geometry.labelAt !== 'gap' ? [] : moved.flatMap((other, j) => {
      const t = j === i || !other ? undefined : crossingAt(geometry, other);
      return t === undefined ? [] : [t];
    });
    const placed = labelPlacement(geometry, crossings, width, taken);
    taken.labels.add(placed.box);
    edits.push({ tag: labels[i], set: placed.attributes });
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

/** The boxes a new label should keep off: notes, and the labels placed before it. */
interface Taken {
  readonly notes: BoxIndex;
  readonly labels: BoxIndex;
}

interface LabelCandidate {
  readonly box: TurnedBox;
  /** The label's attributes, made only for the place taken. */
  readonly attributes: () => Record<string, string>;
}

/** A label over another label is unreadable; over a note, only crowded. */
const LABEL_OVER_LABEL = 3;

/**
 * The label's new attributes: turned to the arrow's angle as read left to right, centred
 * on the arrow, or for an in-flight one in the longest stretch between the arrows it
 * crosses (so the labels of two crossing segments sit on either side of the crossing,
 * not on it), above the arrow. Where that covers a label placed before or a note, the
 * first free place of: near either end of the arrow or its middle, level above where the
 * arrow leaves (two long labels on arrows that cross cannot both lie along them), then
 * along the arrow below it; where none is free, the one that covers least.
 */
function labelPlacement(g: ArrowGeometry, crossings: readonly number[], width: number, taken: Taken): { box: TurnedBox; attributes: Record<string, string> } {
  const rightward = g.to.x >= g.from.x;
  const [left, right] = rightward ? [g.from, g.to] : [g.to, g.from];
  const angle = Math.atan2(right.y - left.y, right.x - left.x);
  const length = Math.hypot(g.to.x - g.from.x, g.to.y - g.from.y) || 1;
  const half = (width / 2 + LABEL_INSET) / length;
  const preferred = g.labelAt === 'middle' ? 0.5 : labelPosition(crossings, half);
  const along = [...new Set([preferred, Math.min(half, 0.5), Math.max(1 - half, 0.5), 0.5])];
  const candidates = [
    ...along.map((at) => alongArrow(g, at, -1, angle, width)),
    levelAtStart(g, width),
    ...along.map((at) => alongArrow(g, at, 1, angle, width)),
  ];
  let best = candidates[0];
  let least = Infinity;
  for (const candidate of candidates) {
    const cost = LABEL_OVER_LABEL * taken.labels.covered(candidate.box) + taken.notes.covered(candidate.box);
    if (cost < least) [best, least] = [candidate, cost];
    if (cost === 0) break;
  }
  return { box: best.box, attributes: best.attributes() };
}

/** A label `at` (0…1) along the arrow, on one `side` of it (-1 above, 1 below as read). */
function alongArrow(g: ArrowGeometry, at: number, side: number, angle: number, width: number): LabelCandidate {
  const anchor = { x: g.from.x + (g.to.x - g.from.x) * at, y: g.from.y + (g.to.y - g.from.y) * at };
  // The label's middle, LABEL_LIFT from the line across it: (0, side × lift) turned by the angle.
  const centre = { x: anchor.x - side * LABEL_LIFT * Math.sin(angle), y: anchor.y + side * LABEL_LIFT * Math.cos(angle) };
  const degrees = (angle * 180) / Math.PI;
  return {
    attributes: () => ({
      x: fmt(anchor.x),
      y: fmt(anchor.y + side * LABEL_LIFT),
      'text-anchor': 'middle',
      dy: '0',
      transform: `rotate(${fmt(degrees)} ${fmt(anchor.x)} ${fmt(anchor.y)})`,
    }),
    box: { centre, halfWidth: width / 2 + LABEL_END_ROOM, halfHeight: LABEL_HALF_HEIGHT, angle },
  };
}

/** A level label just above where the arrow leaves, running from its sender towards the receiver. */
function levelAtStart(g: ArrowGeometry, width: number): LabelCandidate {
  const towards = g.to.x >= g.from.x ? 1 : -1;
  const x = g.from.x + towards * LABEL_INSET;
  const y = g.from.y - LABEL_LIFT;
  return {
    // Turned by nothing, so every moved label has the same attributes.
    attributes: () => ({ x: fmt(x), y: fmt(y), 'text-anchor': towards > 0 ? 'start' : 'end', dy: '0', transform: `rotate(0 ${fmt(x)} ${fmt(y)})` }),
    box: { centre: { x: x + (towards * width) / 2, y }, halfWidth: width / 2 + LABEL_END_ROOM, halfHeight: LABEL_HALF_HEIGHT, angle: 0 },
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

/** A label's width (Mermaid's message text is 16 px; an entity counts as one character). */
function labelWidth(svg: string, label: Tag): number {
  const close = svg.indexOf('</text>', label.end);
  const content = close < 0 ? '' : svg.slice(label.end, close).replace(/<[^>]*>/g, '').replace(/&[^;\s]{1,10};/g, '_');
  return estimateTextWidth(content);
}
