/**
 * State labels beside the lifelines: the textbook way (RFC 9293's figures write each
 * TCP's new state beside it, on the row of the segment that changed it) instead of a
 * Mermaid note, which always takes a full row of its own. This pure function takes the
 * SVG Mermaid drew and the state plan the generator wrote into the text (state-plan.ts)
 * and adds, for each label, a small box with its text beside its lifeline, centred on
 * the row of its line's arrow (or note):
 * - on the outer side: left of the first lifeline, right of the others (where the notes
 *   of the old style went), so it does not sit on the arrows between the lifelines;
 * - on the other side when that one is taken at that row (the row's arrow leaves this
 *   lifeline that way, or the row's note covers it), and beyond the note when both are.
 * The SVG's viewBox (and its width) grows to hold labels beyond its edges.
 *
 * Like slope.ts it works on the SVG text: it reads only coordinates and the colours of
 * Mermaid's notes, and writes new elements whose text is the plan's, XML-escaped, so a
 * label is never markup. When the SVG lacks the rows or lifelines the plan names
 * (another Mermaid version), the SVG is returned as it is.
 */
import type { StateLabel } from './state-plan.js';
import { fmt, num, readTag, writeTag, type Tag } from './svg-tags.js';
import { estimateTextWidth } from './text-width.js';

/** The label's font size (px) and its box's height and inner room. */
export const STATE_FONT_SIZE = 12;
export const STATE_BOX_HEIGHT = 18;
const STATE_BOX_PADDING = 5;
/** Room (px) between a lifeline (or the note in the way) and its label: clears an activation bar. */
export const STATE_GAP = 9;
/** Room kept between a label and the edge of the picture. */
const EDGE = 4;

const DEFAULT_FILL = '#EDF2AE';
const DEFAULT_STROKE = '#666';
const DEFAULT_TEXT = '#333';

const OPENING_TAG = /<(svg|line|rect)\b([^>]*)>/g;

interface Box { readonly left: number; readonly right: number }
interface Row { readonly y: number; readonly taken: (lifeline: number, side: Side) => boolean; readonly note?: Box }
type Side = 'left' | 'right';

export function labelStates(svg: string, labels: readonly StateLabel[]): string {
  if (labels.length === 0) return svg;
  let root: Tag | undefined;
  const lifelines = new Map<string, number>();
  const messages: Tag[] = [];
  const notes: Tag[] = [];
  for (const match of svg.matchAll(OPENING_TAG)) {
    const tag = readTag(match);
    const classes = (tag.attrs.get('class') ?? '').split(/\s+/);
    if (tag.name === 'svg') root ??= tag;
    else if (tag.name === 'line' && classes.includes('actor-line')) lifelines.set(tag.attrs.get('name') ?? '', num(tag, 'x1'));
    else if (tag.name === 'line' && (classes.includes('messageLine0') || classes.includes('messageLine1'))) messages.push(tag);
    else if (tag.name === 'rect' && classes.includes('note')) notes.push(tag);
  }
  const close = svg.lastIndexOf('</svg>');
  if (!root || close < 0) return svg;
  const fits = labels.every((l) => lifelines.has(l.participant)
    && l.at.index < (l.at.kind === 'message' ? messages.length : notes.length));
  if (!fits) return svg;
  const leftmost = Math.min(...lifelines.values());
  const colours = noteColours(svg);

  const drawn = labels.map((label) => {
    const x = lifelines.get(label.participant)!;
    const row = label.at.kind === 'message' ? messageRow(messages[label.at.index], lifelines) : noteRow(notes[label.at.index]);
    const width = estimateTextWidth(label.text, STATE_FONT_SIZE) + 2 * STATE_BOX_PADDING;
    const box = placeLabel(x, x === leftmost && lifelines.size > 1 ? 'left' : 'right', width, row);
    return { label, box, y: row.y, width };
  });
  if (drawn.some((d) => ![d.box.left, d.box.right, d.y].every(Number.isFinite))) return svg;

  const elements = drawn.map(({ label, box, y }) => {
    const top = y - STATE_BOX_HEIGHT / 2;
    return `<g class="tcpflow-state tcpflow-item" data-kind="state" data-line="${label.line}">`
      + `<rect class="tcpflow-state-box" x="${fmt(box.left)}" y="${fmt(top)}" width="${fmt(box.right - box.left)}" height="${STATE_BOX_HEIGHT}" rx="3" ry="3" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="1"></rect>`
      + `<text class="tcpflow-state-text" x="${fmt((box.left + box.right) / 2)}" y="${fmt(y)}" text-anchor="middle" dominant-baseline="central" fill="${colours.text}" style="font-size: ${STATE_FONT_SIZE}px;">${escapeXml(label.text)}</text>`
      + '</g>';
  });
  const grown = growViewBox(root, Math.min(...drawn.map((d) => d.box.left)) - EDGE, Math.max(...drawn.map((d) => d.box.right)) + EDGE);
  const head = grown ? svg.slice(0, root.start) + grown + svg.slice(root.end, close) : svg.slice(0, close);
  return head + elements.join('') + svg.slice(close);
}

/**
 * Where a label of `width` beside the lifeline at `x` goes on `row`: on its `preferred`
 * side, else on the other when only the preferred one is taken, else beyond the row's
 * note on the preferred side.
 */
export function placeLabel(x: number, preferred: Side, width: number, row: Row): Box {
  const beside = (side: Side): Box => (side === 'right'
    ? { left: x + STATE_GAP, right: x + STATE_GAP + width }
    : { left: x - STATE_GAP - width, right: x - STATE_GAP });
  const free = (side: Side): boolean => !row.taken(x, side) && !(row.note && overlaps(beside(side), row.note));
  const other: Side = preferred === 'left' ? 'right' : 'left';
  if (free(preferred)) return beside(preferred);
  if (free(other)) return beside(other);
  if (row.note) {
    return preferred === 'right'
      ? { left: row.note.right + STATE_GAP, right: row.note.right + STATE_GAP + width }
      : { left: row.note.left - STATE_GAP - width, right: row.note.left - STATE_GAP };
  }
  return beside(preferred);
}

/** An arrow's row: its end's y (sloping keeps the end on the row); a side is taken where the arrow leaves the lifeline. */
function messageRow(line: Tag, lifelines: ReadonlyMap<string, number>): Row {
  const ends = [lifelines.get(line.attrs.get('data-from') ?? ''), lifelines.get(line.attrs.get('data-to') ?? '')]
    .filter((v): v is number => v !== undefined);
  return {
    y: num(line, 'y2'),
    taken: (x, side) => ends.length === 2 && ends.includes(x) && ends.some((e) => (side === 'right' ? e > x : e < x)),
  };
}

function noteRow(rect: Tag): Row {
  const left = num(rect, 'x');
  return { y: num(rect, 'y') + num(rect, 'height') / 2, taken: () => false, note: { left, right: left + num(rect, 'width') } };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right;
}

/**
 * The fill and stroke of Mermaid's notes and the colour of their text, from its
 * stylesheet, so a label looks like a note in every theme; the default theme's when the
 * stylesheet has no such rule or a value that is not a plain colour.
 */
function noteColours(svg: string): { fill: string; stroke: string; text: string } {
  const rule = (selector: RegExp): string => selector.exec(svg)?.[1] ?? '';
  const note = rule(/\.note\s*\{([^}]*)\}/);
  const noteText = rule(/\.noteText(?:\s*,[^{]*)?\s*\{([^}]*)\}/);
  return {
    fill: colour(note, 'fill') ?? DEFAULT_FILL,
    stroke: colour(note, 'stroke') ?? DEFAULT_STROKE,
    text: colour(noteText, 'fill') ?? DEFAULT_TEXT,
  };
}

function colour(declarations: string, property: string): string | undefined {
  const value = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;!]+)`).exec(declarations)?.[1].trim();
  return value && /^(?:#[0-9a-fA-F]{3,8}|rgba?\([0-9.,\s%]+\)|hsla?\([0-9.,\s%deg]+\)|[a-zA-Z]{1,20})$/.test(value) ? value : undefined;
}

/** The root tag with its viewBox (and numeric width, and max-width) widened to [left, right], or undefined when it already holds them. */
function growViewBox(root: Tag, left: number, right: number): string | undefined {
  const box = (root.attrs.get('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length !== 4 || !box.every(Number.isFinite)) return undefined;
  const [x, y, w, h] = box;
  const grow = { left: Math.max(0, x - left), right: Math.max(0, right - (x + w)) };
  if (grow.left === 0 && grow.right === 0) return undefined;
  const added = grow.left + grow.right;
  const set: Record<string, string> = { viewBox: `${fmt(x - grow.left)} ${fmt(y)} ${fmt(w + added)} ${fmt(h)}` };
  const width = root.attrs.get('width');
  if (width !== undefined && /^\d+(\.\d+)?$/.test(width)) set.width = fmt(Number(width) + added);
  const style = root.attrs.get('style');
  if (style !== undefined) set.style = style.replace(/max-width:\s*([\d.]+)px/, (_, px: string) => `max-width: ${fmt(Number(px) + added)}px`);
  return writeTag(root, set);
}

function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
