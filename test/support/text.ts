/** Text helpers every kind of test uses: indented scenarios, and edits applied as an editor applies them. */

/** Strips the common indentation of a template literal, so scenarios can be indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A 0-based line and character (LSP's Position). */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

export interface PositionedEdit {
  readonly start: TextPosition;
  readonly end: TextPosition;
  readonly newText: string;
}

/**
 * Applies non-overlapping edits whose positions all refer to the original text (LSP's
 * rule). Lines end at \n, \r\n or \r; a character past the end of its line means the
 * line's end, a line past the last means the end of the text.
 */
export function applyPositionedEdits(text: string, edits: readonly PositionedEdit[]): string {
  const starts = [0];
  const ends: number[] = [];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(text.length);
  const offset = (p: TextPosition) => (p.line >= starts.length ? text.length : Math.min(starts[p.line] + p.character, ends[p.line]));
  const sorted = [...edits].sort((a, b) => offset(b.start) - offset(a.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.start)) + e.newText + out.slice(offset(e.end));
  return out;
}
