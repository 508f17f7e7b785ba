/**
 * The preview's first diagram: the page preloads exactly the modules it needs
 * (`out/webview/preload.json`, worked out by scripts/webview-build.mjs from esbuild's
 * metafile), so they arrive in one round instead of six. How long it takes is measured
 * by `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPreloadManifest } from '../../server/src/export/preload-manifest.js';
import { useBundleSession } from './bundle-session.js';
import { coldOpen, renderMessageFor } from './harness.js';

const HANDSHAKE = readFileSync('examples/three-way-handshake.tcpflow', 'utf8');

describe('preview cold open (Chromium)', () => {
  const session = useBundleSession();

  it('lists in its preload manifest exactly the modules a first diagram fetches', async () => {
    const manifest = readPreloadManifest(session().bundleDir);
    expect(manifest.some((m) => m.includes('mermaid.core'))).toBe(true);
    expect(manifest.some((m) => m.includes('sequenceDiagram'))).toBe(true);
    // The same list the build wrote, none dropped by the reader.
    expect(manifest).toEqual(JSON.parse(readFileSync(join(session().bundleDir, 'preload.json'), 'utf8')).modules);

    const unaided = await coldOpen(session().browser, session().bundleDir, renderMessageFor(HANDSHAKE), { preload: false });
    expect(unaided.ok).toBe(true);
    const fetched = unaided.modules.filter((m) => m !== 'preview.js');
    expect([...fetched].sort()).toEqual([...manifest].sort());
  });

  it('draws the first diagram with the preloads, fetching nothing else and breaking no policy', async () => {
    const manifest = readPreloadManifest(session().bundleDir);
    const opened = await coldOpen(session().browser, session().bundleDir, renderMessageFor(HANDSHAKE));
    expect(opened.ok).toBe(true);
    expect(opened.problems).toEqual([]);
    expect(opened.modules.filter((m) => m !== 'preview.js').sort()).toEqual([...manifest].sort());
    // Every module is requested once: a preload the page did not reuse would be fetched again.
    expect(new Set(opened.modules).size).toBe(opened.modules.length);
  });
});
