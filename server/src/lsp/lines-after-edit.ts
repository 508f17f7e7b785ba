/**
 * The lines of a new version of a document from the lines of the one before and the
 * span of lines an edit replaced (edit-log.ts): the untouched lines are the same string
 * objects as before, and only the replaced ones are cut from the new text. The reader's
 * chunk cache then finds every untouched line by identity (document-analysis.ts).
 *
 * Only for the case where every line is a chunk of its own: no block comment spanning
 * lines before, and no `/*` or `*\/` in the replaced lines, old or new. A block
 * comment's reach depends on where the next `*\/` is, anywhere after it (the scanner),
 * so an edit that adds or removes one can change lines far from it; then, and whenever
 * the numbers do not add up, this says undefined and the whole text is split again.
 */
import type { LineEdit } from './edit-log.js';

export function linesAfterEdit(previousLines: readonly string[], previousText: string, text: string, edit: LineEdit): string[] | undefined {
  const { first, last, delta } = edit;
  const oldLast = last - delta;
  const lineCount = previousLines.length + delta;
  if (first < 0 || first > last + 1 || last >= lineCount || oldLast >= previousLines.length || oldLast < first - 1) return undefined;
  // Where line `first` starts: the text before it is the same in both versions (LF only).
  let offset = 0;
  for (let i = 0; i < first; i++) offset += previousLines[i].length + 1;
  let oldRegion = 0;
  for (let i = first; i <= oldLast; i++) {
    if (hasCommentMark(previousLines[i])) return undefined;
    oldRegion += previousLines[i].length + 1;
  }
  const lines = previousLines.slice(0, first);
  let from = offset;
  for (let i = first; i <= last; i++) {
    let end = text.indexOf('\n', from);
    if (end < 0) {
      if (i !== lineCount - 1) return undefined;
      end = text.length;
    }
    const line = text.slice(from, end);
    if (hasCommentMark(line)) return undefined;
    lines.push(line);
    from = end + 1;
  }
  // The rest must be exactly the old rest: same length (its content, the edit log says, is the same).
  const oldRestLength = previousText.length - Math.min(offset + oldRegion, previousText.length);
  const newRestLength = text.length - Math.min(from, text.length);
  if (oldRestLength !== newRestLength) return undefined;
  for (let i = oldLast + 1; i < previousLines.length; i++) lines.push(previousLines[i]);
  return lines.length === lineCount ? lines : undefined;
}

function hasCommentMark(line: string): boolean {
  return line.includes('/*') || line.includes('*/');
}
