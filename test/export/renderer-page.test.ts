/**
 * The CLI's renderer draws through the export panel's page from the webview build
 * (server/src/export/renderer.ts). Without that build it says so in one line, before
 * any browser is started.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagramRenderer, RenderError, webviewBundleDir } from '../../server/src/export/renderer.js';

describe('the export page the renderer opens', () => {
  const empty = mkdtempSync(join(tmpdir(), 'tcpflow-no-webview-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('is missing: one line naming the file and how to build it, and no browser is started', async () => {
    // A browser path that does not exist: reaching the launch would fail with another message.
    const attempt = DiagramRenderer.launch(join(empty, 'no-such-chromium'), 1_000, empty);
    await expect(attempt).rejects.toBeInstanceOf(RenderError);
    await expect(attempt).rejects.toThrow(`the export page is missing (${join(empty, 'export.js')}); build it with npm run bundle`);
  });

  it('is found in the repository build when the renderer runs from source', () => {
    expect(webviewBundleDir()).toBe(join(process.cwd(), 'out', 'webview'));
  });
});
