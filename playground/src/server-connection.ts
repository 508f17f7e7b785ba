/**
 * Starts the language server (out/playground/server-worker.js) in a Web Worker and
 * speaks JSON-RPC to it. Served over http(s) the worker loads from its file; opened from
 * file:// Chromium refuses a worker script from the `null` origin, so the page loads
 * server-worker-source.js (a classic script holding the worker's text) and starts the
 * worker from a blob: URL instead (allowed by the page's `worker-src blob:`).
 */
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/browser';
import type { InitializeParams } from 'vscode-languageserver-protocol';

const WORKER_FILE = 'server-worker.js';
const WORKER_SOURCE_FILE = 'server-worker-source.js';
/** Must match WORKER_SOURCE_GLOBAL in scripts/playground-build.mjs. */
const WORKER_SOURCE_GLOBAL = 'tcpflowServerWorkerSource';

function loadClassicScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} could not be loaded`));
    document.head.appendChild(script);
  });
}

async function startWorker(): Promise<Worker> {
  if (location.protocol !== 'file:') return new Worker(WORKER_FILE);
  await loadClassicScript(WORKER_SOURCE_FILE);
  const source = (globalThis as Record<string, unknown>)[WORKER_SOURCE_GLOBAL];
  if (typeof source !== 'string') throw new Error(`${WORKER_SOURCE_FILE} holds no worker`);
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url);
}

/** What the playground's client can do: only what the page and its editor handle. */
function initializeParams(locale: string): InitializeParams {
  return {
    processId: null,
    rootUri: null,
    workspaceFolders: null,
    locale,
    clientInfo: { name: 'tcpflow-playground' },
    capabilities: {
      textDocument: {
        synchronization: { didSave: false },
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
        inlayHint: {},
      },
      workspace: { inlayHint: { refreshSupport: true } },
    },
  };
}

/** The connection, once the server has answered `initialize` and been told `initialized`. */
export async function connectToServer(locale: string): Promise<MessageConnection> {
  const worker = await startWorker();
  const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  // A request this client did not announce (none expected): answer it, so the server never waits.
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest('initialize', initializeParams(locale));
  await connection.sendNotification('initialized', {});
  return connection;
}
