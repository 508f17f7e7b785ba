/**
 * What the desktop (extension.ts) and the browser entry (extension-browser.ts) wire the
 * same way: a language server started on demand for `.tcpflow` documents, and the
 * preview asking it for diagrams. Only how the server starts differs.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PreviewManager } from './preview/preview-manager.js';
import { StartOnDemand } from './server-on-demand.js';

export function startLanguageFeatures<C extends BaseLanguageClient>(context: vscode.ExtensionContext, start: () => Promise<C>): StartOnDemand<C> {
  const languageServer = new StartOnDemand(start);
  languageServer.startFor(vscode.workspace.textDocuments);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => languageServer.startFor([document])));
  // The preview manager registers its commands and itself in context.subscriptions; its
  // first diagram request starts the server if no .tcpflow document has yet.
  new PreviewManager(context, {
    sendRequest: async (type, params, token) => (await languageServer.get()).sendRequest(type, params, token),
  });
  return languageServer;
}
