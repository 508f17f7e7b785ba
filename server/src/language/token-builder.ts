/**
 * The lexer's tokens, with one change to Langium's defaults: block comments are
 * matched by a function instead of the grammar's regex.
 *
 * A regex for `/* … *\/` scans to the end of the text whenever a `/*` has no closer, and
 * the lexer tries it again at every later `/*`: a file with many unclosed openers lexes
 * in quadratic time. The matcher below remembers the earliest offset from which no `*\/`
 * follows, so each unclosed opener costs O(1) after the first. An unclosed `/*` is then
 * not a comment: it lexes as ordinary characters and its line gets a syntax error
 * (the lines after it are still read).
 */
import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import type { CustomPatternMatcherFunc, TokenType } from 'chevrotain';

export class TcpflowTokenBuilder extends DefaultTokenBuilder {
  protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
    const token = super.buildTerminalToken(terminal);
    if (terminal.name !== 'ML_COMMENT') return token;
    return { ...token, PATTERN: blockCommentMatcher(), LINE_BREAKS: true, START_CHARS_HINT: ['/'] };
  }
}

export function blockCommentMatcher(): CustomPatternMatcherFunc {
  let lastText: string | undefined;
  /** No `*\/` occurs at or after this offset in lastText. */
  let noCloserFrom = Infinity;
  return (text, offset) => {
    if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) return null;
    if (text !== lastText) {
      lastText = text;
      noCloserFrom = Infinity;
    }
    if (offset + 2 >= noCloserFrom) return null;
    const close = text.indexOf('*/', offset + 2);
    if (close < 0) {
      noCloserFrom = offset + 2;
      return null;
    }
    return [text.slice(offset, close + 2)] as unknown as RegExpExecArray;
  };
}
