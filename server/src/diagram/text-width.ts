/**
 * How wide a line of text will be in Mermaid's sans-serif, estimated from its characters:
 * the post-processing runs on SVG text with no layout engine (in Node and in webviews
 * alike), and only needs to know roughly where a label ends. Widths at 16 px, scaled to
 * the font size: capitals wider than small letters, spaces and punctuation narrower
 * (one mean width underestimated `SYN,ACK seq=300 ack=101` by a sixth), CJK a full em.
 */

const CAPITAL = 10.7;
const NARROW = 4.5;
const AVERAGE = 8.5;
const WIDE = 16;
const AT = 16;

const CAPITALS = /[A-Z@%&MW]/;
const NARROWS = /[\s,.:;!|'il()[\]-]/;
/** CJK radicals onward (ideographs, kana, hangul, fullwidth forms) take a full em. */
const FIRST_WIDE = 0x2e80;

export function estimateTextWidth(text: string, fontSize = AT): number {
  let width = 0;
  for (const ch of text) {
    width += ch.codePointAt(0)! >= FIRST_WIDE ? WIDE : CAPITALS.test(ch) ? CAPITAL : NARROWS.test(ch) ? NARROW : AVERAGE;
  }
  return (width * fontSize) / AT;
}
