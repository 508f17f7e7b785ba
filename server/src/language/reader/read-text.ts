/**
 * Text in, statements and reading diagnostics out: the one reader, used by the CLI
 * (a whole file) and the language server (a chunk of lines at a time, lsp/document-analysis.ts).
 *
 * Each logical line (one physical line, or several joined by a block comment) is one
 * statement or one syntax error: a line that does not read adds no statement, and its
 * error is the only diagnostic it gets, so a half-read statement never adds confusing
 * ones. Lines are independent: one bad line never hides the lines after it.
 */
import { say } from '../../i18n/catalogue.js';
import { readerMessages as m } from '../../i18n/messages/reader.js';
import type { Diagnostic } from '../../engine/diagnostics.js';
import type { LineAnchor } from '../../engine/anchor.js';
import type { Span, Statement } from '../../engine/model.js';
import { readLineShape } from './line-shape.js';
import { MAX_SOURCE_BYTES, MAX_TOKENS_PER_LINE } from './limits.js';
import { Scanner, type CommentSpan, type ScannedLine } from './scanner.js';
import { readingFrom, shapeToStatement, textSpan, tokenSpan } from './to-model.js';
import { utf8ByteLength } from '../utf8-length.js';

export interface ReadResult {
  readonly statements: readonly Statement[];
  /** Syntax and reading diagnostics, in source order. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Reads `text`; spans count lines from its first line, or from `anchor` (a chunk of a
 * document, whose first line may move: engine/anchor.ts).
 */
export function readText(text: string, anchor?: LineAnchor): ReadResult & { readonly comments: readonly CommentSpan[] } {
  return readingFrom(anchor, () => readWhole(text));
}

function readWhole(text: string): ReadResult & { readonly comments: readonly CommentSpan[] } {
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  const tooLarge = sizeDiagnostic(text);
  if (tooLarge) return { statements, diagnostics: [tooLarge], comments: [] };
  const scanner = new Scanner(text, MAX_TOKENS_PER_LINE);
  while (!scanner.done) {
    const statement = readScannedLine(scanner.nextLine(), text, diagnostics);
    if (statement) statements.push(statement);
  }
  return { statements, diagnostics, comments: scanner.comments };
}

/** One logical line as a statement, its diagnostics added to `diagnostics`. */
function readScannedLine(scanned: ScannedLine, source: string, diagnostics: Diagnostic[]): Statement | undefined {
  if (scanned.count > MAX_TOKENS_PER_LINE) {
    const first = scanned.tokens[0];
    diagnostics.push({
      span: textSpan(first.line, first.start, scanned.lastEnd.line, scanned.lastEnd.column),
      severity: 'error', code: 'syntax',
      message: say(m.overlongLine, { tokens: scanned.count.toLocaleString('en'), max: MAX_TOKENS_PER_LINE.toLocaleString('en') }),
    });
    return undefined;
  }
  const reading = readLineShape(scanned.tokens, source);
  if ('empty' in reading) return undefined;
  if ('error' in reading) {
    const { at, to, message } = reading.error;
    const span: Span = at ? tokenSpan(at, to ?? at) : textSpan(scanned.endLine, scanned.endColumn, scanned.endLine, scanned.endColumn);
    diagnostics.push({ span, severity: 'error', code: 'syntax', message });
    return undefined;
  }
  return shapeToStatement(reading.shape, source, diagnostics);
}

/** One diagnostic for a document over MAX_SOURCE_BYTES, which is then not read at all. */
export function sizeDiagnostic(text: string): Diagnostic | undefined {
  // UTF-8 takes at most three bytes per UTF-16 unit: most texts need no count.
  if (text.length * 3 <= MAX_SOURCE_BYTES) return undefined;
  const bytes = utf8ByteLength(text);
  if (bytes <= MAX_SOURCE_BYTES) return undefined;
  return {
    span: { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 },
    severity: 'error', code: 'syntax',
    message: say(m.documentTooLarge, { size: (bytes / 1024 / 1024).toFixed(1), max: String(MAX_SOURCE_BYTES / 1024 / 1024) }),
  };
}
