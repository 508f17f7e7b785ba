/**
 * Hover: the server's Markdown shown as text. Only a few Markdown forms are laid out
 * (fenced code, inline code, bold, lists, tables, paragraphs), each built with textContent, so nothing
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
  for (const piece of text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*)/)) {
    if (!piece) continue;
    if (piece.startsWith('`') && piece.endsWith('`') && piece.length > 1) {
      parent.appendChild(document.createElement('code')).textContent = piece.slice(1, -1);
    } else if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 3) {
      parent.appendChild(document.createElement('strong')).textContent = piece.slice(2, -2);
    } else if (piece.startsWith('*') && piece.endsWith('*') && piece.length > 2) {
      parent.appendChild(document.createElement('em')).textContent = piece.slice(1, -1);
    } else {
      parent.appendChild(document.createTextNode(piece));
    }
  }
}

/** One block of lines that are not code: paragraphs, `- ` lists and `|` tables. */
function textBlock(root: HTMLElement, block: string): void {
  let list: HTMLElement | undefined;
  let table: HTMLElement | undefined;
  let paragraph: HTMLElement | undefined;
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    if (!line.startsWith('- ')) list = undefined;
    if (!line.startsWith('|')) table = undefined;
    if (line.startsWith('- ') || line.startsWith('|') || !line || /^-{3,}$/.test(line)) paragraph = undefined;
    if (!line || /^-{3,}$/.test(line)) continue;
    if (line.startsWith('- ')) {
      list ??= root.appendChild(document.createElement('ul'));
      inline(list.appendChild(document.createElement('li')), line.slice(2));
    } else if (line.startsWith('|')) {
      const cells = line.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (cells.every((c) => /^:?-*:?$/.test(c))) continue; // the header's underline
      table ??= root.appendChild(document.createElement('table'));
      const row = table.appendChild(document.createElement('tr'));
      for (const cell of cells) inline(row.appendChild(document.createElement('td')), cell);
    } else if (paragraph) {
      inline(paragraph, ` ${line}`);
    } else {
      paragraph = root.appendChild(document.createElement('p'));
      inline(paragraph, line);
    }
  }
}

export function renderMarkdown(markdown: string): HTMLElement {
  const root = document.createElement('div');
  root.className = 'cm-lsp-hover';
  for (const block of markdown.split(/(```[^\n]*\n[\s\S]*?```)/)) {
    const fence = /^```[^\n]*\n([\s\S]*?)```$/.exec(block);
    if (fence) root.appendChild(document.createElement('pre')).textContent = fence[1].replace(/\n$/, '');
    else textBlock(root, block);
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
