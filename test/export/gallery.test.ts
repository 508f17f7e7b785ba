/**
 * docs/gallery.md and docs/gallery/*.svg are current: the page is rebuilt in memory and
 * compared byte for byte; each SVG must carry the stamp of its example's current
 * Mermaid source (the SVG bytes themselves depend on the browser's fonts).
 * To update: `npm run gallery`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSvgKey } from '../../server/src/export/formats.js';
import { galleryEntries, galleryMarkdown } from '../../server/src/export/gallery.js';
import { exampleFiles, ROOT } from './support.js';

describe('gallery', () => {
  const entries = galleryEntries(ROOT);

  it('has every example', () => {
    expect(entries.filter((e) => e.section === 'examples').map((e) => `${e.name}.tcpflow`)).toEqual(exampleFiles());
  });

  it('docs/gallery.md is current (run `npm run gallery` if not)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'gallery.md'), 'utf8')).toBe(galleryMarkdown(entries));
  });

  it('each SVG was drawn from its example as it is now, and no SVG is left over', () => {
    for (const e of entries) {
      const path = join(ROOT, 'docs', 'gallery', `${e.name}.svg`);
      expect(existsSync(path), `${path} missing: run npm run gallery`).toBe(true);
      const svg = readFileSync(path, 'utf8');
      expect(readSvgKey(svg), `${e.name}.svg is stale: run npm run gallery`).toBe(e.key);
      expect(svg).not.toMatch(/<script|\son[a-z]+\s*=/i);
    }
    const svgs = readdirSync(join(ROOT, 'docs', 'gallery')).filter((f) => f.endsWith('.svg')).sort();
    expect(svgs).toEqual(entries.map((e) => `${e.name}.svg`).sort());
  });
});
