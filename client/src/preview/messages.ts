/**
 * The messages between the preview panel (extension host) and its webview, declared
 * once and imported by both sides. Every message that crosses is checked with the
 * `read…` functions below before it is used: a webview is a separate, untrusted
 * context, and the other side may be an older or newer build.
 *
 * Lines are 0-based source lines, as in the LSP.
 */

/** 'auto' follows VS Code's theme (the webview body's `vscode-light`/`vscode-dark`/`vscode-high-contrast` class). */
export const THEMES = ['auto', 'default', 'dark', 'neutral', 'forest'] as const;
export type PreviewTheme = (typeof THEMES)[number];

export interface PreviewItem {
  readonly line: number;
  /** For an arrow drawn at a `deliver` line: that line. */
  readonly deliveredOn?: number;
}

/** Draw this diagram. `version` grows with every render the panel asks for. */
export interface RenderMessage {
  readonly type: 'render';
  readonly version: number;
  /** The document shown; the webview keeps it in its state so the panel can be revived. */
  readonly uri: string;
  readonly mermaid: string;
  /** One entry per arrow, in drawing order. */
  readonly messages: readonly PreviewItem[];
  /** One entry per note, in drawing order. */
  readonly notes: readonly PreviewItem[];
  readonly theme: PreviewTheme;
  /** A notice above the diagram (e.g. "drawing messages 1-400 of 2000"). */
  readonly banner?: string;
  /**
   * The document does not parse. The webview keeps its last good diagram and names the
   * error in a banner; with no earlier diagram it draws this one.
   */
  readonly syntaxError?: { readonly line: number; readonly message: string };
}

/** Highlight the arrows and notes of a source line (null: none). */
export interface HighlightMessage {
  readonly type: 'highlight';
  readonly line: number | null;
}

/** The panel could not get a diagram (e.g. the language server is not running). */
export interface ProblemMessage {
  readonly type: 'problem';
  readonly message: string;
}

export type ToWebview = RenderMessage | HighlightMessage | ProblemMessage;

/** The webview script has started and listens. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** The user clicked an arrow or a note: show this line in the editor. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly line: number;
}

/** A render finished (or was skipped because the text did not change). */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly version: number;
  readonly ok: boolean;
  /** Milliseconds from the message's arrival to the SVG in the page. */
  readonly ms: number;
  readonly skipped?: boolean;
  readonly error?: string;
}

export type FromWebview = ReadyMessage | RevealMessage | RenderedMessage;

// ---------------------------------------------------------------------------
// Validation

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -1 && value < 100_000_000;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readItems(value: unknown): PreviewItem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items: PreviewItem[] = [];
  for (const v of value) {
    if (!isObject(v) || !isLine(v.line)) return undefined;
    if (v.deliveredOn !== undefined && !isLine(v.deliveredOn)) return undefined;
    items.push(v.deliveredOn === undefined ? { line: v.line } : { line: v.line, deliveredOn: v.deliveredOn });
  }
  return items;
}

/** The message if it is a well-formed ToWebview, else undefined. */
export function readToWebview(data: unknown): ToWebview | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'render': {
      const messages = readItems(data.messages);
      const notes = readItems(data.notes);
      if (!isCount(data.version) || typeof data.uri !== 'string' || typeof data.mermaid !== 'string') return undefined;
      if (!messages || !notes) return undefined;
      if (typeof data.theme !== 'string' || !(THEMES as readonly string[]).includes(data.theme)) return undefined;
      if (data.banner !== undefined && typeof data.banner !== 'string') return undefined;
      let syntaxError: RenderMessage['syntaxError'];
      if (data.syntaxError !== undefined) {
        const e = data.syntaxError;
        if (!isObject(e) || !isLine(e.line) || typeof e.message !== 'string') return undefined;
        syntaxError = { line: e.line, message: e.message };
      }
      return {
        type: 'render', version: data.version, uri: data.uri, mermaid: data.mermaid, messages, notes,
        theme: data.theme as PreviewTheme,
        ...(data.banner !== undefined ? { banner: data.banner } : {}),
        ...(syntaxError ? { syntaxError } : {}),
      };
    }
    case 'highlight':
      return data.line === null || isLine(data.line) ? { type: 'highlight', line: data.line } : undefined;
    case 'problem':
      return typeof data.message === 'string' ? { type: 'problem', message: data.message } : undefined;
    default:
      return undefined;
  }
}

/** The message if it is a well-formed FromWebview, else undefined. */
export function readFromWebview(data: unknown): FromWebview | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isLine(data.line) && data.line >= 0 ? { type: 'reveal', line: data.line } : undefined;
    case 'rendered':
      if (!isCount(data.version) || typeof data.ok !== 'boolean' || typeof data.ms !== 'number') return undefined;
      if (data.error !== undefined && typeof data.error !== 'string') return undefined;
      return {
        type: 'rendered', version: data.version, ok: data.ok, ms: data.ms,
        ...(data.skipped === true ? { skipped: true } : {}),
        ...(typeof data.error === 'string' ? { error: data.error } : {}),
      };
    default:
      return undefined;
  }
}

/** What the webview keeps with `setState`, and the panel serializer reads back. */
export interface PreviewState {
  readonly uri: string;
}

export function readPreviewState(data: unknown): PreviewState | undefined {
  return isObject(data) && typeof data.uri === 'string' ? { uri: data.uri } : undefined;
}
