// Bundles every runtime with esbuild. Type-checking is a separate step (`npm run typecheck`),
// so this script only turns checked TypeScript into the files that run.
import * as esbuild from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { playgroundBuildOptions } from './playground-build.mjs';
import { webviewBuildOptions } from './webview-build.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions[]} */
const targets = [
  // Node: the language server and the CLI.
  { entryPoints: { server: 'server/src/main.ts' }, platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { cli: 'server/src/cli/main.ts' }, platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: { fuzz: 'scripts/fuzz.ts' }, platform: 'node', format: 'cjs' },
  { entryPoints: { gallery: 'scripts/gallery.ts' }, platform: 'node', format: 'cjs' },
  // VS Code extension host.
  { entryPoints: { extension: 'client/src/extension.ts' }, platform: 'node', format: 'cjs', external: ['vscode'] },
  // VS Code's Markdown preview script and the export panel's script are entry points of
  // the webview build below, so they share its one copy of Mermaid.
];

const common = {
  bundle: true,
  outdir: 'out',
  sourcemap: !production,
  minify: production,
  target: 'es2022',
  logLevel: 'warning',
  // Langium and chevrotain ship ESM; bundling them into CJS needs import.meta.url shimmed away.
  define: { 'import.meta.url': '_importMetaUrl' },
  banner: { js: '' },
};

const builds = targets
  // A target whose entry does not exist yet is skipped, so a partial checkout still builds.
  .filter((t) => Object.values(t.entryPoints).every((p) => existsSync(p)))
  .map((t) => {
    const shim = t.platform === 'node' ? "const _importMetaUrl = require('url').pathToFileURL(__filename).href;" : 'const _importMetaUrl = "";';
    return { ...common, ...t, banner: { js: [t.banner?.js, shim].filter(Boolean).join('\n') } };
  });

// The webviews (the preview, the export panel, the Markdown preview): one split build with
// one Mermaid, shared with the browser tests (webview-build.mjs).
builds.push(webviewBuildOptions({ outdir: 'out/webview', production }));

// The playground page and the extension's browser entry (playground-build.mjs).
builds.push(...playgroundBuildOptions({ production })
  .filter((b) => (b.entryPoints ?? []).every((p) => existsSync(p))));

// Webview chunk names carry content hashes: clear the old ones so a package never ships stale chunks.
rmSync('out/webview/chunks', { recursive: true, force: true });

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
