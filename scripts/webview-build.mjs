// The preview webview's bundle: one build, used by scripts/bundle.mjs and by the browser
// tests and benchmarks (test/preview/harness.ts), so what is tested is what ships.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Written beside the bundle, one per page that draws: the modules the page preloads (see
 * `firstDiagramModules`). The preview's is read by the preview panel; the export page's by
 * the CLI's headless export (server/src/export/renderer.ts).
 */
export const PRELOAD_MANIFEST = 'preload.json';
export const EXPORT_PRELOAD_MANIFEST = 'export-preload.json';

/**
 * The dynamic imports on the way to the first diagram, after the page's own module:
 * Mermaid's core and Mermaid's sequence diagram. Every other diagram type Mermaid can
 * load stays unfetched.
 */
const MERMAID_SPLIT_POINTS = [
  // (node_modules may be a symlink, which esbuild resolves: match the end of the path.)
  /(^|\/)node_modules\/mermaid\/dist\/mermaid\.core\.mjs$/,
  /(^|\/)node_modules\/mermaid\/dist\/chunks\/mermaid\.core\/sequenceDiagram-[A-Za-z0-9]+\.mjs$/,
];

/** Each manifest: the boot script it starts from and the page module that boot script imports. */
const PRELOADED_PAGES = [
  { manifest: PRELOAD_MANIFEST, boot: 'client/webview/src/boot/preview.ts', splitPoints: [/^client\/webview\/src\/preview\.ts$/, ...MERMAID_SPLIT_POINTS] },
  { manifest: EXPORT_PRELOAD_MANIFEST, boot: 'client/src/export/export-boot.ts', splitPoints: [/^client\/src\/export\/export-webview-script\.ts$/, ...MERMAID_SPLIT_POINTS] },
];

/**
 * Every module the page fetches before it can draw its first diagram, in the order it
 * meets them: the boot script's split points above and all that they import
 * statically. Without this list the browser discovers them a round of requests at a
 * time (boot → preview → Mermaid → its 20 chunks → the sequence diagram → its
 * chunks); with `<link rel="modulepreload">` for each, all are fetched at once.
 *
 * @param {esbuild.Metafile} metafile
 * @param {string} outdir
 * @param {string} entryOutput the boot script's output path, as in the metafile
 * @param {RegExp[]} splitPoints the dynamic imports to follow (entry points, as in the metafile)
 * @returns {string[]} paths relative to `outdir`, the boot script itself excluded
 */
export function firstDiagramModules(metafile, outdir, entryOutput, splitPoints) {
  const outputs = metafile.outputs;
  const seen = new Set([entryOutput]);
  const order = [];
  const queue = [entryOutput];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const imported of outputs[current]?.imports ?? []) {
      if (imported.external || seen.has(imported.path) || !outputs[imported.path]) continue;
      const entryPoint = outputs[imported.path].entryPoint ?? '';
      const wanted = imported.kind === 'import-statement'
        || (imported.kind === 'dynamic-import' && splitPoints.some((p) => p.test(entryPoint)));
      if (!wanted) continue;
      seen.add(imported.path);
      order.push(imported.path);
      queue.push(imported.path);
    }
  }
  const found = order.map((p) => outputs[p].entryPoint ?? '');
  for (const point of splitPoints) {
    // A Mermaid upgrade that renames its modules must not silently lose the preload.
    if (!found.some((e) => point.test(e))) throw new Error(`webview build: no output for ${point} on the way to the first diagram`);
  }
  return order.map((p) => relative(outdir, p).split('\\').join('/'));
}

/** Writes the preload manifests after every build (also in watch mode). */
function preloadManifestPlugin(outdir) {
  return {
    name: 'tcpflow-preload-manifest',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return;
        const outputs = result.metafile.outputs;
        mkdirSync(outdir, { recursive: true });
        for (const page of PRELOADED_PAGES) {
          const entry = Object.keys(outputs).find((p) => outputs[p].entryPoint === page.boot);
          if (!entry) throw new Error(`webview build: the boot script ${page.boot} has no output`);
          const modules = firstDiagramModules(result.metafile, outdir, entry, page.splitPoints);
          writeFileSync(join(outdir, page.manifest), `${JSON.stringify({ modules }, null, 2)}\n`);
        }
      });
    },
  };
}

/**
 * The pages' classic scripts, each `out/webview/<out>.js`, which load the rest with
 * `import()`: the preview, the export panel (also the CLI's export page), and VS Code's
 * Markdown preview (`markdown.previewScripts`).
 */
export const WEBVIEW_BOOT_SCRIPTS = [
  { in: 'client/webview/src/boot/preview.ts', out: 'preview' },
  { in: 'client/src/export/export-boot.ts', out: 'export' },
  { in: 'client/src/markdown/preview-boot.ts', out: 'markdown-preview' },
];

/**
 * esbuild options for the webviews: ES modules split into chunks, so Mermaid fetches
 * only the diagram type it draws (no network in a webview: Mermaid is inside).
 *
 * @param {{ outdir: string, production: boolean }} options
 * @returns {esbuild.BuildOptions}
 */
export function webviewBuildOptions({ outdir, production }) {
  return {
    // Each page's classic boot script (the preview, the export panel, the Markdown
    // preview): one build, so the three share one set of Mermaid chunks.
    entryPoints: [...WEBVIEW_BOOT_SCRIPTS, { in: 'client/webview/src/preview.css', out: 'preview' }],
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    metafile: true,
    logLevel: 'warning',
    plugins: [preloadManifestPlugin(outdir)],
  };
}
