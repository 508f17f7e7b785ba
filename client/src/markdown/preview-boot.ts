/**
 * `out/webview/markdown-preview.js`, listed in `markdown.previewScripts`: VS Code's
 * Markdown preview runs it as a classic script with the page's nonce. It loads the
 * drawing code (client/src/markdown/preview-script.ts) as ES modules from the same split
 * build as the preview, so the Markdown preview shares the preview's Mermaid chunks;
 * `import()` from a nonced script passes the nonce on (see client/webview/src/boot/preview.ts).
 */
import('./preview-script.js').catch((error: unknown) => {
  console.error(`tcpflow: the Markdown preview script could not start: ${error instanceof Error ? error.message : String(error)}`);
});
