/**
 * Drawing an export without the preview: a short-lived webview panel that holds only
 * Mermaid (out/webview/export.js) and answers one request, opened beside the editor
 * without taking focus and closed when the drawing arrives. No browser needs to be
 * installed: VS Code's own webview draws. Used when the preview cannot draw the export.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { webviewRenderer, type WebviewRender } from './webview-protocol.js';

export const EXPORT_PANEL_VIEW_TYPE = 'tcpflow.exportRenderer';
const READY_TIMEOUT_MS = 120_000;

function html(webview: vscode.Webview, script: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    // The PNG is made by loading the finished SVG as a data: image onto a canvas.
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Exporting diagram</title></head>
<body><p>Drawing the export…</p><script nonce="${nonce}" src="${webview.asWebviewUri(script).toString()}"></script></body></html>`;
}

export function exportPanelRenderer(context: vscode.ExtensionContext): WebviewRender {
  return async (request) => {
    const root = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
    const panel = vscode.window.createWebviewPanel(
      EXPORT_PANEL_VIEW_TYPE, 'Exporting diagram…', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [root], retainContextWhenHidden: false },
    );
    try {
      const ready = new Promise<void>((resolveReady, reject) => {
        // Generous: the view loads Mermaid (megabytes of script), which on a busy machine took
        // longer than the 30 s this once allowed; meanwhile a progress notification is showing.
        const timer = setTimeout(() => reject(new Error('the export view did not start')), READY_TIMEOUT_MS);
        const sub = panel.webview.onDidReceiveMessage((data: unknown) => {
          if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'export-ready') {
            clearTimeout(timer);
            sub.dispose();
            resolveReady();
          }
        });
      });
      panel.webview.html = html(panel.webview, vscode.Uri.joinPath(root, 'export.js'));
      await ready;
      const render = webviewRenderer((m) => panel.webview.postMessage(m), (l) => panel.webview.onDidReceiveMessage(l));
      return await render(request);
    } finally {
      panel.dispose();
    }
  };
}
