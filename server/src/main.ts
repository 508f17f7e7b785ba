/**
 * The tcpflow language server. Runs inside VS Code (IPC) or on its own:
 * `synack-language-server --stdio`.
 *
 * Every message passes the protocol gate first (lsp/protocol-gate.ts: initialize
 * before anything, params checked, no request about a document that is not open);
 * files are read only through the bounded file system (lsp/bounded-file-system.ts).
 * Over `--stdio` the server reads its messages itself (lsp/stdio-transport.ts), so that
 * a 15 MB message is not decoded in one turn of the event loop.
 */
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { BoundedFileSystemProvider } from './lsp/bounded-file-system.js';
import { addCustomRequests } from './lsp/custom-handlers.js';
import { installGateAnswers, ProtocolGate } from './lsp/protocol-gate.js';
import { stdioTransport } from './lsp/stdio-transport.js';
import { createTcpflowServices } from './lsp/tcpflow-lsp-module.js';

const gate = new ProtocolGate();
const stdio = process.argv.includes('--stdio') ? stdioTransport() : undefined;
const connection = stdio
  ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer, { messageStrategy: gate })
  : createConnection(ProposedFeatures.all, { messageStrategy: gate });
stdio?.logConsoleTo(connection.console);
gate.log = (line) => connection.console.warn(line);
installGateAnswers(connection);
const { shared, Tcpflow } = createTcpflowServices({ connection, fileSystemProvider: () => new BoundedFileSystemProvider() });
// The server's own messages speak the editor's language.
addCustomRequests(connection, Tcpflow);
startLanguageServer(shared);
