/**
 * How many bytes a text takes in UTF-8, without Node's `Buffer`: the reader runs in the
 * browser too (the playground's and vscode.dev's Web Worker), where there is no Buffer,
 * and `TextEncoder` would copy the whole text to count it. A lone surrogate counts 3,
 * as the U+FFFD that encoders write for it (the same as `Buffer.byteLength`).
 */
export function utf8ByteLength(text: string): number {
  // In Node the count is native: a 15 MB document's size check held the language
  // server's event loop for up to ~190 ms under load with the loop below.
  return nodeBuffer ? nodeBuffer.byteLength(text, 'utf8') : countUtf8Bytes(text);
}

/** The count by hand, as the browser's Web Worker makes it (exported for its tests). */
export function countUtf8Bytes(text: string): number {
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

/** Node's Buffer where there is one (not in a browser's Web Worker). */
const nodeBuffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: 'utf8'): number } }).Buffer;

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
