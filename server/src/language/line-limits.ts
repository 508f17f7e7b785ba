/**
 * A bound on the tokens of one line, applied between the lexer and the parser.
 *
 * Why: parsing costs a few microseconds per token, so a single line of a million
 * one-character tokens (`!!!!…`, `w w w …`, `seq=J+1+1+…`, pasted binary) took 2–9 s,
 * over the language server's 2 s budget per document, although no scenario line has
 * more than a few dozen tokens. A line over the bound is left out of the parse (its
 * end-of-line token stays, so it reads as an empty line) and reported in its place, in
 * the CLI and the editor alike. Lexing itself is linear and cheap, and lines of long
 * tokens (a 1 MB name, string or comment) are not affected.
 */
import type { ILexingError, IToken } from 'chevrotain';
import type { LexerResult } from 'langium';

/** Far above any real line (a segment line has about 10–30 tokens). */
export const MAX_TOKENS_PER_LINE = 10_000;

/** The message of the error that stands for a skipped line. */
export function overlongLineMessage(tokens: number): string {
  return `This line has ${tokens.toLocaleString('en')} words and symbols; tcpflow reads lines of at most ${MAX_TOKENS_PER_LINE.toLocaleString('en')}, so it skipped this one. Split it, or remove what was pasted by mistake.`;
}

interface OverlongLine {
  /** 1-based, as chevrotain counts. */
  readonly line: number;
  readonly tokens: number;
  readonly startOffset: number;
  readonly startColumn: number;
  readonly endOffset: number;
}

/**
 * `result` without the tokens of lines that have more than `max` of them (end-of-line
 * tokens excepted), with one lexer error per such line instead of whatever errors the
 * lexer found on it. Returns `result` itself when no line is over.
 */
export function withoutOverlongLines(result: LexerResult, isLineEnd: (token: IToken) => boolean, max = MAX_TOKENS_PER_LINE): LexerResult {
  if (result.tokens.length <= max) return result; // no line can be over
  const overlong = findOverlongLines(result.tokens, isLineEnd, max);
  if (overlong.length === 0) return result;
  const skipped = new Set(overlong.map((l) => l.line));
  const keep = (token: IToken) => isLineEnd(token) || !skipped.has(token.startLine ?? 0);
  const errors: ILexingError[] = result.errors.filter((e) => !skipped.has(e.line ?? 0));
  for (const l of overlong) {
    errors.push({ offset: l.startOffset, line: l.line, column: l.startColumn, length: l.endOffset - l.startOffset + 1, message: overlongLineMessage(l.tokens) });
  }
  errors.sort((a, b) => a.offset - b.offset);
  return { ...result, tokens: result.tokens.filter(keep), hidden: result.hidden.filter(keep), errors };
}

/** Tokens come in text order, so each line's tokens are one run. */
function findOverlongLines(tokens: readonly IToken[], isLineEnd: (token: IToken) => boolean, max: number): OverlongLine[] {
  const found: OverlongLine[] = [];
  let first: IToken | undefined; // of the current line's run
  let last: IToken | undefined;
  let count = 0;
  const close = () => {
    if (first && last && count > max) {
      found.push({ line: first.startLine ?? 0, tokens: count, startOffset: first.startOffset, startColumn: first.startColumn ?? 1, endOffset: last.endOffset ?? first.startOffset });
    }
  };
  for (const token of tokens) {
    if (isLineEnd(token)) continue;
    if (token.startLine !== first?.startLine) {
      close();
      first = token;
      count = 0;
    }
    last = token;
    count++;
  }
  close();
  return found;
}
