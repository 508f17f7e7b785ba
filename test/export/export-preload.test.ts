/**
 * The CLI's export page preloads the modules of its first diagram (`export-preload.json`,
 * worked out by scripts/webview-build.mjs from esbuild's metafile, as the preview's
 * `preload.json`), so Mermaid's chunks arrive in one round of requests. How much sooner
 * the export is, is measured by `npm run bench:export`, not here.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_PRELOAD_MANIFEST, PREVIEW_PRELOAD_MANIFEST, readPreloadManifest } from '../../server/src/export/preload-manifest.js';
import { DiagramRenderer } from '../../server/src/export/renderer.js';
import { scenarioDiagram } from '../../server/src/export/formats.js';
import { testBuild } from '../support/test-build.js';
import { chromiumPath, EXAMPLES } from './support.js';

const HANDSHAKE = scenarioDiagram(readFileSync(join(EXAMPLES, 'three-way-handshake.tcpflow'), 'utf8')).mermaid;

describe('the export page preloads', () => {
  const withoutManifest = mkdtempSync(join(tmpdir(), 'tcpflow-no-export-preload-'));
  afterAll(() => rmSync(withoutManifest, { recursive: true, force: true }));

  it('the export script, Mermaid and its sequence diagram, and nothing of the preview', () => {
    const modules = readPreloadManifest(testBuild().webview, EXPORT_PRELOAD_MANIFEST);
    expect(modules[0]).toMatch(/^chunks\/export-webview-script-/);
    expect(modules.some((m) => m.includes('mermaid.core'))).toBe(true);
    expect(modules.some((m) => m.includes('sequenceDiagram'))).toBe(true);
    expect(modules.some((m) => m.startsWith('chunks/preview-'))).toBe(false);
    // The preview's own manifest is a different list: it starts from the preview's module.
    expect(readPreloadManifest(testBuild().webview, PREVIEW_PRELOAD_MANIFEST)[0]).toMatch(/^chunks\/preview-/);
  });

  it('only hurry the drawing: without the manifest the page draws the same SVG', async () => {
    // The same build, every file but the export page's manifest.
    for (const name of readdirSync(testBuild().webview)) {
      if (name !== EXPORT_PRELOAD_MANIFEST) symlinkSync(join(testBuild().webview, name), join(withoutManifest, name));
    }
    const drawings: string[] = [];
    for (const dir of [testBuild().webview, withoutManifest]) {
      const renderer = await DiagramRenderer.launch(chromiumPath(), 60_000, dir);
      try {
        drawings.push((await renderer.svg(HANDSHAKE, 'light')).svg);
      } finally {
        await renderer.close();
      }
    }
    expect(drawings[0]).toContain('<svg');
    expect(drawings[1]).toBe(drawings[0]);
  }, 120_000);
});
