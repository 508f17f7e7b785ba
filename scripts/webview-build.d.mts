// Types for scripts/webview-build.mjs, imported by the TypeScript tests and benchmarks.
import type { BuildOptions, Metafile } from 'esbuild';

export const PRELOAD_MANIFEST: string;
export function firstDiagramModules(metafile: Metafile, outdir: string, entryOutput: string): string[];
export const WEBVIEW_BOOT_SCRIPTS: readonly { in: string; out: string }[];
export function webviewBuildOptions(options: { outdir: string; production: boolean }): BuildOptions;
