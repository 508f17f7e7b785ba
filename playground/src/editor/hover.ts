/**
 * Hover: the server's Markdown shown as text. Only a few Markdown forms are laid out
 * (fenced code, inline code, bold, paragraphs), each built with textContent, so nothing
 * in a hover can become markup.
 */
import { hoverTooltip, type EditorView } from '@codemirror/view';
import type { Hover, MarkedString, MarkupContent } from 'vscode-languageserver-protocol';
import type { PlaygroundHandoff } from '../handoff.js';
import { toOffset, toPosition } from './positions.js';

function markdownOf(contents: Hover['contents']): string {
  const one = (c: MarkedString | MarkupContent): string => (typeof c === 'string' ? c : 'kind' in c ? c.value : `\`\`\`\n${c.value}\n\`\`\``);
  return Array.isArray(contents) ? contents.map(one).join('\n\n') : one(contents);
}

/** Inline `code` and **bold** inside one paragraph. */
function inline(parent: HTMLElement, text: string): void {
  for (const piece of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (!piece) continue;
    if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1) {
      parent.appendChild(document.createElement('code')).textContent = piece.slice(1, -1);
    } else if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 3) {
      parent.appendChild(document.createElement('strong')).textContent = piece.slice(2, -2);
    } else {
      parent.appendChild(document.createTextNode(piece));
    }
  }
}

export function renderMarkdown(markdown: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'cm-lsp-hover';
  const blocks = markdown.split(/(```[^\n]*\n[\s\S]*?```)/);
  for (const block of blocks) {
    const fence = /^```[^\n]*\n([\s\S]*?)```$/.exec(block);
    if (fence) {
      root.appendChild(document.createElement('pre')).textContent = fence[1].replace(/\n$/, '');
      continue;
    }
    for (const paragraph of block.split(/\n\s*\n/)) {
      const text = paragraph.trim();
      if (!text || /^-{3,}$/.test(text)) continue;
      inline(root.appendChild(document.createElement('p')), text.replace(/\s*\n\s*/g, ' '));
    }
  }
  return root;
}

export function hoverExtension(handoff: PlaygroundHandoff) {
  return hoverTooltip(async (view: EditorView, pos: number) => {
    const hover = await handoff.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: handoff.document.uri },
      position: toPosition(view.state.doc, pos),
    }).catch(() => null);
    if (!hover) return null;
    const doc = view.state.doc;
    const from = hover.range ? toOffset(doc, hover.range.start) : pos;
    const to = hover.range ? toOffset(doc, hover.range.end) : pos;
    return { pos: from, end: to, above: true, create: () => ({ dom: renderMarkdown(markdownOf(hover.contents)) }) };
  });
}
