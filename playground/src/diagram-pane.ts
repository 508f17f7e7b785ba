/**
 * The live diagram beside the editor: asks the language server for the diagram
 * (`tcpflow/diagram`, as the VS Code preview does) and draws it with the preview's own
 * renderer, arrow indexing and zoom (client/webview/src), so both show the same picture.
 */
import type { MessageConnection } from 'vscode-jsonrpc/browser';
import { say } from '../../server/src/i18n/catalogue.js';
import { playgroundMessages as m } from '../../server/src/i18n/messages/playground.js';
import { DiagramRequest, type DiagramResult } from '../../server/src/lsp/custom-requests.js';
import type { MermaidThemeName } from '../../server/src/export/mermaid-config.js';
import { indexItems, lineAt } from '../../client/webview/src/items.js';
import { Renderer } from '../../client/webview/src/renderer.js';
import { Viewport } from '../../client/webview/src/viewport.js';
import type { ScenarioDocument } from './handoff.js';

/** Milliseconds of quiet typing before the diagram is redrawn (as in VS Code's preview). */
const RENDER_DEBOUNCE_MS = 200;

/** Marked when the first diagram is in the page (`npm run bench` reads it). */
export const FIRST_DIAGRAM_MARK = 'tcpflow-first-diagram';

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the playground page has no #${id}`);
  return el;
}

export class DiagramPane {
  private readonly canvas = element('canvas');
  private readonly banner = element('banner');
  private readonly problem = element('problem');
  private readonly viewport = new Viewport(element('viewport'), this.canvas);
  private readonly renderer = new Renderer();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requests = 0;
  private cursor = 0;
  private hasDiagram = false;
  /** The Mermaid source of the diagram on screen (what Download draws). */
  private shown: string | undefined;

  constructor(
    private readonly connection: MessageConnection,
    private readonly scenario: ScenarioDocument,
    private theme: () => MermaidThemeName,
    onLineClicked: (line: number) => void,
  ) {
    this.canvas.addEventListener('click', (event) => {
      if (this.viewport.consumeDragClick()) return;
      const line = lineAt(event.target);
      if (line !== undefined) onLineClicked(line);
    });
    for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('#toolbar [data-action]'))) {
      button.addEventListener('click', () => this.onToolbar(button.dataset.action));
    }
  }

  /** The Mermaid source on screen, if a diagram is drawn. */
  get mermaid(): string | undefined {
    return this.shown;
  }

  /** Redraw soon (after typing stops), or now. */
  schedule(now = false): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), now ? 0 : RENDER_DEBOUNCE_MS);
  }

  /** The editor's cursor moved: a scenario too large to draw whole is drawn around it. */
  setCursorLine(line: number): void {
    this.cursor = line;
  }

  /** The page's theme changed: draw again in the new colours. */
  redraw(): void {
    this.renderer.invalidate();
    this.schedule(true);
  }

  private onToolbar(action: string | undefined): void {
    switch (action) {
      case 'zoom-in': this.viewport.zoomBy(1.25); break;
      case 'zoom-out': this.viewport.zoomBy(1 / 1.25); break;
      case 'fit': this.viewport.fit(); break;
      case 'actual-size': this.viewport.reset(); break;
      default: break;
    }
  }

  private async update(): Promise<void> {
    const request = ++this.requests;
    const documentVersion = this.scenario.version;
    let result: DiagramResult;
    try {
      result = await this.connection.sendRequest(DiagramRequest, { uri: this.scenario.uri, line: this.cursor });
    } catch (error) {
      this.showProblem(say(m.diagramFailed, { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (request !== this.requests) return;
    const syntax = result.syntaxErrors[0];
    if (syntax && this.hasDiagram) {
      this.showBanner([say(m.syntaxError, { line: syntax.line + 1, message: syntax.message })]);
      this.canvas.dataset.documentVersion = String(documentVersion);
      return;
    }
    const outcome = await this.renderer.render({ version: request, text: result.mermaid, theme: this.theme() });
    if (outcome.kind === 'superseded') return;
    if (outcome.kind === 'failed') {
      this.showProblem(say(m.diagramFailed, { reason: outcome.error }));
      return;
    }
    this.showProblem(undefined);
    this.showBanner([result.banner]);
    if (outcome.kind === 'drawn') {
      this.canvas.innerHTML = outcome.svg;
      const svg = this.canvas.querySelector('svg');
      if (svg) {
        this.viewport.attach(svg);
        indexItems(svg, result.messages, result.notes);
      }
      if (!this.hasDiagram) performance.mark(FIRST_DIAGRAM_MARK);
      this.hasDiagram = true;
      this.shown = result.mermaid;
    }
    // For tests and anyone scripting the page: the newest text the picture has dealt with.
    this.canvas.dataset.documentVersion = String(documentVersion);
  }

  private showBanner(parts: ReadonlyArray<string | undefined>): void {
    const text = parts.filter((p): p is string => !!p).join(' ');
    this.banner.textContent = text;
    this.banner.hidden = text === '';
  }

  private showProblem(text: string | undefined): void {
    this.problem.textContent = text ?? '';
    this.problem.hidden = !text;
  }
}
