/**
 * The tcpflow language server in a browser Web Worker: the same Langium services as the
 * Node server (main.ts), talking LSP over the worker's postMessage. Used by the
 * playground page and by the extension's `browser` entry (vscode.dev).
 *
 * There is no file system here: documents exist only as the client opens them
 * (Langium's EmptyFileSystem). The Node entry's bounded file system must not be
 * imported from this file: it would pull `node:fs` into the browser bundle.
 */
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { addCustomRequests } from './lsp/custom-handlers.js';
import { installGateAnswers, ProtocolGate } from './lsp/protocol-gate.js';
import { createTcpflowServices } from './lsp/tcpflow-lsp-module.js';

// The worker's global scope (the server's tsconfig has no DOM types: this file alone needs it).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const gate = new ProtocolGate();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: gate });
gate.log = (line) => connection.console.warn(line);
installGateAnswers(connection);
const { shared, Tcpflow } = createTcpflowServices({ connection, ...EmptyFileSystem });
addCustomRequests(connection, Tcpflow);
startLanguageServer(shared);
