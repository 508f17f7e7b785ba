/**
 * The preview webview: draws the diagrams the extension sends, links arrows and notes
 * to source lines both ways, follows VS Code's theme, zooms and pans. Everything it
 * receives is validated first (see `messages.ts`). Loaded as an ES module by `boot.ts`.
 */
import { readToWebview, type RenderMessage } from '../../src/preview/messages.js';
import { highlightLine, indexItems, lineAt } from './items.js';
import { loadMermaid, Renderer } from './renderer.js';
import { resolveTheme, watchTheme } from './theme.js';
import { Viewport } from './viewport.js';
import { post, saveState } from './vscode-api.js';

function element(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the preview page has no #${id}`);
  return el;
}

/** A performance mark, at the first diagram in the page. */
const FIRST_DIAGRAM_MARK = 'tcpflow-first-diagram';

const viewportEl = element('viewport');
const canvas = element('canvas');
const banner = element('banner');
const problem = element('problem');
const renderer = new Renderer();
const viewport = new Viewport(viewportEl, canvas);

/** The newest render message, and whether a diagram has been drawn at all. */
let current: RenderMessage | undefined;
let hasDiagram = false;
let highlighted: number | null = null;

function showBanner(parts: ReadonlyArray<string | undefined>): void {
  const text = parts.filter((p): p is string => !!p).join(' ');
  banner.textContent = text;
  banner.hidden = text === '';
}

function showProblem(text: string | undefined): void {
  problem.textContent = text ?? '';
  problem.hidden = !text;
}

function syntaxBanner(message: RenderMessage): string | undefined {
  const e = message.syntaxError;
  return e ? `Syntax error on line ${e.line + 1}: ${e.message}${hasDiagram ? ' (showing the last diagram without errors)' : ''}` : undefined;
}

async function onRender(message: RenderMessage, force = false): Promise<void> {
  const started = performance.now();
  current = message;
  saveState({ uri: message.uri });
  if (message.syntaxError && hasDiagram) {
    showBanner([syntaxBanner(message)]);
    post({ type: 'rendered', version: message.version, ok: true, ms: performance.now() - started, skipped: true });
    return;
  }
  const outcome = await renderer.render({
    version: message.version,
    text: message.mermaid,
    theme: resolveTheme(message.theme, document.body),
  }, force);
  if (outcome.kind === 'superseded') return;
  if (outcome.kind === 'failed') {
    showProblem(`The diagram could not be drawn: ${outcome.error}`);
    post({ type: 'rendered', version: message.version, ok: false, ms: performance.now() - started, error: outcome.error });
    return;
  }
  showProblem(undefined);
  showBanner([message.banner, syntaxBanner(message)]);
  if (outcome.kind === 'drawn') {
    canvas.innerHTML = outcome.svg;
    // For anyone timing a cold open (the end-to-end suite reads it inside VS Code).
    if (!hasDiagram) performance.mark(FIRST_DIAGRAM_MARK);
    hasDiagram = true;
  }
  const svg = canvas.querySelector('svg');
  if (svg) {
    if (outcome.kind === 'drawn') viewport.attach(svg);
    indexItems(svg, message.messages, message.notes);
    highlightLine(svg, highlighted);
  }
  post({
    type: 'rendered', version: message.version, ok: true, ms: performance.now() - started,
    ...(outcome.kind === 'unchanged' ? { skipped: true } : {}),
  });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = readToWebview(event.data);
  if (!message) return; // not ours, or malformed: ignore
  switch (message.type) {
    case 'render':
      void onRender(message);
      break;
    case 'highlight': {
      highlighted = message.line;
      const hit = highlightLine(canvas.querySelector('svg'), message.line);
      if (hit) viewport.reveal(hit);
      break;
    }
    case 'problem':
      showProblem(message.message);
      break;
  }
});

canvas.addEventListener('click', (event) => {
  if (viewport.consumeDragClick()) return;
  const line = lineAt(event.target);
  if (line !== undefined) post({ type: 'reveal', line });
});

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-action]'))) {
  button.addEventListener('click', () => {
    switch (button.dataset.action) {
      case 'zoom-in': viewport.zoomBy(1.25); break;
      case 'zoom-out': viewport.zoomBy(1 / 1.25); break;
      case 'fit': viewport.fit(); break;
      case 'actual-size': viewport.reset(); break;
      default: break; // a button this script does not know: nothing to do
    }
  });
}

watchTheme(document.body, () => {
  if (!current || !hasDiagram) return;
  renderer.invalidate();
  void onRender(current, true);
});

// Start fetching Mermaid now, so it arrives while the panel answers `ready` (a failure
// shows up on the first render, which tries again).
loadMermaid().catch(() => undefined);
post({ type: 'ready' });
