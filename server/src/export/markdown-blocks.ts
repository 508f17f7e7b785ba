/**
 * The ```tcpflow blocks of a Markdown file, and the image links that `tcpflow md
 * --write` keeps under them. Pure text in, text out.
 *
 * Fences are read as CommonMark reads them at the top level: an opening run of three or
 * more backticks or tildes indented at most three spaces, an info string whose first
 * word is `tcpflow`, and a closing run of the same character, at least as long. (A
 * fence inside a list item or a block quote is not recognised.)
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
  /** For each line of `text`: how many columns were removed (to map columns back). */
  readonly removedColumns: readonly number[];
}

const OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

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
    const open = OPEN.exec(lines[i]);
    if (!open) continue;
    const [, indentText, fence, rest] = open;
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
    if (fence[0] === '`' && rest.includes('`')) continue;
    const indent = indentText.length;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const closeLine = end < lines.length ? end : undefined;
    const language = rest.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (language === 'tcpflow') {
      const content = lines.slice(i + 1, end);
      const removedColumns = content.map((l) => Math.min(indent, l.length - l.trimStart().length));
      blocks.push({
        index: blocks.length + 1,
        openLine: i,
        closeLine,
        text: content.map((l, k) => l.slice(removedColumns[k])).join('\n') + (content.length > 0 ? '\n' : ''),
        removedColumns,
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
const MARKER_LINE = /^<!-- tcpflow-md:.*-->\s*$/;
const IMAGE_LINE = /^!\[(?:\\.|[^\]\\])*\]\(.*\)\s*$/;

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
    const replacement = ['', IMAGE_MARKER, imageLine(link.file, link.alt)];
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
