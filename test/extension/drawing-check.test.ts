/**
 * The host's check of drawings sent back by an export webview
 * (client/src/export/drawing-check.ts): PNGs whole and of a canvas's size, SVGs without
 * script, event attributes or outside links — and a real export SVG passes unchanged.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPng, DrawingRefused, MAX_DRAWING_BYTES, MAX_PNG_SIDE, sanitizeSvg } from '../../client/src/export/drawing-check.js';

/** A real PNG (signature, IHDR, IDAT, IEND with CRCs) of width × height grey pixels. */
function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => { let c = 0xffffffff; for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc(Math.min(height, 4) * (width + 1), 0x80);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DrawingRefused) return error.problem;
    throw error;
  }
}

describe('PNG from the webview', () => {
  it('a whole PNG passes, byte for byte', () => {
    const image = png(3, 2);
    expect(checkPng(image)).toBe(image);
  });

  it.each([
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['HTML', new TextEncoder().encode('<!DOCTYPE html><script>alert(1)</script>')],
    ['nothing', new Uint8Array(0)],
    ['a PNG cut short', png(3, 2).slice(0, 40)],
    ['a PNG signature followed by other bytes', new Uint8Array([...png(3, 2).slice(0, 8), ...new Uint8Array(60)])],
  ])('%s is refused', (_name, bytes) => {
    expect(refusal(() => checkPng(bytes))).toBe('not-png');
  });

  it('a PNG wider or taller than a canvas can be is refused, as is an empty one', () => {
    expect(refusal(() => checkPng(png(MAX_PNG_SIDE + 1, 1)))).toBe('png-too-large');
    expect(refusal(() => checkPng(png(1, MAX_PNG_SIDE + 1)))).toBe('png-too-large');
    expect(refusal(() => checkPng(png(0, 5)))).toBe('png-too-large');
    expect(refusal(() => checkPng(png(MAX_PNG_SIDE, 1)))).toBeUndefined();
  });

  it('more bytes than the bound are refused before anything else is read', () => {
    expect(refusal(() => checkPng(new Uint8Array(MAX_DRAWING_BYTES + 1)))).toBe('too-large');
  });
});

describe('SVG from the webview', () => {
  const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

  it('a clean drawing passes unchanged: styles, markers, #links, text with > and entities, comments', () => {
    const clean = svg('<style>#d .actor > text { fill: #333; }</style><defs><marker id="arrowhead"><path d="M 0 0 L 10 5"/></marker></defs>'
      + '<!-- a comment --><line marker-end="url(#arrowhead)" x1=\'0\' x2="5"/><use href="#arrowhead" xlink:href="#arrowhead"/>'
      + '<text class="messageText">SYN &gt; ACK &amp; "quoted" a&lt;b</text>', ' width="10" height="20" style="max-width: 10px;"');
    expect(sanitizeSvg(`<?xml version="1.0"?>${clean}`)).toBe(`<?xml version="1.0"?>${clean}`);
  });

  it.each([
    ['a script element', svg('<script>alert(1)</script><text>ok</text>'), svg('<text>ok</text>')],
    ['a namespaced script with CDATA', svg('<svg:script><![CDATA[alert("</svg>")]]></svg:script><text>ok</text>'), svg('<text>ok</text>')],
    ['a self-closing script', svg('<script href="x.js"/><text>ok</text>'), svg('<text>ok</text>')],
    ['nested inside a dropped element', svg('<foreignObject><iframe src="x"><object><embed/></object></iframe></foreignObject>'), svg('<foreignObject></foreignObject>')],
    ['event attributes, any case', svg('<g onclick="alert(1)" OnMouseOver=\'x\' class="a"/>', ' onload="alert(1)"'), svg('<g class="a"/>')],
    ['outside links', svg('<a href="javascript:alert(1)"><text>x</text></a><image xlink:href="https://evil.example/t.png"/><use href="#ok"/>'),
      svg('<a><text>x</text></a><image/><use href="#ok"/>')],
    ['animation that could set an href', svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="xlink:href" values="javascript:alert(1)"></animate>x</a>'),
      svg('<a href="#x">x</a>')],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeSvg(input)).toBe(expected);
  });

  it.each([
    ['HTML, not SVG', '<html><body><script>alert(1)</script></body></html>'],
    ['a DOCTYPE with entities', '<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['an unquoted attribute', '<svg xmlns="http://www.w3.org/2000/svg"><g onclick=alert(1)></g></svg>'],
    ['an attribute that never closes', '<svg xmlns="http://www.w3.org/2000/svg"><g class="a></g></svg>'],
    ['an unterminated comment', '<svg xmlns="http://www.w3.org/2000/svg"><!-- <script>alert(1)</script></svg>'],
    ['text only', 'alert(1)'],
  ])('refuses %s', (_name, input) => {
    expect(refusal(() => sanitizeSvg(input))).toBe('not-svg');
  });

  it('reads a large drawing in one pass (a 4 MB label, 100 000 elements)', () => {
    const big = svg(`<text>${'x'.repeat(4_000_000)}</text>${'<g class="a"><rect width="1"/></g>'.repeat(100_000)}`);
    expect(sanitizeSvg(big)).toBe(big);
  });
});
