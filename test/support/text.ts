/** Text helpers every kind of test uses: indented scenarios, and edits applied as an editor applies them. */
import { TextDocument } from 'vscode-languageserver-textdocument';

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
 * rule), with the library the language server keeps its documents in: lines end at \n,
 * \r\n or \r; a character past the end of its line means the line's end, a line past the
 * last means the end of the text.
 */
export function applyPositionedEdits(text: string, edits: readonly PositionedEdit[]): string {
  const document = TextDocument.create('file:///edited.tcpflow', 'tcpflow', 0, text);
  return TextDocument.applyEdits(document, edits.map(({ start, end, newText }) => ({ range: { start, end }, newText })));
}
