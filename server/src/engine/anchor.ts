/**
 * Positions that follow their lines. The language server reads a document in chunks of
 * lines (lsp/document-analysis.ts) and gives each chunk a LineAnchor: the chunk's first
 * line, which the reader updates in place when an edit above moves the chunk. Spans read
 * from the chunk count their lines from the anchor, and the engine's steps, explanations
 * and messages that name a line read it through such a span when they are read. So an
 * edit that only moves lines changes one number per moved chunk, and nothing inside the
 * engine's previous run (statements, steps, diagnostics) has to be copied or moved: the
 * absolute line is computed at the edge, when a feature, the diagram or the CLI reads it.
 * (rust-analyzer keeps its ranges relative in the same spirit.)
 *
 * The computed values are getters, not methods: every consumer keeps reading
 * `span.startLine`, `step.line` or `diagnostic.message`. A span's are own enumerable
 * properties, so JSON output and deep-equality checks see plain values.
 */
import type { Span } from './model.js';

/** Where a chunk of lines starts in the document (a chunk that left the document keeps its last line; see samePlace). */
export class LineAnchor {
  constructor(public line: number) {}
}

/** A span counted from an anchor; reads as any Span. */
class AnchoredSpan implements Span {
  readonly #anchor: LineAnchor;
  readonly #startRow: number;
  readonly #endRow: number;
  declare readonly startLine: number;
  declare readonly startColumn: number;
  declare readonly endLine: number;
  declare readonly endColumn: number;

  // Shared descriptors: defining a getter costs no new function per span.
  static readonly #startLine: PropertyDescriptor = { enumerable: true, get(this: AnchoredSpan) { return this.#anchor.line + this.#startRow; } };
  static readonly #endLine: PropertyDescriptor = { enumerable: true, get(this: AnchoredSpan) { return this.#anchor.line + this.#endRow; } };

  constructor(anchor: LineAnchor, startRow: number, startColumn: number, endRow: number, endColumn: number) {
    this.#anchor = anchor;
    this.#startRow = startRow;
    this.#endRow = endRow;
    // The order of a plain span's keys, so that deep comparisons with one agree.
    Object.defineProperty(this, 'startLine', AnchoredSpan.#startLine);
    (this as { startColumn: number }).startColumn = startColumn;
    Object.defineProperty(this, 'endLine', AnchoredSpan.#endLine);
    (this as { endColumn: number }).endColumn = endColumn;
  }

  /**
   * Whether `other` is the same place for good: on the same anchor, the same rows and
   * columns. A span of a chunk that left the document and one of a chunk in it may show
   * the same line now and differ after the next edit, which moves only the second.
   */
  samePlace(other: AnchoredSpan): boolean {
    return this.#anchor === other.#anchor && this.#startRow === other.#startRow && this.#endRow === other.#endRow
      && this.startColumn === other.startColumn && this.endColumn === other.endColumn;
  }

  /** The columns `from`…`to` of this one's last line, following the same anchor. */
  onLastLine(from: number, to: number): Span {
    return new AnchoredSpan(this.#anchor, this.#endRow, from, this.#endRow, to);
  }

  /** A zero-width span on this one's last line, at `column`, following the same anchor. */
  end(column: number): Span {
    return new AnchoredSpan(this.#anchor, this.#endRow, column, this.#endRow, column);
  }
}

/**
 * For deep comparisons of what a run knows (run-state.ts, sameData): undefined unless
 * one of the two is an anchored span, else whether they are the same place for good.
 */
export function sameAnchoredPlace(a: object, b: object): boolean | undefined {
  if (!(a instanceof AnchoredSpan) && !(b instanceof AnchoredSpan)) return undefined;
  return a instanceof AnchoredSpan && b instanceof AnchoredSpan && a.samePlace(b);
}

/** A span `startRow`…`endRow` lines below `anchor`'s line; a plain span when there is no anchor (a whole file read at once). */
export function spanAt(anchor: LineAnchor | undefined, startRow: number, startColumn: number, endRow: number, endColumn: number): Span {
  return anchor
    ? new AnchoredSpan(anchor, startRow, startColumn, endRow, endColumn)
    : { startLine: startRow, startColumn, endLine: endRow, endColumn };
}

/** A zero-width span on `span`'s last line, at its end or at `column`, following `span`'s anchor if it has one. */
export function endOf(span: Span, column = span.endColumn): Span {
  return span instanceof AnchoredSpan
    ? span.end(column)
    : { startLine: span.endLine, startColumn: column, endLine: span.endLine, endColumn: column };
}

/** The whole of `span`'s last line (to a fix, the line's text), following `span`'s anchor if it has one. */
export function wholeLineOf(span: Span): Span {
  return span instanceof AnchoredSpan
    ? span.onLastLine(0, Number.MAX_SAFE_INTEGER)
    : { startLine: span.endLine, startColumn: 0, endLine: span.endLine, endColumn: Number.MAX_SAFE_INTEGER };
}

/** The start of the (last) line of `span`, zero-width: where a fix inserts a line before it. */
export function lineStartOf(span: Span): Span {
  return span instanceof AnchoredSpan
    ? span.onLastLine(0, 0)
    : { startLine: span.endLine, startColumn: 0, endLine: span.endLine, endColumn: 0 };
}
