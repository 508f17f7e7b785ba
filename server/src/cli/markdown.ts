/**
 * `synack md FILE.md… [--write]`: checks every ```tcpflow block of Markdown files and,
 * with --write, draws each into an SVG beside the Markdown and keeps an image link
 * under the block (docs/export.md). Running it twice changes nothing: the Markdown is
 * written only when its text changes, an SVG only when its source does.
 */
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../engine/diagnostics.js';
import { writeFileAtomic, WriteError, type Publish } from '../export/atomic-write.js';
import { ARROW_STYLES, type ArrowStyle } from '../diagram/arrow-plan.js';
import { DIAGNOSTIC_MARKS, type DiagnosticMarks } from '../diagram/mermaid.js';
import { diagramMessages } from '../i18n/messages/diagram.js';
import { scenarioDiagram, stampSvg, svgKey } from '../export/formats.js';
import { blockImageName, findTcpflowBlocks, withImageLinks, type FencedBlock, type ImageLink } from '../export/markdown-blocks.js';
import { displayPath, isInside, lookAtOutput } from '../export/output-path.js';
import { BrowserUnavailable, RenderSession } from '../export/session.js';
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';
import { helpMessages } from '../i18n/messages/help.js';
import { usageMessages } from '../i18n/messages/usage.js';
import { analyzeOrReport } from './check.js';
import { drawOrExplain, DrawingFailed, stampOnDisk } from './drawing.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { readSourceOrReport } from './read-source.js';
import { encodeText } from './text-encoding.js';
import { takeProfileOption } from './profile-option.js';

export const MD_SYNOPSIS = 'md FILE.md… [--write] [--force] [--style textbook|flat] [--diagnostics none|errors|all] [--profile rfc9293|linux]';
/** The usage line, in the locale of the run. */
const mdUsage = (): string => say(helpMessages.usageLine, { line: `${PROGRAM_NAME} ${MD_SYNOPSIS}` });

/** `FILE.md:LINE:COL: severity code: message`, the line and column inside the Markdown file. */
export function formatBlockDiagnostic(file: string, block: FencedBlock, d: Diagnostic): string {
  const line = block.openLine + 1 + d.span.startLine + 1;
  const column = d.span.startColumn + 1 + (block.removedColumns[d.span.startLine] ?? 0);
  return `${file}:${line}:${column}: ${d.severity} ${d.code}: ${d.message}`;
}

interface Drawing {
  readonly path: string;
  readonly display: string;
  readonly mermaid: string;
  readonly key: string;
}

/** What to do with one block's SVG: refuse (why), leave it (current), or draw and publish it so. */
type SvgPlan = { readonly refused: string } | { readonly current: true } | { readonly publish: Publish };

export async function runMarkdown(allArgs: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { rest: args, profile } = takeProfileOption(allArgs, 'md', mdUsage());
  const [style, afterStyle] = takeOption(args, '--style');
  const [marks, rest] = takeOption(afterStyle, '--diagnostics');
  if (style !== undefined && !(ARROW_STYLES as readonly string[]).includes(style)) throw new CliError(say(diagramMessages.unknownStyle, { command: 'md', style }));
  if (marks !== undefined && !(DIAGNOSTIC_MARKS as readonly string[]).includes(marks)) throw new CliError(say(diagramMessages.unknownDiagnostics, { command: 'md', value: marks }));
  const options = { ...(style ? { arrowStyle: style as ArrowStyle } : {}), ...(marks ? { diagnostics: marks as DiagnosticMarks } : {}), profile };
  const write = rest.includes('--write');
  const force = rest.includes('--force');
  const files = rest.filter((a) => a !== '--write' && a !== '--force');
  const unknown = files.find((a) => a.startsWith('-'));
  if (unknown) throw new CliError(`${say(usageMessages.unknownOption, { command: 'md', option: unknown })}\n${mdUsage()}`);
  if (files.length === 0) throw new CliError(`${say(usageMessages.noFile, { command: 'md' })}\n${mdUsage()}`);

  let exit: number = EXIT.ok;
  const worse = (code: number): void => { exit = Math.max(exit, code); };
  const session = new RenderSession(env);
  try {
    for (const file of files) {
      const source = readSourceOrReport(file, io);
      if (source === undefined) {
        worse(EXIT.usage);
        continue;
      }
      const { text } = source;
      const blocks = findTcpflowBlocks(text);
      const links: ImageLink[] = [];
      const drawings: Drawing[] = [];
      let analysed = true;
      for (const block of blocks) {
        if (block.closeLine === undefined) {
          io.out(`${file}:${block.openLine + 1}:1: warning unclosed-fence: this tcpflow block is never closed, so it runs to the end of ${block.quotePrefix === '' ? 'the file' : 'its block quote'}\n`);
        }
        const diagram = analyzeOrReport(file, io, () => scenarioDiagram(block.text, options));
        if (!diagram) {
          analysed = false;
          break;
        }
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
      if (!analysed) {
        worse(EXIT.usage);
        continue;
      }
      if (!write) continue;
      const plans = drawings.map((d) => planSvg(d, io.cwd, force));
      const refused = plans.flatMap((p) => ('refused' in p ? [p.refused] : []));
      if (refused.length > 0) {
        for (const r of refused) io.err(`${PROGRAM_NAME}: ${r}\n`);
        io.err(`${PROGRAM_NAME}: ${say(exportMessages.mdNotWritten, { file })}\n`);
        worse(EXIT.usage);
        continue;
      }
      try {
        for (const [i, d] of drawings.entries()) {
          const plan = plans[i];
          if (!('publish' in plan)) continue;
          const renderer = await session.get();
          const drawn = await drawOrExplain(() => renderer.svg(d.mermaid, 'light'));
          writeFileAtomic(d.path, stampSvg(drawn.svg, d.key), d.display, { publish: plan.publish });
          io.out(`${file} -> ${d.display}\n`);
        }
        const updated = withImageLinks(text, links);
        if (updated !== text) {
          // Written back only if nobody changed it while the SVGs were drawn, in the encoding it was read in.
          writeFileAtomic(resolve(io.cwd, file), encodeText(updated, source.encoding), file, { publish: { kind: 'unchanged', seen: source.identity } });
          io.out(`${say(exportMessages.mdLinksUpdated, { file })}\n`);
        }
      } catch (error) {
        if (error instanceof BrowserUnavailable) throw new CliError(error.message);
        if (!(error instanceof DrawingFailed || error instanceof WriteError)) throw error;
        io.err(`${PROGRAM_NAME}: ${error instanceof WriteError ? error.message : say(exportMessages.drawingFailed, { file, detail: error.message })}\n`);
        worse(EXIT.usage);
      }
    }
  } finally {
    await session.close();
  }
  return exit;
}

/**
 * An SVG may be written inside the current folder tree only, over nothing, over an
 * SVG tcpflow drew (if it is still that file when written), or over anything with
 * --force; a folder, a pipe or a device never. Without --force, an SVG already drawn
 * from this block is left alone; with it, it is drawn again.
 */
function planSvg(d: Drawing, cwd: string, force: boolean): SvgPlan {
  const display = d.display;
  if (!isInside(d.path, cwd)) return { refused: say(exportMessages.mdOutsideFolder, { display }) };
  const existing = lookAtOutput(d.path);
  switch (existing.kind) {
    case 'none':
      return { publish: { kind: force ? 'replace' : 'create' } };
    case 'folder':
      return { refused: say(exportMessages.isFolder, { display }) };
    case 'special':
      return { refused: say(exportMessages.notRegularOutput, { display, kind: existing.what }) };
    case 'unknown':
      return { refused: say(exportMessages.cannotCheckOutput, { display, reason: existing.reason }) };
    case 'dangling-link':
      return force ? { publish: { kind: 'replace' } } : { refused: say(exportMessages.mdForeignSvg, { display }) };
    case 'file': {
      if (force) return { publish: { kind: 'replace' } };
      const key = stampOnDisk(d.path);
      if (key === d.key) return { current: true };
      if (key !== undefined) return { publish: { kind: 'unchanged', seen: existing.identity } };
      return { refused: say(exportMessages.mdForeignSvg, { display }) };
    }
  }
}

/** `NAME VALUE` or `NAME=VALUE` taken out of the arguments: the value (if given) and the rest. */
function takeOption(args: readonly string[], name: string): [string | undefined, string[]] {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) {
      value = args[++i];
      if (value === undefined) throw new CliError(`${say(usageMessages.needsValue, { command: 'md', option: name })}\n${mdUsage()}`);
    } else if (args[i].startsWith(`${name}=`)) {
      value = args[i].slice(name.length + 1);
    } else {
      rest.push(args[i]);
    }
  }
  return [value, rest];
}
