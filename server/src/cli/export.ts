/**
 * `synack export FILE… --format svg|png|md|mmd` (contract §5; docs/export.md).
 *
 * Every output path is decided (and refused, if it must be) before anything is drawn;
 * a scenario with errors is exported only with --allow-errors; SVG and PNG are drawn
 * in one headless Chromium for the whole batch; every file is written atomically, a new
 * one only if its name is still free (atomic-write.ts). An SVG whose stamp says it was
 * drawn from the same source is left alone without --force; --force always redraws.
 */
import { basename } from 'node:path';
import type { StateNameStyle } from '../engine/states.js';
import { ARROW_STYLES, DEFAULT_ARROW_STYLE, type ArrowStyle } from '../diagram/arrow-plan.js';
import { DIAGNOSTIC_MARKS, type DiagnosticMarks } from '../diagram/mermaid.js';
import { STATE_STYLES, type StateStyle } from '../diagram/state-plan.js';
import { writeFileAtomic, WriteError } from '../export/atomic-write.js';
import {
  DEFAULT_EXPORT_DIAGNOSTICS, defaultStateStyle, EXPORT_FORMATS, FORMAT_EXTENSION, markdownDocument, scenarioDiagram, stampSvg, svgKey,
  type ExportFormat, type ScenarioDiagram,
} from '../export/formats.js';
import { EXPORT_THEMES, type ExportTheme } from '../export/mermaid-config.js';
import { planOutputs, type PlannedOutput } from '../export/output-path.js';
import { BrowserUnavailable, RenderSession } from '../export/session.js';
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';
import { helpMessages } from '../i18n/messages/help.js';
import { usageMessages as u } from '../i18n/messages/usage.js';
import { diagramMessages } from '../i18n/messages/diagram.js';
import { analyzeOrReport, formatDiagnostic } from './check.js';
import { drawOrExplain, DrawingFailed, stampOnDisk } from './drawing.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { readSourceOrReport } from './read-source.js';
import { takeProfileOption } from './profile-option.js';

export const EXPORT_SYNOPSIS = 'export FILE… --format svg|png|md|mmd [-o PATH | --out-dir DIR] [--scale N] [--theme light|dark] [--state-names rfc|linux] [--style textbook|flat] [--states labels|notes] [--diagnostics none|errors|all] [--profile rfc9293|linux] [--force] [--allow-errors]';
/** The usage line, said when an error is (so in the locale the run chose). */
const exportUsage = (): string => say(helpMessages.usageLine, { line: `${PROGRAM_NAME} ${EXPORT_SYNOPSIS}` });

export interface ExportOptions {
  readonly files: string[];
  readonly format: ExportFormat;
  readonly output?: string;
  readonly outDir?: string;
  readonly scale: number;
  readonly theme: ExportTheme;
  readonly stateNames: StateNameStyle;
  readonly arrowStyle: ArrowStyle;
  /** Unset: the format's default (defaultStateStyle). */
  readonly states?: StateStyle;
  readonly diagnostics: DiagnosticMarks;
  readonly force: boolean;
  readonly allowErrors: boolean;
}

const FORMAT_BY_EXTENSION: Record<string, ExportFormat> = { '.svg': 'svg', '.png': 'png', '.md': 'md', '.markdown': 'md', '.mmd': 'mmd' };

export function parseExportArgs(args: readonly string[]): ExportOptions {
  const files: string[] = [];
  let format: string | undefined;
  let output: string | undefined;
  let outDir: string | undefined;
  let scale: string | undefined;
  let theme: string | undefined;
  let stateNames: string | undefined;
  let style: string | undefined;
  let states: string | undefined;
  let diagnostics: string | undefined;
  let force = false;
  let allowErrors = false;
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0 && arg.startsWith('--')) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new CliError(`${say(u.needsValue, { command: 'export', option: name })}\n${exportUsage()}`);
      return next;
    };
    switch (name) {
      case '--': onlyFiles = true; break;
      case '--format': case '-f': format = value(); break;
      case '-o': case '--output': output = value(); break;
      case '--out-dir': outDir = value(); break;
      case '--scale': scale = value(); break;
      case '--theme': theme = value(); break;
      case '--state-names': stateNames = value(); break;
      case '--style': style = value(); break;
      case '--states': states = value(); break;
      case '--diagnostics': diagnostics = value(); break;
      case '--force': force = true; break;
      case '--allow-errors': allowErrors = true; break;
      default: throw new CliError(`${say(u.unknownOption, { command: 'export', option: arg })}\n${exportUsage()}`);
    }
  }
  if (files.length === 0) throw new CliError(`${say(u.noFile, { command: 'export' })}\n${exportUsage()}`);
  if (format === undefined && output !== undefined && output !== '-') {
    format = FORMAT_BY_EXTENSION[output.slice(output.lastIndexOf('.')).toLowerCase()];
  }
  if (format === undefined) throw new CliError(`${say(u.formatRequired)}\n${exportUsage()}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(say(u.unknownFormat, { format }));
  const f = format as ExportFormat;
  if (output !== undefined && outDir !== undefined) throw new CliError(say(u.outputOrOutDir));
  if (scale !== undefined && f !== 'png') throw new CliError(say(u.scalePngOnly));
  const scaleValue = scale === undefined ? 1 : Number(scale);
  if (!Number.isFinite(scaleValue) || scaleValue < 0.25 || scaleValue > 8) throw new CliError(say(u.scaleRange, { scale: String(scale) }));
  if (theme !== undefined && f !== 'svg' && f !== 'png') throw new CliError(say(u.themeSvgPngOnly));
  if (theme !== undefined && !(EXPORT_THEMES as readonly string[]).includes(theme)) throw new CliError(say(u.unknownTheme, { theme }));
  if (stateNames !== undefined && stateNames !== 'rfc' && stateNames !== 'linux') throw new CliError(say(u.stateNamesTakes, { command: 'export', value: stateNames }));
  if (style !== undefined && !(ARROW_STYLES as readonly string[]).includes(style)) throw new CliError(say(diagramMessages.unknownStyle, { command: 'export', style }));
  if (states !== undefined && !(STATE_STYLES as readonly string[]).includes(states)) throw new CliError(say(diagramMessages.unknownStates, { command: 'export', value: states }));
  if (diagnostics !== undefined && !(DIAGNOSTIC_MARKS as readonly string[]).includes(diagnostics)) throw new CliError(say(diagramMessages.unknownDiagnostics, { command: 'export', value: diagnostics }));
  if (output === '-' && f === 'png') throw new CliError(say(u.pngNeedsFile));
  return {
    files, format: f, scale: scaleValue, force, allowErrors,
    theme: (theme ?? 'light') as ExportTheme,
    stateNames: (stateNames ?? 'rfc') as StateNameStyle,
    arrowStyle: (style ?? DEFAULT_ARROW_STYLE) as ArrowStyle,
    diagnostics: (diagnostics ?? DEFAULT_EXPORT_DIAGNOSTICS) as DiagnosticMarks,
    ...(states !== undefined ? { states: states as StateStyle } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(outDir !== undefined ? { outDir } : {}),
  };
}

export async function runExport(allArgs: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { rest: args, profile } = takeProfileOption(allArgs, 'export', exportUsage());
  const options = parseExportArgs(args);
  let exit: number = EXIT.ok;
  const worse = (code: number): void => { exit = Math.max(exit, code); };

  // 1. Read and check every scenario; print diagnostics as `check` does (on stderr: stdout may carry a diagram).
  const ready: Array<{ file: string; diagram: ScenarioDiagram }> = [];
  for (const file of options.files) {
    const source = readSourceOrReport(file, io);
    const diagram = source && analyzeOrReport(file, io, () => scenarioDiagram(source.text, {
      stateNames: options.stateNames, arrowStyle: options.arrowStyle, diagnostics: options.diagnostics, profile,
      states: options.states ?? defaultStateStyle(options.format),
    }));
    if (!diagram) {
      worse(EXIT.usage);
      continue;
    }
    for (const d of diagram.diagnostics) io.err(`${formatDiagnostic(file, d)}\n`);
    if (diagram.hasErrors && !options.allowErrors) {
      io.err(`${PROGRAM_NAME}: ${say(exportMessages.notExportedErrors, { file })}\n`);
      worse(EXIT.errors);
      continue;
    }
    ready.push({ file, diagram });
  }

  // Nothing left to export: say so, rather than judge output paths for no scenario
  // (`-o` would complain that "0 scenarios were given").
  if (ready.length === 0) {
    io.err(`${PROGRAM_NAME}: ${say(exportMessages.nothingExported)}\n`);
    return exit;
  }

  // 2. Decide every output path; one refusal and nothing is written.
  const svgKeys = new Map(options.format === 'svg' ? ready.map((r) => [r.file, svgKey(r.diagram.mermaid, options.theme)]) : []);
  const plan = planOutputs({
    inputs: ready.map((r) => r.file), extension: FORMAT_EXTENSION[options.format],
    force: options.force, cwd: io.cwd,
    // Without --force, an SVG already drawn from this very source is current, not in the way.
    ...(options.format === 'svg' ? { isCurrent: (path: string, input: string) => stampOnDisk(path) === svgKeys.get(input) } : {}),
    ...(options.output !== undefined ? { output: options.output } : {}),
    ...(options.outDir !== undefined ? { outDir: options.outDir } : {}),
  });
  if (plan.problems.length > 0) {
    for (const p of plan.problems) io.err(`${PROGRAM_NAME}: ${p}\n`);
    io.err(`${PROGRAM_NAME}: ${say(exportMessages.nothingExported)}\n`);
    return EXIT.usage;
  }

  // 3. Draw and write.
  const session = new RenderSession(env);
  try {
    for (const [i, out] of plan.outputs.entries()) {
      const { file, diagram } = ready[i];
      try {
        if (out.current) {
          io.out(`${say(exportMessages.unchanged, { file, display: out.display })}\n`);
          continue;
        }
        await exportOne(file, diagram, out, options, session, io);
        if (out.path !== '-') io.out(`${file} -> ${out.display}\n`);
      } catch (error) {
        if (error instanceof BrowserUnavailable) throw new CliError(error.message);
        if (error instanceof DrawingFailed || error instanceof WriteError) {
          io.err(`${PROGRAM_NAME}: ${error instanceof WriteError ? error.message : say(exportMessages.drawingFailed, { file, detail: error.message })}\n`);
          worse(EXIT.usage);
          continue;
        }
        throw error;
      }
    }
  } finally {
    await session.close();
  }
  return exit;
}

/** Draws one scenario and writes it. */
async function exportOne(file: string, diagram: ScenarioDiagram, out: PlannedOutput, options: ExportOptions, session: RenderSession, io: CliIo): Promise<void> {
  const write = (data: string | Uint8Array): void => {
    if (out.path === '-') io.out(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    else writeFileAtomic(out.path, data, out.display, { publish: out.publish });
  };
  switch (options.format) {
    case 'mmd':
      write(diagram.mermaid);
      return;
    case 'md':
      write(markdownDocument(diagram.mermaid, basename(file)));
      return;
    case 'svg': {
      const renderer = await session.get();
      const drawn = await drawOrExplain(() => renderer.svg(diagram.mermaid, options.theme));
      write(stampSvg(drawn.svg, svgKey(diagram.mermaid, options.theme)));
      return;
    }
    case 'png': {
      const renderer = await session.get();
      const drawn = await drawOrExplain(() => renderer.png(diagram.mermaid, options.theme, options.scale));
      write(drawn.png);
      return;
    }
  }
}
