/**
 * The extension in a browser (vscode.dev, github.dev: package.json `browser`), run in
 * VS Code's web-worker extension host. The language server runs in a Web Worker of its
 * own (out/browser/server-worker.js, built from server/src/main-browser.ts); the
 * preview and the Markdown preview work as on the desktop. Exporting files needs a
 * file system and Chromium, and opening a capture the desktop's file access: their menu
 * entries are hidden once this entry has set the `tcpflow.inBrowser` context key (not
 * `isWeb` alone, which is also true in code-server, where the desktop entry runs on a
 * server and exports work), and the commands, if run anyway, say so.
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
/** The capture import's id (client/src/import/import-command.ts registers it on the desktop). */
const IMPORT_COMMAND = 'tcpflow.importCapture';
/** Set while this entry runs: package.json's menus hide the export with it. */
const IN_BROWSER_CONTEXT = 'tcpflow.inBrowser';

let server: StartOnDemand<LanguageClient> | undefined;

/** The web worker extension host's Worker (the client's tsconfig has no DOM types; fetch, Blob and URL are typed by Node's). */
type ServerWorker = ConstructorParameters<typeof LanguageClient>[3];
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

/**
 * Starts the language server's worker from a `blob:` URL made of the script's text.
 * `new Worker(extension URI)` works only where extensions are served over https
 * (vscode.dev): the web extension host refuses a `vscode-remote:` URL ("Creating workers
 * from remote extensions is currently not supported"), which is what a remote such as
 * code-server or a Codespace gives. Its `fetch`, though, resolves `vscode-remote:` and
 * `file:` URIs of extensions (it is how the host loads this very file), and https is
 * fetched as is; so reading the text and starting it from a blob works in every host.
 */
async function startServerWorker(script: vscode.Uri): Promise<ServerWorker> {
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`${script.path}: HTTP ${response.status}`);
  const source = await response.text();
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), { name: 'tcpflow-language-server' });
}

async function startBrowserClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const workerUri = vscode.Uri.joinPath(context.extensionUri, 'out', 'browser', 'server-worker.js');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'tcpflow' }],
    outputChannel: log,
    synchronize: {},
  };
  try {
    const worker = await startServerWorker(workerUri);
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
  // Run anyway (a keybinding, or the palette before this entry was active): say why not,
  // rather than VS Code's "command not found".
  context.subscriptions.push(vscode.commands.registerCommand(EXPORT_COMMAND, () => {
    void vscode.window.showInformationMessage(say(m.exportNeedsDesktop));
  }));
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_COMMAND, () => {
    void vscode.window.showInformationMessage(say(m.importNeedsDesktop));
  }));
  server = startLanguageFeatures(context, () => startBrowserClient(context, log));
  return { extendMarkdownIt };
}

export async function deactivate(): Promise<void> {
  const started = server?.current();
  server = undefined;
  await (await started?.catch(() => undefined))?.stop();
}
