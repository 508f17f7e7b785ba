// The playground's build (out/playground/) and the extension's browser entry
// (out/browser/): everything that runs in a browser with no Node and no server.
//
// A page opened from file:// cannot load ES modules (Chromium refuses module scripts
// and workers from the `null` origin), so every script here is a classic IIFE bundle:
// playground.js (the page: language-server connection, diagram, toolbar), editor.js
// (CodeMirror, loaded beside it so the first diagram never waits for the editor) and
// server-worker.js (the language server). For file://, server-worker-source.js carries
// the worker's text, which the page starts from a blob: URL.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { browserNodeShims } from './browser-node-shims.mjs';

export const PLAYGROUND_DIR = 'out/playground';

/** The name under which the page finds the worker's source when it runs from file://. */
export const WORKER_SOURCE_GLOBAL = 'tcpflowServerWorkerSource';

/** `import examples from 'tcpflow:examples'`: every examples/*.tcpflow, read at build time. */
function examplesPlugin() {
  return {
    name: 'tcpflow-examples',
    setup(build) {
      build.onResolve({ filter: /^tcpflow:examples$/ }, () => ({ path: 'examples', namespace: 'tcpflow-examples' }));
      build.onLoad({ filter: /.*/, namespace: 'tcpflow-examples' }, () => {
        const files = readdirSync('examples').filter((f) => f.endsWith('.tcpflow')).sort();
        const examples = files.map((f) => ({ name: basename(f, '.tcpflow'), text: readFileSync(join('examples', f), 'utf8') }));
        return { contents: `export default ${JSON.stringify(examples)};`, loader: 'js', watchFiles: files.map((f) => join('examples', f)) };
      });
    },
  };
}

/** After each worker build: the same script as a string, for a blob: worker under file://. */
function workerSourcePlugin(outfile) {
  return {
    name: 'tcpflow-worker-source',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const source = readFileSync(outfile, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
        writeFileSync(outfile.replace(/\.js$/, '-source.js'), `globalThis.${WORKER_SOURCE_GLOBAL} = ${JSON.stringify(source)};\n`);
      });
    },
  };
}

/** Copies the page and its stylesheet beside the scripts. */
function staticFilesPlugin() {
  return {
    name: 'tcpflow-playground-static',
    setup(build) {
      build.onEnd(() => {
        mkdirSync(PLAYGROUND_DIR, { recursive: true });
        copyFileSync('playground/index.html', join(PLAYGROUND_DIR, 'index.html'));
        copyFileSync('playground/playground.css', join(PLAYGROUND_DIR, 'playground.css'));
      });
    },
  };
}

/**
 * @param {{ production: boolean }} options
 * @returns {import('esbuild').BuildOptions[]}
 */
export function playgroundBuildOptions({ production }) {
  const common = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    // Always minified: the page is for people to open, and its size is measured (npm run bench).
    minify: true,
    sourcemap: !production,
    logLevel: 'warning',
    // Langium and chevrotain ship ESM and read import.meta.url; in a worker there is no file to point at.
    // (process.env: the server's test hooks read it; a browser has no environment.)
    define: { 'import.meta.url': '""', 'process.env': '{}' },
  };
  const worker = join(PLAYGROUND_DIR, 'server-worker.js');
  return [
    { ...common, entryPoints: ['server/src/main-browser.ts'], outfile: worker, plugins: [workerSourcePlugin(worker)] },
    { ...common, entryPoints: ['playground/src/app.ts'], outfile: join(PLAYGROUND_DIR, 'playground.js'), plugins: [examplesPlugin(), staticFilesPlugin()] },
    { ...common, entryPoints: ['playground/src/editor/main.ts'], outfile: join(PLAYGROUND_DIR, 'editor.js') },
    // The extension on vscode.dev / github.dev: a web-worker extension host and this server worker.
    { ...common, minify: production, entryPoints: ['server/src/main-browser.ts'], outfile: 'out/browser/server-worker.js' },
    {
      ...common, minify: production, format: 'cjs', entryPoints: ['client/src/extension-browser.ts'], outfile: 'out/browser/extension.js', external: ['vscode'],
      plugins: [browserNodeShims()],
    },
  ];
}
