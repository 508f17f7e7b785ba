/**
 * The extension in a browser (vscode.dev, github.dev: package.json `browser`), run in
 * VS Code's web-worker extension host. The language server runs in a Web Worker of its
 * own (out/browser/server-worker.js, built from server/src/main-browser.ts); the
 * preview and the Markdown preview work as on the desktop. Exporting files needs a
 * file system and Chromium: its menu entries are hidden once this entry has set the
 * `tcpflow.inBrowser` context key (not `isWeb`, which is also true in code-server,
 * where the desktop entry runs on a server and exports work), and the command, if run
 * anyway, says so.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { say, setLocale } from '../../server/src/i18n/catalogue.js';
import { localeFromTag } from '../../server/src/i18n/locale.js';
import { webExtensionMessages as m } from '../../server/src/i18n/messages/playground.js';
import { extendMarkdownIt } from './markdown/markdown-it-plugin.js';
import { startLanguageFeatures } from './language-features.js';
import type { StartOnDemand } from './server-on-demand.js';

/** The export command's id (client/src/export/export-command.ts registers it on the desktop). */
const EXPORT_COMMAND = 'tcpflow.export';
/** Set while this entry runs: package.json's menus hide the export with it. */
const IN_BROWSER_CONTEXT = 'tcpflow.inBrowser';

let server: StartOnDemand<LanguageClient> | undefined;

/** The web worker extension host's Worker (the client's tsconfig has no DOM types). */
type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string) => ServerWorker;

async function startBrowserClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const workerUri = vscode.Uri.joinPath(context.extensionUri, 'out', 'browser', 'server-worker.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'tcpflow' }],
    outputChannel: log,
    synchronize: {},
  };
  try {
    const worker = new Worker(workerUri.toString(true));
    const client = new LanguageClient('tcpflow', 'TCP Flow Language Server', clientOptions, worker);
    await client.start();
    return client;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`language server failed to start in the browser: ${reason}`);
    void vscode.window.showErrorMessage(say(m.serverFailed, { reason }));
    throw error;
  }
}

export function activate(context: vscode.ExtensionContext): { extendMarkdownIt: typeof extendMarkdownIt } {
  setLocale(localeFromTag(vscode.env.language) ?? 'en');
  const log = vscode.window.createOutputChannel('TCP Flow', { log: true });
  context.subscriptions.push(log);
  void vscode.commands.executeCommand('setContext', IN_BROWSER_CONTEXT, true);
  context.subscriptions.push(vscode.commands.registerCommand(EXPORT_COMMAND, () => {
    void vscode.window.showInformationMessage(say(m.exportNeedsDesktop));
  }));
  server = startLanguageFeatures(context, () => startBrowserClient(context, log));
  return { extendMarkdownIt };
}

export async function deactivate(): Promise<void> {
  const started = server?.current();
  server = undefined;
  await (await started?.catch(() => undefined))?.stop();
}
