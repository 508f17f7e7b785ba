/**
 * Text from a `.tcpflow` file, made safe to place in Mermaid source.
 *
 * Mermaid's sequence-diagram lexer ends a text at `;`, `#` or a newline, reads `%%` as
 * a comment or directive, `wrap:` as an option, `$$…$$` as KaTeX, `<br>` as a line
 * break, and an alias ends at `,`, `:`, `<`, `>` or `@`. Rather than chase each rule,
 * everything that is not a plain letter, digit, space or one of a few harmless ASCII
 * marks is written as Mermaid's entity code `#NNN;` (the decimal code point), which
 * Mermaid turns into the character itself only after parsing, as text. So no input
 * can end a statement, start a directive, or become markup.
 */

/**
 * Characters written as they are: ASCII letters and digits, space and `. - _ = + / ( ) ? ! '`;
 * in message and note text also `,` and `:` (an alias ends at either).
 */
const PLAIN_ASCII = /^[A-Za-z0-9 .\-_=+/()?!']$/;
const PLAIN_IN_TEXT = /^[,:]$/;

/**
 * Letters and digits outside ASCII are written as they are, except the characters
 * Mermaid itself uses to mark decoded entities (`ß`, `ﬂ`).
 */
const PLAIN_OTHER = /^[\p{L}\p{N}]$/u;
const MERMAID_MARKERS = new Set(['ß', 'ﬂ']);

/** Where the text goes: a message, note or title (`text`), or a participant's label (`alias`). */
export type TextContext = 'text' | 'alias';

function plain(ch: string, context: TextContext): boolean {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return PLAIN_ASCII.test(ch) || (context === 'text' && PLAIN_IN_TEXT.test(ch));
  return PLAIN_OTHER.test(ch) && !MERMAID_MARKERS.has(ch);
}

/**
 * User text as one line of Mermaid text. Line breaks and tabs become spaces; text
 * longer than `maxLength` characters (code points) is cut with an ellipsis.
 */
export function escapeText(text: string, maxLength = 200, context: TextContext = 'text'): string {
  const chars = Array.from(text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').trim());
  const cut = chars.length > maxLength ? [...chars.slice(0, maxLength - 1), '…'] : chars;
  // Mermaid reads a text that starts `wrap:`, `nowrap:` or `:` as an option: escape its first character.
  const guardFirst = /^(:|(no)?wrap:)/i.test(cut.join(''));
  let out = '';
  cut.forEach((ch, i) => { out += plain(ch, context) && !(i === 0 && guardFirst) ? ch : `#${ch.codePointAt(0)};`; });
  // An empty text is valid Mermaid but collapses the note; keep a visible placeholder.
  return out === '' ? '#160;' : out;
}

/**
 * Wraps user text for a note: words are kept whole, lines are at most `width`
 * characters, joined by Mermaid's `<br>` (which only we can write: a `<` in user
 * text is escaped).
 */
export function escapeWrapped(text: string, width = 48, maxLength = 400): string {
  const limited = oneLine(text, maxLength);
  const lines: string[] = [];
  let current = '';
  for (const word of limited.split(/ +/)) {
    const pieces = chunk(word, width);
    for (const piece of pieces) {
      if (current === '') current = piece;
      else if (Array.from(current).length + 1 + Array.from(piece).length <= width) current += ` ${piece}`;
      else { lines.push(current); current = piece; }
    }
  }
  if (current !== '') lines.push(current);
  return lines.length === 0 ? escapeText('') : lines.map((l) => escapeText(l, maxLength)).join('<br>');
}

/**
 * Words longer than this (in escaped characters) are broken before Mermaid wraps a
 * note: Mermaid breaks an over-long word at any character, which could split an entity
 * code and show it as garbage. ~24 characters fit any note over two participants.
 */
const LONG_WORD = 24;

/**
 * User text for a note over two participants. Mermaid makes such a note exactly as wide
 * as the space between them, whatever its text: text wrapped here by a character count
 * overflowed it whenever the participants were close. With `wrap:` in front (and no
 * `<br>` in it), Mermaid wraps the text itself, measured, to the note's width. (A note
 * over or beside one participant is sized to its text: escapeWrapped suits it.)
 */
export function escapeForMermaidWrap(text: string, maxLength = 400): string {
  const words = oneLine(text, maxLength).split(/ +/).flatMap((word) => breakByEscapedLength(word, LONG_WORD));
  return `wrap:${escapeText(words.join(' '), Number.MAX_SAFE_INTEGER)}`;
}

/** The word in pieces whose escaped forms are at most `width` characters (a piece holds at least one character). */
function breakByEscapedLength(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let length = 0;
  for (const ch of word) {
    const escaped = plain(ch, 'text') ? 1 : `#${ch.codePointAt(0)};`.length;
    if (piece !== '' && length + escaped > width) {
      pieces.push(piece);
      piece = '';
      length = 0;
    }
    piece += ch;
    length += escaped;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** The text on one line (line breaks and tabs as spaces), cut to `maxLength` characters with an ellipsis; not yet escaped. */
function oneLine(text: string, maxLength: number): string {
  const flat = text.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > maxLength ? [...chars.slice(0, maxLength - 1), '…'].join('') : flat;
}

function chunk(word: string, width: number): string[] {
  const chars = Array.from(word);
  if (chars.length <= width) return [word];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out;
}

/** Words Mermaid's sequence grammar reserves; a participant id must not be one of them. */
const RESERVED = new Set([
  'participant', 'actor', 'create', 'destroy', 'as', 'box', 'loop', 'rect', 'opt', 'alt', 'else',
  'par', 'par_over', 'and', 'critical', 'option', 'break', 'end', 'left', 'right', 'of', 'over',
  'note', 'activate', 'deactivate', 'title', 'acctitle', 'accdescr', 'links', 'link', 'properties',
  'details', 'autonumber', 'off', 'sequencediagram', 'x', 'o',
]);

/** The numbered ids this module makes; a name of that shape is numbered too, so no two participants share an id. */
const NUMBERED_ID = /^p\d+_$/;

/**
 * A Mermaid participant id for a `.tcpflow` participant name. Names are Unicode
 * identifiers (`客户端` as much as `client`); only an ASCII name that is no Mermaid
 * keyword is used as it is: any other (a Chinese name, a keyword, a broken file's)
 * gets a numbered id instead. The label shown is always set with `as`, escaped, so the
 * id is never seen.
 */
export function participantId(name: string, index: number): string {
  if (/^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toLowerCase()) && !NUMBERED_ID.test(name)) return name;
  return `p${index}_`;
}
