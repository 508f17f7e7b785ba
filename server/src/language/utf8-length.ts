/**
 * How many bytes a text takes in UTF-8, without Node's `Buffer`: the reader runs in the
 * browser too (the playground's and vscode.dev's Web Worker), where there is no Buffer,
 * and `TextEncoder` would copy the whole text to count it. A lone surrogate counts 3,
 * as the U+FFFD that encoders write for it (the same as `Buffer.byteLength`).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4; // a surrogate pair: one code point above U+FFFF
      i++;
    } else bytes += 3; // the rest of the BMP, and a surrogate without its other half
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
