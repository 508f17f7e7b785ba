/**
 * The extension's own texts (vscode.l10n.t in client/src, English source strings) and
 * package.json's %keys%: every one has its Chinese translation, with the same
 * placeholders, and no translation is left over for a text that is gone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The first argument of every `l10n.t('…'` call (single-quoted literals, as the client writes them). */
const used = [...new Set(sources(join(ROOT, 'client', 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1'))))].sort();
const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();

describe('the extension\'s translations (l10n/)', () => {
  it('finds the texts', () => {
    expect(used.length).toBeGreaterThan(5);
  });

  it.each(used)('"%s" is translated, with the same placeholders', (text) => {
    expect(bundle[text], 'missing from l10n/bundle.l10n.zh-cn.json').toBeTypeOf('string');
    expect(bundle[text].trim()).not.toBe('');
    expect(bundle[text]).not.toBe(text);
    expect(placeholders(bundle[text])).toBe(placeholders(text));
  });

  it('keeps no translation of a text the client no longer uses', () => {
    expect(Object.keys(bundle).filter((k) => !used.includes(k))).toEqual([]);
  });

  it('package.json\'s %keys% are in package.nls.json and package.nls.zh-cn.json', () => {
    const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const table = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, string>;
      expect(Object.keys(table).sort(), file).toEqual([...keys].sort());
    }
  });
});
