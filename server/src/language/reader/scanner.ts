/**
 * The one scanner of `.tcpflow` text: words, numbers, quoted strings, symbols and
 * comments, by hand, in one pass. The statement reader (read-line.ts), the chunk
 * splitter (chunks.ts), completion and semantic tokens all see text through it, so a
 * string or a comment is recognised the same way everywhere.
 *
 * Why by hand: every statement is one line, so what a parser generator adds (lookahead
 * across lines, error recovery, a tree) is work spent on nothing, and a regex over user
 * text is where the old front ends went quadratic or overflowed the stack (a 4 MB
 * string, a line of a million unclosed `/*`). Each character here is looked at a
 * bounded number of times: the scan is linear in the text whatever it holds.
 */

/** What a token is. Keywords are words: whether a word is a keyword depends on where it stands (read-line.ts). */
export type TokenKind = 'word' | 'number' | 'string' | 'symbol' | 'bad';

/** A token of one line. Tokens never span lines (a string cannot hold a line break). */
export interface Token {
  readonly kind: TokenKind;
  /** The token as written (a string with its quotes). */
  readonly text: string;
  /** 0-based line, counted from the first line of the text scanned. */
  readonly line: number;
  /** 0-based columns on `line`; end is exclusive. */
  readonly start: number;
  readonly end: number;
  /** Offset of the first character in the text scanned. */
  readonly offset: number;
}

/** A block comment, as lines of the text scanned (first and last may be the same). */
export interface CommentSpan {
  readonly startLine: number;
  readonly endLine: number;
}

/** A logical line: the tokens between two line breaks outside block comments. */
export interface ScannedLine {
  readonly tokens: readonly Token[];
  /** How many tokens the line has; more than `tokens.length` when it went over the bound. */
  readonly count: number;
  /** The physical line it starts on. */
  readonly line: number;
  /** Where its line break is (or the text ends): what "end of line" points at. */
  readonly endLine: number;
  readonly endColumn: number;
  /** The end of its last token, kept or not (for the span of an overlong line). */
  readonly lastEnd: { readonly line: number; readonly column: number };
  /** Whether it ends in a `//` comment (completion offers nothing there). */
  readonly endsInLineComment: boolean;
}

/** The arrows, longest first: `-->` before `->`, as the contract spells them. */
export const ARROW_TEXTS = ['-->', '->', '-x', '~>'] as const;

const isAsciiWordStart = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isAsciiWordPart = (c: number) => isAsciiWordStart(c) || isDigit(c);

/*
 * Names follow Unicode's identifier rules as JavaScript's do (UAX #31: ID_Start, then
 * ID_Continue), so `participant 客户端` is a name like `participant client`. ASCII, all
 * of most scenarios, is decided by comparisons; only a character past U+007F asks the
 * Unicode property, once per code point, so the scan stays linear.
 */
const ID_START = /^\p{ID_Start}$/u;
const ID_CONTINUE = /^\p{ID_Continue}$/u;

/** The code point at `i` (a surrogate pair read whole) and how many UTF-16 units it takes. */
function codePointAt(text: string, i: number): { cp: number; width: number } {
  const cp = text.codePointAt(i) ?? 0;
  return { cp, width: cp > 0xffff ? 2 : 1 };
}

/** How many UTF-16 units the name character at `i` takes (0: not one), first character or not. */
function nameCharWidth(text: string, i: number, first: boolean): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (first ? isAsciiWordStart(c) : isAsciiWordPart(c)) ? 1 : 0;
  const { cp, width } = codePointAt(text, i);
  return (first ? ID_START : ID_CONTINUE).test(String.fromCodePoint(cp)) ? width : 0;
}

/** The end (exclusive) of the name starting at `from`, or `from` if no name starts there. */
export function nameEnd(text: string, from: number, to = text.length): number {
  const first = from < to ? nameCharWidth(text, from, true) : 0;
  if (first === 0) return from;
  let j = from + first;
  while (j < to) {
    const w = nameCharWidth(text, j, false);
    if (w === 0) break;
    j += w;
  }
  return j;
}

/** Whether all of `text` is one name (the rule the scanner reads names by). */
export function isName(text: string): boolean {
  return text.length > 0 && nameEnd(text, 0) === text.length;
}
/** Space, tab, form feed, vertical tab, no-break space, byte-order mark. */
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || c === 0xa0 || c === 0xfeff;
/** Control characters (but the blanks and line breaks) and DEL: not text a scenario holds. */
const isBad = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0x7f;

/**
 * The end offset (exclusive) of the quoted string starting at `from` (a `"`), or -1 if
 * it is not closed on its line. A backslash escapes any character but a line break.
 */
function stringEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x0a || c === 0x0d) return -1;
    if (c === 0x5c) {
      const n = text.charCodeAt(i + 1);
      if (i + 1 >= text.length || n === 0x0a || n === 0x0d) return -1;
      i += 2;
      continue;
    }
    i++;
  }
  return -1;
}

/** Where scanning a text stands: the state carried from one logical line to the next. */
export class Scanner {
  /** A `/*` opens a comment only if a `*\/` follows somewhere: an unclosed one is two
   *  symbols (the contract). Knowing the last closer answers that in O(1), so a line of a
   *  million unclosed openers costs a million steps, not a million scans to the end. */
  private readonly lastCloser: number;
  /** Offset of the next character to read. */
  offset = 0;
  /** The physical line `offset` is on, and where that line starts. */
  line = 0;
  private lineStart = 0;
  /** Block comments seen so far. */
  readonly comments: CommentSpan[] = [];

  constructor(private readonly text: string, private readonly maxTokensPerLine = Number.POSITIVE_INFINITY) {
    this.lastCloser = text.lastIndexOf('*/');
  }

  /** Goes to the start of physical line `line`, at `offset`, to read on from there. */
  seek(offset: number, line: number): void {
    this.offset = offset;
    this.line = line;
    this.lineStart = offset;
    this.ended = false;
  }

  /** Whether the last line has been read. */
  get done(): boolean {
    return this.ended;
  }

  private ended = false;

  /**
   * Reads one logical line: its tokens up to the next line break outside a block
   * comment, or the end of the text. Past `maxTokensPerLine` tokens are counted, not kept.
   */
  nextLine(): ScannedLine {
    const text = this.text;
    const length = text.length;
    const max = this.maxTokensPerLine;
    const tokens: Token[] = [];
    const firstLine = this.line;
    let count = 0;
    let lastEndLine = this.line;
    let lastEndColumn = 0;
    let line = this.line;
    let lineStart = this.lineStart;
    const push = (kind: TokenKind, from: number, to: number) => {
      count++;
      lastEndLine = line;
      lastEndColumn = to - lineStart;
      if (count <= max) tokens.push({ kind, text: text.slice(from, to), line, start: from - lineStart, end: to - lineStart, offset: from });
    };
    let i = this.offset;
    let breakAt = length;
    let endsInLineComment = false;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) {
        breakAt = i;
        break;
      }
      if (isBlank(c)) { i++; continue; }
      const wordEnd = nameEnd(text, i, length);
      if (wordEnd > i) {
        push('word', i, wordEnd);
        i = wordEnd;
        continue;
      }
      if (isDigit(c)) {
        let j = i + 1;
        while (j < length && isDigit(text.charCodeAt(j))) j++;
        push('number', i, j);
        i = j;
        continue;
      }
      if (c === 0x22) {
        const end = stringEnd(text, i);
        // An unclosed quote is a symbol; the statement reader says it is never closed.
        push(end < 0 ? 'symbol' : 'string', i, end < 0 ? i + 1 : end);
        i = end < 0 ? i + 1 : end;
        continue;
      }
      if (c === 0x2f /* / */) {
        const n = text.charCodeAt(i + 1);
        if (n === 0x2f) {
          // A line comment: to the line's end.
          let j = i + 2;
          while (j < length && text.charCodeAt(j) !== 0x0a && text.charCodeAt(j) !== 0x0d) j++;
          endsInLineComment = true;
          i = j;
          continue;
        }
        if (n === 0x2a && this.lastCloser >= i + 2) {
          const close = text.indexOf('*/', i + 2) + 2;
          const startLine = line;
          // Line breaks inside the comment: the logical line goes on after it.
          for (let j = i + 2; j < close - 2; j++) {
            const d = text.charCodeAt(j);
            if (d === 0x0a || (d === 0x0d && text.charCodeAt(j + 1) !== 0x0a)) { line++; lineStart = j + 1; }
          }
          this.comments.push({ startLine, endLine: line });
          i = close;
          continue;
        }
      }
      if (c === 0x2d /* - */) {
        const n = text.charCodeAt(i + 1);
        const width = n === 0x2d && text.charCodeAt(i + 2) === 0x3e ? 3 : n === 0x3e || n === 0x78 /* x */ ? 2 : 1;
        push('symbol', i, i + width);
        i += width;
        continue;
      }
      if (c === 0x7e /* ~ */ && text.charCodeAt(i + 1) === 0x3e) {
        push('symbol', i, i + 2);
        i += 2;
        continue;
      }
      if (isBad(c)) {
        push('bad', i, i + 1);
        i++;
        continue;
      }
      // Any other character is a symbol of its own; a surrogate pair stays one.
      const next = text.charCodeAt(i + 1);
      const pair = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      push('symbol', i, i + pair);
      i += pair;
    }
    const scanned: ScannedLine = { tokens, count, line: firstLine, endLine: line, endColumn: breakAt - lineStart, lastEnd: { line: lastEndLine, column: lastEndColumn }, endsInLineComment };
    if (breakAt < length) {
      this.offset = breakAt + (text.charCodeAt(breakAt) === 0x0d && text.charCodeAt(breakAt + 1) === 0x0a ? 2 : 1);
      this.line = line + 1;
      this.lineStart = this.offset;
    } else {
      this.offset = length;
      this.line = line;
      this.lineStart = lineStart;
      this.ended = true;
    }
    return scanned;
  }
}

/** Scans all of `text` into logical lines (a text of n line breaks has at least n + 1). */
export function scan(text: string, maxTokensPerLine?: number): { lines: ScannedLine[]; comments: CommentSpan[] } {
  const scanner = new Scanner(text, maxTokensPerLine);
  const lines: ScannedLine[] = [];
  while (!scanner.done) lines.push(scanner.nextLine());
  return { lines, comments: scanner.comments };
}

/** The words of one line within columns [from, to), as the reader reads them (strings and comments are not words). */
export function wordsOfLine(line: string, from = 0, to = line.length): Token[] {
  return new Scanner(line).nextLine().tokens.filter((t) => t.kind === 'word' && t.start >= from && t.end <= to);
}
