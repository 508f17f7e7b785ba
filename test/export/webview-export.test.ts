/**
 * The VS Code path for SVG/PNG: the webview side (client/src/export/webview-export.ts)
 * run in headless Chromium with a bundled Mermaid, as the preview webview would run it,
 * answering requests made through the protocol's validators.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium as playwright, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPng, sanitizeSvg } from '../../client/src/export/drawing-check.js';
import { readExportRequest, readExportResult, type ExportResultMessage } from '../../client/src/export/webview-protocol.js';
import { scenarioDiagram } from '../../server/src/export/formats.js';
import { DiagramRenderer } from '../../server/src/export/renderer.js';
import { arrowLines, chromiumPath, EXAMPLES, pngSize } from './support.js';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';

describe('export drawn in the webview', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const bundle = await esbuild.build({
      entryPoints: [join(__dirname, 'fixtures', 'webview-export-entry.ts')],
      bundle: true, platform: 'browser', format: 'iife', target: 'es2022', write: false, logLevel: 'error',
    });
    browser = await playwright.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_LAUNCH_ARGS] });
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function ask(request: unknown): Promise<ExportResultMessage> {
    const checked = readExportRequest(request);
    expect(checked).toBeDefined();
    const answer = await page.evaluate((r) => (globalThis as unknown as { tcpflowExport(r: unknown): Promise<unknown> }).tcpflowExport(r), checked);
    const result = readExportResult(answer);
    expect(result).toBeDefined();
    return result!;
  }

  it('answers SVG and PNG requests; the PNG is the SVG times the scale; sizes match the CLI renderer', async () => {
    const text = readFileSync(join(EXAMPLES, 'data-transfer.tcpflow'), 'utf8');
    const { mermaid } = scenarioDiagram(text);
    const svg = await ask({ type: 'export', id: 1, mermaid, theme: 'light', format: 'svg', scale: 1 });
    if (!svg.ok || svg.format !== 'svg') throw new Error(svg.ok ? 'wrong format' : svg.error);
    expect(svg.id).toBe(1);
    expect(svg.svg).not.toMatch(/<script|\son[a-z]+\s*=/i);
    expect(svg.svg.match(/class="messageText"/g)).toHaveLength(arrowLines(text));
    const png = await ask({ type: 'export', id: 2, mermaid, theme: 'dark', format: 'png', scale: 2 });
    if (!png.ok || png.format !== 'png') throw new Error(png.ok ? 'wrong format' : png.error);
    const light = await ask({ type: 'export', id: 3, mermaid, theme: 'dark', format: 'svg', scale: 1 });
    if (!light.ok) throw new Error(light.error);
    expect(pngSize(Buffer.from(png.pngBase64, 'base64'))).toEqual({ width: light.width * 2, height: light.height * 2 });
    // The extension host's second check (drawing-check.ts) lets what the webview really draws through unchanged.
    expect(sanitizeSvg(svg.svg)).toBe(svg.svg);
    if (light.format === 'svg') expect(sanitizeSvg(light.svg)).toBe(light.svg); // the dark theme too
    expect(() => checkPng(new Uint8Array(Buffer.from(png.pngBase64, 'base64')))).not.toThrow();

    const renderer = await DiagramRenderer.launch(chromiumPath());
    try {
      const cli = await renderer.svg(mermaid, 'light');
      // The same sizing, up to a pixel or two of text width: the CLI's page carries the
      // CJK web font first in its font list (export/cjk-font.ts); the webview has the editor's.
      expect(Math.abs(svg.width - cli.width)).toBeLessThanOrEqual(2);
      expect(Math.abs(svg.height - cli.height)).toBeLessThanOrEqual(2);
    } finally {
      await renderer.close();
    }
  }, 60_000);

  it('reports a Mermaid failure as an error answer, not an exception', async () => {
    const result = await ask({ type: 'export', id: 9, mermaid: 'sequenceDiagram\nthis is not mermaid ->>', theme: 'light', format: 'svg', scale: 1 });
    expect(result.ok).toBe(false);
  });

  it('rejects malformed requests and answers', () => {
    expect(readExportRequest({ type: 'export', id: 1, mermaid: 'x', theme: 'neon', format: 'svg', scale: 1 })).toBeUndefined();
    expect(readExportRequest({ type: 'export', id: 1, mermaid: 'x', theme: 'light', format: 'gif', scale: 1 })).toBeUndefined();
    expect(readExportRequest({ type: 'export', id: 1, mermaid: 'x', theme: 'light', format: 'png', scale: 100 })).toBeUndefined();
    expect(readExportResult({ type: 'exported', id: 1, ok: true, format: 'svg', width: 10, height: 10 })).toBeUndefined();
  });
});
