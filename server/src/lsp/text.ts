/** Small conversions between the engine's spans and LSP positions, and word lookups in a line. */
import type { Position, Range } from 'vscode-languageserver';
import type { Span } from '../engine/model.js';

/** The span as an LSP range, with columns past a line's end (e.g. MAX_SAFE_INTEGER) clamped to it. */
export function toRange(span: Span, lines: readonly string[]): Range {
  const clamp = (line: number, column: number) => Math.max(0, Math.min(column, (lines[line] ?? '').length));
  return {
    start: { line: span.startLine, character: clamp(span.startLine, span.startColumn) },
    end: { line: span.endLine, character: clamp(span.endLine, span.endColumn) },
  };
}

/** Whether `pos` lies in the span, both ends included (a cursor just after a word is on it). */
export function spanContains(span: Span, pos: Position): boolean {
  if (pos.line < span.startLine || pos.line > span.endLine) return false;
  if (pos.line === span.startLine && pos.character < span.startColumn) return false;
  if (pos.line === span.endLine && pos.character > span.endColumn) return false;
  return true;
}

export function rangeContains(range: Range, pos: Position): boolean {
  return spanContains({ startLine: range.start.line, startColumn: range.start.character, endLine: range.end.line, endColumn: range.end.character }, pos);
}

export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** The identifier-like word (`[A-Za-z0-9_-]`, so `SYN-SENT` is one word) around a column, if any. */
export function wordAt(line: string, character: number, pattern = /[A-Za-z0-9_-]/): { text: string; start: number; end: number } | undefined {
  let start = character;
  while (start > 0 && pattern.test(line[start - 1])) start--;
  let end = character;
  while (end < line.length && pattern.test(line[end])) end++;
  return end > start ? { text: line.slice(start, end), start, end } : undefined;
}
