/**
 * The fallback browser (docs/browser.md): the headless Chromium inside the optional npm
 * package @sparticuz/chromium, unpacked into a cache folder, starts here and draws the
 * same SVG as the browser of this test run (the system's Chromium where there is one).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBundledChromiumPackage, unpackBundledChromium } from '../../server/src/export/bundled-chromium.js';
import { findOrUnpackChromium } from '../../server/src/export/chromium.js';
import { scenarioDiagram } from '../../server/src/export/formats.js';
import { DiagramRenderer } from '../../server/src/export/renderer.js';
import { chromiumPath, EXAMPLES } from './support.js';

async function drawWith(executablePath: string, mermaid: string): Promise<string> {
  const renderer = await DiagramRenderer.launch(executablePath);
  try {
    return (await renderer.svg(mermaid, 'light')).svg;
  } finally {
    await renderer.close();
  }
}

describe('the browser from the npm registry', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'tcpflow-bundled-chromium-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is installed by npm install on Linux x64, and only looked for there', () => {
    const pkg = findBundledChromiumPackage('linux', 'x64');
    expect(pkg?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(existsSync(join(pkg!.dir, 'bin', 'chromium.br'))).toBe(true);
    expect(findBundledChromiumPackage('darwin', 'arm64')).toBeUndefined();
    expect(findBundledChromiumPackage('linux', 'arm64')).toBeUndefined();
  });

  it('unpacks once, also when two unpack at the same time, and draws the same SVG as the run\'s browser', async () => {
    const pkg = findBundledChromiumPackage('linux', 'x64')!;
    const cacheDir = join(scratch, 'cache', pkg.version);
    const [first, second] = await Promise.all([unpackBundledChromium(pkg, cacheDir), unpackBundledChromium(pkg, cacheDir)]);
    expect(second).toBe(first);
    expect(existsSync(first)).toBe(true);
    expect(existsSync(join(cacheDir, 'lib', 'libnss3.so'))).toBe(true);

    const { mermaid } = scenarioDiagram(readFileSync(join(EXAMPLES, 'three-way-handshake.tcpflow'), 'utf8'));
    const bundled = await drawWith(first, mermaid);
    expect(bundled).toContain('<svg');
    expect(bundled).toBe(await drawWith(chromiumPath(), mermaid));
  }, 180_000);

  it('is not used when TCPFLOW_CHROMIUM names a browser that is not there', async () => {
    const found = await findOrUnpackChromium({ TCPFLOW_CHROMIUM: join(scratch, 'no-such-browser') }, 'linux');
    expect(found).toEqual({ problem: expect.stringContaining('no-such-browser') });
  });
});
