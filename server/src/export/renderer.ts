/**
 * Draws Mermaid source to SVG and PNG in a real headless Chromium, with Mermaid's own
 * browser build (the version the preview bundles) and the shared configuration. One
 * browser serves a whole batch: one page per PNG scale, Mermaid loaded once per page.
 * The page has no network: every request is refused.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EXPORT_BACKGROUND, mermaidConfig, type ExportTheme, type MermaidInitConfig } from './mermaid-config.js';
import { CHROMIUM_LAUNCH_ARGS } from './chromium-args.js';
import { loadCjkGlyphs, useCjkFont } from './cjk-font.js';
import { readArrowPlan } from '../diagram/arrow-plan.js';
import { slopeArrows } from '../diagram/slope.js';

export interface RenderedSvg {
  /** Standalone SVG (XML), natural size, with a background; no scripts or event attributes. */
  readonly svg: string;
  /** CSS pixels (the `width`/`height` attributes). */
  readonly width: number;
  readonly height: number;
  /** Number of message arrows drawn (Mermaid's `messageText` labels). */
  readonly messageLabels: number;
}

export interface RenderedPng {
  readonly png: Buffer;
  /** Pixels: the SVG's size times the scale. */
  readonly width: number;
  readonly height: number;
}

/** A drawing failed inside the page (Mermaid rejected the text, or the browser went away). */
export class RenderError extends Error {}

/** The element id Mermaid draws under; fixed, so the same source gives the same SVG. */
const DIAGRAM_ID = 'tcpflow-diagram';

export function mermaidBrowserBuild(): string {
  return createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

export class DiagramRenderer {
  private readonly pages = new Map<number, Promise<Page>>();
  private readonly contexts: BrowserContext[] = [];

  private constructor(private readonly browser: Browser, private readonly mermaidPath: string) {}

  static async launch(executablePath: string, timeoutMs = 60_000): Promise<DiagramRenderer> {
    let chromium: typeof import('playwright-core').chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch (error) {
      throw new RenderError(`playwright-core is not installed (npm install playwright-core): ${message(error)}`);
    }
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, args: [...CHROMIUM_LAUNCH_ARGS], timeout: timeoutMs });
    } catch (error) {
      throw new RenderError(`could not start Chromium at ${executablePath}: ${firstLine(message(error))}`);
    }
    return new DiagramRenderer(browser, mermaidBrowserBuild());
  }

  /** Drawn by Mermaid, then its arrows sloped as the text's arrow plan asks (slope.ts). */
  async svg(mermaid: string, theme: ExportTheme): Promise<RenderedSvg> {
    const page = await this.page(1);
    const drawn = await this.draw(page, mermaid, theme);
    return { ...drawn, svg: slopeArrows(drawn.svg, readArrowPlan(mermaid)) };
  }

  /**
   * Mermaid lays text out a little differently at other device-pixel ratios, so the
   * diagram is drawn at scale 1 (exactly the SVG export) and only rasterized at `scale`.
   */
  async png(mermaid: string, theme: ExportTheme, scale: number): Promise<RenderedPng> {
    const drawn = await this.svg(mermaid, theme);
    const page = await this.page(scale);
    await page.evaluate(placeSvg, drawn.svg);
    await loadCjkGlyphs(page, mermaid);
    const element = await page.$('#host > svg');
    if (!element) throw new RenderError('the drawn SVG is not in the page');
    const png = await element.screenshot({ type: 'png', omitBackground: false, animations: 'disabled', timeout: 120_000 });
    return { png, width: Math.round(drawn.width * scale), height: Math.round(drawn.height * scale) };
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }

  private page(scale: number): Promise<Page> {
    let page = this.pages.get(scale);
    if (!page) {
      page = this.openPage(scale);
      this.pages.set(scale, page);
    }
    return page;
  }

  /** Pages for scale 1 draw with Mermaid; pages for other scales only show a finished SVG. */
  private async openPage(scale: number): Promise<Page> {
    const context = await this.browser.newContext({ deviceScaleFactor: scale, viewport: { width: 1280, height: 800 }, javaScriptEnabled: true });
    this.contexts.push(context);
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0}#host{display:inline-block;line-height:0}</style></head><body><div id="host"></div></body></html>');
    await useCjkFont(context, page);
    if (scale === 1) await page.addScriptTag({ path: this.mermaidPath });
    return page;
  }

  private async draw(page: Page, text: string, theme: ExportTheme): Promise<RenderedSvg> {
    await loadCjkGlyphs(page, text);
    try {
      return await page.evaluate(drawInPage, { text, config: mermaidConfig(theme), background: EXPORT_BACKGROUND[theme], id: DIAGRAM_ID });
    } catch (error) {
      throw new RenderError(`Mermaid could not draw the diagram: ${firstLine(message(error).replace(/^page\.evaluate: (Error: )?/, ''))}`);
    }
  }
}

interface DrawArgs {
  readonly text: string;
  readonly config: MermaidInitConfig;
  readonly background: string;
  readonly id: string;
}

/**
 * Runs in the page (serialized by Playwright, so it refers to nothing outside itself).
 * Typed against a minimal view of the DOM: this file is compiled without DOM types.
 */
async function drawInPage(args: DrawArgs): Promise<RenderedSvg> {
  interface Attr { name: string; value: string }
  interface El {
    innerHTML: string;
    attributes: ArrayLike<Attr>;
    style: { maxWidth: string; backgroundColor: string };
    viewBox: { baseVal: { width: number; height: number } | null };
    querySelector(s: string): El | null;
    querySelectorAll(s: string): ArrayLike<El>;
    getAttribute(n: string): string | null;
    setAttribute(n: string, v: string): void;
    removeAttribute(n: string): void;
    remove(): void;
    getBoundingClientRect(): { width: number; height: number };
  }
  interface PageGlobals {
    mermaid: {
      initialize(config: unknown): void;
      parse(text: string): Promise<unknown>;
      render(id: string, text: string): Promise<{ svg: string }>;
    };
    document: { getElementById(id: string): El | null };
    XMLSerializer: new () => { serializeToString(node: El): string };
  }
  const g = globalThis as unknown as PageGlobals;
  const host = g.document.getElementById('host');
  if (!host) throw new Error('no host element');
  host.innerHTML = '';
  g.mermaid.initialize(args.config);
  await g.mermaid.parse(args.text);
  const { svg } = await g.mermaid.render(args.id, args.text);
  host.innerHTML = svg;
  const root = host.querySelector('svg');
  if (!root) throw new Error('Mermaid returned no SVG');
  // Mermaid's strict mode already sanitizes; this is a second, independent guard.
  const scripts = root.querySelectorAll('script, foreignObject script, iframe, object, embed');
  for (let i = scripts.length - 1; i >= 0; i--) scripts[i].remove();
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || (/href$/i.test(attr.name) && !attr.value.startsWith('#'))) el.removeAttribute(attr.name);
    }
  }
  // Mermaid numbers some ids with page-wide counters; number them per drawing instead, so
  // the same source gives the same bytes however many diagrams the page drew before.
  const counters = new Map<string, number>();
  for (const el of all) {
    const match = /^(actor|root-)\d+$/.exec(el.getAttribute('id') ?? '');
    if (!match) continue;
    const n = counters.get(match[1]) ?? 0;
    counters.set(match[1], n + 1);
    el.setAttribute('id', `${match[1]}${n}`);
  }
  const box = root.viewBox.baseVal;
  const rect = root.getBoundingClientRect();
  const width = Math.max(1, Math.ceil(box && box.width > 0 ? box.width : rect.width));
  const height = Math.max(1, Math.ceil(box && box.height > 0 ? box.height : rect.height));
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.style.maxWidth = '';
  root.style.backgroundColor = args.background;
  const messageLabels = root.querySelectorAll('.messageText').length;
  return { svg: new g.XMLSerializer().serializeToString(root), width, height, messageLabels };
}

/** Runs in the page: shows a finished SVG (parsed as XML, not HTML) in the host element. */
function placeSvg(svg: string): void {
  interface Node { replaceChildren(...nodes: unknown[]): void }
  interface PageGlobals {
    document: { getElementById(id: string): Node | null; importNode(node: unknown, deep: boolean): unknown };
    DOMParser: new () => { parseFromString(text: string, type: string): { documentElement: unknown } };
  }
  const g = globalThis as unknown as PageGlobals;
  const host = g.document.getElementById('host');
  if (!host) throw new Error('no host element');
  const parsed = new g.DOMParser().parseFromString(svg, 'image/svg+xml');
  host.replaceChildren(g.document.importNode(parsed.documentElement, true));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}
