/**
 * The tcpflow language server. Runs inside VS Code (IPC) or on its own:
 * `tcpflow-language-server --stdio`.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { addCustomRequests } from './lsp/custom-handlers.js';
import { createTcpflowServices } from './lsp/tcpflow-lsp-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Tcpflow } = createTcpflowServices({ connection, ...NodeFileSystem });
addCustomRequests(connection, Tcpflow);
startLanguageServer(shared);
