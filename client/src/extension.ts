/**
 * The VS Code extension: starts the language server and wires the preview, the export
 * commands and the Markdown integration to it. Activation happens only for `.tcpflow`
 * files and the extension's own commands (package.json `activationEvents`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerExportCommands } from './export/export-command.js';
import { startLanguageClient } from './language-client.js';
import { extendMarkdownIt } from './markdown/markdown-it-plugin.js';
import { PreviewManager } from './preview/preview-manager.js';

let client: LanguageClient | undefined;

/** What VS Code's built-in Markdown preview asks of an extension with `markdown.markdownItPlugins`. */
export interface TcpflowExtensionApi {
  extendMarkdownIt: typeof extendMarkdownIt;
}

export async function activate(context: vscode.ExtensionContext): Promise<TcpflowExtensionApi> {
  const log = vscode.window.createOutputChannel('TCP Flow', { log: true });
  context.subscriptions.push(log);
  // Export (Markdown, Mermaid source, and SVG/PNG drawn in a webview) needs no server.
  registerExportCommands(context, { log: (line) => log.info(line) });
  client = await startLanguageClient(context, log);
  // The preview manager registers its commands and itself in context.subscriptions.
  new PreviewManager(context, client);
  return { extendMarkdownIt };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
