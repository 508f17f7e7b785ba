/**
 * Proposed messages for drawing an export in the preview webview (so SVG and PNG
 * export work in VS Code without any browser installed). To be merged into
 * client/src/preview/messages.ts by its owner; until then both sides may import this.
 *
 * panel → webview: ExportRequestMessage; webview → panel: ExportResultMessage, with
 * the same `id`. The webview draws off-screen (the visible diagram is not touched).
 */
import { EXPORT_THEMES, type ExportTheme } from '../../../server/src/export/mermaid-config.js';

export interface ExportRequestMessage {
  readonly type: 'export';
  readonly id: number;
  readonly mermaid: string;
  readonly theme: ExportTheme;
  readonly format: 'svg' | 'png';
  /** Device pixels per CSS pixel, for PNG (1, 2, 3). */
  readonly scale: number;
}

export type ExportResultMessage =
  | { readonly type: 'exported'; readonly id: number; readonly ok: true; readonly format: 'svg'; readonly svg: string; readonly width: number; readonly height: number }
  | { readonly type: 'exported'; readonly id: number; readonly ok: true; readonly format: 'png'; readonly pngBase64: string; readonly width: number; readonly height: number }
  | { readonly type: 'exported'; readonly id: number; readonly ok: false; readonly error: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1_000_000;

export function readExportRequest(data: unknown): ExportRequestMessage | undefined {
  if (!isObject(data) || data.type !== 'export') return undefined;
  if (typeof data.id !== 'number' || typeof data.mermaid !== 'string') return undefined;
  if (typeof data.theme !== 'string' || !(EXPORT_THEMES as readonly string[]).includes(data.theme)) return undefined;
  if (data.format !== 'svg' && data.format !== 'png') return undefined;
  if (typeof data.scale !== 'number' || !(data.scale >= 0.25 && data.scale <= 8)) return undefined;
  return { type: 'export', id: data.id, mermaid: data.mermaid, theme: data.theme as ExportTheme, format: data.format, scale: data.scale };
}

export function readExportResult(data: unknown): ExportResultMessage | undefined {
  if (!isObject(data) || data.type !== 'exported' || typeof data.id !== 'number') return undefined;
  if (data.ok === false) return typeof data.error === 'string' ? { type: 'exported', id: data.id, ok: false, error: data.error } : undefined;
  if (data.ok !== true || !isSize(data.width) || !isSize(data.height)) return undefined;
  if (data.format === 'svg' && typeof data.svg === 'string') {
    return { type: 'exported', id: data.id, ok: true, format: 'svg', svg: data.svg, width: data.width, height: data.height };
  }
  if (data.format === 'png' && typeof data.pngBase64 === 'string') {
    return { type: 'exported', id: data.id, ok: true, format: 'png', pngBase64: data.pngBase64, width: data.width, height: data.height };
  }
  return undefined;
}

/** What the export command needs from whoever owns the webview. */
export type WebviewRender = (request: Omit<ExportRequestMessage, 'type' | 'id'>) => Promise<Uint8Array>;

/**
 * Builds a WebviewRender over any webview: posts requests, matches answers by id,
 * gives up after `timeoutMs`. `listen` must return something with `dispose()`.
 */
export function webviewRenderer(
  post: (message: ExportRequestMessage) => Thenable<boolean> | Promise<boolean>,
  listen: (listener: (data: unknown) => void) => { dispose(): unknown },
  timeoutMs = 60_000,
): WebviewRender {
  let next = 1;
  return (request) => new Promise<Uint8Array>((resolvePromise, reject) => {
    const id = next++;
    const timer = setTimeout(() => finish(new Error('the preview did not answer; is it open?')), timeoutMs);
    const subscription = listen((data) => {
      const result = readExportResult(data);
      if (!result || result.id !== id) return;
      if (!result.ok) finish(new Error(result.error));
      else finish(undefined, result.format === 'svg' ? new TextEncoder().encode(result.svg) : Buffer.from(result.pngBase64, 'base64'));
    });
    function finish(error: Error | undefined, bytes?: Uint8Array): void {
      clearTimeout(timer);
      subscription.dispose();
      if (error) reject(error);
      else resolvePromise(bytes!);
    }
    Promise.resolve(post({ type: 'export', id, ...request })).then((delivered) => {
      if (!delivered) finish(new Error('the preview is not open'));
    }, (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}
