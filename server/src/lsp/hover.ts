/**
 * Hover: on a diagnostic, why and what would be valid; on a flag, a state name, a call
 * or a participant, what it means; on an event line, what the engine did there.
 */
import type { LangiumDocument } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import { MarkupKind, type Hover, type HoverParams, type Position } from 'vscode-languageserver';
import type { Diagnostic } from '../engine/diagnostics.js';
import { FLAGS, type Flag, type Statement } from '../engine/model.js';
import { say } from '../i18n/catalogue.js';
import { learnerMessages } from '../i18n/messages/learner.js';
import { editorMessages as e } from '../i18n/messages/editor.js';
import { formatState, readStateName, type StateNameStyle } from '../engine/states.js';
import type { DocumentAnalyses } from './analyses.js';
import { CALL_DESCRIPTIONS, describeState, describeStep, FLAG_DESCRIPTIONS } from './describe.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { occurrenceAt } from './occurrences.js';
import type { SettingsService } from './settings.js';
import { spanContains, wordAt } from './text.js';

export class TcpflowHoverProvider implements HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: SettingsService) {}

  async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
    const { stateNames } = await this.settings.get();
    const value = hoverMarkdown(this.analyses.get(document), params.position, stateNames);
    return value ? { contents: { kind: MarkupKind.Markdown, value: boundedHover(value) } } : undefined;
  }
}

/** A word longer than this is shown as its start and an ellipsis. */
const MAX_HOVER_WORD = 80;
const LONG_WORD = new RegExp(`\\S{${MAX_HOVER_WORD + 1},}`, 'g');
/** A hover longer than this is cut, with an ellipsis. */
const MAX_HOVER_LENGTH = 20_000;

/**
 * A hover names participants, tags and labels as they are written, several times: a
 * 1 MB participant name made a 7 MB hover that took 2 s to build and send. Words are
 * shortened and the whole is bounded; a reader needs neither more.
 */
export function boundedHover(markdown: string): string {
  const shortened = markdown.replace(LONG_WORD, (word) => `${word.slice(0, MAX_HOVER_WORD)}…`);
  return shortened.length > MAX_HOVER_LENGTH ? `${shortened.slice(0, MAX_HOVER_LENGTH)}…` : shortened;
}

export function hoverMarkdown(doc: DocumentAnalysis, pos: Position, style: StateNameStyle): string | undefined {
  const sections: string[] = [];

  for (const d of doc.analysis.diagnostics) {
    if (!spanContains(d.span, pos)) continue;
    const fixes = d.fixes ?? [];
    sections.push([
      `**${say(e[d.severity])}** \`${d.code}\`: ${d.message}`,
      ...(fixes.length > 0 ? ['', say(e.quickFixes), ...fixes.map((f) => `- ${f.title}`)] : []),
      ...(d.recovered ? ['', continuingAsIf(doc.lines, d)] : []),
    ].join('\n'));
  }

  const statement = doc.statementByLine.get(pos.line);
  if (statement) {
    const token = tokenHover(doc, statement, pos, style);
    if (token) sections.push(token);
  }

  const step = doc.stepByLine.get(pos.line);
  if (step) sections.push(describeStep(doc.analysis, step, style));
  return sections.length > 0 ? sections.join('\n\n---\n\n') : undefined;
}

/**
 * "Continuing as if …": the line as the engine went on with it after the error, which is
 * the line with the preferred fix's edits on it (docs/semantics.md, "After an error").
 */
function continuingAsIf(lines: readonly string[], d: Diagnostic): string {
  const fix = d.fixes?.find((f) => f.preferred) ?? d.fixes?.[0];
  const lineNo = d.span.startLine;
  let line = lines[lineNo] ?? '';
  const edits = (fix?.edits ?? []).filter((e) => e.span.startLine === lineNo && e.span.endLine === lineNo)
    .sort((a, b) => b.span.startColumn - a.span.startColumn);
  for (const e of edits) line = line.slice(0, e.span.startColumn) + e.newText + line.slice(Math.min(e.span.endColumn, line.length));
  const written = line.trim();
  return written === '' ? say(learnerMessages.continuingWithout) : say(learnerMessages.continuingAsIf, { line: written });
}

/** What the word under the cursor means: a flag, a state name, a call, a participant or a tag. */
function tokenHover(doc: DocumentAnalysis, statement: Statement, pos: Position, style: StateNameStyle): string | undefined {
  const line = doc.lines[pos.line] ?? '';
  if (statement.kind === 'segment' && spanContains(statement.flagsSpan, pos)) {
    const word = wordAt(line, pos.character, /[A-Za-z]/)?.text.toUpperCase();
    if (word && (FLAGS as readonly string[]).includes(word)) return `**${word}** (${say(e.flag)})\n\n${FLAG_DESCRIPTIONS[word as Flag]}`;
  }
  const stateSpans = statement.kind === 'expect' ? statement.checks.map((c) => c.stateSpan)
    : statement.kind === 'participant' && statement.startSpan ? [statement.startSpan] : [];
  for (const span of stateSpans) {
    if (!spanContains(span, pos)) continue;
    const read = readStateName(line.slice(span.startColumn, span.endColumn));
    if (read.kind !== 'unknown') return describeState(read.state, style);
  }
  if (statement.kind === 'call' && spanContains(statement.callSpan, pos)) {
    return `**${statement.call}** (${say(e.callKind)})\n\n${CALL_DESCRIPTIONS[statement.call]}`;
  }
  const occurrence = occurrenceAt(doc, pos);
  if (occurrence?.kind === 'participant') {
    const info = doc.analysis.participants.find((p) => p.name === occurrence.name);
    if (!info) return undefined;
    const lines = [`**${info.name}** (${say(e.participant)})${info.label ? ` — ${info.label}` : ''}`,
      '',
      say(e.declaredOn, { declared: info.declared, line: info.span.startLine + 1, state: formatState(info.initialState, style) })];
    const last = [...doc.analysis.steps].reverse().find((s) => s.line <= pos.line);
    if (last) lines.push(say(e.afterLine, { line: last.line + 1, state: formatState(last.states[info.name] ?? info.initialState, style) }));
    return lines.join('\n');
  }
  if (occurrence?.kind === 'tag') {
    const tag = doc.analysis.tags.find((t) => t.tag === occurrence.name);
    if (!tag) return undefined;
    return `**${tag.tag}** (${say(e.inFlightKind)})\n\n${say(e.tagSentDelivered, { line: tag.sentOnLine + 1, delivered: tag.deliveredOnLine !== undefined ? tag.deliveredOnLine + 1 : undefined })}`;
  }
  return undefined;
}
