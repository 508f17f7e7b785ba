/**
 * What the server adds to the connection beyond Langium's handlers: the
 * `tcpflow/diagram` request of the preview (custom-requests.ts), a refresh of the
 * client's inlay hints when the `tcpflow` settings change, and freeing closed documents.
 */
import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { diagramResult } from '../diagram/diagram-result.js';
import { DiagramRequest } from './custom-requests.js';
import type { TcpflowServices } from './tcpflow-lsp-module.js';

export function addCustomRequests(connection: Connection, services: TcpflowServices): void {
  const shared = services.shared;
  let canRefreshHints = false;

  shared.lsp.LanguageServer.onInitialize((params) => {
    canRefreshHints = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
  });
  shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate((update) => {
    if (update.section === 'tcpflow' && canRefreshHints) {
      connection.languages.inlayHint.refresh().catch((e: unknown) => connection.console.error(`inlay hint refresh failed: ${String(e)}`));
    }
  });

  // Langium 4.2 keeps a closed document (and our per-URI chunk caches) forever: drop
  // both when the editor closes it, so a long session does not grow with every file it
  // ever opened. A closed document's diagnostics go with it.
  shared.workspace.TextDocuments?.onDidClose((event) => {
    const uri = event.document.uri;
    services.tcpflow.Analyses.forget(uri);
    shared.workspace.DocumentBuilder.update([], [URI.parse(uri)])
      .then(() => connection.sendDiagnostics({ uri, diagnostics: [] }))
      .catch((e: unknown) => connection.console.error(`closing ${uri} failed: ${String(e)}`));
  });

  connection.onRequest(DiagramRequest, async (params, token) => {
    const uri = URI.parse(params.uri);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Parsed, uri, token);
    const document = shared.workspace.LangiumDocuments.getDocument(uri);
    if (!document) throw new Error(`No open document ${params.uri}.`);
    const { scenario, analysis } = services.tcpflow.Analyses.get(document);
    const version = shared.workspace.TextDocuments.get(params.uri)?.version ?? null;
    return diagramResult(params, version, scenario, analysis);
  });
}
