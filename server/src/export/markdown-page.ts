/**
 * The `md` export's page: the Mermaid source in a fenced block. Pure and free of Node
 * modules, so the playground (a browser page) writes the same Markdown as the CLI.
 */
import { PROGRAM_NAME } from '../cli/program.js';

/** A fence of backticks longer than any run of backticks inside `text` (at least three). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The `md` export: the Mermaid source in a fenced `mermaid` block, which GitHub and
 * GitLab draw. `sourceName` (the scenario's file name) goes into a comment only.
 */
export function markdownDocument(mermaid: string, sourceName: string): string {
  const fence = fenceFor(mermaid);
  const body = mermaid.endsWith('\n') ? mermaid : `${mermaid}\n`;
  return `<!-- Drawn by ${PROGRAM_NAME} from ${htmlCommentText(sourceName)}: edit that file and export again. -->\n\n${fence}mermaid\n${body}${fence}\n`;
}

/** Text that cannot end an HTML comment (`--`, `>`) or break a line. */
export function htmlCommentText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/-{2,}/g, '-').replace(/>/g, '&gt;');
}
