/**
 * Chinese text in exported images (server/src/export/cjk-font.ts): the built CLI
 * exports a scenario with a Chinese title and Chinese labels to PNG, and the pixels show
 * the glyphs, not empty boxes. Chromium runs with a fontconfig that hides every system
 * CJK font, so the only CJK font it can use is the one the export brings; the same CLI
 * installed without the font package is the control, and draws boxes.
 *
 * The measure: two scenarios that differ only in which Chinese characters they use
 * (same lengths, so the same layout). Boxes are the same whatever the character, so
 * their images are identical; drawn glyphs differ, in the title and in the labels.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { clipRange } from '../../server/src/export/cjk-font.js';
import { ROOT, testBuild } from '../support/test-build.js';
import { finished, scratch } from './support.js';

const scenario = (title: string, a: string, b: string) => [
  `scenario "${title}"`,
  `participant ${a}`,
  `participant ${b} starts LISTEN`,
  `${a}: connect`,
  `${a} -> ${b} : SYN seq=J`,
  `note over ${a}, ${b} : ${title}`,
  '',
].join('\n');

/** Same lengths, other characters. */
const FIRST = scenario('三次握手', '客户端', '服务器');
const SECOND = scenario('四次挥手', '发送方', '接收者');

/** System fonts as configured, minus every CJK font file a Linux distribution ships. */
const NO_SYSTEM_CJK = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <glob>*CJK*</glob><glob>*cjk*</glob><glob>*wqy*</glob><glob>*WenQuanYi*</glob><glob>*SourceHan*</glob>
    <glob>*NotoSansSC*</glob><glob>*NotoSerifSC*</glob><glob>*DroidSansFallback*</glob><glob>*arphic*</glob>
    <glob>*uming*</glob><glob>*ukai*</glob><glob>*Unifont*</glob><glob>*unifont*</glob><glob>*HanaMin*</glob>
  </rejectfont></selectfont>
</fontconfig>
`;

interface Pixels { readonly width: number; readonly height: number; readonly rgba: Uint8Array }

/** Decodes a non-interlaced 8-bit RGB or RGBA PNG (what Chromium's screenshots are). */
function decodePng(png: Buffer): Pixels {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [depth, colour, , , interlace] = png.subarray(24, 29);
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) throw new Error(`unexpected PNG: depth ${depth}, colour ${colour}`);
  const channels = colour === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const previous = new Uint8Array(stride);
  const current = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? current[x - channels] : 0;
      const up = previous[x];
      const upLeft = x >= channels ? previous[x - channels] : 0;
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      current[x] = (byte + [0, left, up, (left + up) >> 1, paeth][filter]) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) out[(y * width + x) * 4 + c] = current[x * channels + c];
      out[(y * width + x) * 4 + 3] = channels === 4 ? current[x * channels + 3] : 255;
    }
    previous.set(current);
  }
  return { width, height, rgba: out };
}

/** How many pixels differ between two images of the same size, in rows [top, bottom). */
function differingPixels(a: Pixels, b: Pixels, top = 0, bottom = a.height): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let count = 0;
  for (let i = top * a.width * 4; i < bottom * a.width * 4; i += 4) {
    if (a.rgba[i] !== b.rgba[i] || a.rgba[i + 1] !== b.rgba[i + 1] || a.rgba[i + 2] !== b.rgba[i + 2]) count++;
  }
  return count;
}

let dir: string;
let env: NodeJS.ProcessEnv;
/** The test build's CLI beside a node_modules with everything it needs but the font package. */
let cliWithoutFont: string;

beforeAll(() => {
  dir = scratch('tcpflow-cjk-');
  writeFileSync(join(dir, 'fonts.conf'), NO_SYSTEM_CJK);
  env = { FONTCONFIG_FILE: join(dir, 'fonts.conf') };
  writeFileSync(join(dir, 'first.tcpflow'), FIRST);
  writeFileSync(join(dir, 'second.tcpflow'), SECOND);
  const bare = join(dir, 'without-font');
  mkdirSync(join(bare, 'node_modules'), { recursive: true });
  for (const pkg of ['playwright-core', 'mermaid']) symlinkSync(join(ROOT, 'node_modules', pkg), join(bare, 'node_modules', pkg));
  cliWithoutFont = join(bare, 'cli.js');
  copyFileSync(testBuild().cli, cliWithoutFont);
  // The CLI draws in the export page of the webview build beside it (export/renderer.ts).
  symlinkSync(join(dirname(testBuild().cli), 'webview'), join(bare, 'webview'));
});

async function exportPng(cli: string, name: string, out: string): Promise<Pixels> {
  const child = spawn(process.execPath, [cli, 'export', `${name}.tcpflow`, '--format', 'png', '-o', out], { cwd: dir, env: { ...process.env, ...env } });
  const run = await finished(child);
  expect(run.stderr).not.toMatch(/error|Error/);
  expect(run.code).toBe(0);
  return decodePng(readFileSync(join(dir, out)));
}

describe('Chinese text exported to PNG', () => {
  it('this machine shows no system CJK font to Chromium (the precondition of the test)', () => {
    const listed = spawnSync('fc-list', [':lang=zh', 'file'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    // Without fc-list the control below still shows it: the exports without the font are identical.
    if (listed.error === undefined) expect(listed.stdout.trim()).toBe('');
  });

  it('without the font package, every character is the same empty box (the control)', async () => {
    const first = await exportPng(cliWithoutFont, 'first', 'bare-first.png');
    const second = await exportPng(cliWithoutFont, 'second', 'bare-second.png');
    expect(differingPixels(first, second)).toBe(0);
  }, 120_000);

  it('with the font the export brings, the glyphs are drawn: other characters, other pixels, in the title and the labels', async () => {
    const cli = testBuild().cli;
    const first = await exportPng(cli, 'first', 'first.png');
    const second = await exportPng(cli, 'second', 'second.png');
    const bare = decodePng(readFileSync(join(dir, 'bare-first.png')));
    // The title is the top 40 rows; the participant boxes come right below.
    expect(differingPixels(first, second, 0, 40)).toBeGreaterThan(100);
    expect(differingPixels(first, second, 40, 130)).toBeGreaterThan(100);
    // And the same text with the font differs from the boxes drawn without it.
    expect([first.width, first.height]).toEqual([bare.width, bare.height]);
    expect(differingPixels(first, bare, 0, 40)).toBeGreaterThan(100);
  }, 120_000);

  it('an SVG names the font, then Mermaid\'s fonts, the CJK fonts systems ship and sans-serif', async () => {
    const run = await finished(spawn(process.execPath, [testBuild().cli, 'export', 'first.tcpflow', '--format', 'svg', '-o', '-'], { cwd: dir, env: { ...process.env, ...env } }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/font-family:"Noto Sans SC","trebuchet ms",verdana,arial,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif/);
    expect(run.stdout).toContain('三次握手');
  }, 120_000);
});

describe('the font covers CJK only', () => {
  it('clips a subset\'s unicode-range to U+2E80 and above, so Latin text keeps its fonts', () => {
    expect(clipRange('U+20-7e,U+2192,U+2e80-2e99,U+4e00', 0x2e80)).toBe('U+2e80-2e99,U+4e00');
    expect(clipRange('U+2000-3000', 0x2e80)).toBe('U+2e80-3000');
    expect(clipRange('U+20-7e', 0x2e80)).toBe('');
  });
});
