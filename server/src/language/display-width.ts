/**
 * How many columns a text takes in a monospaced editor or terminal. Chinese, Japanese
 * and Korean characters (East Asian Wide and Fullwidth, Unicode UAX #11) take two
 * columns there, combining marks none, everything else one. The formatter aligns
 * arrows by this and `explain` pads its columns by it, so a run of lines whose names
 * are Chinese lines up on screen, not only in character counts.
 *
 * The ranges are the Wide and Fullwidth blocks, not the whole UAX #11 table: a
 * character outside them that a font draws wide is off by one column, which the
 * formatter never mistakes for a change of meaning (it only moves whitespace).
 */

/** Wide and Fullwidth ranges (inclusive), in code point order. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x1f300, 0x1f64f], // pictographs and emoticons
  [0x1f900, 0x1f9ff], // supplemental pictographs
  [0x20000, 0x3fffd], // CJK Extensions B and later (planes 2 and 3)
];

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200d\u2060\ufeff]$/u;

/** Columns one code point takes: 0, 1 or 2. */
export function codePointWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x300) return 1;
  for (const [from, to] of WIDE) {
    if (cp < from) break;
    if (cp <= to) return 2;
  }
  return ZERO_WIDTH.test(String.fromCodePoint(cp)) ? 0 : 1;
}

/** Columns `text` takes on one line. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!);
  return width;
}

/** `text` followed by spaces up to `columns` display columns (nothing added if it is already as wide). */
export function padToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
