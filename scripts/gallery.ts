/**
 * `npm run gallery`: draws every example into docs/gallery/NAME.svg and writes
 * docs/gallery.md. An SVG whose stamp already matches its source is left alone, so a
 * run with nothing changed rewrites nothing. test/export/gallery.test.ts checks that
 * the checked-in page and SVG stamps are current.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../server/src/export/atomic-write.js';
import { readSvgKey, stampSvg } from '../server/src/export/formats.js';
import { GALLERY_THEME, galleryEntries, galleryMarkdown } from '../server/src/export/gallery.js';
import { RenderSession } from '../server/src/export/session.js';

async function main(): Promise<number> {
  const root = resolve(process.argv[2] ?? process.cwd());
  const entries = galleryEntries(root);
  if (entries.length === 0) {
    process.stderr.write(`gallery: no examples under ${join(root, 'examples')}\n`);
    return 2;
  }
  const folder = join(root, 'docs', 'gallery');
  const session = new RenderSession();
  const started = Date.now();
  let drawn = 0;
  try {
    for (const e of entries) {
      const path = join(folder, `${e.name}.svg`);
      if (existsSync(path) && readSvgKey(readFileSync(path, 'utf8').slice(0, 200)) === e.key) continue;
      const svg = await (await session.get()).svg(e.diagram.mermaid, GALLERY_THEME);
      writeFileAtomic(path, stampSvg(svg.svg, e.key), `docs/gallery/${e.name}.svg`);
      drawn++;
      process.stdout.write(`docs/gallery/${e.name}.svg\n`);
    }
  } finally {
    await session.close();
  }
  // SVGs of examples that are gone.
  const wanted = new Set(entries.map((e) => `${e.name}.svg`));
  for (const f of readdirSync(folder)) {
    if (f.endsWith('.svg') && !wanted.has(f)) {
      unlinkSync(join(folder, f));
      process.stdout.write(`removed docs/gallery/${f}\n`);
    }
  }
  const page = join(root, 'docs', 'gallery.md');
  const markdown = galleryMarkdown(entries);
  if (!existsSync(page) || readFileSync(page, 'utf8') !== markdown) {
    writeFileAtomic(page, markdown, 'docs/gallery.md');
    process.stdout.write('docs/gallery.md\n');
  }
  process.stdout.write(`gallery: ${entries.length} examples, ${drawn} drawn in ${Date.now() - started} ms\n`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`gallery: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
