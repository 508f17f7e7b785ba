/**
 * The words the grammar uses (`note`, `over`, `left`, `as`…) are valid names too: the
 * contract (§2) makes any identifier a participant name, and `left -> right : SYN` is a
 * natural way to draw two peers. The parser knows these words as keywords, so before it
 * runs, each keyword token that stands where a name stands is re-typed as an ID.
 *
 * Where a name stands is read from the shape of its line (its first tokens), the way a
 * person reads it: a word followed by `:` or an arrow starts a call or a segment; the
 * word after an arrow, after `participant`, `deliver`, `note over`, `note left of` and
 * `expect` (or a comma in those) is a name, as is the word after a segment's `as`. The
 * grammar itself stays keyword-led, with one reading per line, so a broken line keeps
 * its precise message (`note over a` without its colon: "Expected ':'").
 */
import type { IToken, TokenType, TokenVocabulary } from 'chevrotain';

/** The grammar's keywords that are also identifiers (tcpflow.langium). */
export const KEYWORD_NAMES = ['scenario', 'participant', 'as', 'starts', 'deliver', 'note', 'over', 'left', 'right', 'of', 'expect'] as const;

const KEYWORD_NAME_SET: ReadonlySet<string> = new Set(KEYWORD_NAMES);

/** Whether `word` is one of the grammar's keywords that can also be a name. */
export function isKeywordName(word: string): boolean {
  return KEYWORD_NAME_SET.has(word);
}

const ARROWS = new Set(['->', '-x', '~>', '-->']);

export class KeywordNames {
  private readonly id: TokenType;
  /** tokenTypeIdx of each keyword that can be a name. */
  private readonly keywordIdx = new Set<number>();

  constructor(vocabulary: TokenVocabulary) {
    const types = Array.isArray(vocabulary) ? vocabulary : Object.values(vocabulary as Record<string, TokenType>);
    const byName = new Map(types.map((t: TokenType) => [t.name, t]));
    const id = byName.get('ID');
    if (!id) throw new Error('keyword-names: the grammar has no ID token');
    this.id = id;
    for (const word of KEYWORD_NAMES) {
      const type = byName.get(word);
      // A keyword the grammar no longer has cannot be mistaken for a name: nothing to do.
      if (type?.tokenTypeIdx !== undefined) this.keywordIdx.add(type.tokenTypeIdx);
    }
  }

  /** The line retypeLine is reading: tokens[from] … tokens[to - 1], without its line end. */
  private tokens: IToken[] = [];
  private from = 0;
  private to = 0;

  /** Re-types, in place, the keyword tokens of `tokens` that stand where a name stands. */
  retype(tokens: IToken[], isLineEnd: (token: IToken) => boolean): void {
    let start = 0;
    let hasKeyword = false;
    for (let i = 0; i <= tokens.length; i++) {
      if (i === tokens.length || isLineEnd(tokens[i])) {
        // Most lines hold no keyword at all: nothing to read.
        if (hasKeyword) this.retypeLine(tokens, start, i);
        start = i + 1;
        hasKeyword = false;
      } else if (this.keywordIdx.has(tokens[i].tokenTypeIdx)) {
        hasKeyword = true;
      }
    }
    this.tokens = [];
  }

  private retypeLine(tokens: IToken[], from: number, to: number): void {
    this.tokens = tokens;
    this.from = from;
    this.to = to;
    // `note: connect`, `left -> right : …`: a call or a segment starts with a name.
    const second = this.image(1);
    if (second !== undefined && (second === ':' || ARROWS.has(second))) this.asName(0);

    if (second !== undefined && ARROWS.has(second)) {
      this.asName(2); // the receiver
      for (let k = 3; from + k < to; k++) if (this.image(k) === 'as' && this.isKeyword(k)) this.asName(k + 1); // the tag
      return;
    }
    if (!this.isKeyword(0)) return;
    switch (this.image(0)) {
      case 'participant': {
        // `participant as "L"` and `participant starts LISTEN` lack their name: keep `as`/`starts`
        // as keywords there, so the parser says a name is missing.
        const word = this.image(1);
        const next = this.image(2);
        const missingName = (word === 'as' || word === 'starts') && next !== undefined && next !== 'as' && next !== 'starts';
        if (!missingName) this.asName(1);
        return;
      }
      case 'deliver':
        this.asName(1);
        return;
      case 'note':
        if (this.image(1) === 'over') {
          this.asName(2);
          if (this.image(3) === ',') this.asName(4);
        } else if ((this.image(1) === 'left' || this.image(1) === 'right') && this.image(2) === 'of') {
          this.asName(3);
        }
        return;
      case 'expect':
        this.asName(1);
        for (let k = 2; from + k < to; k++) if (this.image(k) === ',') this.asName(k + 1);
        return;
    }
  }

  /** The k-th token of the line read, if it has one. */
  private at(k: number): IToken | undefined {
    return this.from + k < this.to ? this.tokens[this.from + k] : undefined;
  }

  private image(k: number): string | undefined {
    return this.at(k)?.image;
  }

  private isKeyword(k: number): boolean {
    const token = this.at(k);
    return token !== undefined && this.keywordIdx.has(token.tokenTypeIdx);
  }

  private asName(k: number): void {
    if (this.isKeyword(k)) this.toId(this.at(k)!);
  }

  private toId(token: IToken): void {
    token.tokenType = this.id;
    token.tokenTypeIdx = this.id.tokenTypeIdx!;
  }
}
