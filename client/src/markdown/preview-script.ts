/**
 * Runs in VS Code's Markdown preview (contribution `markdown.previewScripts`): draws
 * each ```tcpflow block that markdown-it-plugin.ts turned into Mermaid source, with the
 * shared Mermaid configuration (strict security), in the preview's light or dark theme.
 * Only blocks that carry the nonce of the page's first nonce holder are drawn, and only
 * into their own drawing element: raw HTML in the Markdown that imitates a block is left
 * as it is (see markdown-it-plugin.ts). Compiled without DOM types (it lives with the extension code), so the few DOM calls
 * it makes are typed locally.
 */
import { loadMermaid } from '../../webview/src/load-mermaid.js';
import { mermaidConfig } from '../../../server/src/export/mermaid-config.js';
import { afterLayout } from '../../../server/src/diagram/after-layout.js';
import { NONCE_ATTRIBUTE, NONCE_HOLDER_CLASS, NONCE_SHAPE } from './block-marks.js';

interface Node {
  textContent: string | null;
  innerHTML: string;
  hidden: boolean;
  className: string;
  querySelector(selector: string): Node | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  appendChild(child: Node): void;
}
interface PageGlobals {
  document: {
    body: { classList: { contains(name: string): boolean } };
    readyState: string;
    querySelector(selector: string): Node | null;
    querySelectorAll(selector: string): ArrayLike<Node>;
    createElement(tag: string): Node;
    addEventListener(event: string, listener: () => void): void;
  };
  addEventListener(event: string, listener: () => void): void;
}

const page = globalThis as unknown as PageGlobals;
let generation = 0;

function theme(): 'light' | 'dark' {
  const classes = page.document.body.classList;
  return classes.contains('vscode-dark') || (classes.contains('vscode-high-contrast') && !classes.contains('vscode-high-contrast-light')) ? 'dark' : 'light';
}

async function drawAll(): Promise<void> {
  const mine = ++generation;
  const mermaid = await loadMermaid();
  if (mine !== generation) return;
  mermaid.initialize({ ...mermaidConfig(theme(), true) });
  for (const [i, block] of ourBlocks().entries()) {
    const source = block.querySelector(':scope > pre.tcpflow-mermaid');
    const target = block.querySelector(':scope > .tcpflow-drawing');
    if (!source || !target) continue;
    const text = source.textContent ?? '';
    if (target.getAttribute('data-drawn') === text) continue;
    try {
      await mermaid.parse(text);
      const { svg } = await mermaid.render(`tcpflow-md-${mine}-${i}`, text);
      if (mine !== generation) return; // a newer update started: let it draw
      target.innerHTML = afterLayout(svg, text);
      target.setAttribute('data-drawn', text);
    } catch (error) {
      if (mine !== generation) return;
      const pre = page.document.createElement('pre');
      pre.className = 'tcpflow-error';
      pre.textContent = `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      target.innerHTML = '';
      target.appendChild(pre);
    }
  }
}

/** The blocks the markdown-it plugin made in this rendering: their nonce is the first holder's. */
function ourBlocks(): Node[] {
  const nonce = page.document.querySelector(`.${NONCE_HOLDER_CLASS}[${NONCE_ATTRIBUTE}]`)?.getAttribute(NONCE_ATTRIBUTE) ?? '';
  // Anything but the plugin's shape is not ours (and could not go into a selector safely).
  if (!NONCE_SHAPE.test(nonce)) return [];
  return Array.from(page.document.querySelectorAll(`.tcpflow-diagram[${NONCE_ATTRIBUTE}="${nonce}"]`));
}

function start(): void {
  void drawAll();
}

if (page.document.readyState === 'loading') page.document.addEventListener('DOMContentLoaded', start);
else start();
page.addEventListener('vscode.markdown.updateContent', start);
