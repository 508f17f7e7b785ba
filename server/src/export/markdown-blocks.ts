/**
 * The ```tcpflow blocks of a Markdown file, and the image links that `tcpflow md
 * --write` keeps under them. Pure text in, text out.
 *
 * Fences are read as CommonMark reads them: an opening run of three or more backticks
 * or tildes, an info string whose first word is `tcpflow`, and a closing run of the
 * same character, at least as long; indented at most three spaces past the start of
 * their container. The container is the top level or a list item (`-`, `*`, `+`,
 * `1.`, `1)`), whose content starts after its marker, nested lists included; a fence
 * may also open on the marker's own line. (A fence inside a block quote is not
 * recognised.)
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
  /** Where its container's content starts: 0 at the top level, the content column of a list item. */
  readonly containerColumn: number;
  /** For each line of `text`: how many columns were removed (to map columns back). */
  readonly removedColumns: readonly number[];
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
function containerColumn(lines: readonly string[], i: number, indent: number): number {
  let leastIndent = indent;
  for (let k = i - 1; k >= 0; k--) {
    const line = lines[k];
    if (line.trim() === '') continue;
    const content = listContentColumn(line);
    if (content !== undefined && content <= leastIndent) return content;
    leastIndent = Math.min(leastIndent, indentation(line));
    if (leastIndent === 0) return 0;
  }
  return 0;
}

/** An opening fence on line `i`: where its run starts and its container's content column. */
function openingFence(lines: readonly string[], i: number): { column: number; container: number; fence: string; rest: string } | undefined {
  const line = lines[i];
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
  const lines = splitLines(markdown);
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = openingFence(lines, i);
    if (!open) continue;
    const { column, container, fence, rest } = open;
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
    if (fence[0] === '`' && rest.includes('`')) continue;
    const close = new RegExp(`^ {${container},${container + 3}}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const closeLine = end < lines.length ? end : undefined;
    const language = rest.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (language === 'tcpflow') {
      const content = lines.slice(i + 1, end);
      const removedColumns = content.map((l) => Math.min(column, indentation(l)));
      blocks.push({
        index: blocks.length + 1,
        openLine: i,
        closeLine,
        text: content.map((l, k) => l.slice(removedColumns[k])).join('\n') + (content.length > 0 ? '\n' : ''),
        removedColumns,
        containerColumn: container,
      });
    }
    i = end;
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
export const IMAGE_MARKER = '<!-- tcpflow-md: the image below is drawn from the block above by `tcpflow md --write` -->';
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
    const close = link.block.closeLine!;
    // Indented as the block's container, so a block in a list item keeps its image in the item.
    const pad = ' '.repeat(link.block.containerColumn);
    const replacement = ['', pad + IMAGE_MARKER, pad + imageLine(link.file, link.alt)];
    const existing = existingLink(lines, close);
    if (existing !== undefined) {
      lines.splice(close + 1, existing - close, ...replacement);
    } else {
      const next = lines[close + 1];
      const needsGap = next !== undefined && next.trim() !== '';
      lines.splice(close + 1, 0, ...replacement, ...(needsGap ? [''] : []));
    }
  }
  return lines.join(eol);
}

/** The last line (0-based) of a generated marker + image under the fence closing at `close`. */
function existingLink(lines: readonly string[], close: number): number | undefined {
  let i = close + 1;
  while (i < lines.length && lines[i].trim() === '' && i <= close + 2) i++;
  if (i >= lines.length || !MARKER_LINE.test(lines[i])) return undefined;
  return i + 1 < lines.length && IMAGE_LINE.test(lines[i + 1]) ? i + 1 : i;
}
