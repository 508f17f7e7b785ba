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
  const splitter = new ChunkSplitter(text);
  splitter.advance(Infinity);
  return { chunks: splitter.chunks, lines: splitter.lines, blockComments: splitter.blockComments() };
}

/**
 * splitChunks in steps, so that the language server can split a document of many
 * megabytes a slice at a time and answer other requests between slices: `advance(n)`
 * does at most n lines' worth of work (a line split, or a chunk cut) and says whether
 * it is done. Keeps no clock: the caller decides how much a slice holds. A chunk that is
 * one block comment over many lines counts as one unit of work.
 */
export class ChunkSplitter {
  readonly lines: string[] = [];
  readonly chunks: Chunk[] = [];
  private readonly starts: number[] = [];
  /** Without a CR anywhere, indexOf finds each line end (far faster than a loop over characters). */
  readonly lfOnly: boolean;
  /** Where the next line starts, while splitting lines; -1 once every line is split. */
  private from = 0;
  /** The first line of the next chunk, once every line is split. */
  private line = 0;
  private scanner?: Scanner;

  constructor(private readonly text: string) {
    this.lfOnly = !text.includes('\r');
  }

  advance(budget: number): boolean {
    for (; budget > 0 && this.from >= 0; budget--) this.splitLine();
    for (; budget > 0 && this.from < 0 && this.line < this.lines.length; budget--) this.cutChunk();
    return this.from < 0 && this.line >= this.lines.length;
  }

  /** Block comments that span more than one line, as [first line, last line] (once done). */
  blockComments(): Array<[number, number]> {
    return (this.scanner?.comments ?? []).filter((c) => c.endLine > c.startLine).map((c): [number, number] => [c.startLine, c.endLine]);
  }

  private splitLine(): void {
    const { text, from } = this;
    this.starts.push(from);
    let i = this.lfOnly ? text.indexOf('\n', from) : from;
    if (i < 0) i = text.length;
    else if (!this.lfOnly) while (i < text.length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
    this.lines.push(text.slice(from, i));
    this.from = i >= text.length ? -1 : i + (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1);
  }

  private cutChunk(): void {
    const { lines, starts, line } = this;
    let endLine = line;
    if (lines[line].includes('/*')) {
      this.scanner ??= new Scanner(this.text, 0);
      this.scanner.seek(starts[line], line);
      endLine = this.scanner.nextLine().endLine;
    }
    // A chunk's text is its lines without the last line break: a one-line chunk is its line's own string.
    const chunkText = endLine === line ? lines[line] : this.text.slice(starts[line], starts[endLine] + lines[endLine].length);
    this.chunks.push({ startLine: line, lineCount: endLine - line + 1, text: chunkText });
    this.line = endLine + 1;
  }
}
