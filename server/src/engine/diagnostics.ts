/**
 * Diagnostics as the engine and the model adapter report them, with the stable codes
 * of the language contract (§4.1) and the text edits that fix them.
 */
import { endOf } from './anchor.js';
import type { Span } from './model.js';

export type Severity = 'error' | 'warning' | 'info';

/** Contract §4.1 codes, then codes this implementation adds. */
export type DiagnosticCode =
  | 'syntax'
  | 'send-not-allowed'
  | 'bad-seq'
  | 'bad-ack'
  | 'call-not-allowed'
  | 'expect-failed'
  | 'unknown-tag'
  | 'mixed-seq-space'
  | 'multiple-peers'
  | 'state-spelling'
  | 'ack-without-flag'
  | 'never-delivered'
  | 'unknown-option'
  // Added by this implementation:
  | 'unknown-flag'
  | 'unknown-call'
  | 'unknown-state'
  | 'bad-field'
  | 'missing-tag'
  | 'duplicate-tag'
  | 'duplicate-participant'
  | 'misplaced-title'
  | 'self-segment'
  | 'missing-field'
  // Information:
  | 'owed-reply';

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A quick fix: a titled set of edits to the source. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants (an editor may apply it on save / with one key). */
  readonly preferred?: boolean;
}

export interface Diagnostic {
  readonly span: Span;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /**
   * The engine went on as if the line were what the preferred fix makes it (one mistake,
   * one error: docs/semantics.md, "After an error"); the hover says so.
   */
  readonly recovered?: boolean;
}

/** A zero-width span at the start of a line, for inserting a whole line before it. */
export function lineStart(line: number): Span {
  return { startLine: line, startColumn: 0, endLine: line, endColumn: 0 };
}

/** A zero-width span at a span's end (following the span's line when that moves: engine/anchor.ts). */
export function spanEnd(span: Span): Span {
  return endOf(span);
}
