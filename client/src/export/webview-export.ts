/**
 * The one function that turns Mermaid source into an exported SVG: drawn off-screen with
 * the page's Mermaid and the shared configuration, arrows sloped (slope.ts), cleaned, its
 * ids numbered per drawing and sized from its viewBox; and, for PNG requests, rasterized
 * on a canvas at the requested scale. It runs in the export panel (export-webview-script.ts,
 * VS Code) and, through that same panel script, in the CLI's headless Chromium
 * (server/src/export/renderer.ts), so the editor and the command line cannot size or
 * clean a drawing differently.
 *
 *   const request = readExportRequest(event.data);
 *   if (request) vscode.postMessage(await answerExportRequest(request, mermaid));
 *
 * Typed without DOM types, so it compiles both with the extension and in the webview.
 */
import { EXPORT_BACKGROUND, mermaidConfig } from '../../../server/src/export/mermaid-config.js';
import { afterLayout } from '../../../server/src/diagram/after-layout.js';
import { isSafeSvgAttribute, UNSAFE_SVG_ELEMENTS } from './svg-safety.js';
import type { ExportRequestMessage, ExportResultMessage } from './webview-protocol.js';

export interface MermaidApi {
  initialize(config: never): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

interface El {
  innerHTML: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  style: { maxWidth: string; backgroundColor: string; position: string; left: string; top: string };
  viewBox?: { baseVal: { width: number; height: number } | null };
  querySelector(s: string): El | null;
  querySelectorAll(s: string): ArrayLike<El>;
  setAttribute(n: string, v: string): void;
  removeAttribute(n: string): void;
  getAttribute(n: string): string | null;
  remove(): void;
  getBoundingClientRect(): { width: number; height: number };
}
interface Canvas { width: number; height: number; getContext(kind: '2d'): { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void; scale(x: number, y: number): void; drawImage(img: unknown, x: number, y: number, w: number, h: number): void } | null; toDataURL(type: string): string }
interface Globals {
  document: { createElement(tag: string): El & Canvas; body: { appendChild(e: El): void } };
  XMLSerializer: new () => { serializeToString(node: El): string };
  Image: new () => { onload: (() => void) | null; onerror: ((e: unknown) => void) | null; src: string };
}

/**
 * The element id Mermaid draws under; fixed, so the same source gives the same SVG.
 * (Mermaid replaces an earlier drawing with the same id.)
 */
export const EXPORT_DIAGRAM_ID = 'tcpflow-diagram';

/** Draws a clean, sized, standalone SVG. */
export async function drawExportSvg(request: Pick<ExportRequestMessage, 'mermaid' | 'theme'>, mermaid: MermaidApi): Promise<{ svg: string; width: number; height: number }> {
  const g = globalThis as unknown as Globals;
  const host = g.document.createElement('div');
  host.style.position = 'absolute';
  host.style.left = '-100000px';
  host.style.top = '0';
  g.document.body.appendChild(host);
  try {
    mermaid.initialize(mermaidConfig(request.theme) as never);
    const { svg } = await mermaid.render(EXPORT_DIAGRAM_ID, request.mermaid);
    host.innerHTML = afterLayout(svg, request.mermaid);
    const root = host.querySelector('svg');
    if (!root) throw new Error('Mermaid returned no SVG');
    const unsafe = root.querySelectorAll(UNSAFE_SVG_ELEMENTS.join(', '));
    for (let i = unsafe.length - 1; i >= 0; i--) unsafe[i].remove();
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      for (const attr of Array.from(el.attributes)) {
        if (!isSafeSvgAttribute(attr.name, attr.value)) el.removeAttribute(attr.name);
      }
    }
    numberIdsPerDrawing(root);
    const box = root.viewBox?.baseVal;
    const rect = root.getBoundingClientRect();
    const width = Math.max(1, Math.ceil(box && box.width > 0 ? box.width : rect.width));
    const height = Math.max(1, Math.ceil(box && box.height > 0 ? box.height : rect.height));
    root.setAttribute('width', String(width));
    root.setAttribute('height', String(height));
    root.style.maxWidth = '';
    root.style.backgroundColor = EXPORT_BACKGROUND[request.theme];
    return { svg: new g.XMLSerializer().serializeToString(root), width, height };
  } finally {
    host.remove();
  }
}

/**
 * Mermaid numbers some ids with page-wide counters; number them per drawing instead, so
 * the same source gives the same bytes however many diagrams the page drew before.
 */
function numberIdsPerDrawing(root: El): void {
  const counters = new Map<string, number>();
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    const match = /^(actor|root-)\d+$/.exec(el.getAttribute('id') ?? '');
    if (!match) continue;
    const n = counters.get(match[1]) ?? 0;
    counters.set(match[1], n + 1);
    el.setAttribute('id', `${match[1]}${n}`);
  }
}

export async function answerExportRequest(request: ExportRequestMessage, mermaid: MermaidApi): Promise<ExportResultMessage> {
  try {
    const drawn = await drawExportSvg(request, mermaid);
    if (request.format === 'svg') return { type: 'exported', id: request.id, ok: true, format: 'svg', ...drawn };
    const g = globalThis as unknown as Globals;
    const image = new g.Image();
    await new Promise<void>((done, fail) => {
      image.onload = () => done();
      image.onerror = () => fail(new Error('the SVG could not be loaded as an image'));
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`;
    });
    const canvas = g.document.createElement('canvas');
    canvas.width = Math.round(drawn.width * request.scale);
    canvas.height = Math.round(drawn.height * request.scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = EXPORT_BACKGROUND[request.theme];
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.scale(request.scale, request.scale);
    context.drawImage(image, 0, 0, drawn.width, drawn.height);
    const pngBase64 = canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    return { type: 'exported', id: request.id, ok: true, format: 'png', pngBase64, width: canvas.width, height: canvas.height };
  } catch (error) {
    return { type: 'exported', id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
