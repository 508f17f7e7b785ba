/** The panel's page and the message protocol, without a browser. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPreviewHtml, contentSecurityPolicy } from '../../client/src/preview/html.js';
import { readPreloadManifest } from '../../server/src/export/preload-manifest.js';
import { readFromWebview, readPreviewState, readToWebview } from '../../client/src/preview/messages.js';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'AAAAAAAAAAAAAAAAAAAAAA==',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/preview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/preview.css',
};

describe('buildPreviewHtml', () => {
  it('locks the page down: nothing by default, the one script by nonce', () => {
    expect(contentSecurityPolicy(input.cspSource, input.nonce)).toBe(
      "default-src 'none'; script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='; style-src https://file+.vscode-resource.vscode-cdn.net 'unsafe-inline'; "
      + 'img-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net');
    const html = buildPreviewHtml(input);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script defer nonce="${input.nonce}" src="${input.scriptUri}"></script>`);
    expect(html).toContain('<meta charset="UTF-8">');
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('escapes what it puts in attributes and refuses a weak nonce', () => {
    expect(buildPreviewHtml({ ...input, scriptUri: 'x"><script>alert(1)</script>' })).not.toContain('"><script>alert');
    expect(() => buildPreviewHtml({ ...input, nonce: 'abc' })).toThrow();
  });

  it('preloads the given modules with the page nonce, escaped', () => {
    const chunk = `${input.cspSource}/ext/out/webview/chunks/chunk-A.js`;
    const html = buildPreviewHtml({ ...input, preloadUris: [chunk, 'x"><script>alert(1)</script>'] });
    expect(html).toContain(`<link rel="modulepreload" nonce="${input.nonce}" href="${chunk}">`);
    expect(html.match(/rel="modulepreload"/g)).toHaveLength(2);
    expect(html).not.toContain('"><script>alert');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(buildPreviewHtml(input)).not.toContain('modulepreload');
  });
});

describe('readPreloadManifest', () => {
  function manifestIn(text: string | undefined): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'tcpflow-preload-'));
    try {
      if (text !== undefined) writeFileSync(join(dir, 'preload.json'), text);
      return readPreloadManifest(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reads the chunk list the build wrote', () => {
    expect(manifestIn('{"modules":["chunks/preview-AB12.js","chunks/chunk-CD34.js"]}')).toEqual(['chunks/preview-AB12.js', 'chunks/chunk-CD34.js']);
  });

  it('keeps only chunk files inside the bundle', () => {
    expect(manifestIn('{"modules":["../../../etc/passwd","chunks/../x.js","https://evil.test/a.js","chunks/ok.js",7]}')).toEqual(['chunks/ok.js']);
  });

  it('gives no preloads, not an error, when the manifest is missing or malformed', () => {
    expect(manifestIn(undefined)).toEqual([]);
    expect(manifestIn('not json')).toEqual([]);
    expect(manifestIn('null')).toEqual([]);
    expect(manifestIn('{"modules":"chunks/a.js"}')).toEqual([]);
  });
});

describe('message validation', () => {
  const render = { type: 'render', version: 1, uri: 'file:///a.tcpflow', mermaid: 'sequenceDiagram\n', messages: [{ line: 3 }, { line: 2, deliveredOn: 5 }], notes: [{ line: -1 }], theme: 'auto' };

  it('accepts well-formed messages and keeps only known fields', () => {
    expect(readToWebview({ ...render, extra: '<script>' })).toEqual(render);
    expect(readToWebview({ type: 'highlight', line: null })).toEqual({ type: 'highlight', line: null });
    expect(readFromWebview({ type: 'reveal', line: 4 })).toEqual({ type: 'reveal', line: 4 });
    expect(readFromWebview({ type: 'rendered', version: 2, ok: true, ms: 12.5 })).toEqual({ type: 'rendered', version: 2, ok: true, ms: 12.5 });
    expect(readPreviewState({ uri: 'file:///a.tcpflow' })).toEqual({ uri: 'file:///a.tcpflow' });
  });

  it.each([
    null, 'render', [], { type: 'render' }, { ...render, version: -1 }, { ...render, version: 1.5 }, { ...render, theme: 'evil' },
    { ...render, messages: [{ line: 'x' }] }, { ...render, messages: {} }, { ...render, banner: 3 }, { ...render, syntaxError: { line: 1 } },
    { type: 'highlight', line: '1' }, { type: 'highlight', line: -5 }, { type: 'problem' }, { type: 'other' },
  ])('rejects %j', (data) => {
    expect(readToWebview(data)).toBeUndefined();
  });

  it.each([
    null, { type: 'reveal' }, { type: 'reveal', line: -1 }, { type: 'reveal', line: 1.5 }, { type: 'rendered', version: 1 }, { type: 'rendered', version: 1, ok: true, ms: 1, error: 5 },
  ])('rejects from the webview %j', (data) => {
    expect(readFromWebview(data)).toBeUndefined();
  });
});
