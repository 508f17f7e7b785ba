/**
 * A small LSP client for the tests: starts the server bundled for this test run
 * (test/support/test-build.ts) with `--stdio` as a child process and speaks LSP to it as
 * an editor does. Waits are for real messages, never for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerMessages } from '../support/server-messages.js';
import { testBuild } from '../support/test-build.js';
import { applyPositionedEdits, dedent } from '../support/text.js';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type InitializeResult, type ProtocolConnection, type TextEdit,
} from 'vscode-languageserver-protocol/node';

export interface ClientOptions {
  /** What the client answers to `workspace/configuration` for section `tcpflow` (undefined: no such capability). */
  configuration?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** The `locale` sent in `initialize` (VS Code sends its display language, e.g. `zh-cn`). */
  locale?: string;
  /** Options for the server's Node, e.g. `--cpu-prof` to profile it (Node 20 refuses that one in NODE_OPTIONS). */
  nodeArgs?: readonly string[];
  /** Extra environment variables for the server process. */
  env?: Readonly<Record<string, string>>;
  /** Folders sent as `workspaceFolders` in `initialize` (absolute paths). */
  workspaceFolders?: readonly string[];
  /** The bundled server to start; the run's test build by default. */
  serverPath?: string;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly stderr: string[] = [];
  /** The server's `window/logMessage` lines, in order. */
  readonly logs: string[] = [];
  private readonly messages: ServerMessages;
  private versions = new Map<string, number>();
  configuration: Record<string, unknown> | undefined;
  initializeResult!: InitializeResult;
  refreshRequests = 0;

  constructor(serverPath: string, options: ClientOptions = {}) {
    this.configuration = options.configuration;
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.messages = new ServerMessages(this.connection);
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((i) => (i.section === 'tcpflow' ? this.configuration ?? null : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => {
      this.refreshRequests++;
      this.messages.arrived();
      return null;
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.messages.arrived();
    });
    this.connection.listen();
  }

  /** Starts the server without initializing it (a test of what it does before `initialize`). */
  static spawn(options: ClientOptions = {}): LspClient {
    return new LspClient(options.serverPath ?? testBuild().server, options);
  }

  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const client = new LspClient(options.serverPath ?? testBuild().server, options);
    client.initializeResult = await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.workspaceFolders?.map((path) => ({ uri: pathToFileURL(path).href, name: basename(path) })) ?? null,
      capabilities: {
        workspace: { configuration: options.configuration !== undefined, inlayHint: { refreshSupport: true }, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: {}, inlayHint: {}, hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: options.initializationOptions,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves once `predicate` holds, re-checking on each message the server sends us. */
  async until<T>(predicate: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    const started = Date.now();
    for (;;) {
      const value = predicate();
      if (value) return value;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.join('')}`);
      await this.messages.next(200);
    }
  }

  publishedCount(uri: string): number {
    return this.messages.count(uri);
  }

  /** The diagnostics last published for `uri`, if any. */
  lastPublished(uri: string): Diagnostic[] | undefined {
    return this.messages.last(uri);
  }

  /** The first diagnostics published for `uri` after the `afterCount`-th. */
  async diagnostics(uri: string, afterCount = 0): Promise<Diagnostic[]> {
    return this.until(() => this.messages.at(uri, afterCount), `diagnostics for ${uri}`);
  }

  /** Opens a document and returns its diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const before = this.publishedCount(uri);
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'tcpflow', version: 1, text } });
    return this.diagnostics(uri, before);
  }

  /** Replaces the whole text and returns the new diagnostics. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const before = this.publishedCount(uri);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnostics(uri, before);
  }

  /** An incremental change (a keystroke), without waiting. */
  async type(uri: string, line: number, character: number, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
  }

  /** The server's resident memory now and at its peak, in MB (Linux /proc). */
  memoryMB(): { now: number; peak: number } {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf-8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch { /* already gone */ }
    this.connection.dispose();
    this.process.kill();
  }
}

/** Applies LSP text edits to a text, as an editor does (edits do not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return applyPositionedEdits(text, edits.map((e) => ({ start: e.range.start, end: e.range.end, newText: e.newText })));
}

export { dedent };

/** The 0-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`no line contains ${needle}`);
  return line;
}

/** The position of `needle` on its line (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const line = lineOf(text, needle);
  return { line, character: text.split('\n')[line].indexOf(needle) + offset };
}

/** Semantic tokens decoded to `TEXT:TYPE` (`+decl` for a declaration), in order. */
export function decodeSemanticTokens(data: readonly number[], types: readonly string[], text: string): string[] {
  const lines = text.split('\n');
  const decoded: string[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    decoded.push(`${lines[line].slice(char, char + data[i + 2])}:${types[data[i + 3]]}${data[i + 4] ? '+decl' : ''}`);
  }
  return decoded;
}
