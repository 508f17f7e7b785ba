/**
 * Lexer and parser errors as `syntax` diagnostics, one per line, in words a user
 * reads: token type names become what they look like.
 */
import type { ILexingError, IRecognitionException } from 'chevrotain';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Span } from '../engine/model.js';
import { isKeywordName } from './keyword-names.js';

const TOKEN_WORDS: Record<string, string> = {
  NL: 'end of line',
  ID: 'a name',
  INT: 'a number',
  STRING: 'a quoted string',
  OTHER: 'a symbol',
  EOF: 'end of file',
};

function humanize(message: string): string {
  return message
    .replace(/Expecting: one of these possible Token sequences:[\s\S]*?but found:/, 'Unexpected')
    .replace(/Expecting token of type '([^']+)' but found/g, (_, t: string) => `Expected ${TOKEN_WORDS[t] ?? `'${t}'`} but found`)
    .replace(/Expecting: expecting at least one iteration[^]*?but found:/, 'Unexpected')
    .replace(/--> (\w+) <--/g, (_, t: string) => TOKEN_WORDS[t] ?? t)
    .replace(/`\r?\n`/g, 'end of line')
    .replace(/\s+/g, ' ')
    .trim();
}

function lineEnd(text: string, line: number): number {
  const lines = text.split(/\r\n|\r|\n/);
  return (lines[line] ?? '').length;
}

/** Tokens the grammar's Junk rule collected: text that cannot start a statement. */
export interface JunkRun {
  readonly span: Span;
  readonly text: string;
}

export function syntaxDiagnostics(
  lexerErrors: readonly ILexingError[],
  parserErrors: readonly IRecognitionException[],
  text: string,
  junk: readonly JunkRun[] = [],
): Diagnostic[] {
  const byLine = new Map<number, Diagnostic>();
  const add = (span: Span, message: string) => {
    if (!byLine.has(span.startLine)) {
      byLine.set(span.startLine, { span, severity: 'error', code: 'syntax', message });
    }
  };
  for (const error of lexerErrors) {
    const line = (error.line ?? 1) - 1;
    const column = (error.column ?? 1) - 1;
    add({ startLine: line, startColumn: column, endLine: line, endColumn: column + (error.length || 1) }, humanize(error.message));
  }
  const lastLine = text.split(/\r\n|\r|\n/).length - 1;
  for (const error of parserErrors) {
    const token = error.token;
    let span: Span;
    if (token && Number.isFinite(token.startLine) && token.tokenType?.name !== 'NL') {
      const line = token.startLine! - 1;
      span = { startLine: line, startColumn: token.startColumn! - 1, endLine: token.endLine! - 1, endColumn: token.endColumn! };
    } else if (token && Number.isFinite(token.startLine)) {
      // The line ended too early: point at its end.
      const line = token.startLine! - 1;
      span = { startLine: line, startColumn: Math.max(0, token.startColumn! - 1), endLine: line, endColumn: Math.max(0, token.startColumn! - 1) };
    } else {
      const prev = (error as IRecognitionException & { previousToken?: IRecognitionException['token'] }).previousToken;
      const line = prev && Number.isFinite(prev.endLine) ? prev.endLine! - 1 : lastLine;
      const end = lineEnd(text, line);
      span = { startLine: line, startColumn: end, endLine: line, endColumn: end };
    }
    add(span, `Cannot read this line: ${humanize(error.message)}`);
  }
  for (const run of junk) {
    if (run.text.startsWith('/*')) {
      add(run.span, 'Cannot read this line: this `/*` is never closed: end the comment with `*/`.');
      continue;
    }
    if (isKeywordName(run.text)) {
      // `left garbage`: a word the grammar uses, which is a name only before `:` or an arrow (keyword-names.ts).
      add(run.span, `Cannot read this line: \`${run.text}\` does not start a statement here. As a participant name, write \`${run.text}: CALL\` or \`${run.text} -> PEER : FLAGS\`.`);
      continue;
    }
    add(run.span, `Cannot read this line: \`${run.text.length > 40 ? run.text.slice(0, 40) + '…' : run.text}\` does not start a statement (a participant name, participant, note, expect, deliver or scenario).`);
  }
  return [...byLine.values()].sort((a, b) => a.span.startLine - b.span.startLine);
}
