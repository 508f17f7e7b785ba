/**
 * The lexer, with three changes to Langium's: a line with too many tokens to parse in
 * time is left out of the parse and reported instead (line-limits.ts); a keyword that
 * stands where a name stands becomes a name (keyword-names.ts); and the object literal
 * each token is made from.
 *
 * Why: chevrotain creates its end-of-file and error-recovery tokens with NaN
 * positions, from a literal with the same keys in the same order as its lexed tokens,
 * and V8 gives all such literals one hidden class. After the first NaN, that class
 * stores the six position fields as boxed doubles, so each lexed token cost seven heap
 * objects instead of one, and every range Langium derived from it inherited the boxes.
 * A 10,000-line scenario lexes ~330,000 tokens that all live until the parse ends: the
 * garbage collector copied those boxes several times per parse. Listing the keys in
 * another order gives lexed tokens a hidden class of their own, in which small
 * integers stay unboxed. (A literal rather than a class: V8 can then allocate these
 * long-lived objects straight into the old generation.) The fields and their values
 * are chevrotain's own.
 */
import type { IToken, TokenType } from 'chevrotain';
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import { KeywordNames } from './keyword-names.js';
import { withoutOverlongLines } from './line-limits.js';

/** chevrotain's Lexer.createFullToken, to the letter, with the keys in another order. */
export function createLexedToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType, startLine: number, startColumn: number, imageLength: number): IToken {
  return {
    tokenType,
    tokenTypeIdx,
    image,
    startOffset,
    endOffset: startOffset + imageLength - 1,
    startLine,
    endLine: startLine,
    startColumn,
    endColumn: startColumn + imageLength - 1,
  };
}

/** The slot chevrotain's Lexer fills, in its constructor, with the token factory for its position tracking. */
interface TokenFactorySlot {
  createTokenInstance?: unknown;
  createFullToken?: unknown;
}

export class TcpflowLexer extends DefaultLexer {
  private readonly keywordNames: KeywordNames;

  constructor(services: LangiumCoreServices) {
    super(services);
    this.keywordNames = new KeywordNames(this.definition);
    const lexer = this.chevrotainLexer as unknown as TokenFactorySlot;
    // Only where chevrotain chose its full-position factory (Langium asks for 'full'):
    // a chevrotain that works differently keeps its own tokens.
    if (typeof lexer.createFullToken === 'function' && lexer.createTokenInstance === lexer.createFullToken) {
      lexer.createTokenInstance = createLexedToken;
    }
  }

  /** Langium's tokens, without those of a line too long to parse in time (line-limits.ts), keywords used as names re-typed (keyword-names.ts). */
  override tokenize(text: string, options?: TokenizeOptions): LexerResult {
    const result = withoutOverlongLines(super.tokenize(text, options), isLineEnd);
    this.keywordNames.retype(result.tokens, isLineEnd);
    return result;
  }
}

function isLineEnd(token: IToken): boolean {
  return token.tokenType.name === 'NL';
}
