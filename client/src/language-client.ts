/**
 * Starts the bundled tcpflow language server (out/server.js) over stdio and reports,
 * visibly, when it cannot start or stops. Stdio, not IPC: over stdio the server reads
 * its messages itself and decodes a large one (a 15 MB document opened) over several
 * turns of its event loop (server/src/lsp/stdio-transport.ts), where Node's IPC channel
 * parses it in one; and every editor then talks to the server the same way.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment } from './server-environment.js';

export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('out/server.js');
  const env = serverEnvironment(process.env);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, options: { env } },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'tcpflow' }],
    outputChannel: log,
    // The server reads `tcpflow.*` settings through workspace/configuration and is told when they change.
    synchronize: { configurationSection: 'tcpflow' },
  };
  const showLog = vscode.l10n.t('Show Log');
  const client = new LanguageClient('tcpflow', 'TCP Flow Language Server', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((event) => {
      if (event.oldState === State.Running && event.newState === State.Stopped) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The TCP Flow language server stopped. Diagnostics and hints are unavailable until it restarts.'), showLog)
          .then((choice) => choice && log.show());
      }
    }),
  );
  try {
    await client.start();
  } catch (error) {
    log.error(`language server failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The TCP Flow language server failed to start: {0}', error instanceof Error ? error.message : String(error)), showLog)
      .then((choice) => choice && log.show());
    throw error;
  }
  return client;
}
