/**
 * Download: the diagram as SVG or PNG (drawn here, by the same code as the VS Code
 * export panel: client/src/export/webview-export.ts), the scenario as `.tcpflow`, and
 * the Markdown page of the CLI's `--format md`. Files are made in the page and handed
 * to the browser as blob: links; nothing is uploaded.
 */
import { answerExportRequest, type MermaidApi } from '../../client/src/export/webview-export.js';
import { markdownDocument } from '../../server/src/export/markdown-page.js';
import type { ExportTheme } from '../../server/src/export/mermaid-config.js';

export type DownloadKind = 'svg' | 'png' | 'tcpflow' | 'md';

export interface DownloadInput {
  readonly kind: DownloadKind;
  /** The scenario's text. */
  readonly text: string;
  /** The Mermaid source of the diagram on screen. */
  readonly mermaid: string | undefined;
  readonly theme: ExportTheme;
  /** The file name without extension. */
  readonly name: string;
  readonly mermaidApi: () => Promise<MermaidApi>;
}

/** PNG pixels per CSS pixel: sharp on high-density screens and in slides. */
const PNG_SCALE = 2;

export class NoDiagram extends Error {}

async function fileFor(input: DownloadInput): Promise<{ blob: Blob; extension: string }> {
  if (input.kind === 'tcpflow') return { blob: new Blob([input.text], { type: 'text/plain;charset=utf-8' }), extension: '.tcpflow' };
  if (!input.mermaid) throw new NoDiagram();
  if (input.kind === 'md') {
    return { blob: new Blob([markdownDocument(input.mermaid, `${input.name}.tcpflow`)], { type: 'text/markdown;charset=utf-8' }), extension: '.md' };
  }
  const result = await answerExportRequest({ type: 'export', id: 0, mermaid: input.mermaid, theme: input.theme, format: input.kind, scale: PNG_SCALE }, await input.mermaidApi());
  if (!result.ok) throw new Error(result.error);
  if (result.format === 'svg') return { blob: new Blob([result.svg], { type: 'image/svg+xml' }), extension: '.svg' };
  const bytes = Uint8Array.from(atob(result.pngBase64), (c) => c.charCodeAt(0));
  return { blob: new Blob([bytes], { type: 'image/png' }), extension: '.png' };
}

/** Makes the file and lets the browser save it. */
export async function download(input: DownloadInput): Promise<void> {
  const { blob, extension } = await fileFor(input);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${input.name}${extension}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the blob after.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from the scenario's title (`scenario "…"`), or a plain default. */
export function fileNameFor(text: string): string {
  const title = /^\s*scenario\s+"((?:[^"\\]|\\.)*)"/m.exec(text)?.[1];
  const slug = (title ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'scenario';
}
