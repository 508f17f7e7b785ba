/**
 * ```tcpflow blocks in VS Code's built-in Markdown preview (contribution
 * `markdown.markdownItPlugins`; the extension's activate returns `{ extendMarkdownIt }`).
 *
 * The block is checked and turned into Mermaid here, in the extension host; the
 * preview script (preview-script.ts, contributed as `markdown.previewScripts`) draws
 * it. Everything placed in the page is escaped text: the Mermaid source inside a
 * hidden <pre>, diagnostics as list items. The image link that `synack md --write`
 * keeps under a block is hidden here, since the block itself is drawn.
 *
 * Raw HTML in the Markdown could imitate a block (`<div class="tcpflow-diagram"><pre
 * class="tcpflow-mermaid">%%{init: …}%%…`), skipping this escaping and the Mermaid
 * configuration. So each rendering gets a random nonce: the first element of the page
 * carries it (the plugin inserts it before any token the Markdown made), every block
 * the plugin made carries it too, and the preview script draws only the blocks whose
 * nonce matches the first element's. The Markdown text cannot know the nonce.
 */
import { scenarioDiagram } from '../../../server/src/export/formats.js';
import type { Diagnostic } from '../../../server/src/engine/diagnostics.js';
import type { ArrowStyle } from '../../../server/src/diagram/arrow-plan.js';
import { NONCE_ATTRIBUTE, NONCE_HOLDER_CLASS } from './block-marks.js';

/** The parts of markdown-it this plugin uses (VS Code passes its own instance). */
export interface MarkdownItToken {
  type: string;
  info: string;
  content: string;
  map: [number, number] | null;
  children: MarkdownItToken[] | null;
  // markdown-it types `meta` as any; the plugin keeps its nonce there.
  meta: { tcpflowNonce?: string } | null;
  attrJoin(name: string, value: string): void;
}
export type FenceRule = (tokens: MarkdownItToken[], idx: number, options: unknown, env: unknown, self: MarkdownItRenderer) => string;
export interface MarkdownItRenderer {
  rules: Record<string, FenceRule | undefined>;
  renderAttrs(token: MarkdownItToken): string;
}
export interface MarkdownItLike {
  renderer: MarkdownItRenderer;
  utils: { escapeHtml(text: string): string };
  core: { ruler: { push(name: string, rule: (state: MarkdownItCoreState) => void): void } };
}
export interface MarkdownItCoreState {
  tokens: MarkdownItToken[];
  Token: new (type: string, tag: string, nesting: number) => MarkdownItToken;
}

const NONCE_TOKEN = 'tcpflow_nonce';

export const TCPFLOW_LANGUAGE = 'tcpflow';
const MARKER = /^<!-- tcpflow-md:.*-->\s*$/;
const GENERATED_PARAGRAPH = /^<!-- tcpflow-md:.*-->\n!\[(?:\\.|[^\]\\])*\]\([^\n]*\)\s*$/;

export function isTcpflowFence(token: MarkdownItToken): boolean {
  return token.type === 'fence' && token.info.trim().split(/\s+/)[0]?.toLowerCase() === TCPFLOW_LANGUAGE;
}

/** The HTML for one block: Mermaid source for the preview script, and the diagnostics as text. */
export function renderTcpflowBlock(text: string, firstLine: number | undefined, escapeHtml: (s: string) => string, arrowStyle?: ArrowStyle): string {
  let diagram: ReturnType<typeof scenarioDiagram>;
  try {
    // The block's problems are listed under it as text: the drawing marks none.
    diagram = scenarioDiagram(text, { diagnostics: 'none', ...(arrowStyle ? { arrowStyle } : {}) });
  } catch (error) {
    return `<div class="tcpflow-problems"><p>tcpflow: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p></div>\n`;
  }
  const where = (d: Diagnostic): string => {
    const line = firstLine === undefined ? d.span.startLine + 1 : firstLine + 1 + d.span.startLine + 1;
    return `line ${line}:${d.span.startColumn + 1}`;
  };
  const problems = diagram.diagnostics.filter((d) => d.severity !== 'info');
  const list = problems.length === 0 ? '' : `<ul class="tcpflow-problems">${problems
    .map((d) => `<li class="tcpflow-${d.severity === 'error' ? 'error' : 'warning'}">${escapeHtml(`${where(d)} ${d.severity} ${d.code}: ${d.message}`)}</li>`)
    .join('')}</ul>`;
  return `<pre class="tcpflow-mermaid" hidden>${escapeHtml(diagram.mermaid)}</pre><div class="tcpflow-drawing"></div>${list}`;
}

/** `arrowStyle`: the tcpflow.diagram.style setting, asked at each rendering (the extension passes it). */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T, arrowStyle?: () => ArrowStyle): T {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!isTcpflowFence(token)) {
      return fallback ? fallback(tokens, idx, options, env, self) : `<pre><code>${md.utils.escapeHtml(token.content)}</code></pre>\n`;
    }
    token.attrJoin('class', 'tcpflow-diagram');
    const nonce = token.meta?.tcpflowNonce ?? '';
    return `<div${self.renderAttrs(token)} ${NONCE_ATTRIBUTE}="${nonce}">${renderTcpflowBlock(token.content, token.map?.[0], md.utils.escapeHtml, arrowStyle?.())}</div>\n`;
  };
  md.renderer.rules[NONCE_TOKEN] = (tokens, idx) => `<div class="${NONCE_HOLDER_CLASS}" ${NONCE_ATTRIBUTE}="${tokens[idx].meta?.tcpflowNonce ?? ''}" hidden></div>\n`;
  md.core.ruler.push('tcpflow_hide_generated_images', (state) => hideGeneratedImages(state.tokens));
  md.core.ruler.push('tcpflow_mark_blocks', markBlocks);
  return md;
}

/**
 * Gives this parse a fresh nonce, on every tcpflow fence and on a token put first of
 * all (stored in the tokens, not in `env`: VS Code parses once per document version and
 * renders the cached tokens with another env).
 */
function markBlocks(state: MarkdownItCoreState): void {
  const fences = state.tokens.filter(isTcpflowFence);
  if (fences.length === 0) return;
  const nonce = randomNonce();
  for (const fence of fences) fence.meta = { ...fence.meta, tcpflowNonce: nonce };
  const holder = new state.Token(NONCE_TOKEN, 'div', 0);
  holder.meta = { tcpflowNonce: nonce };
  state.tokens.unshift(holder);
}

/** 128 random bits as hex (NONCE_SHAPE). */
function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Removes, after a ```tcpflow fence, the marker comment and the image paragraph that
 * `synack md --write` put there (GitHub shows that image; this preview draws the block).
 */
export function hideGeneratedImages(tokens: MarkdownItToken[]): void {
  for (let i = tokens.length - 1; i > 0; i--) {
    if (!isTcpflowFence(tokens[i - 1])) continue;
    const t = tokens[i];
    // With `html: true` (VS Code's preview): an html_block, then the image's paragraph.
    if (t.type === 'html_block' && MARKER.test(t.content.trim())) {
      const [open, inline, close] = [tokens[i + 1], tokens[i + 2], tokens[i + 3]];
      const isImageParagraph = open?.type === 'paragraph_open' && close?.type === 'paragraph_close'
        && inline?.type === 'inline' && (inline.children ?? []).filter((c) => c.type !== 'text' || c.content.trim() !== '').every((c) => c.type === 'image');
      tokens.splice(i, isImageParagraph ? 4 : 1);
      continue;
    }
    // With `html: false`: one paragraph holding the comment (as text) and the image.
    if (t.type === 'paragraph_open' && tokens[i + 1]?.type === 'inline' && tokens[i + 2]?.type === 'paragraph_close'
      && GENERATED_PARAGRAPH.test(tokens[i + 1].content)) {
      tokens.splice(i, 3);
    }
  }
}
