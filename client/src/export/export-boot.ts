/**
 * `out/webview/export.js`, the one `<script>` of the export panel (client/src/export/export-panel.ts)
 * and of the CLI's export page (server/src/export/renderer.ts):
 * a classic script that loads the panel's code as ES modules from the same split build
 * as the preview, so the panel shares the preview's Mermaid chunks instead of carrying
 * its own copy. Free of static imports for the same reason as client/webview/src/boot/preview.ts.
 */
import('./export-webview-script.js').catch((error: unknown) => {
  // No text for the user here: the extension gives up waiting for `export-ready` and says so.
  console.error(`tcpflow: the export view could not start: ${error instanceof Error ? error.message : String(error)}`);
});
