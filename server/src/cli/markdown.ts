/**
 * `tcpflow md FILE.md… [--write]`: checks every ```tcpflow block of Markdown files and,
 * with --write, draws each into an SVG beside the Markdown and keeps an image link
 * under the block (docs/export.md). Running it twice changes nothing: the Markdown is
 * written only when its text changes, an SVG only when its source does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../engine/diagnostics.js';
import { writeFileAtomic, WriteError } from '../export/atomic-write.js';
import { readSvgKey, scenarioDiagram, stampSvg, svgKey } from '../export/formats.js';
import { blockImageName, findTcpflowBlocks, withImageLinks, type FencedBlock, type ImageLink } from '../export/markdown-blocks.js';
import { displayPath, isInside } from '../export/output-path.js';
import { RenderError } from '../export/renderer.js';
import { BrowserUnavailable, RenderSession } from '../export/session.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { readSourceOrReport } from './read-source.js';

export const MD_USAGE = 'usage: tcpflow md FILE.md… [--write] [--force]';

/** `FILE.md:LINE:COL: severity code: message`, the line and column inside the Markdown file. */
export function formatBlockDiagnostic(file: string, block: FencedBlock, d: Diagnostic): string {
  const line = block.openLine + 1 + d.span.startLine + 1;
  const column = d.span.startColumn + 1 + (block.removedColumns[d.span.startLine] ?? 0);
  return `${file}:${line}:${column}: ${d.severity} ${d.code}: ${d.message}`;
}

export async function runMarkdown(args: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const write = args.includes('--write');
  const force = args.includes('--force');
  const files = args.filter((a) => a !== '--write' && a !== '--force');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown) throw new CliError(`md: unknown option ${unknown}\n${MD_USAGE}`);
  if (files.length === 0) throw new CliError(`md: no file given\n${MD_USAGE}`);

  let exit: number = EXIT.ok;
  const worse = (code: number): void => { exit = Math.max(exit, code); };
  const session = new RenderSession(env);
  try {
    for (const file of files) {
      const text = readSourceOrReport(file, io);
      if (text === undefined) {
        worse(EXIT.usage);
        continue;
      }
      const blocks = findTcpflowBlocks(text);
      const links: ImageLink[] = [];
      const drawings: Array<{ path: string; display: string; mermaid: string; key: string }> = [];
      for (const block of blocks) {
        if (block.closeLine === undefined) {
          io.out(`${file}:${block.openLine + 1}:1: warning unclosed-fence: this tcpflow block is never closed, so it runs to the end of ${block.quotePrefix === '' ? 'the file' : 'its block quote'}\n`);
        }
        const diagram = scenarioDiagram(block.text);
        for (const d of diagram.diagnostics) io.out(`${formatBlockDiagnostic(file, block, d)}\n`);
        if (diagram.hasErrors) {
          worse(EXIT.errors);
          continue; // its image (if any) is left as it was
        }
        if (!write || block.closeLine === undefined) continue;
        const name = blockImageName(file, block.index);
        const path = join(dirname(resolve(io.cwd, file)), name);
        links.push({ block, file: name, alt: diagram.title ?? `TCP sequence diagram ${block.index}` });
        drawings.push({ path, display: displayPath(path, io.cwd), mermaid: diagram.mermaid, key: svgKey(diagram.mermaid, 'light') });
      }
      if (!write) continue;
      try {
        const refused = refusals(drawings, io.cwd, force);
        if (refused.length > 0) {
          for (const r of refused) io.err(`tcpflow: ${r}\n`);
          io.err(`tcpflow: ${file}: not written\n`);
          worse(EXIT.usage);
          continue;
        }
        for (const d of drawings) {
          if (existsSync(d.path) && readSvgKey(readFileSync(d.path, 'utf8').slice(0, 200)) === d.key) continue;
          const drawn = await (await session.get()).svg(d.mermaid, 'light');
          writeFileAtomic(d.path, stampSvg(drawn.svg, d.key), d.display);
          io.out(`${file} -> ${d.display}\n`);
        }
        const updated = withImageLinks(text, links);
        if (updated !== text) {
          writeFileAtomic(resolve(io.cwd, file), updated, file);
          io.out(`${file}: image links updated\n`);
        }
      } catch (error) {
        if (error instanceof BrowserUnavailable) throw new CliError(error.message);
        if (!(error instanceof RenderError || error instanceof WriteError)) throw error;
        io.err(`tcpflow: ${file}: ${error.message}\n`);
        worse(EXIT.usage);
      }
    }
  } finally {
    await session.close();
  }
  return exit;
}

/** SVG paths that may not be written: outside the tree, or a file not made by tcpflow (without --force). */
function refusals(drawings: ReadonlyArray<{ path: string; display: string }>, cwd: string, force: boolean): string[] {
  const problems: string[] = [];
  for (const d of drawings) {
    if (!isInside(d.path, cwd)) {
      problems.push(`${d.display}: outside the current folder; run tcpflow md from a folder that contains the Markdown file`);
    } else if (existsSync(d.path) && !force && readSvgKey(readFileSync(d.path, 'utf8').slice(0, 200)) === undefined) {
      problems.push(`${d.display}: already exists and was not drawn by tcpflow; add --force to overwrite it`);
    }
  }
  return problems;
}
