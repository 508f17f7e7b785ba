/**
 * A text as chunks of whole lines for the language server's incremental reading
 * (lsp/document-analysis.ts): each chunk is one logical line, so it reads on its own and
 * its result can be cached by its text. Only a block comment joins physical lines, and
 * only a line holding `/*` can open one, so other lines are cut at their line break
 * without being scanned; the others are scanned by the reader's own scanner.
 */
import { Scanner } from './scanner.js';

export interface Chunk {
  readonly startLine: number;
  readonly lineCount: number;
  readonly text: string;
}

export function splitChunks(text: string): { chunks: Chunk[]; lines: string[]; blockComments: Array<[number, number]> } {
  const starts: number[] = [];
  const lines: string[] = [];
  // Without a CR anywhere, indexOf finds each line end (far faster than a loop over characters).
  const lfOnly = !text.includes('\r');
  let from = 0;
  for (;;) {
    starts.push(from);
    let i = lfOnly ? text.indexOf('\n', from) : from;
    if (i < 0) i = text.length;
    else if (!lfOnly) while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    lines.push(text.slice(from, i));
    if (i >= text.length) break;
    from = i + (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1);
  }
  const chunks: Chunk[] = [];
  let scanner: Scanner | undefined;
  let line = 0;
  while (line < lines.length) {
    let endLine = line;
    if (lines[line].includes('/*')) {
      scanner ??= new Scanner(text, 0);
      scanner.seek(starts[line], line);
      endLine = scanner.nextLine().endLine;
    }
    // A chunk's text is its lines without the last line break: a one-line chunk is its line's own string.
    const chunkText = endLine === line ? lines[line] : text.slice(starts[line], starts[endLine] + lines[endLine].length);
    chunks.push({ startLine: line, lineCount: endLine - line + 1, text: chunkText });
    line = endLine + 1;
  }
  const blockComments = (scanner?.comments ?? []).filter((c) => c.endLine > c.startLine).map((c): [number, number] => [c.startLine, c.endLine]);
  return { chunks, lines, blockComments };
}
