/**
 * The encodings a scenario or Markdown file may be in, told apart by the byte-order
 * mark: UTF-8 (with or without a BOM) and UTF-16 with a BOM, little or big endian.
 * UTF-16 is read rather than refused because Windows tools write it by default
 * (PowerShell 5's `>` and Out-File); `md --write` writes a file back in the encoding it
 * was read in, BOM included, so reading it never changes its bytes behind the user.
 * UTF-32, UTF-16 without a BOM and other binary data are refused with a line that says
 * what to do.
 */
import { say } from '../i18n/catalogue.js';
import { cliMessages } from '../i18n/messages/cli.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type Decoded = { readonly text: string; readonly encoding: TextEncoding } | { readonly problem: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The text of `bytes`, or why it is not text tcpflow reads (`file` names it in the message). */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { problem: say(cliMessages.utf32, { file }) };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be', file);
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) {
    // ASCII text in UTF-16 has a NUL in every other byte, starting at the first or the second.
    const utf16 = body.length >= 2 && (body[0] === 0) !== (body[1] === 0);
    return { problem: say(utf16 ? cliMessages.utf16WithoutBom : cliMessages.binary, { file }) };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { problem: say(cliMessages.notUtf8, { file }) };
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): Decoded {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { problem: say(cliMessages.badUtf16, { file }) };
  }
  if (text.includes('\0')) return { problem: say(cliMessages.binary, { file }) };
  return { text, encoding };
}

/** `text` as bytes in `encoding`, with the BOM it was read with. */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
