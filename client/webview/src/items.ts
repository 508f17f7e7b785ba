/**
 * Ties the drawn SVG back to source lines: Mermaid draws one `text.messageText` and one
 * `.messageLine0/1` per arrow and one `rect.note` (in its own `<g>`) per note, in the
 * order of the diagram source, which is the order of the render message's `messages`
 * and `notes`. Each such element gets `data-line` (and `data-kind`), a wider invisible
 * hit area for the thin arrow lines, and can be highlighted.
 */
import type { PreviewItem } from '../../src/preview/messages.js';

const HIGHLIGHT = 'tcpflow-highlight';

export interface IndexResult {
  /** False when the SVG does not hold as many arrows/notes as announced (nothing is linked then). */
  readonly messagesLinked: boolean;
  readonly notesLinked: boolean;
}

/** Marks every arrow and note of `svg` with its source line. */
export function indexItems(svg: SVGSVGElement, messages: readonly PreviewItem[], notes: readonly PreviewItem[]): IndexResult {
  const texts = Array.from(svg.querySelectorAll<SVGElement>('text.messageText'));
  const lines = Array.from(svg.querySelectorAll<SVGElement>('.messageLine0, .messageLine1'));
  const messagesLinked = texts.length === messages.length && lines.length === messages.length;
  if (messagesLinked) {
    messages.forEach((item, i) => {
      mark(texts[i], item, 'message');
      mark(lines[i], item, 'message');
      if (item.line >= 0) lines[i].after(hitArea(lines[i], item));
    });
  }
  const noteRects = Array.from(svg.querySelectorAll<SVGElement>('rect.note'));
  const notesLinked = noteRects.length === notes.length;
  if (notesLinked) {
    notes.forEach((item, i) => {
      const group = noteRects[i].parentElement;
      if (group instanceof SVGGElement) mark(group, item, 'note');
    });
  }
  return { messagesLinked, notesLinked };
}

function mark(element: Element, item: PreviewItem, kind: 'message' | 'note'): void {
  if (item.line < 0) return;
  element.setAttribute('data-line', String(item.line));
  if (item.deliveredOn !== undefined) element.setAttribute('data-delivered-on', String(item.deliveredOn));
  element.setAttribute('data-kind', kind);
  element.classList.add('tcpflow-item');
}

/** A transparent, wide copy of an arrow's line, so it can be clicked. */
function hitArea(line: SVGElement, item: PreviewItem): SVGElement {
  const hit = line.cloneNode(false) as SVGElement;
  hit.removeAttribute('marker-end');
  hit.removeAttribute('marker-start');
  hit.removeAttribute('style');
  hit.removeAttribute('id');
  hit.setAttribute('class', 'tcpflow-hit');
  hit.setAttribute('data-line', String(item.line));
  return hit;
}

/** The source line of the arrow or note under a click, if any. */
export function lineAt(target: EventTarget | null): number | undefined {
  if (!(target instanceof Element)) return undefined;
  const item = target.closest('[data-line]');
  if (!item) return undefined;
  const line = Number(item.getAttribute('data-line'));
  return Number.isInteger(line) && line >= 0 ? line : undefined;
}

/**
 * Highlights the arrows and notes of `line` (an in-flight arrow also for its `deliver`
 * line) and returns the first one, or clears every highlight for null.
 */
export function highlightLine(svg: SVGSVGElement | null, line: number | null): Element | undefined {
  if (!svg) return undefined;
  for (const el of Array.from(svg.querySelectorAll(`.${HIGHLIGHT}`))) el.classList.remove(HIGHLIGHT);
  if (line === null) return undefined;
  const hits = Array.from(svg.querySelectorAll(`.tcpflow-item[data-line="${line}"], .tcpflow-item[data-delivered-on="${line}"]`));
  for (const el of hits) el.classList.add(HIGHLIGHT);
  return hits[0];
}
