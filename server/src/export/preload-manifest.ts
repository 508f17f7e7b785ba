/**
 * Reads a preload manifest of the webview build (written by scripts/webview-build.mjs):
 * the modules a page needs for its first diagram, which the page preloads all at once.
 * `preload.json` is the preview's (read by the preview panel), `export-preload.json` the
 * export page's (read by the CLI's headless export, renderer.ts). Preloading only makes
 * the first diagram sooner, so a missing or malformed manifest gives an empty list, never
 * an error: the page still loads every module by importing it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PREVIEW_PRELOAD_MANIFEST = 'preload.json';
export const EXPORT_PRELOAD_MANIFEST = 'export-preload.json';

/** Only chunk files of the bundle itself: nothing outside `out/webview/chunks/`. */
const CHUNK = /^chunks\/[A-Za-z0-9._-]+\.js$/;

export function readPreloadManifest(webviewDir: string, manifest: string = PREVIEW_PRELOAD_MANIFEST): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(webviewDir, manifest), 'utf8'));
    const modules = (parsed as { modules?: unknown } | null)?.modules;
    if (!Array.isArray(modules)) return [];
    return modules.filter((m): m is string => typeof m === 'string' && CHUNK.test(m));
  } catch {
    return [];
  }
}
