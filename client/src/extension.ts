/**
 * The VS Code extension: starts the language server and wires the preview, the export
 * commands and the Markdown integration to it. Activation happens only for `.tcpflow`
 * files and the extension's own commands (package.json `activationEvents`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './language-client.js';
import { PreviewManager } from './preview/preview-manager.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('TCP Flow', { log: true });
  context.subscriptions.push(log);
  client = await startLanguageClient(context, log);
  new PreviewManager(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
