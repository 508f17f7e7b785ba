/**
 * The VS Code extension: wires the preview, the export commands and the Markdown
 * integration, and starts the language server when a `.tcpflow` document is open or a
 * command needs it (server-on-demand.ts). Activation happens for `.tcpflow` files, the
 * extension's own commands and Markdown (package.json `activationEvents`); Markdown
 * alone never starts the server.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { diagramStyle } from './export/diagram-style.js';
import { registerExportCommands } from './export/export-command.js';
import { registerImportCommand } from './import/import-command.js';
import { startLanguageClient } from './language-client.js';
import { extendMarkdownIt } from './markdown/markdown-it-plugin.js';
import { PreviewManager } from './preview/preview-manager.js';
import { StartOnDemand } from './server-on-demand.js';

let server: StartOnDemand<LanguageClient> | undefined;

/** What VS Code's built-in Markdown preview asks of an extension with `markdown.markdownItPlugins`. */
export interface TcpflowExtensionApi {
  extendMarkdownIt: typeof extendMarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<TcpflowExtensionApi> {
  const log = vscode.window.createOutputChannel('TCP Flow', { log: true });
  context.subscriptions.push(log);
  // Export (Markdown, Mermaid source, and SVG/PNG drawn in a webview) needs no server.
  registerExportCommands(context, { log: (line) => log.info(line) });
  registerImportCommand(context);
  const languageServer = new StartOnDemand(() => startLanguageClient(context, log));
  server = languageServer;
  languageServer.startFor(vscode.workspace.textDocuments);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => languageServer.startFor([document])));
  // The preview manager registers its commands and itself in context.subscriptions; its
  // first diagram request starts the server if no .tcpflow document has yet.
  new PreviewManager(context, {
    sendRequest: async (type, params, token) => (await languageServer.get()).sendRequest(type, params, token),
  });
  return { extendMarkdownIt: (md) => extendMarkdownIt(md, () => diagramStyle()) };
}

export async function deactivate(): Promise<void> {
  const started = server?.current();
  server = undefined;
  await (await started?.catch(() => undefined))?.stop();
}
