/**
 * Runs in VS Code's Markdown preview (contribution `markdown.previewScripts`): draws
 * each ```tcpflow block that markdown-it-plugin.ts turned into Mermaid source, with the
 * shared Mermaid configuration (strict security), in the preview's light or dark theme.
 * Compiled without DOM types (it lives with the extension code), so the few DOM calls
 * it makes are typed locally.
 */
import mermaid from 'mermaid';
import { mermaidConfig } from '../../../server/src/export/mermaid-config.js';

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
  mermaid.initialize({ ...mermaidConfig(theme(), true) });
  const blocks = Array.from(page.document.querySelectorAll('.tcpflow-diagram'));
  for (const [i, block] of blocks.entries()) {
    const source = block.querySelector('pre.tcpflow-mermaid');
    const target = block.querySelector('.tcpflow-drawing');
    if (!source || !target) continue;
    const text = source.textContent ?? '';
    if (target.getAttribute('data-drawn') === text) continue;
    try {
      await mermaid.parse(text);
      const { svg } = await mermaid.render(`tcpflow-md-${mine}-${i}`, text);
      if (mine !== generation) return; // a newer update started: let it draw
      target.innerHTML = svg;
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

function start(): void {
  void drawAll();
}

if (page.document.readyState === 'loading') page.document.addEventListener('DOMContentLoaded', start);
else start();
page.addEventListener('vscode.markdown.updateContent', start);
