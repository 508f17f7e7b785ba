/**
 * Reads `out/webview/preload.json` (written by scripts/webview-build.mjs): the webview
 * modules the first diagram needs, which the preview page preloads. Preloading only
 * makes the first diagram sooner, so a missing or malformed manifest gives an empty
 * list, never an error: the page still loads every module by importing it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Only chunk files of the bundle itself: nothing outside `out/webview/chunks/`. */
const CHUNK = /^chunks\/[A-Za-z0-9._-]+\.js$/;

export function readPreloadManifest(webviewDir: string): string[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(webviewDir, 'preload.json'), 'utf8'));
    const modules = (parsed as { modules?: unknown } | null)?.modules;
    if (!Array.isArray(modules)) return [];
    return modules.filter((m): m is string => typeof m === 'string' && CHUNK.test(m));
  } catch {
    return [];
  }
}
