/**
 * The script of the export panel (export-panel.ts): a webview with nothing but Mermaid,
 * which answers export requests. Loaded by out/webview/export.js (client/webview/src/boot/export.ts)
 * from the preview's split build, so it draws with the preview's Mermaid chunks.
 */
import { loadMermaid } from '../../webview/src/load-mermaid.js';
import { answerExportRequest } from './webview-export.js';
import { readExportRequest, type ExportRequestMessage, type ExportResultMessage } from './webview-protocol.js';

interface WebviewGlobals {
  acquireVsCodeApi(): { postMessage(message: unknown): void };
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const page = globalThis as unknown as WebviewGlobals;
const vscode = page.acquireVsCodeApi();
page.addEventListener('message', (event) => {
  const request = readExportRequest(event.data);
  if (request) void answer(request).then((result) => vscode.postMessage(result));
});

/** Mermaid's chunks are fetched on the first request; a failed fetch is an answer too, not silence. */
async function answer(request: ExportRequestMessage): Promise<ExportResultMessage> {
  try {
    return await answerExportRequest(request, (await loadMermaid()) as never);
  } catch (error) {
    return { type: 'exported', id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
// The page exists to draw: Mermaid starts loading now, not on the first request, so its
// modules arrive while the extension or the CLI is still preparing that request. A failed
// load is forgotten by loadMermaid, and the request tries again and reports it.
loadMermaid().catch(() => undefined);
vscode.postMessage({ type: 'export-ready' });
