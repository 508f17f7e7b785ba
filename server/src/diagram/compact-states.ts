/**
 * States beside the lifelines: Mermaid gives every note a row of its own, so a diagram
 * with a state note after every line was mostly yellow boxes. This pure function takes
 * the SVG Mermaid drew (after slope.ts) and the state plan of its text (state-plan.ts),
 * and redraws each state-change note as a small label on its participant's lifeline,
 * right under the row where the change happens; the space its row took is closed up
 * (what lies below moves up), and two states changed by one line share one row.
 *
 * Like slope.ts it works on the SVG text, so it runs the same in the webviews, the
 * CLI's Node process and the tests, and it writes only numbers and fixed attribute
 * names into opening tags: a note's text is never read or written (it stays the text
 * Mermaid escaped), only where it sits and its font size. When the SVG holds something
 * it does not know how to move (a self-message's path, a loop's polygon) or fewer notes
 * than the plan names, it is returned as it is: every state still shown, in full rows.
 */
import type { StateNote } from './state-plan.js';
import { fmt, num, readTag, textWidth, withEdits, type Tag } from './svg-tags.js';

/** Height (px) of a state label, its font size, and the room it leaves under the row above it. */
export const LABEL_HEIGHT = 18;
const LABEL_FONT_PX = 12;
const LABEL_GAP = 4;
/** The space Mermaid leaves above a note (its `boxMargin`), which the label row keeps. */
const NOTE_MARGIN = 10;
/** Mean width (px) of a character at LABEL_FONT_PX, and the label's padding. */
const CHARACTER_WIDTH = 7;
const LABEL_PADDING = 12;

interface Note {
  readonly rect: Tag;
  readonly texts: Tag[];
  readonly tspans: Tag[];
}

/** A stretch [from, to) of the original drawing's height that the compact drawing leaves out. */
interface Cut {
  readonly from: number;
  readonly to: number;
}

const OPENING_TAG = /<(svg|rect|text|tspan|line|path|polygon)\b([^>]*)>/g;

export function compactStates(svg: string, plan: readonly StateNote[]): string {
  if (plan.length === 0) return svg;
  const tags: Tag[] = [];
  const notes: Note[] = [];
  const lifelines = new Map<string, number>();
  let text: 'note' | 'other' | undefined;
  for (const match of svg.matchAll(OPENING_TAG)) {
    const tag = readTag(match);
    const classes = (tag.attrs.get('class') ?? '').split(/\s+/);
    // Shapes this function does not move: leave the drawing as Mermaid made it.
    if (tag.name === 'polygon' || (tag.name === 'path' && classes.some((c) => c.startsWith('messageLine')))) return svg;
    if (tag.name === 'path') continue;
    tags.push(tag);
    if (tag.name === 'rect' && classes.includes('note')) notes.push({ rect: tag, texts: [], tspans: [] });
    else if (tag.name === 'text') {
      text = classes.includes('noteText') ? 'note' : 'other';
      if (text === 'note') notes[notes.length - 1]?.texts.push(tag);
    } else if (tag.name === 'tspan' && text === 'note') notes[notes.length - 1]?.tspans.push(tag);
    else if (tag.name === 'line' && classes.includes('actor-line')) {
      const id = tag.attrs.get('data-id');
      if (id !== undefined && !lifelines.has(id)) lifelines.set(id, num(tag, 'x1'));
    }
  }
  if (plan.some((p) => p.note >= notes.length)) return svg;

  // Labels in rows: a state note right under another one of the same line (on another lifeline) shares its row.
  const cuts: Cut[] = [];
  const labels: Array<{ note: Note; x: number; top: number }> = [];
  let row: { top: number; bottom: number; lifelines: Set<string>; lastNote: number } | undefined;
  for (const entry of plan) {
    const note = notes[entry.note];
    const x = lifelines.get(entry.lifeline);
    const y = num(note.rect, 'y');
    const height = num(note.rect, 'height');
    if (x === undefined || note.texts.length !== 1 || ![x, y, height].every(Number.isFinite)) continue;
    const joins = row !== undefined && entry.note === row.lastNote + 1 && Math.abs(row.bottom + NOTE_MARGIN - y) < 1 && !row.lifelines.has(entry.lifeline);
    if (joins && row) {
      cuts.push({ from: y - NOTE_MARGIN, to: y + height });
      row.lifelines.add(entry.lifeline);
      row.bottom = y + height;
      row.lastNote = entry.note;
    } else {
      const top = y - NOTE_MARGIN + LABEL_GAP;
      cuts.push({ from: top + LABEL_HEIGHT, to: y + height });
      row = { top, bottom: y + height, lifelines: new Set([entry.lifeline]), lastNote: entry.note };
    }
    labels.push({ note, x, top: row.top });
  }
  if (labels.length === 0) return svg;
  const shift = heightMap(cuts);

  const edits = new Map<Tag, Record<string, string>>();
  for (const { note, x, top } of labels) {
    const width = textWidth(svg, note.texts[0], CHARACTER_WIDTH) + LABEL_PADDING;
    const y = shift(top);
    edits.set(note.rect, { x: fmt(x - width / 2), y: fmt(y), width: fmt(width), height: fmt(LABEL_HEIGHT), rx: '4', ry: '4' });
    const style = note.texts[0].attrs.get('style') ?? '';
    edits.set(note.texts[0], {
      x: fmt(x), y: fmt(y + LABEL_HEIGHT / 2), dy: '0',
      style: /font-size:\s*[\d.]+px/.test(style) ? style.replace(/font-size:\s*[\d.]+px/, `font-size: ${LABEL_FONT_PX}px`) : `${style}${style && !style.trimEnd().endsWith(';') ? ';' : ''} font-size: ${LABEL_FONT_PX}px`,
    });
    for (const tspan of note.tspans) edits.set(tspan, { x: fmt(x) });
  }
  const removed = cuts.reduce((sum, c) => sum + (c.to - c.from), 0);
  for (const tag of tags) {
    if (edits.has(tag)) continue;
    const moved = movedAttributes(tag, shift, removed);
    if (moved) edits.set(tag, moved);
  }

  return withEdits(svg, [...edits]);
}

/** Where a height `y` of the original drawing lies once the cuts are left out. */
export function heightMap(cuts: readonly Cut[]): (y: number) => number {
  const sorted = cuts.filter((c) => c.to > c.from).sort((a, b) => a.from - b.from);
  return (y) => {
    let out = y;
    for (const c of sorted) {
      if (y <= c.from) break;
      out -= Math.min(y, c.to) - c.from;
    }
    return out;
  };
}

/** The vertical attributes of a tag moved by `shift`; undefined when it has none that move. */
function movedAttributes(tag: Tag, shift: (y: number) => number, removed: number): Record<string, string> | undefined {
  const set: Record<string, string> = {};
  const move = (name: string) => {
    const value = num(tag, name);
    if (Number.isFinite(value) && shift(value) !== value) set[name] = fmt(shift(value));
  };
  switch (tag.name) {
    case 'svg': {
      const height = num(tag, 'height');
      if (Number.isFinite(height)) set.height = fmt(height - removed);
      const box = (tag.attrs.get('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
      if (box.length === 4 && box.every(Number.isFinite)) set.viewBox = [box[0], box[1], box[2], box[3] - removed].map(fmt).join(' ');
      break;
    }
    case 'rect': {
      const y = num(tag, 'y');
      const height = num(tag, 'height');
      if (Number.isFinite(y) && Number.isFinite(height)) {
        const top = shift(y);
        if (top !== y) set.y = fmt(top);
        if (shift(y + height) - top !== height) set.height = fmt(shift(y + height) - top);
      }
      break;
    }
    case 'line':
      move('y1');
      move('y2');
      break;
    case 'text':
    case 'tspan': {
      move('y');
      // A label slope.ts turned along its arrow: its centre of rotation moves with it.
      const rotate = /^rotate\(([-\d.]+) ([-\d.]+) ([-\d.]+)\)$/.exec(tag.attrs.get('transform') ?? '');
      if (rotate && shift(Number(rotate[3])) !== Number(rotate[3])) set.transform = `rotate(${rotate[1]} ${rotate[2]} ${fmt(shift(Number(rotate[3])))})`;
      break;
    }
  }
  return Object.keys(set).length > 0 ? set : undefined;
}
