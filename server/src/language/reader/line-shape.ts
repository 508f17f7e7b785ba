/**
 * The shapes of a line: which statement a line of tokens is, and its parts, or the one
 * syntax error that stops it. This is the grammar of `.tcpflow` (contract §2–3), once:
 * the reader, completion and semantic tokens ask it.
 *
 * Keywords are names where names stand (contract §2: any identifier is a name): a line
 * whose second token is `:` or an arrow is a call or a segment whatever its first word
 * is, and the words after `participant`, `deliver`, `note over`, `expect` or a segment's
 * `as` are names even when they are keywords. Keywords are case-insensitive.
 */
import { say } from '../../i18n/catalogue.js';
import { readerMessages as m } from '../../i18n/messages/reader.js';
import { rfcMessages as rfc } from '../../i18n/messages/rfc.js';
import { socketMessages as sockets } from '../../i18n/messages/sockets.js';
import { learnerMessages } from '../../i18n/messages/learner.js';
import { FLAGS } from '../../engine/model.js';
import { ARROW_TEXTS, type Token } from './scanner.js';

/** The words that lead a statement (or shape one), lower-case: the one keyword list. */
export const KEYWORDS = ['scenario', 'participant', 'as', 'starts', 'deliver', 'note', 'over', 'left', 'right', 'of', 'expect', 'profile'] as const;
export type Keyword = (typeof KEYWORDS)[number];

/** The keywords that start a statement, as completion proposes them. */
export const STATEMENT_KEYWORDS = ['participant', 'expect', 'note', 'deliver', 'scenario', 'profile'] as const;

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/** Whether `word` is a keyword (in any case). */
function isKeyword(word: string): boolean {
  return KEYWORD_SET.has(word.toLowerCase());
}

const ARROW_SET: ReadonlySet<string> = new Set(ARROW_TEXTS);

export function isArrow(token: Token | undefined): boolean {
  return token?.kind === 'symbol' && ARROW_SET.has(token.text);
}

/** `key=value`: a segment field, a participant's `snd=`/`rcv=` or a call option. */
export interface FieldShape {
  readonly key: Token;
  /** `"text"`, when the value is a string. */
  readonly string?: Token;
  /** The symbol or number a sequence expression starts with. */
  readonly head?: Token;
  /** `+N`/`-N` terms after the head. */
  readonly terms: ReadonlyArray<{ readonly op: Token; readonly value: Token }>;
  /** The field's last token. */
  readonly last: Token;
  /** `ts=VAL,ECR`'s second value (TSecr). */
  readonly second?: Token;
}

/**
 * TCP options written as a bare word among a segment's fields: SACK-permitted on a SYN
 * (RFC 2018 §2) and a SACK block's presence (RFC 2018 §3). Lower-case; read in any case.
 */
export const OPTION_WORDS = ['sack', 'sackok', 'tfo'] as const;
const OPTION_WORD_SET: ReadonlySet<string> = new Set(OPTION_WORDS);

/** Whether `token` is a bare option word (`sack`, `sackOK`). */
export function isOptionWord(token: Token | undefined): boolean {
  return token?.kind === 'word' && OPTION_WORD_SET.has(token.text.toLowerCase());
}

function isTimestampKey(token: Token | undefined): boolean {
  return token?.kind === 'word' && token.text.toLowerCase() === 'ts';
}

/** A word of a call's arguments (`2MSL` is a number and a word written together). */
export interface WordShape {
  readonly tokens: readonly Token[];
  readonly text: string;
}

/** A state name as written: `FIN-WAIT-1` is three words and two dashes. */
export interface StateShape {
  readonly tokens: readonly Token[];
  readonly text: string;
}

/** A call's stated result: `-> ECONNREFUSED` (or `→ 0`). */
export interface ResultShape {
  readonly arrow: Token;
  readonly value: Token;
}

export type LineShape =
  | { readonly kind: 'title'; readonly head: Token; readonly text: Token }
  | { readonly kind: 'participant'; readonly head: Token; readonly name: Token; readonly label?: Token; readonly start?: StateShape; readonly fields: readonly FieldShape[] }
  | { readonly kind: 'call'; readonly participant: Token; readonly colon: Token; readonly call: Token; readonly args: ReadonlyArray<FieldShape | WordShape>; readonly result?: ResultShape }
  | {
    readonly kind: 'segment'; readonly from: Token; readonly arrow: Token; readonly to: Token; readonly flags: readonly Token[]; readonly fields: readonly FieldShape[]; readonly tag?: Token;
    /** The colon before the flags: where a segment with no flags written has them. */
    readonly colon?: Token;
    /** The `-` written where the flags go (a segment with no flags); flags is then empty. */
    readonly noFlags?: Token;
    /** Bare TCP options among the fields (`sack`, `sackOK`). */
    readonly options?: readonly Token[];
    /** `ICMP CODE` written where the flags go. */
    readonly icmp?: StateShape;
    /** What the articles' notation adds (`SYN=1, ACK=1, seq=500`): flags written as bits. */
    readonly article?: ArticleParts;
  }
  | { readonly kind: 'deliver'; readonly head: Token; readonly tag: Token }
  | { readonly kind: 'note'; readonly head: Token; readonly placement: Token; readonly participants: readonly Token[]; readonly colon: Token; readonly text: readonly Token[] }
  | { readonly kind: 'expect'; readonly head: Token; readonly checks: ReadonlyArray<ExpectCheckShape> }
  | { readonly kind: 'profile'; readonly head: Token; readonly name: Token; readonly options: readonly Token[] };

/** One `NAME STATE` (or `NAME[PEER] STATE`: one connection of a listener) of an expect line. */
export interface ExpectCheckShape {
  readonly participant: Token;
  /** `server[c1]`: the peer named between the brackets, and the closing bracket. */
  readonly connection?: { readonly peer: Token; readonly close: Token };
  readonly state: StateShape;
}

/**
 * What a segment line written in the articles' notation adds (`SYN=1, ACK=1, seq=500,
 * ack=201`): flags written as bits, in any order with the fields, commas between them.
 * `flags` may then be empty. The flag names are upper-case there: `ACK=1` is the flag,
 * `ack=1` the acknowledgment field.
 */
export interface ArticleParts {
  readonly bits: ReadonlyArray<{ readonly flag: Token; readonly value: Token }>;
}

/** The one syntax error of a line: where (a token, or the line's end) and what. */
export interface SyntaxError {
  readonly at?: Token;
  /** The last token of the span, when the error covers several. */
  readonly to?: Token;
  readonly message: string;
}

export type LineReading = { readonly shape: LineShape } | { readonly error: SyntaxError } | { readonly empty: true };

/** Stops reading a line: thrown inside LineParser, caught in readLineShape. */
class Stop {
  constructor(readonly error: SyntaxError) {}
}

/** Text of the user's quoted in a message, cut to 40 characters: a 4 MB word makes no 4 MB diagnostic. */
export function brief(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What a token is called in a message: itself in backticks, or "end of line". */
function found(token: Token | undefined): string {
  return token ? `\`${brief(token.text)}\`` : say(m.endOfLine);
}

const isWord = (t: Token | undefined): boolean => t?.kind === 'word';

/** `FIN=1`, `FIN=0`: an upper-case flag name, 1 or 0 (as the articles write flags; `ack=1` stays the field). */
function isFlagBit(key: Token, value: Token | undefined): boolean {
  return value?.kind === 'number' && (value.text === '1' || value.text === '0') && (FLAGS as readonly string[]).includes(key.text);
}
const isSymbol = (t: Token | undefined, text: string): boolean => t?.kind === 'symbol' && t.text === text;
const isKeywordToken = (t: Token | undefined, keyword: Keyword): boolean => t?.kind === 'word' && t!.text.toLowerCase() === keyword;

/** Reads one logical line's tokens (without comments) as a statement shape; `source` is the text they were scanned from. */
export function readLineShape(tokens: readonly Token[], source: string): LineReading {
  if (tokens.length === 0) return { empty: true };
  const bad = tokens.find((t) => t.kind === 'bad');
  if (bad) return { error: { at: bad, message: say(m.controlCharacter, { code: bad.text.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') }) } };
  try {
    return { shape: new LineParser(tokens, source).line() };
  } catch (stop) {
    if (stop instanceof Stop) return { error: stop.error };
    throw stop;
  }
}

class LineParser {
  private i = 0;

  constructor(private readonly tokens: readonly Token[], private readonly source: string) {}

  private peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private fail(what: string): never {
    const at = this.peek();
    if (at && isSymbol(at, '"')) throw new Stop({ at, message: say(m.unclosedString) });
    throw new Stop({ at, message: say(m.expected, { what, found: found(at) }) });
  }

  private word(what = say(m.aName)): Token {
    if (!isWord(this.peek())) this.fail(what);
    return this.next();
  }

  private quotedString(): Token {
    if (this.peek()?.kind !== 'string') this.fail(say(m.aQuotedString));
    return this.next();
  }

  private symbol(text: string, what: string): Token {
    if (!isSymbol(this.peek(), text)) this.fail(what);
    return this.next();
  }

  /** The line must end here. */
  private end(): void {
    const at = this.peek();
    if (at) throw new Stop({ at, message: say(m.afterStatement, { token: brief(at.text) }) });
  }

  line(): LineShape {
    const first = this.peek()!;
    const second = this.peek(1);
    if (isWord(first) && (isSymbol(second, ':') || isArrow(second))) return isArrow(second) ? this.segmentInEitherNotation() : this.call();
    if (isWord(first)) {
      switch (first.text.toLowerCase()) {
        case 'scenario': return this.title();
        case 'participant': return this.participant();
        case 'deliver': return this.deliver();
        case 'note': return this.note();
        case 'expect': return this.expect();
        case 'profile': return this.profile();
      }
      if (isKeyword(first.text)) throw new Stop({ at: first, message: say(m.keywordNotHere, { word: brief(first.text) }) });
      const last = this.tokens[this.tokens.length - 1];
      throw new Stop({ at: first, to: last, message: say(this.tokens.length > 1 ? m.nameFollowedByThis : m.nameAlone, { name: brief(first.text) }) });
    }
    if (isSymbol(first, '/') && isSymbol(second, '*') && second!.offset === first.offset + 1) throw new Stop({ at: first, message: say(m.unclosedComment) });
    if (isSymbol(first, '"')) throw new Stop({ at: first, message: say(m.unclosedString) });
    // Quote the run of what cannot start a statement, up to the first word (or 40 characters).
    let k = 1;
    while (k < this.tokens.length && !isWord(this.tokens[k])) k++;
    const last = this.tokens[k - 1];
    const run = last.line === first.line ? this.source.slice(first.offset, last.offset + last.text.length) : first.text;
    throw new Stop({ at: first, to: last.line === first.line ? last : first, message: say(m.notAStatementStart, { token: brief(run) }) });
  }

  private title(): LineShape {
    const head = this.next();
    const text = this.quotedString();
    this.end();
    return { kind: 'title', head, text };
  }

  private participant(): LineShape {
    const head = this.next();
    // `participant as "L"`, `participant starts LISTEN`: the name is missing, not called `as`.
    const word = this.peek();
    const after = this.peek(1);
    if ((isKeywordToken(word, 'as') || isKeywordToken(word, 'starts')) && after && !isKeywordToken(after, 'as') && !isKeywordToken(after, 'starts')) this.fail(say(m.aName));
    const name = this.word();
    let label: Token | undefined;
    if (isKeywordToken(this.peek(), 'as')) {
      this.next();
      label = this.quotedString();
    }
    let start: StateShape | undefined;
    const fields: FieldShape[] = [];
    if (isKeywordToken(this.peek(), 'starts')) {
      this.next();
      start = this.state();
      while (isWord(this.peek()) && isSymbol(this.peek(1), '=')) fields.push(this.field());
    }
    this.end();
    return { kind: 'participant', head, name, label, start, fields };
  }

  private deliver(): LineShape {
    const head = this.next();
    const tag = this.word();
    this.end();
    return { kind: 'deliver', head, tag };
  }

  private note(): LineShape {
    const head = this.next();
    const placement = this.peek();
    const participants: Token[] = [];
    if (isKeywordToken(placement, 'over')) {
      this.next();
      participants.push(this.word());
      if (isSymbol(this.peek(), ',')) {
        this.next();
        participants.push(this.word());
      }
    } else if (isKeywordToken(placement, 'left') || isKeywordToken(placement, 'right')) {
      this.next();
      if (!isKeywordToken(this.peek(), 'of')) this.fail(say(m.theWordOf));
      this.next();
      participants.push(this.word());
    } else {
      this.fail(say(m.aNotePlacement));
    }
    const colon = this.symbol(':', say(m.aColon));
    // The text is free: every token to the end of the line.
    const text = this.tokens.slice(this.i);
    this.i = this.tokens.length;
    return { kind: 'note', head, placement: placement!, participants, colon, text };
  }

  /** `profile NAME [OPTION…]` (engine/profile.ts): the name and its options are words, checked by to-model. */
  private profile(): LineShape {
    const head = this.next();
    const name = this.word(say(rfc.aProfileName));
    const options: Token[] = [];
    while (isWord(this.peek())) options.push(this.next());
    this.end();
    return { kind: 'profile', head, name, options };
  }

  private expect(): LineShape {
    const head = this.next();
    const checks: ExpectCheckShape[] = [];
    if (this.peek() === undefined) throw new Stop({ at: head, message: say(m.expectNeedsChecks) });
    for (;;) {
      const participant = this.word();
      const connection = this.connectionPeer();
      checks.push({ participant, ...(connection ? { connection } : {}), state: this.state() });
      if (!isSymbol(this.peek(), ',')) break;
      this.next();
    }
    this.end();
    return { kind: 'expect', head, checks };
  }

  /** `[PEER]` right after a listener's name in an expect: which of its connections (engine/listener.ts). */
  private connectionPeer(): { peer: Token; close: Token } | undefined {
    if (!isSymbol(this.peek(), '[')) return undefined;
    this.next();
    const peer = this.word(say(sockets.aPeerName));
    const close = this.symbol(']', say(sockets.aClosingBracket));
    return { peer, close };
  }

  private call(): LineShape {
    const participant = this.next();
    const colon = this.next();
    const call = this.word();
    const args: Array<FieldShape | WordShape> = [];
    for (;;) {
      const t = this.peek();
      if (isWord(t) && isSymbol(this.peek(1), '=')) args.push(this.field());
      else if (t?.kind === 'number' && isWord(this.peek(1))) args.push(this.words(2));
      else if (isWord(t) || t?.kind === 'number') args.push(this.words(1));
      else break;
    }
    const result = this.callResult();
    this.end();
    return { kind: 'call', participant, colon, call, args, ...(result ? { result } : {}) };
  }

  /** `-> RESULT` at a call's end: what the scenario says the call returns (`→` reads the same). */
  private callResult(): ResultShape | undefined {
    const arrow = this.peek();
    if (!isSymbol(arrow, '->') && !isSymbol(arrow, '\u2192')) return undefined;
    this.next();
    const value = this.peek();
    if (!isWord(value) && value?.kind !== 'number') this.fail(say(sockets.aCallResult));
    this.next();
    return { arrow: arrow!, value: value! };
  }

  private words(n: number): WordShape {
    const tokens = this.tokens.slice(this.i, this.i + n);
    this.i += n;
    return { tokens, text: tokens.map((t) => t.text).join('') };
  }

  private segment(): LineShape {
    const from = this.next();
    const arrow = this.next();
    const to = this.word();
    const colon = this.symbol(':', say(m.aColon));
    if (isWord(this.peek()) && this.peek()!.text.toUpperCase() === 'ICMP') return this.icmp(from, arrow, to);
    const noFlags = this.noFlags();
    const flags: Token[] = noFlags.flagless ? [] : [this.word()];
    for (; !noFlags.flagless;) {
      const t = this.peek();
      if (isSymbol(t, ',') || isSymbol(t, '+')) {
        this.next();
        flags.push(this.word());
      } else if (isWord(t) && !isSymbol(this.peek(1), '=') && !isKeywordToken(t, 'as') && !isOptionWord(t)) {
        flags.push(this.next());
      } else {
        break;
      }
    }
    const fields: FieldShape[] = [];
    const options: Token[] = [];
    for (;;) {
      if (isWord(this.peek()) && isSymbol(this.peek(1), '=')) fields.push(this.field());
      else if (isOptionWord(this.peek())) options.push(this.next());
      else break;
    }
    let tag: Token | undefined;
    if (isKeywordToken(this.peek(), 'as')) {
      this.next();
      tag = this.word();
    }
    this.end();
    return { kind: 'segment', from, arrow, to, flags, fields, tag, colon, ...(noFlags.mark ? { noFlags: noFlags.mark } : {}), ...(options.length > 0 ? { options } : {}) };
  }

  /**
   * A segment with no flags (issue 11, item 9): `-` where the flags go, or the fields
   * (or an option, `as TAG`, the line's end) straight after the colon. Such segments
   * exist on the wire (a scan, a broken stack, an injected test); RFC 9293 tells the
   * receiver what to do with them (§3.10.7), so they must be writable.
   */
  private noFlags(): { flagless: boolean; mark?: Token } {
    const t = this.peek();
    const after = this.peek(1);
    if (isSymbol(t, '-') && (after === undefined || isKeywordToken(after, 'as') || isOptionWord(after) || (isWord(after) && isSymbol(this.peek(2), '=')))) {
      this.next();
      return { flagless: true, mark: t };
    }
    if (t === undefined) this.fail(say(rfc.flagsOrDash));
    const flagless = (isWord(t) && isSymbol(after, '=')) || isOptionWord(t) || isKeywordToken(t, 'as');
    return { flagless };
  }

  /** `A -> B : ICMP host-unreachable`: an ICMP message about B's connection; the word `ICMP` stands where the flags do. */
  private icmp(from: Token, arrow: Token, to: Token): LineShape {
    const head = this.next();
    if (!isWord(this.peek())) this.fail(say(sockets.anIcmpCode));
    const icmp = this.state();
    this.end();
    return { kind: 'segment', from, arrow, to, flags: [head], fields: [], icmp };
  }

  /**
   * A segment line as the language writes it or, when that does not read, as the
   * articles write it (ArticleParts); the error is the first reading's if neither does.
   */
  private segmentInEitherNotation(): LineShape {
    const start = this.i;
    // `ACK=1` is the flag wherever it stands (never the ack field): a line with one is in the articles' notation.
    if (this.tokens.some((t, k) => isWord(t) && isSymbol(this.tokens[k + 1], '=') && isFlagBit(t, this.tokens[k + 2]))) return this.articleSegment();
    try {
      return this.segment();
    } catch (first) {
      if (!(first instanceof Stop)) throw first;
      // An ICMP line (FROM ARROW TO : ICMP …) has one reading: its own error stands.
      if (isWord(this.tokens[start + 4]) && this.tokens[start + 4].text.toUpperCase() === 'ICMP') throw first;
      this.i = start;
      try {
        return this.articleSegment();
      } catch (second) {
        throw second instanceof Stop ? first : second;
      }
    }
  }

  /** `FROM ARROW TO : ITEM[, ITEM]* [as TAG]`, an item a flag, `FLAG=1`/`FLAG=0` or a field. */
  private articleSegment(): LineShape {
    const from = this.next();
    const arrow = this.next();
    const to = this.word();
    this.symbol(':', say(m.aColon));
    const flags: Token[] = [];
    const fields: FieldShape[] = [];
    const bits: Array<{ flag: Token; value: Token }> = [];
    for (;;) {
      const t = this.peek();
      if (isSymbol(t, ',') && flags.length + fields.length + bits.length > 0) {
        this.next();
      } else if (isWord(t) && isSymbol(this.peek(1), '=') && isFlagBit(t!, this.peek(2))) {
        this.i += 2;
        bits.push({ flag: t!, value: this.next() });
      } else if (isWord(t) && isSymbol(this.peek(1), '=')) {
        fields.push(this.field());
      } else if (isWord(t) && !isKeywordToken(t, 'as')) {
        flags.push(this.next());
      } else {
        break;
      }
    }
    if (flags.length + bits.length === 0) this.fail(say(learnerMessages.aFlag));
    let tag: Token | undefined;
    if (isKeywordToken(this.peek(), 'as')) {
      this.next();
      tag = this.word();
    }
    this.end();
    return { kind: 'segment', from, arrow, to, flags, fields, tag, article: { bits } };
  }

  /** `key=value`; the caller saw the key and the `=`. */
  private field(): FieldShape {
    if (isTimestampKey(this.peek())) return this.timestampField();
    const key = this.next();
    const eq = this.next();
    const value = this.peek();
    if (value?.kind === 'string') {
      this.next();
      return { key, string: value, terms: [], last: value };
    }
    if (!isWord(value) && value?.kind !== 'number') this.fail(say(m.aValue));
    const head = this.next();
    const terms: Array<{ op: Token; value: Token }> = [];
    let last: Token = head ?? eq;
    while (isSymbol(this.peek(), '+') || isSymbol(this.peek(), '-')) {
      const op = this.next();
      if (this.peek()?.kind !== 'number') this.fail(say(m.aNumber));
      last = this.next();
      terms.push({ op, value: last });
    }
    return { key, head, terms, last };
  }

  /**
   * `ts=TSVAL,TSECR` (RFC 7323 §3): the Timestamps option's two 32-bit values, read
   * as a field whose head is TSval and whose `second` is TSecr. Its own function so the
   * ordinary field (one value, `+N` terms) stays as it was.
   */
  private timestampField(): FieldShape {
    const key = this.next();
    this.next();
    if (this.peek()?.kind !== 'number') this.fail(say(rfc.timestampValues));
    const head = this.next();
    if (!isSymbol(this.peek(), ',') || this.peek(1)?.kind !== 'number') this.fail(say(rfc.timestampValues));
    this.next();
    const second = this.next();
    return { key, head, second, terms: [], last: second };
  }

  /** A state name: a word, then `-WORD` or `-N` parts. */
  private state(): StateShape {
    const tokens = [this.word()];
    while (isSymbol(this.peek(), '-')) {
      tokens.push(this.next());
      const part = this.peek();
      if (!isWord(part) && part?.kind !== 'number') this.fail(say(m.aName));
      tokens.push(this.next());
    }
    return { tokens, text: tokens.map((t) => t.text).join('') };
  }
}
