/**
 * The shape of every request's and notification's params the server reads, checked
 * before any handler sees them. Langium's handlers and ours trust the types the
 * protocol promises: `didOpen` with `text: null` threw in the reader (and killed the
 * server), a hover without `position` answered -32603 "Cannot read properties of
 * undefined". A message that does not match is answered -32602 here (a request) or
 * dropped with a log line (a notification), naming the first field that is wrong.
 *
 * Only the fields the server reads are checked; anything more is the client's business.
 */
import { URI } from 'langium';

/** A JSON type, an object of fields, or a wrapper. */
export type Shape =
  | 'string' | 'uri' | 'uint' | 'int' | 'boolean' | 'object' | 'array' | 'any'
  | { readonly optional: Shape }
  | { readonly nullable: Shape }
  | { readonly arrayOf: Shape }
  | { readonly oneOf: readonly string[] }
  | { readonly [field: string]: Shape };

const optional = (shape: Shape): Shape => ({ optional: shape });
const nullable = (shape: Shape): Shape => ({ nullable: shape });
const arrayOf = (shape: Shape): Shape => ({ arrayOf: shape });

const POSITION: Shape = { line: 'uint', character: 'uint' };
const RANGE: Shape = { start: POSITION, end: POSITION };
const DOCUMENT: Shape = { uri: 'uri' };
const AT_POSITION: Shape = { textDocument: DOCUMENT, position: POSITION };
const IN_DOCUMENT: Shape = { textDocument: DOCUMENT };
const IN_RANGE: Shape = { textDocument: DOCUMENT, range: RANGE };
const FORMATTING_OPTIONS: Shape = { tabSize: 'uint', insertSpaces: 'boolean' };

/** Requests whose params name an open document (`textDocument.uri`). */
export const DOCUMENT_REQUESTS: Readonly<Record<string, Shape>> = {
  'textDocument/hover': AT_POSITION,
  'textDocument/completion': AT_POSITION,
  'textDocument/signatureHelp': AT_POSITION,
  'textDocument/definition': AT_POSITION,
  'textDocument/declaration': AT_POSITION,
  'textDocument/typeDefinition': AT_POSITION,
  'textDocument/implementation': AT_POSITION,
  'textDocument/documentHighlight': AT_POSITION,
  'textDocument/prepareRename': AT_POSITION,
  'textDocument/prepareCallHierarchy': AT_POSITION,
  'textDocument/prepareTypeHierarchy': AT_POSITION,
  'textDocument/linkedEditingRange': AT_POSITION,
  'textDocument/references': { ...AT_POSITION, context: { includeDeclaration: 'boolean' } },
  'textDocument/rename': { ...AT_POSITION, newName: 'string' },
  'textDocument/documentSymbol': IN_DOCUMENT,
  'textDocument/foldingRange': IN_DOCUMENT,
  'textDocument/documentLink': IN_DOCUMENT,
  'textDocument/codeLens': IN_DOCUMENT,
  'textDocument/documentColor': IN_DOCUMENT,
  'textDocument/diagnostic': IN_DOCUMENT,
  'textDocument/semanticTokens/full': IN_DOCUMENT,
  'textDocument/semanticTokens/full/delta': { textDocument: DOCUMENT, previousResultId: 'string' },
  'textDocument/semanticTokens/range': IN_RANGE,
  'textDocument/inlayHint': IN_RANGE,
  'textDocument/selectionRange': { textDocument: DOCUMENT, positions: arrayOf(POSITION) },
  'textDocument/formatting': { textDocument: DOCUMENT, options: FORMATTING_OPTIONS },
  'textDocument/rangeFormatting': { ...IN_RANGE, options: FORMATTING_OPTIONS },
  'textDocument/onTypeFormatting': { ...AT_POSITION, ch: 'string', options: FORMATTING_OPTIONS },
  'textDocument/codeAction': {
    ...IN_RANGE,
    context: { diagnostics: arrayOf({ range: RANGE, message: 'string' }), only: optional(arrayOf('string')) },
  },
  // The preview's request (custom-requests.ts): `uri` at the top level.
  'tcpflow/diagram': { uri: 'uri', line: optional('uint'), stateNames: optional({ oneOf: ['rfc', 'linux'] }) },
};

/** Every other request and notification the server reads params of. */
const OTHER_PARAMS: Readonly<Record<string, Shape>> = {
  'initialize': {
    processId: optional(nullable('int')),
    capabilities: 'object',
    rootUri: optional(nullable('string')),
    locale: optional('string'),
    workspaceFolders: optional(nullable(arrayOf({ uri: 'uri', name: 'string' }))),
  },
  'initialized': 'object',
  'textDocument/didOpen': { textDocument: { uri: 'uri', languageId: 'string', version: 'int', text: 'string' } },
  'textDocument/didChange': {
    textDocument: { uri: 'uri', version: 'int' },
    contentChanges: arrayOf({ text: 'string', range: optional(RANGE) }),
  },
  'textDocument/didClose': IN_DOCUMENT,
  'textDocument/didSave': { textDocument: DOCUMENT, text: optional('string') },
  'textDocument/willSave': { textDocument: DOCUMENT, reason: 'uint' },
  'textDocument/willSaveWaitUntil': { textDocument: DOCUMENT, reason: 'uint' },
  'workspace/didChangeWatchedFiles': { changes: arrayOf({ uri: 'uri', type: { oneOf: ['1', '2', '3'] } }) },
  'workspace/didChangeConfiguration': 'object',
  'workspace/didChangeWorkspaceFolders': { event: { added: arrayOf({ uri: 'uri', name: 'string' }), removed: arrayOf({ uri: 'uri', name: 'string' }) } },
  'workspace/symbol': { query: 'string' },
  'workspace/executeCommand': { command: 'string', arguments: optional('array') },
  'completionItem/resolve': { label: 'string' },
  'inlayHint/resolve': { position: POSITION },
  'codeAction/resolve': { title: 'string' },
  '$/cancelRequest': { id: 'any' },
  '$/setTrace': { value: { oneOf: ['off', 'messages', 'verbose'] } },
};

/** The params shape of a method, if the server knows it. */
export function shapeOf(method: string): Shape | undefined {
  return DOCUMENT_REQUESTS[method] ?? OTHER_PARAMS[method];
}

/** What is wrong with a value: where, what was expected, what was there. */
export interface ParamsProblem {
  readonly path: string;
  readonly expected: string;
  readonly actual: string;
}

/** The first field of `value` that does not match `shape`, or undefined when all do. */
export function checkParams(value: unknown, shape: Shape, path = 'params'): ParamsProblem | undefined {
  if (typeof shape === 'string') return checkLeaf(value, shape, path);
  if ('optional' in shape) return value === undefined ? undefined : checkParams(value, shape.optional as Shape, path);
  if ('nullable' in shape) return value === null ? undefined : checkParams(value, shape.nullable as Shape, path);
  if ('oneOf' in shape && Array.isArray(shape.oneOf)) {
    const choices = shape.oneOf as readonly string[];
    return value !== undefined && value !== null && choices.includes(String(value)) ? undefined : { path, expected: choices.map((c) => JSON.stringify(c)).join(' | '), actual: describe(value) };
  }
  if ('arrayOf' in shape) {
    if (!Array.isArray(value)) return { path, expected: EXPECTED.array, actual: describe(value) };
    for (let i = 0; i < value.length; i++) {
      const problem = checkParams(value[i], shape.arrayOf as Shape, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (!isObject(value)) return { path, expected: EXPECTED.object, actual: describe(value) };
  for (const [field, fieldShape] of Object.entries(shape as Record<string, Shape>)) {
    const problem = checkParams(value[field], fieldShape, `${path}.${field}`);
    if (problem) return problem;
  }
  return undefined;
}

function checkLeaf(value: unknown, shape: Extract<Shape, string>, path: string): ParamsProblem | undefined {
  const ok = (() => {
    switch (shape) {
      case 'string': return typeof value === 'string';
      case 'uri': return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && parses(value);
      case 'uint': return Number.isSafeInteger(value) && (value as number) >= 0;
      case 'int': return Number.isSafeInteger(value);
      case 'boolean': return typeof value === 'boolean';
      case 'object': return isObject(value);
      case 'array': return Array.isArray(value);
      case 'any': return true;
    }
  })();
  return ok ? undefined : { path, expected: EXPECTED[shape], actual: describe(value) };
}

/**
 * JSON type names, not prose: they are tokens of the protocol (like `initialize`), so
 * the catalogue's sentence around them is what is translated.
 */
const EXPECTED: Record<Extract<Shape, string>, string> = {
  string: 'string',
  uri: 'URI string',
  uint: 'integer >= 0',
  int: 'integer',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  any: 'any value',
};

/** Whether Langium can read the URI (vscode-uri throws on some, e.g. `file:////x`). */
function parses(uri: string): boolean {
  try {
    URI.parse(uri);
    return true;
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of what was sent (never the whole value: it may be megabytes). */
function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return value.length > 40 ? `string(${value.length})` : JSON.stringify(value);
  if (typeof value === 'object') return 'object';
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
