/**
 * Drives the built language server (`out/server.js --stdio`) as a hostile editor would:
 * random incremental edits, every request at random (also out-of-range) positions.
 * Watches for what must never happen: an internal error in a response, the process
 * exiting, a request that takes longer than the budget, a position outside the document.
 *
 * The server is started with `--expose-gc -r test/fuzz/heap-probe.cjs`: the probe (not
 * part of the server) answers SIGUSR2 by collecting garbage and writing
 * `process.memoryUsage()` to a file, so a test can read the server's heap without a
 * debug request in the server itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection, ResponseError, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { anyDocument, EXAMPLES, ROOT } from './generators.js';
import { makeHostileWorkspace } from '../lsp/hostile-workspace.js';
import { ServerMessages } from '../support/server-messages.js';
import { splitLines } from './invariants.js';

/** Per-request time budget, milliseconds. */
export const REQUEST_BUDGET_MS = 2_000;

/** LSP error codes a response may carry without it being a bug. */
const ACCEPTABLE_ERRORS = new Map<number, string>([
  [-32602, 'InvalidParams (rename to a bad name, malformed params, the preview of an unopened file)'],
  [-32800, 'RequestCancelled'],
  [-32801, 'ContentModified'],
]);

export interface ServerStats {
  requests: number;
  edits: number;
  /** Malformed requests and notifications sent (and requests about unopened files). */
  malformed: number;
  /** Acceptable error responses by code. */
  acceptedErrors: Record<string, number>;
  slowestMs: number;
  slowestMethod: string;
}

export class FuzzServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly stderr: string[] = [];
  /** The server's `window/logMessage` lines. */
  readonly logs: string[] = [];
  readonly stats: ServerStats = { requests: 0, edits: 0, malformed: 0, acceptedErrors: {}, slowestMs: 0, slowestMethod: '' };
  private readonly messages: ServerMessages;
  private exited: string | undefined;
  private readonly probeDir = mkdtempSync(join(tmpdir(), 'tcpflow-heap-'));
  private uriCounter = 0;

  /** `nodeArgs`: extra options for node, e.g. `--cpu-prof` to profile the server. */
  constructor(serverPath: string, nodeArgs: readonly string[] = []) {
    const probe = join(ROOT, 'test', 'fuzz', 'heap-probe.cjs');
    this.process = spawn(process.execPath, [...nodeArgs, '--expose-gc', '-r', probe, serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, TCPFLOW_HEAP_PROBE: join(this.probeDir, 'heap.json') },
    });
    this.process.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.process.on('exit', (code, signal) => {
      this.exited = `server exited (code ${code}, signal ${signal}); stderr:\n${this.stderr.join('').slice(-4000)}`;
      this.messages.arrived();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.messages = new ServerMessages(this.connection);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.onRequest('workspace/semanticTokens/refresh', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.messages.arrived();
    });
    this.connection.onNotification('window/showMessage', () => {});
    this.connection.onError(() => {});
    this.connection.listen();
  }

  /** `workspaceFolder`: a folder sent in `initialize`, whose files the server checks in the background. */
  static async start(serverPath: string, nodeArgs: readonly string[] = [], workspaceFolder?: string): Promise<FuzzServer> {
    const server = new FuzzServer(serverPath, nodeArgs);
    await server.request('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).href, name: 'fuzz' }] : null,
      capabilities: {
        workspace: { configuration: true, inlayHint: { refreshSupport: true } },
        textDocument: {
          publishDiagnostics: {}, inlayHint: {}, hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } }, rename: { prepareSupport: true },
          semanticTokens: { requests: { full: { delta: true }, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        },
      },
    }, 30_000);
    await server.connection.sendNotification('initialized', {});
    return server;
  }

  newUri(): string {
    return `file:///fuzz/doc-${++this.uriCounter}.tcpflow`;
  }

  alive(): void {
    if (this.exited) throw new Error(this.exited);
  }

  /** A request within the budget; an internal error or any unexpected error code fails. */
  async request<R>(method: string, params: unknown, budgetMs = REQUEST_BUDGET_MS): Promise<R | undefined> {
    this.alive();
    this.stats.requests++;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} took longer than ${budgetMs} ms: ${JSON.stringify(params).slice(0, 300)}`)), budgetMs);
    });
    const exit = new Promise<never>((_, reject) => {
      const check = () => (this.exited ? reject(new Error(`${method}: ${this.exited}`)) : this.messages.onNext(check));
      check();
    });
    try {
      return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, timeout, exit]);
    } catch (error) {
      if (error instanceof ResponseError) {
        const accepted = ACCEPTABLE_ERRORS.get(error.code);
        if (accepted) {
          this.stats.acceptedErrors[accepted] = (this.stats.acceptedErrors[accepted] ?? 0) + 1;
          return undefined;
        }
        throw new Error(`${method} answered error ${error.code}: ${error.message}\nparams: ${JSON.stringify(params).slice(0, 500)}`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      const ms = performance.now() - started;
      if (ms > this.stats.slowestMs) {
        this.stats.slowestMs = ms;
        this.stats.slowestMethod = method;
      }
    }
  }

  async notify(method: string, params: unknown): Promise<void> {
    this.alive();
    await this.connection.sendNotification(method, params);
  }

  lastPublished(uri: string): Diagnostic[] | undefined {
    return this.messages.last(uri);
  }

  publishedCount(uri: string): number {
    return this.messages.count(uri);
  }

  /** Resolves once `predicate` holds (checked on every message from the server), or fails after `timeoutMs`. */
  async until<T>(predicate: () => T | undefined | false, what: () => string, timeoutMs: number): Promise<T> {
    const started = Date.now();
    for (;;) {
      this.alive();
      const value = predicate();
      if (value) return value;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}\nserver stderr (last 2,000 characters): ${this.stderr.join('').slice(-2000)}`);
      }
      await this.messages.next(50);
    }
  }

  /** Opens a document and waits for its first diagnostics (by default 10 s: an open is not a request, and may queue behind edits). */
  async open(uri: string, text: string, timeoutMs = REQUEST_BUDGET_MS * 5): Promise<Diagnostic[]> {
    const before = this.publishedCount(uri);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'tcpflow', version: 1, text } });
    return this.until(() => (this.publishedCount(uri) > before ? this.lastPublished(uri) : undefined), () => `diagnostics of a fresh open of ${JSON.stringify(text.slice(0, 200))}`, timeoutMs);
  }

  async close(uri: string): Promise<void> {
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The server's heap after two forced collections (see heap-probe.cjs), and its resident set size from /proc. */
  async heap(): Promise<{ heapUsed: number; rss: number; procRssKb?: number }> {
    const file = join(this.probeDir, 'heap.json');
    rmSync(file, { force: true });
    this.process.kill('SIGUSR2');
    await this.until(() => existsSync(file) && readFileSync(file, 'utf8').endsWith('}'), () => 'the heap probe', 10_000);
    const usage = JSON.parse(readFileSync(file, 'utf8')) as { heapUsed: number; rss: number };
    let procRssKb: number | undefined;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.process.pid}/status`, 'utf8'));
      procRssKb = m ? Number(m[1]) : undefined;
    } catch { /* not Linux */ }
    return { ...usage, procRssKb };
  }

  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification('exit');
      }
    } catch { /* already gone */ }
    this.connection.dispose();
    if (!this.exited) this.process.kill();
    rmSync(this.probeDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- random sessions

/** A place in the document: fractions of its size, so that it shrinks well and fits any text. */
export interface Where { line: number; character: number }
export type Action =
  /** One didChange: this edit, then `more` in the same notification (each relative to the text the previous made). */
  | { kind: 'edit'; at: number; length: number; text: string; more: Array<{ at: number; length: number; text: string }> }
  | { kind: 'request'; method: string; where: Where; to: Where; newName: string }
  /** A request or notification whose params have one field replaced by a wrong value (or removed), or name an unopened file. */
  | { kind: 'malformed'; method: string; where: Where; field: number; value: unknown; unopened: boolean };

export const METHODS = [
  'textDocument/hover', 'textDocument/completion', 'textDocument/inlayHint', 'textDocument/codeAction',
  'textDocument/documentSymbol', 'textDocument/formatting', 'textDocument/rangeFormatting', 'textDocument/onTypeFormatting',
  'textDocument/semanticTokens/full', 'textDocument/semanticTokens/range', 'textDocument/rename', 'textDocument/prepareRename',
  'textDocument/definition', 'textDocument/references', 'textDocument/documentHighlight', 'textDocument/foldingRange',
  'tcpflow/diagram',
] as const;

/** Uniform in [0, 1] (fc.double favours extreme values, which would put almost every position at 0). */
const fraction = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);

const where: fc.Arbitrary<Where> = fc.record({
  // Mostly inside the document, sometimes past its last line or its line's end (clients may send those).
  line: fc.oneof({ weight: 9, arbitrary: fraction }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 3000 }).map((n) => n / 1000) }),
  character: fc.oneof({ weight: 9, arbitrary: fraction }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 50_000 }).map((n) => n / 1000) }),
});

const insertion = fc.oneof(
  fc.constantFrom('a', ' ', '\n', '\r\n', '\r', ':', '->', ' : SYN', 'seq=J+1', '"', '/*', '*/', '//', 'participant ', 'note over a : ', '🙂', '\0', '\uD800', 'expect a CLOSED', 'deliver t1', ' as t1'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.constant(''),
);

/** Notifications the server reads params of; a malformed one must be dropped, never fatal. */
export const NOTIFICATIONS = [
  'textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave',
  'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration', '$/cancelRequest', '$/setTrace',
] as const;

/** What a field is replaced by (`REMOVE`: deleted): every JSON type, out-of-range numbers, strings that are not URIs. */
const REMOVE = Symbol('remove');
const wrongValue = fc.constantFrom<unknown>(
  REMOVE, null, 0, -1, 1.5, 2 ** 53, Number.MAX_VALUE, '', 'x', 'not a uri', 'file:////double', 'file:///fuzz/never-opened.tcpflow',
  true, [], [null], {}, { line: 'a' }, 'x'.repeat(100_000),
);

const malformed: fc.Arbitrary<Action> = fc.record({
  kind: fc.constant('malformed' as const),
  method: fc.constantFrom(...METHODS, ...NOTIFICATIONS),
  where,
  field: fc.nat(),
  value: wrongValue,
  unopened: fc.boolean(),
});

export const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: malformed },
  { weight: 2, arbitrary: fc.record({
    kind: fc.constant('edit' as const), at: fraction, length: fc.nat(12), text: insertion,
    more: fc.oneof(
      { weight: 4, arbitrary: fc.constant<Array<{ at: number; length: number; text: string }>>([]) },
      { weight: 1, arbitrary: fc.array(fc.record({ at: fraction, length: fc.nat(12), text: insertion }), { maxLength: 3 }) },
    ),
  }) },
  { weight: 3, arbitrary: fc.record({
    kind: fc.constant('request' as const), method: fc.constantFrom(...METHODS), where, to: where,
    newName: fc.constantFrom('renamed', 'b', 'x y', '', 'participant', '1abc', '🙂', 'a'),
  }) },
);

export const session = fc.record({
  text: anyDocument.filter((t) => t.length < 20_000),
  actions: fc.array(action, { minLength: 5, maxLength: 60, size: 'medium' }),
});

function position(doc: TextDocument, w: Where): { line: number; character: number } {
  const lines = splitLines(doc.getText());
  const line = Math.floor(w.line * (lines.length - 1 + 0.999));
  const lineLength = lines[Math.min(line, lines.length - 1)]?.length ?? 0;
  return { line, character: Math.floor(w.character * (lineLength + 0.999)) };
}

/**
 * Every `{line, character}` in a response lies inside the document: a column may be past
 * its line's end (clients clamp it), a line may not be past the last line, unless the
 * request itself named that line (`maxLine`: an answer may echo the position it was asked about).
 */
function positionProblems(value: unknown, lines: readonly string[], maxLine: number, path = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => positionProblems(v, lines, maxLine, `${path}[${i}]`));
  const o = value as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.character === 'number') {
    if (!Number.isInteger(o.line) || !Number.isInteger(o.character) || o.line < 0 || o.character < 0) return [`${path}: bad position ${JSON.stringify(o)}`];
    if (o.line > maxLine) return [`${path}: line ${o.line} past the last line (${lines.length - 1})`];
    return [];
  }
  if (o.range && typeof o.range === 'object') {
    const r = o.range as { start?: { line: number; character: number }; end?: { line: number; character: number } };
    if (r.start && r.end && (r.end.line < r.start.line || (r.end.line === r.start.line && r.end.character < r.start.character))) {
      return [`${path}.range: end before start ${JSON.stringify(r)}`];
    }
  }
  return Object.entries(o).flatMap(([k, v]) => positionProblems(v, lines, maxLine, `${path}.${k}`));
}

/** The largest `line` anywhere in a value. */
function maxLineIn(value: unknown): number {
  if (!value || typeof value !== 'object') return -1;
  const own = typeof (value as { line?: unknown }).line === 'number' ? (value as { line: number }).line : -1;
  return Math.max(own, ...Object.values(value as Record<string, unknown>).map(maxLineIn));
}

/** Decodes relative semantic tokens and checks each lies on an existing line. */
function semanticTokenProblems(data: readonly number[] | undefined, lines: readonly string[]): string[] {
  if (!data) return [];
  if (data.length % 5 !== 0) return [`semantic tokens: ${data.length} numbers, not a multiple of 5`];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length] = data.slice(i, i + 3);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    if (![dl, dc, length].every((n) => Number.isInteger(n) && n >= 0)) return [`semantic token ${i / 5}: negative or fractional ${data.slice(i, i + 5)}`];
    if (line >= lines.length) return [`semantic token ${i / 5} on line ${line} of ${lines.length}`];
    if (character + length > lines[line].length) return [`semantic token ${i / 5} (${line}:${character}+${length}) past the end of its line (${lines[line].length})`];
  }
  return [];
}

function params(method: string, uri: string, doc: TextDocument, a: Extract<Action, { kind: 'request' }>, diagnostics: Diagnostic[]): unknown {
  const textDocument = { uri };
  const p = position(doc, a.where);
  const q = position(doc, a.to);
  const range = p.line < q.line || (p.line === q.line && p.character <= q.character) ? { start: p, end: q } : { start: q, end: p };
  switch (method) {
    case 'textDocument/inlayHint':
    case 'textDocument/semanticTokens/range':
      return { textDocument, range };
    case 'textDocument/codeAction':
      return { textDocument, range, context: { diagnostics: diagnostics.filter((d) => d.range.start.line >= range.start.line - 1 && d.range.start.line <= range.end.line + 1) } };
    case 'textDocument/documentSymbol':
    case 'textDocument/semanticTokens/full':
    case 'textDocument/foldingRange':
      return { textDocument };
    case 'textDocument/formatting':
      return { textDocument, options: { tabSize: 2, insertSpaces: true } };
    case 'textDocument/rangeFormatting':
      return { textDocument, range, options: { tabSize: 4, insertSpaces: false } };
    case 'textDocument/onTypeFormatting':
      return { textDocument, position: p, ch: '\n', options: { tabSize: 2, insertSpaces: true } };
    case 'textDocument/rename':
      return { textDocument, position: p, newName: a.newName };
    case 'textDocument/references':
      return { textDocument, position: p, context: { includeDeclaration: true } };
    case 'tcpflow/diagram':
      return { uri, line: p.line, stateNames: a.newName === 'a' ? 'linux' : 'rfc' };
    default:
      return { textDocument, position: p };
  }
}

/** Well-formed params of a notification, about a throwaway document (never the session's own). */
function notificationParams(method: string, uri: string): unknown {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  switch (method) {
    case 'textDocument/didOpen': return { textDocument: { uri, languageId: 'tcpflow', version: 1, text: 'client: connect\n' } };
    case 'textDocument/didChange': return { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: 'x' }] };
    case 'textDocument/didSave': return { textDocument: { uri }, text: 'client: connect\n' };
    case 'workspace/didChangeWatchedFiles': return { changes: [{ uri, type: 2 }] };
    case 'workspace/didChangeConfiguration': return { settings: { tcpflow: { stateNames: 'linux' } } };
    case '$/cancelRequest': return { id: 1_000_000 };
    case '$/setTrace': return { value: 'off' };
    default: return { textDocument: { uri } };
  }
}

/** Every path to a field of `value` (objects and arrays), outermost first; `[]` is the params themselves. */
function fieldPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const here = [path];
  if (!value || typeof value !== 'object') return here;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return here.concat(entries.flatMap(([k, v]) => fieldPaths(v, [...path, k])));
}

/** A copy of `value` with the field at `path` replaced by `replacement` (or removed). */
function replaced(value: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  const inner = replaced(copy[head], rest, replacement);
  if (inner === undefined && rest.length === 0 && replacement === REMOVE) delete copy[head];
  else copy[head] = inner;
  return copy;
}

/**
 * A malformed message: a request about the session's document (or a file never opened)
 * must be answered — a result, or -32602 — within the budget; never -32603, never a
 * crash. About a file never opened, with params otherwise right, the answer is null.
 * A notification about a throwaway document is dropped or applied; the server lives.
 */
async function sendMalformed(server: FuzzServer, uri: string, doc: TextDocument, a: Extract<Action, { kind: 'malformed' }>): Promise<void> {
  const isRequest = (METHODS as readonly string[]).includes(a.method);
  const target = a.unopened || !isRequest ? `file:///fuzz/never-opened-${a.field % 7}.tcpflow` : uri;
  const valid = isRequest
    ? params(a.method, target, doc, { kind: 'request', method: a.method, where: a.where, to: a.where, newName: 'renamed' }, [])
    : notificationParams(a.method, target);
  const paths = fieldPaths(valid);
  const path = paths[a.field % paths.length];
  const sent = replaced(valid, path, a.value);
  server.stats.malformed++;
  if (!isRequest) {
    await server.notify(a.method, sent);
    // A throwaway didOpen that still read right was opened: close it again.
    if (a.method === 'textDocument/didOpen') await server.notify('textDocument/didClose', { textDocument: { uri: target } });
    return;
  }
  if (a.unopened) {
    // Well-formed, about a file never opened: null, without reading it (the preview's request: -32602, accepted).
    const answer = await server.request<unknown>(a.method, valid);
    if (a.method !== 'tcpflow/diagram' && answer !== null) {
      throw new Error(`${a.method} about a file never opened answered ${JSON.stringify(answer)?.slice(0, 200)}, not null`);
    }
  }
  await server.request<unknown>(a.method, sent);
}

/** Sorted, so that two lists of the same diagnostics compare equal whatever their order. */
export function diagnosticKey(list: readonly Diagnostic[] | undefined): string {
  return JSON.stringify((list ?? []).map((d) => JSON.stringify(d)).sort());
}

/**
 * One editing session on a fresh document: open, then edits and requests in the given
 * order; at the end, the diagnostics the server publishes for the edited document must
 * equal those of a fresh open of the same text.
 */
export async function runSession(server: FuzzServer, text: string, actions: readonly Action[]): Promise<void> {
  const uri = server.newUri();
  let doc = TextDocument.create(uri, 'tcpflow', 1, text);
  await server.open(uri, text);
  for (const a of actions) {
    if (a.kind === 'edit') {
      // Each change's range refers to the text as the changes before it left it (LSP 3.17).
      // TextDocument.update changes the document in place: work out the ranges on a copy.
      let scratch = TextDocument.create(uri, 'tcpflow', doc.version, doc.getText());
      const changes = [a, ...a.more].map((e) => {
        const content = scratch.getText();
        const start = Math.floor(e.at * (content.length + 0.999));
        const change = { range: { start: scratch.positionAt(start), end: scratch.positionAt(Math.min(content.length, start + e.length)) }, text: e.text };
        scratch = TextDocument.update(scratch, [change], scratch.version);
        return change;
      });
      doc = TextDocument.update(doc, changes, doc.version + 1);
      server.stats.edits += changes.length;
      await server.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
      continue;
    }
    if (a.kind === 'malformed') {
      await sendMalformed(server, uri, doc, a);
      continue;
    }
    const sent = params(a.method, uri, doc, a, server.lastPublished(uri) ?? []);
    const result = await server.request<unknown>(a.method, sent);
    const lines = splitLines(doc.getText());
    // An answer may echo what the request carried: its positions, and the (possibly stale)
    // diagnostics and fixes a code-action request passes back.
    const maxLine = Math.max(lines.length - 1, maxLineIn(sent));
    const problems = a.method === 'tcpflow/diagram' ? []
      : a.method.startsWith('textDocument/semanticTokens') ? semanticTokenProblems((result as { data?: number[] } | undefined)?.data, lines)
      : positionProblems(result, lines, maxLine);
    if (problems.length > 0) {
      throw new Error(`${a.method} answered positions outside the document (version ${doc.version}):\n${problems.slice(0, 5).join('\n')}\n`
        + `text: ${JSON.stringify(doc.getText().slice(0, 600))}\nanswer: ${JSON.stringify(result).slice(0, 600)}`);
    }
  }
  await expectSameAsFreshOpen(server, uri, doc.getText());
  await server.close(uri);
}

/**
 * The edited document's last published diagnostics equal a fresh open's. `settleMs`:
 * how long the server may take to work through the edits already sent (after a burst
 * of a thousand, more than one request's budget).
 */
export async function expectSameAsFreshOpen(server: FuzzServer, uri: string, text: string, settleMs = REQUEST_BUDGET_MS * 5): Promise<void> {
  const fresh = server.newUri();
  const expected = diagnosticKey(await server.open(fresh, text, settleMs));
  await server.close(fresh);
  // Inlay hints are answered once the current version is built up to the phase before
  // validation; its diagnostics are published right after. From there, 2 s to agree.
  await server.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, settleMs);
  await server.until(
    () => diagnosticKey(server.lastPublished(uri)) === expected,
    () => `the edited document's diagnostics to equal a fresh open's.\nedited: ${diagnosticKey(server.lastPublished(uri)).slice(0, 1500)}\nfresh:  ${expected.slice(0, 1500)}\ntext: ${JSON.stringify(text.slice(0, 1000))}`,
    REQUEST_BUDGET_MS,
  );
  // Settled: one more round trip, and they still agree (a stale publish cannot have matched by chance).
  await server.request('textDocument/documentSymbol', { textDocument: { uri } });
  if (diagnosticKey(server.lastPublished(uri)) !== expected) throw new Error('the edited document\'s diagnostics changed again after settling');
}

/** Opens a big document and sends every request once, each within the budget (the open itself may take longer). */
export async function bigDocumentRequests(server: FuzzServer, text: string): Promise<void> {
  const uri = server.newUri();
  const doc = TextDocument.create(uri, 'tcpflow', 1, text);
  await server.open(uri, text);
  const middle: Where = { line: 0.5, character: 0.5 };
  for (const method of METHODS) {
    await server.request(method, params(method, uri, doc, { kind: 'request', method, where: middle, to: { line: 1, character: 1 }, newName: 'renamed' }, []));
  }
  await server.close(uri);
}

/**
 * A workspace folder of hostile files (test/lsp/hostile-workspace.ts) beside random
 * documents: the server must check every readable one in the background, skip each
 * hostile one with a log line, never touch the FIFO and the links, and meanwhile
 * answer an opened document's requests within the budget. Returns what it saw.
 */
export async function hostileWorkspaceRun(serverPath: string, randomTexts: readonly string[]): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'tcpflow-fuzz-workspace-'));
  let server: FuzzServer | undefined;
  try {
    const good = EXAMPLES[0].text;
    const workspace = makeHostileWorkspace(root, good, []);
    randomTexts.forEach((text, i) => writeFileSync(join(root, `random-${i}.tcpflow`), text));
    const uriOf = (name: string) => pathToFileURL(join(root, name)).href;
    const started = performance.now();
    server = await FuzzServer.start(serverPath, [], root);
    // While the workspace is checked: an opened document answers every request in time.
    await bigDocumentRequests(server, good);
    const s = server;
    // A random text with a NUL byte is binary on disk: skipped like binary.tcpflow.
    const randomNames = randomTexts.map((text, i) => ({ name: `random-${i}.tcpflow`, binary: text.includes('\0') }));
    const toCheck = [...workspace.checked.keys(), ...randomNames.filter((r) => !r.binary).map((r) => r.name)];
    const skipped = new Map([...workspace.skipped, ...randomNames.filter((r) => r.binary).map((r) => [r.name, 'binary data'] as const)]);
    await s.until(() => toCheck.every((name) => s.publishedCount(uriOf(name)) > 0), () => `diagnostics for every readable file (missing: ${toCheck.filter((n) => s.publishedCount(uriOf(n)) === 0).join(', ')})`, 300_000);
    await s.until(() => skipped.size === 0 || [...skipped.keys()].every((name) => s.logs.some((l) => l.includes(join(root, name)))), () => 'a log line for every skipped file', 60_000);
    for (const [name, reason] of skipped) {
      if (!s.logs.some((l) => l.includes(join(root, name)) && l.includes(reason))) throw new Error(`no log line about ${name} (${reason})`);
    }
    for (const name of [...skipped.keys(), ...workspace.untouched]) {
      if (s.publishedCount(uriOf(name)) > 0) throw new Error(`diagnostics published for ${name}, which must not be read`);
    }
    return `${toCheck.length} files checked and ${skipped.size} skipped with a log line in ${((performance.now() - started) / 1000).toFixed(1)} s; the FIFO, the symlink loop and the links untouched; an opened document answered every request within ${REQUEST_BUDGET_MS} ms meanwhile.`;
  } finally {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
