/**
 * The text side of exporting, pure: a scenario's Mermaid source (`mmd`), the Markdown
 * page that wraps it (`md`), and the stamp that ties an SVG to the source it was drawn
 * from (so an unchanged diagram is not redrawn or rewritten).
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { StateNameStyle } from '../engine/states.js';
import { generateMermaid, type DiagnosticMarks } from '../diagram/mermaid.js';
import type { ArrowStyle } from '../diagram/arrow-plan.js';
import type { StateStyle } from '../diagram/state-plan.js';
import { analyzeText, type TextAnalysis } from '../language/analyze.js';
import type { ProfileChoice } from '../engine/profile.js';
import type { ExportTheme } from './mermaid-config.js';

export const EXPORT_FORMATS = ['svg', 'png', 'md', 'mmd'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file extension of each format. */
export const FORMAT_EXTENSION: Record<ExportFormat, string> = { svg: '.svg', png: '.png', md: '.md', mmd: '.mmd' };

export interface ScenarioDiagram {
  /** Mermaid `sequenceDiagram` source: the `mmd` export, byte for byte. */
  readonly mermaid: string;
  readonly title: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  /** Number of arrows drawn (one per segment line). */
  readonly messageCount: number;
}

export interface DiagramOptions {
  readonly stateNames?: StateNameStyle;
  /** The TCP to check against where the text has no `profile` line (the CLI's --profile). */
  readonly profile?: ProfileChoice;
  readonly arrowStyle?: ArrowStyle;
  /**
   * Which diagnostics a document marks, as footnotes (a ✗N on the line, the messages
   * listed under the diagram). Default 'errors': a clean export shows no warning
   * boxes, and errors are drawn only when the export was allowed (--allow-errors).
   */
  readonly diagnostics?: DiagnosticMarks;
  /** State changes as lifeline labels or as notes (state-plan.ts). Default: the generator's (labels). */
  readonly states?: StateStyle;
}

/**
 * How a format draws state changes unless told: a drawing (svg, png) gets labels
 * beside the lifelines; Mermaid text (mmd, md) is drawn by other renderers (GitHub),
 * which cannot place them, so it keeps one note per change.
 */
export function defaultStateStyle(format: ExportFormat): StateStyle {
  return format === 'mmd' || format === 'md' ? 'notes' : 'labels';
}

export const DEFAULT_EXPORT_DIAGNOSTICS: DiagnosticMarks = 'errors';

/**
 * The whole diagram of a scenario. Unlike the preview, an export is never cut to a
 * window around the cursor: a document wants every message.
 */
export function scenarioDiagram(text: string, options: DiagramOptions = {}): ScenarioDiagram {
  return drawScenario(analyzeText(text, { profile: options.profile }), options);
}

/**
 * The diagram of a text already analysed: for drawing one analysis more than one way
 * (a check for errors first, then the notes a Markdown export wants) without running
 * the engine again. `options.profile` is the analysis's, not read here.
 */
export function drawScenario({ scenario, analysis }: TextAnalysis, options: DiagramOptions = {}): ScenarioDiagram {
  const diagram = generateMermaid(scenario, analysis, {
    stateNames: options.stateNames ?? 'rfc',
    maxMessages: Number.MAX_SAFE_INTEGER,
    ...(options.arrowStyle ? { arrowStyle: options.arrowStyle } : {}),
    diagnostics: options.diagnostics ?? DEFAULT_EXPORT_DIAGNOSTICS,
    marks: 'footnotes',
    ...(options.states ? { states: options.states } : {}),
  });
  const titleStatement = scenario.statements.find((s) => s.kind === 'title');
  const title = analysis.title ?? (titleStatement?.kind === 'title' ? titleStatement.text : undefined);
  return {
    mermaid: diagram.text,
    title,
    diagnostics: analysis.diagnostics,
    hasErrors: analysis.diagnostics.some((d) => d.severity === 'error'),
    messageCount: diagram.messages.length,
  };
}

// The Markdown page lives in its own file (no node:crypto there), so browser bundles can use it.
export { fenceFor, htmlCommentText, markdownDocument } from './markdown-page.js';

// ---------------------------------------------------------------------------
// The stamp on an exported SVG

/** Bumped when the renderer changes its output, so old SVGs are redrawn. */
export const RENDERER_REVISION = 5;

const STAMP = /^<!-- tcpflow [^>]*?sha256=([0-9a-f]{64}) -->\n/;

/** What an SVG depends on: the Mermaid source, the theme and the renderer's revision. */
export function svgKey(mermaid: string, theme: ExportTheme): string {
  return createHash('sha256').update(`tcpflow-svg ${RENDERER_REVISION} ${theme}\n${mermaid}`).digest('hex');
}

/** The SVG file as written: a one-line comment with its key, then the drawing. */
export function stampSvg(svg: string, key: string): string {
  const body = svg.replace(STAMP, '');
  return `<!-- tcpflow diagram, drawn from its source; sha256=${key} -->\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/** The key an SVG file was stamped with, if any. */
export function readSvgKey(fileText: string): string | undefined {
  return STAMP.exec(fileText)?.[1];
}
