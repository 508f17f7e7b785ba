/** LSP positions (0-based line, UTF-16 character) and CodeMirror offsets (UTF-16 too). */
import type { Text } from '@codemirror/state';
import type { Position, TextEdit } from 'vscode-languageserver-protocol';

export function toOffset(doc: Text, position: Position): number {
  if (position.line >= doc.lines) return doc.length;
  const line = doc.line(position.line + 1);
  return Math.min(line.to, line.from + position.character);
}

export function toPosition(doc: Text, offset: number): Position {
  const line = doc.lineAt(offset);
  return { line: line.number - 1, character: offset - line.from };
}

/** A TextEdit as a CodeMirror change. */
export function toChange(doc: Text, edit: TextEdit): { from: number; to: number; insert: string } {
  return { from: toOffset(doc, edit.range.start), to: toOffset(doc, edit.range.end), insert: edit.newText };
}
