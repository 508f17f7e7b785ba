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
import { startLanguageFeatures } from './language-features.js';
import type { StartOnDemand } from './server-on-demand.js';

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
  server = startLanguageFeatures(context, () => startLanguageClient(context, log));
  return { extendMarkdownIt: (md) => extendMarkdownIt(md, () => diagramStyle()) };
}

export async function deactivate(): Promise<void> {
  const started = server?.current();
  server = undefined;
  await (await started?.catch(() => undefined))?.stop();
}
