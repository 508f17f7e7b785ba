/**
 * Chinese (and Japanese/Korean ideographs) in exported images. Debian's chromium on a
 * machine without CJK fonts draws every Chinese character as an empty box, so the
 * export page brings its own: Noto Sans SC (SIL OFL 1.1), from the npm package
 * @fontsource-variable/noto-sans-sc, split by the package into ~100 woff2 subsets by
 * unicode-range. The page declares them all and Chromium fetches only the subsets a
 * diagram's characters fall in (a handshake titled in Chinese loads a few hundred KB,
 * not the 4.6 MB of the whole font). The page has no network: the fonts are the
 * package's files, named by file:// URLs.
 *
 * Only code points from U+2E80 (CJK radicals) up are given to the font: Latin text,
 * arrows and bullets keep the fonts they had, so an English diagram is drawn as before
 * even though the font heads the font-family list (mermaid-config.ts says why). An SVG
 * names it there, followed by Mermaid's fonts and the CJK fonts systems ship, so a
 * viewer without Noto Sans SC falls back cleanly.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChromiumPage } from './headless-chromium.js';
import { CJK_WEB_FONT } from './mermaid-config.js';

/** The npm package the font comes from (a dependency; without it exports fall back to system fonts). */
export const CJK_FONT_PACKAGE = '@fontsource-variable/noto-sans-sc';

/** The first code point the font is used for: CJK radicals, then everything above. */
const FIRST_CJK = 0x2e80;

export interface CjkFont {
  /** The @font-face rules, one per subset, each naming its file by a file:// URL. */
  readonly css: string;
}

let loaded: CjkFont | null | undefined;

/** The font as the page declares it, or undefined when the package is not installed. */
export function cjkFont(): CjkFont | undefined {
  if (loaded === undefined) loaded = readCjkFont() ?? null;
  return loaded ?? undefined;
}

function readCjkFont(): CjkFont | undefined {
  let directory: string;
  try {
    // The package's main file is its index.css, next to unicode.json and files/.
    directory = dirname(createRequire(import.meta.url).resolve(CJK_FONT_PACKAGE));
  } catch {
    return undefined;
  }
  let ranges: Record<string, string>;
  try {
    ranges = JSON.parse(readFileSync(join(directory, 'unicode.json'), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
  const rules: string[] = [];
  for (const [key, range] of Object.entries(ranges)) {
    // Numbered subsets ("[12]") hold the CJK characters; latin, cyrillic … are left to the system.
    const number = /^\[(\d+)\]$/.exec(key)?.[1];
    if (number === undefined) continue;
    const clipped = clipRange(range, FIRST_CJK);
    if (!clipped) continue;
    const file = pathToFileURL(join(directory, 'files', `noto-sans-sc-${number}-wght-normal.woff2`)).href;
    rules.push(`@font-face{font-family:'${CJK_WEB_FONT}';font-style:normal;font-weight:100 900;font-display:block;src:url("${file}") format('woff2');unicode-range:${clipped}}`);
  }
  return rules.length > 0 ? { css: rules.join('\n') } : undefined;
}

/** A CSS unicode-range (`U+4e00-4e0f,U+20`) without the code points below `from`; '' when nothing is left. */
export function clipRange(range: string, from: number): string {
  const kept: string[] = [];
  for (const part of range.split(',')) {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) continue;
    const start = parseInt(match[1], 16);
    const end = match[2] ? parseInt(match[2], 16) : start;
    if (end < from) continue;
    const first = Math.max(start, from);
    kept.push(first === end ? `U+${first.toString(16)}` : `U+${first.toString(16)}-${end.toString(16)}`);
  }
  return kept.join(',');
}

/**
 * Loads the subsets `text` needs before anything is measured or captured: Mermaid sizes
 * boxes by measuring text, and a font still loading measures as the fallback's boxes.
 * Mermaid's entity codes (`#27700;`, diagram/escape.ts) are read as the characters they stand for.
 */
export async function loadCjkGlyphs(page: ChromiumPage, text: string): Promise<void> {
  if (!cjkFont()) return;
  const decoded = text.replace(/#(\d{1,7});/g, (whole, code: string) => {
    const cp = Number(code);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
  const needed = [...new Set(Array.from(decoded).filter((ch) => ch.codePointAt(0)! >= FIRST_CJK))].join('');
  if (needed === '') return;
  await page.run(async ({ family, chars }) => {
    const fonts = (globalThis as unknown as { document: { fonts: { load(font: string, text: string): Promise<unknown>; ready: Promise<unknown> } } }).document.fonts;
    await fonts.load(`16px '${family}'`, chars);
    await fonts.ready;
  }, { family: CJK_WEB_FONT, chars: needed });
}
