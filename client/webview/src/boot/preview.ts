/**
 * `out/webview/preview.js`, the preview page's one `<script>`: a classic script (it runs because it carries the
 * page's nonce) that loads the preview as ES modules. `import()` from a nonced script
 * passes the nonce on to the module it fetches and to everything that module imports,
 * so the page's `script-src` stays nonce-only. Mermaid itself is loaded later, and only
 * the parts a sequence diagram needs (see `renderer.ts`).
 *
 * This file must stay free of static imports (even of the stylesheet, which is its own
 * entry point): esbuild would write an `import` statement, which a classic script
 * cannot run. `test/preview/harness.ts` checks the built file.
 */
import('../preview.js').catch((error: unknown) => {
  const problem = document.getElementById('problem');
  if (!problem) return;
  problem.textContent = `The preview could not start: ${error instanceof Error ? error.message : String(error)}`;
  problem.hidden = false;
});
