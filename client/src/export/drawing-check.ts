/**
 * The extension host's own check of a drawing that an export webview sends back, made
 * before anything is written to disk. The webview already cleans its SVG (as the CLI's
 * renderer does, in the DOM); this is the second, independent guard on the side that
 * writes files, so a webview that misbehaves cannot put script into a file the user
 * later opens in a browser, nor fill the disk.
 *
 * The SVG is read as a stream of XML tokens in one linear pass (no DOM in the extension
 * host, no backtracking patterns): the same things go as in the CLI's renderer —
 * `<script>`, `<iframe>`, `<object>`, `<embed>`, every `on…` attribute, and every
 * `href`/`xlink:href` that points outside the drawing (anything but `#…`) — plus SVG
 * animation elements, which can set an `href` to `javascript:` after the fact. Input that
 * is not plain XML (a DOCTYPE, an unquoted or unterminated attribute) is refused, not
 * repaired.
 */
import { isSafeSvgAttribute, UNSAFE_SVG_ELEMENTS } from './svg-safety.js';

/** No drawing of a checked scenario comes near this; more means something is wrong. */
export const MAX_DRAWING_BYTES = 64 * 1024 * 1024;
/** Chromium's largest canvas side: a PNG drawn on a webview canvas cannot be wider or taller. */
export const MAX_PNG_SIDE = 32_767;

export type DrawingProblem = 'too-large' | 'not-png' | 'png-too-large' | 'not-svg';

/** A drawing the host will not write; `problem` says why (the caller words it for the user). */
export class DrawingRefused extends Error {
  constructor(readonly problem: DrawingProblem, detail: string) {
    super(`${problem}: ${detail}`);
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The last chunk of every PNG: length 0, type IEND, its CRC. */
const PNG_IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** Returns the PNG unchanged when it is whole and of a size a webview canvas can make; throws DrawingRefused otherwise. */
export function checkPng(bytes: Uint8Array): Uint8Array {
  if (bytes.length > MAX_DRAWING_BYTES) throw new DrawingRefused('too-large', `${bytes.length} bytes`);
  const startsRight = PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  // The first chunk is IHDR (13 bytes of data): width and height, big-endian, at 16 and 20.
  const ihdr = bytes.length >= 33 && bytes[12] === 0x49 && bytes[13] === 0x48 && bytes[14] === 0x44 && bytes[15] === 0x52;
  const endsRight = bytes.length >= 45 && PNG_IEND.every((b, i) => bytes[bytes.length - PNG_IEND.length + i] === b);
  if (!startsRight || !ihdr || !endsRight) throw new DrawingRefused('not-png', 'no PNG signature, header or end');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new DrawingRefused('png-too-large', `${width}×${height} pixels`);
  }
  return bytes;
}

/** Elements dropped with everything inside them: the shared list plus SVG animation, which can set an `href` after the fact. */
const DROPPED_ELEMENTS = new Set([...UNSAFE_SVG_ELEMENTS, 'set', 'animate', 'animatemotion', 'animatetransform']);

/** Returns the SVG without script, event attributes or outside links; throws DrawingRefused when it is not a plain SVG document. */
export function sanitizeSvg(svg: string): string {
  if (svg.length > MAX_DRAWING_BYTES) throw new DrawingRefused('too-large', `${svg.length} characters`);
  const out: string[] = [];
  /** > 0 while inside a dropped element: how many of its tags are open. */
  let dropping = 0;
  let sawRoot = false;
  let at = 0;
  const refuse = (why: string): never => { throw new DrawingRefused('not-svg', `${why} at offset ${at}`); };
  const keep = (text: string): void => { if (dropping === 0) out.push(text); };
  while (at < svg.length) {
    const open = svg.indexOf('<', at);
    if (open < 0) { keep(svg.slice(at)); break; }
    keep(svg.slice(at, open));
    at = open;
    if (svg.startsWith('<!--', at)) at = copyThrough(svg, at, '-->', keep, refuse);
    else if (svg.startsWith('<![CDATA[', at)) at = copyThrough(svg, at, ']]>', keep, refuse);
    else if (svg.startsWith('<?', at)) at = copyThrough(svg, at, '?>', keep, refuse);
    else if (svg.startsWith('<!', at)) refuse('a DOCTYPE or declaration');
    else if (svg.startsWith('</', at)) {
      const close = svg.indexOf('>', at);
      if (close < 0) refuse('an unterminated end tag');
      if (dropping > 0) dropping--;
      else out.push(svg.slice(at, close + 1));
      at = close + 1;
    } else {
      const tag = readStartTag(svg, at, refuse);
      const local = localName(tag.name);
      if (!sawRoot) {
        if (local !== 'svg') refuse(`a <${tag.name}> element where <svg> should be`);
        sawRoot = true;
      }
      if (dropping > 0 || DROPPED_ELEMENTS.has(local)) {
        if (!tag.selfClosing) dropping++;
      } else {
        const attributes = tag.attributes.filter((a) => isSafeSvgAttribute(a.name, a.value)).map((a) => ` ${a.name}=${a.quote}${a.value}${a.quote}`);
        out.push(`<${tag.name}${attributes.join('')}${tag.selfClosing ? '/>' : '>'}`);
      }
      at = tag.end;
    }
  }
  if (!sawRoot) refuse('no <svg> element');
  return out.join('');
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1).toLowerCase();
}

function copyThrough(svg: string, at: number, end: string, keep: (t: string) => void, refuse: (why: string) => never): number {
  const close = svg.indexOf(end, at);
  if (close < 0) refuse(`no closing ${end}`);
  keep(svg.slice(at, close + end.length));
  return close + end.length;
}

interface StartTag {
  name: string;
  attributes: Array<{ name: string; value: string; quote: string }>;
  selfClosing: boolean;
  /** Offset just after the tag's `>`. */
  end: number;
}

const NAME = /[^\s=/>"'<]+/y;
const SPACE = /\s*/y;

/** Reads `<name a="v" b='w' …>` or `…/>` starting at `at` (which holds `<`). */
function readStartTag(svg: string, at: number, refuse: (why: string) => never): StartTag {
  const match = (pattern: RegExp, from: number): string => {
    pattern.lastIndex = from;
    return pattern.exec(svg)?.[0] ?? '';
  };
  let i = at + 1;
  const name = match(NAME, i);
  if (!name) refuse('a tag without a name');
  i += name.length;
  const attributes: StartTag['attributes'] = [];
  for (;;) {
    i += match(SPACE, i).length;
    if (svg.startsWith('/>', i)) return { name, attributes, selfClosing: true, end: i + 2 };
    if (svg[i] === '>') return { name, attributes, selfClosing: false, end: i + 1 };
    const attribute = match(NAME, i);
    if (!attribute) refuse(`an unreadable attribute in <${name}>`);
    i += attribute.length;
    i += match(SPACE, i).length;
    if (svg[i] !== '=') refuse(`attribute ${attribute} without a value`);
    i += 1 + match(SPACE, i + 1).length;
    const quote = svg[i];
    if (quote !== '"' && quote !== "'") refuse(`attribute ${attribute} without quotes`);
    const close = svg.indexOf(quote, i + 1);
    if (close < 0) refuse(`attribute ${attribute} never closes`);
    const value = svg.slice(i + 1, close);
    if (value.includes('<')) refuse(`a "<" in attribute ${attribute}`);
    attributes.push({ name: attribute, value, quote });
    i = close + 1;
  }
}
