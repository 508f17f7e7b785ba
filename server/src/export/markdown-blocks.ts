/**
 * The ```tcpflow blocks of a Markdown file, and the image links that `synack md
 * --write` keeps under them. Pure text in, text out.
 *
 * Fences are read as CommonMark reads them: an opening run of three or more backticks
 * or tildes, an info string whose first word is `tcpflow`, and a closing run of the
 * same character, at least as long; indented at most three spaces past the start of
 * their container. The container is the top level or a list item (`-`, `*`, `+`,
 * `1.`, `1)`), whose content starts after its marker, nested lists included; a fence
 * may also open on the marker's own line. Inside a block quote (`> `, `> > `…) the same
 * holds for the text after the quote markers; a line with fewer markers ends the quote,
 * and with it a fence left open.
 */
import { basename, extname } from 'node:path';

export interface FencedBlock {
  /** 1-based position among the file's tcpflow blocks. */
  readonly index: number;
  /** 0-based line of the opening fence. */
  readonly openLine: number;
  /** 0-based line of the closing fence; undefined when the fence is never closed. */
  readonly closeLine: number | undefined;
  /** The block's text, the fence's indentation removed from each line. */
  readonly text: string;
  /** Where its container's content starts, after the quote markers: 0 at the top level, the content column of a list item. */
  readonly containerColumn: number;
  /** The block quote markers before the opening fence (`> `), '' outside a quote. */
  readonly quotePrefix: string;
  /** For each line of `text`: how many columns were removed (to map columns back). */
  readonly removedColumns: readonly number[];
}

/** A block quote marker: up to three spaces, `>` and an optional space. */
const QUOTE_MARKER = /^ {0,3}> ?/;

/** A line's block quote markers and the text after them. */
interface QuotedLine {
  readonly depth: number;
  readonly prefix: string;
  readonly content: string;
}

function quoted(line: string): QuotedLine {
  let prefix = '';
  let depth = 0;
  for (let m = QUOTE_MARKER.exec(line.slice(prefix.length)); m; m = QUOTE_MARKER.exec(line.slice(prefix.length))) {
    prefix += m[0];
    depth++;
  }
  return { depth, prefix, content: line.slice(prefix.length) };
}

/** The text of `line` after exactly `depth` quote markers (a deeper quote stays in it), or undefined if it has fewer. */
function insideQuote(line: string, depth: number): { content: string; markers: number } | undefined {
  let markers = 0;
  for (let d = 0; d < depth; d++) {
    const m = QUOTE_MARKER.exec(line.slice(markers));
    if (!m) return undefined;
    markers += m[0].length;
  }
  return { content: line.slice(markers), markers };
}

const FENCE = /^( *)(`{3,}|~{3,})(.*)$/;
/** A list item's marker and the spaces after it (1–4; more would make an indented code block). */
const LIST_ITEM = /^( *)([-+*]|\d{1,9}[.)])( {1,4})(?=\S)/;

/** The column where the content of the list item opened on `line` starts, if it opens one. */
function listContentColumn(line: string): number | undefined {
  const item = LIST_ITEM.exec(line);
  return item ? item[0].length : undefined;
}

function indentation(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The content column of the list item that line `i` (indented `indent`) belongs to, or
 * 0 at the top level: the nearest item above whose content column is at most `indent`,
 * with no line in between that leaves it (a non-blank line indented less than its
 * content, which is not a deeper item of its own).
 */
function containerColumn(lines: readonly QuotedLine[], i: number, indent: number): number {
  let leastIndent = indent;
  for (let k = i - 1; k >= 0; k--) {
    // A line of another quote depth is outside this quote: no list item there holds the fence.
    if (lines[k].depth !== lines[i].depth) return 0;
    const line = lines[k].content;
    if (line.trim() === '') continue;
    const content = listContentColumn(line);
    if (content !== undefined && content <= leastIndent) return content;
    leastIndent = Math.min(leastIndent, indentation(line));
    if (leastIndent === 0) return 0;
  }
  return 0;
}

/** An opening fence on line `i`: where its run starts and its container's content column. */
function openingFence(lines: readonly QuotedLine[], i: number): { column: number; container: number; fence: string; rest: string } | undefined {
  const line = lines[i].content;
  const onMarker = listContentColumn(line);
  if (onMarker !== undefined) {
    const after = FENCE.exec(line.slice(onMarker));
    if (after && after[1].length <= 3) return { column: onMarker + after[1].length, container: onMarker, fence: after[2], rest: after[3] };
  }
  const open = FENCE.exec(line);
  if (!open) return undefined;
  const column = open[1].length;
  const container = containerColumn(lines, i, column);
  if (column - container > 3) return undefined; // an indented code block, not a fence
  return { column, container, fence: open[2], rest: open[3] };
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The end of line a file mostly uses. */
export function lineEnding(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

/** Every fenced block whose info string starts with `tcpflow`. */
export function findTcpflowBlocks(markdown: string): FencedBlock[] {
  const raw = splitLines(markdown);
  const lines = raw.map(quoted);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = openingFence(lines, i);
    if (!open) continue;
    const { column, container, fence, rest } = open;
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
    if (fence[0] === '`' && rest.includes('`')) continue;
    const { depth, prefix } = lines[i];
    const close = new RegExp(`^ {${container},${container + 3}}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    // The block's lines, after the quote markers; it ends at its closing fence, or unclosed where its quote ends.
    const content: Array<{ text: string; markers: number }> = [];
    let end = i + 1;
    let closed = false;
    for (; end < raw.length; end++) {
      const inside = insideQuote(raw[end], depth);
      if (!inside) break;
      if (close.test(inside.content)) {
        closed = true;
        break;
      }
      content.push({ text: inside.content, markers: inside.markers });
    }
    const language = rest.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (language === 'tcpflow') {
      const removed = content.map((l) => Math.min(column, indentation(l.text)));
      blocks.push({
        index: blocks.length + 1,
        openLine: i,
        closeLine: closed ? end : undefined,
        text: content.map((l, k) => l.text.slice(removed[k])).join('\n') + (content.length > 0 ? '\n' : ''),
        removedColumns: content.map((l, k) => l.markers + removed[k]),
        containerColumn: container,
        quotePrefix: prefix,
      });
    }
    i = closed ? end : end - 1;
  }
  return blocks;
}

/** Where a block's SVG goes: beside the Markdown, `guide.md` → `guide.tcpflow-1.svg`. */
export function blockImageName(markdownPath: string, index: number): string {
  const name = basename(markdownPath);
  const ext = extname(name);
  return `${ext ? name.slice(0, -ext.length) : name}.tcpflow-${index}.svg`;
}

/** The comment line that marks a generated image link (so a re-run replaces it). */
export const IMAGE_MARKER = '<!-- tcpflow-md: the image below is drawn from the block above by `synack md --write` -->';
const MARKER_LINE = /^ *<!-- tcpflow-md:.*-->\s*$/;
const IMAGE_LINE = /^ *!\[(?:\\.|[^\]\\])*\]\(.*\)\s*$/;

export interface ImageLink {
  readonly block: FencedBlock;
  readonly file: string;
  readonly alt: string;
}

/** The image line for a link: alt text with brackets escaped, the file in `<…>` if it needs it. */
export function imageLine(file: string, alt: string): string {
  const safeAlt = alt.replace(/[\r\n]+/g, ' ').replace(/([\\[\]])/g, '\\$1');
  const target = /[\s()<>]/.test(file) ? `<${file.replace(/[<>]/g, encodeURIComponent)}>` : file;
  return `![${safeAlt}](${target})`;
}

/**
 * The Markdown with a marker comment and an image link under each given block, replacing
 * the ones an earlier run put there. Blocks not in `links` keep whatever follows them.
 * Applying it to its own output changes nothing.
 */
export function withImageLinks(markdown: string, links: readonly ImageLink[]): string {
  const eol = lineEnding(markdown);
  const lines = splitLines(markdown);
  // From the last block up, so earlier line numbers stay valid.
  const sorted = [...links].filter((l) => l.block.closeLine !== undefined).sort((a, b) => b.block.closeLine! - a.block.closeLine!);
  for (const link of sorted) {
    const { closeLine: close, quotePrefix } = link.block as FencedBlock & { closeLine: number };
    const depth = quoted(quotePrefix).depth;
    // Indented as the block's container, so a block in a list item keeps its image in the
    // item; behind the same quote markers, so a block in a quote keeps it in the quote.
    const pad = quotePrefix + ' '.repeat(link.block.containerColumn);
    const blank = quotePrefix.trimEnd();
    const replacement = [blank, pad + IMAGE_MARKER, pad + imageLine(link.file, link.alt)];
    const existing = existingLink(lines, close, depth);
    if (existing !== undefined) {
      lines.splice(close + 1, existing - close, ...replacement);
    } else {
      lines.splice(close + 1, 0, ...replacement, ...gapBefore(lines[close + 1], depth, blank));
    }
  }
  return lines.join(eol);
}

/**
 * The blank line to put between a new image link and the line after it, if that line is
 * not blank: inside the quote for a line of the same quote, a real blank line for one
 * after the quote (the image would otherwise take it in as a lazy continuation).
 */
function gapBefore(next: string | undefined, depth: number, blankInQuote: string): string[] {
  if (next === undefined || next.trim() === '') return [];
  const inside = insideQuote(next, depth);
  if (inside === undefined) return [''];
  return inside.content.trim() === '' ? [] : [blankInQuote];
}

/** The last line (0-based) of a generated marker + image under the fence closing at `close`, in a quote `depth` deep. */
function existingLink(lines: readonly string[], close: number, depth: number): number | undefined {
  const at = (k: number): string | undefined => (k < lines.length ? insideQuote(lines[k], depth)?.content : undefined);
  let i = close + 1;
  while (at(i)?.trim() === '' && i <= close + 2) i++;
  const marker = at(i);
  if (marker === undefined || !MARKER_LINE.test(marker)) return undefined;
  const image = at(i + 1);
  return image !== undefined && IMAGE_LINE.test(image) ? i + 1 : i;
}
