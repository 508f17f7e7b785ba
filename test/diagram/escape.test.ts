/** Escaping user text for Mermaid: nothing but letters, digits, a few marks and `#NNN;` entities survive. */
import { describe, expect, it } from 'vitest';
import { escapeForMermaidWrap, escapeText, escapeWrapped, participantId } from '../../server/src/diagram/escape.js';
import { INJECTION_PAYLOADS } from '../preview/injection-corpus.js';

/** Every `#` starts an entity and every `;` ends one; nothing else Mermaid reads specially remains. */
function assertInert(out: string, context: 'text' | 'alias'): void {
  const withoutEntities = out.replace(/#\d+;/g, '');
  expect(withoutEntities).not.toMatch(/[#;%<>{}[\]"`$&\\|@\n\r]/);
  if (context === 'alias') expect(withoutEntities).not.toMatch(/[,:]/);
  expect(out).not.toMatch(/^(:|(no)?wrap:)/i);
}

describe('escapeText', () => {
  it.each(INJECTION_PAYLOADS.map((p, i) => [i, p] as const))('leaves nothing active in payload %i', (_i, payload) => {
    assertInert(escapeText(payload), 'text');
    assertInert(escapeText(payload, 60, 'alias'), 'alias');
    for (const line of escapeWrapped(payload).split('<br>')) assertInert(line, 'text');
    const forWrap = escapeForMermaidWrap(payload);
    expect(forWrap.startsWith('wrap:')).toBe(true);
    assertInert(forWrap.slice('wrap:'.length), 'text');
  });

  it('round-trips: decoding the entities gives the text back', () => {
    for (const payload of INJECTION_PAYLOADS.filter((p) => p.length < 200)) {
      const decoded = escapeText(payload, 1000).replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
      expect(decoded).toBe(payload.replace(/[\r\n\t\f\v]+/g, ' ').trim() || '\u00a0');
    }
  });

  it('keeps plain text readable', () => {
    expect(escapeText('Client 10.0.0.1:51000, port 80')).toBe('Client 10.0.0.1:51000, port 80');
    expect(escapeText('Client 10.0.0.1:51000, port 80', 60, 'alias')).toBe('Client 10.0.0.1#58;51000#44; port 80');
    expect(escapeText('Zürich 東京')).toBe('Zürich 東京');
  });

  it('cuts very long text', () => {
    expect(escapeText('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}#8230;`);
  });

  it('leaves a note over two participants for Mermaid to wrap, breaking long words between entity codes', () => {
    expect(escapeForMermaidWrap('one two three')).toBe('wrap:one two three');
    const broken = escapeForMermaidWrap(`${'<'.repeat(10)}${'x'.repeat(30)}`).slice('wrap:'.length);
    // Ten `#60;` (40 characters) cannot stay one word: pieces of at most 24, each whole entities.
    for (const word of broken.split(' ')) {
      expect(word.length).toBeLessThanOrEqual(24);
      expect(word.replace(/#\d+;/g, '')).toMatch(/^x*$/);
    }
    expect(broken.replace(/ /g, '')).toBe(`${'#60;'.repeat(10)}${'x'.repeat(30)}`);
    // Decoded, it is the text again (with the breaks as spaces), and no <br> stops Mermaid wrapping it.
    expect(escapeForMermaidWrap('a<br>b')).toBe('wrap:a#60;br#62;b');
  });

  it('wraps notes at word boundaries', () => {
    expect(escapeWrapped('one two three four', 9)).toBe('one two<br>three<br>four');
  });
});

describe('participantId', () => {
  it('keeps ordinary names and renames Mermaid keywords', () => {
    expect(participantId('client', 1)).toBe('client');
    expect(participantId('END', 2)).toBe('p2_');
    expect(participantId('x', 3)).toBe('p3_');
  });
});
