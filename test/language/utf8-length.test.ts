/**
 * The reader counts a `data="…"` payload's bytes (and a document's size) without Node's
 * Buffer, so that it also runs in the browser's Web Worker (the playground, vscode.dev):
 * the count must be what UTF-8 really takes, which Node's Buffer.byteLength says here.
 */
import { describe, expect, it } from 'vitest';
import { countUtf8Bytes, utf8ByteLength } from '../../server/src/language/utf8-length.js';
import { analyzeText } from '../../server/src/language/analyze.js';

describe('utf8ByteLength', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['é', 2], // U+00E9: two bytes
    ['中文', 6], // three bytes each
    ['😀', 4], // a surrogate pair: one code point, four bytes
    ['\ud83d', 3], // a lone high surrogate: written as U+FFFD
    ['\ude00x', 4], // a lone low surrogate, then ASCII
    ['\ude00\ud83d', 6], // the halves in the wrong order are two lone surrogates
  ])('%j takes %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(countUtf8Bytes(text)).toBe(bytes); // the browser's count
    expect(Buffer.byteLength(text, 'utf8')).toBe(bytes);
  });

  it('counts by hand (as in a browser) what Buffer.byteLength says, on every UTF-16 unit, alone and before a low surrogate', () => {
    const differing: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      for (const text of [String.fromCharCode(unit), `${String.fromCharCode(unit)}\udc00`]) {
        if (countUtf8Bytes(text) !== Buffer.byteLength(text, 'utf8')) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });
});

describe('a segment\'s length against its data, counted in UTF-8', () => {
  const scenario = (segment: string) => [
    'participant client',
    'participant server starts LISTEN',
    'client -> server : SYN seq=J',
    'server -> client : SYN ACK seq=K ack=J+1',
    'client -> server : ACK seq=J+1 ack=K+1',
    segment,
  ].join('\n');

  it('len= that matches the UTF-8 bytes of a Chinese payload is no error', () => {
    const { diagnostics } = analyzeText(scenario('client -> server : PSH ACK seq=J+1 ack=K+1 len=6 data="中文"')).analysis;
    expect(diagnostics.filter((d) => d.code === 'bad-field')).toEqual([]);
  });

  it('len= that counts characters instead of bytes is an error naming the bytes', () => {
    const { diagnostics } = analyzeText(scenario('client -> server : PSH ACK seq=J+1 ack=K+1 len=2 data="中文"')).analysis;
    expect(diagnostics.filter((d) => d.code === 'bad-field').map((d) => d.message).join('\n')).toMatch(/\b6\b/);
  });
});
