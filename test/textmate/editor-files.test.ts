/**
 * The other editor files: every snippet expands to lines the grammar reads without a
 * gap, and language-configuration.json's word pattern picks sensible words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenizeLines } from './tokenize.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${root}${path}`, 'utf8'));

interface Snippet { prefix: string | string[]; body: string | string[]; description: string }
const snippets = readJson('snippets/tcpflow.json') as Record<string, Snippet>;

/** What the user gets by pressing Tab through the snippet: each placeholder's default. */
function expand(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) {
    const seen = defaults.get(m[1]);
    if (seen !== undefined && seen !== m[2]) throw new Error(`tab stop ${m[1]} has two defaults: ${seen}, ${m[2]}`);
    defaults.set(m[1], m[2]);
  }
  return text
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, _n: string, value: string) => value)
    .replace(/\$\{?(\d+)\}?/g, (_, n: string) => defaults.get(n) ?? '');
}

/** Scopes that mean "this word is not what the language expects here". */
const SUSPECT = /unrecognized|\.unknown\./;

describe('snippets', () => {
  const names = Object.keys(snippets);

  it('cover the handshake, the close, a refused connection, simultaneous open, data transfer and the socket calls', () => {
    expect(names).toEqual(['Three-way handshake', 'Four-way close', 'Connection refused', 'Simultaneous open', 'Data transfer', 'Socket calls and what they return', 'Connect refused, stated']);
    for (const snippet of Object.values(snippets)) {
      expect(snippet.description.length).toBeGreaterThan(10);
      expect(expand(snippet.body)).not.toMatch(/\$/);
      // tab stops for the participant names and the ISN symbols
      expect(snippet.body.toString()).toMatch(/\$\{1:[A-Za-z_]\w*\}/);
      expect(snippet.body.toString()).toMatch(/\$\{2:[A-Za-z_]\w*\}/);
      expect(snippet.body.toString()).toMatch(/\$\{3:J\}/);
    }
  });

  it.each(names)('%s: every line is read by the grammar, with no gap and nothing unknown', async (name) => {
    const text = expand(snippets[name].body);
    const lines = await tokenizeLines(text);
    lines.forEach((tokens, i) => {
      const source = text.split('\n')[i];
      if (source.trim() === '') return;
      const bare = tokens.filter((t) => t.text.trim() !== '' && t.scopes.length === 0).map((t) => t.text);
      expect(bare, source).toEqual([]);
      const suspect = tokens.filter((t) => t.scopes.some((s) => SUSPECT.test(s))).map((t) => t.text);
      expect(suspect, source).toEqual([]);
      // each line begins with a statement keyword or a participant name
      expect(tokens[0].scopes.at(-1), source).toMatch(/^(keyword\.control|entity\.name\.type\.participant)\./);
    });
  });

  it.each(names)('%s: states in expect lines are RFC 9293 names, flags are flags', async (name) => {
    const text = expand(snippets[name].body);
    for (const tokens of await tokenizeLines(text)) {
      const line = tokens.map((t) => t.text).join('');
      if (line.startsWith('expect ')) {
        const states = tokens.filter((t) => t.scopes.includes('constant.language.state.tcpflow')).map((t) => t.text);
        expect(states.length).toBeGreaterThan(0);
        for (const s of states) expect(s).toMatch(/^(CLOSED|LISTEN|SYN-SENT|SYN-RECEIVED|ESTABLISHED|FIN-WAIT-[12]|CLOSE-WAIT|CLOSING|LAST-ACK|TIME-WAIT)$/);
      }
      const arrow = tokens.find((t) => t.scopes.some((s) => s.startsWith('keyword.operator.arrow.')));
      if (arrow) {
        const afterColon = line.slice(line.indexOf(':') + 1).trim().split(/\s+/)[0];
        expect(tokens.find((t) => t.text === afterColon)?.scopes.at(-1)).toMatch(/^constant\.language\.flag\./);
      }
    }
  });
});

describe('language-configuration.json', () => {
  const config = readJson('language-configuration.json') as {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: unknown[];
    autoClosingPairs: Array<{ open: string; close: string }>;
    surroundingPairs: Array<[string, string]>;
    wordPattern: string;
    folding: { markers: { start: string; end: string } };
  };

  it('comments, quotes and no brackets', () => {
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(config.brackets).toEqual([]);
    expect(config.autoClosingPairs.map((p) => [p.open, p.close])).toEqual([['"', '"']]);
    expect(config.surroundingPairs).toEqual([['"', '"']]);
  });

  it('region folding markers', () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    expect(start.test('// region handshake')).toBe(true);
    expect(start.test('  //#region')).toBe(true);
    expect(end.test('// endregion')).toBe(true);
    expect(start.test('// endregion')).toBe(false);
    expect(start.test('client: connect // region')).toBe(false);
  });

  it('word pattern: state names with hyphens are one word, J+1 and arrows are not', () => {
    const words = (line: string) => line.match(new RegExp(config.wordPattern, 'g'));
    expect(words('expect client SYN-SENT, server FIN-WAIT-1')).toEqual(['expect', 'client', 'SYN-SENT', 'server', 'FIN-WAIT-1']);
    expect(words('expect a fin-wait-2, b TIME_WAIT')).toEqual(['expect', 'a', 'fin-wait-2', 'b', 'TIME_WAIT']);
    expect(words('client -> server : ACK seq=J+1 ack=K-1')).toEqual(['client', 'server', 'ACK', 'seq', 'J', '1', 'ack', 'K', '1']);
    expect(words('a-x b: SYN')).toEqual(['a', 'x', 'b', 'SYN']);
    expect(words('a-->b')).toEqual(['a', 'b']);
    expect(words('client: timeout 2MSL')).toEqual(['client', 'timeout', '2MSL']);
  });
});
