/**
 * What the server adds to the connection beyond Langium's handlers: the
 * `tcpflow/diagram` request of the preview (custom-requests.ts), and a refresh of the
 * client's inlay hints when the `tcpflow` settings change.
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
