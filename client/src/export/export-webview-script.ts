/**
 * The script of the export panel (export-panel.ts): a webview with nothing but Mermaid,
 * which answers export requests. Bundled as out/webview/export.js.
 */
import mermaid from 'mermaid';
import { answerExportRequest } from './webview-export.js';
import { readExportRequest } from './webview-protocol.js';

interface WebviewGlobals {
  acquireVsCodeApi(): { postMessage(message: unknown): void };
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const page = globalThis as unknown as WebviewGlobals;
const vscode = page.acquireVsCodeApi();
page.addEventListener('message', (event) => {
  const request = readExportRequest(event.data);
  if (request) void answerExportRequest(request, mermaid as never).then((answer) => vscode.postMessage(answer));
});
vscode.postMessage({ type: 'export-ready' });
