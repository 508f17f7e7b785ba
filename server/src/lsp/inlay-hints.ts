/**
 * Inlay hints: at the end of every event line, every participant's state after it
 * (`⟶ ● client SYN-SENT · server LISTEN`, ● marking the ones that changed), and, where
 * a segment leaves `seq`/`ack` out, the value the engine inferred, in place.
 */
import type { LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { Step } from '../engine/analysis.js';
import { formatSeq } from '../engine/seq.js';
import { formatState, type StateNameStyle } from '../engine/states.js';
import type { DocumentAnalyses } from './analyses.js';
import { statesAfter, statesBefore } from './describe.js';
import type { SettingsService } from './settings.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { say } from '../i18n/catalogue.js';
import { inlayHintMessages } from '../i18n/messages/inlay-hints.js';

export const CHANGED_MARK = '●';

export class TcpflowInlayHintProvider implements InlayHintProvider {
  constructor(private readonly analyses: DocumentAnalyses, private readonly settings: SettingsService) {}

  async getInlayHints(document: LangiumDocument, params: InlayHintParams): Promise<InlayHint[]> {
    const settings = await this.settings.get();
    if (!settings.inlayHints.enabled) return [];
    return inlayHints(this.analyses.get(document), params.range.start.line, params.range.end.line, settings.inlayHints.compact, settings.stateNames);
  }
}

export function inlayHints(doc: DocumentAnalysis, firstLine: number, lastLine: number, compact: boolean, style: StateNameStyle): InlayHint[] {
  const hints: InlayHint[] = [];
  const steps = doc.analysis.steps;
  for (let index = firstStepFrom(steps, firstLine); index < steps.length && steps[index].line <= lastLine; index++) {
    const step = steps[index];
    const inferred = inferredHint(doc, step);
    if (inferred) hints.push(inferred);
    const states = stateHint(doc, step, index, compact, style);
    if (states) hints.push(states);
  }
  return hints;
}

/**
 * The index of the first step on `line` or after it. Steps are in line order; the editor
 * asks for the hints of the lines in view after every keystroke, and on 10,000 lines a
 * walk over every step cost more than reading the line typed.
 */
function firstStepFrom(steps: readonly Step[], line: number): number {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps[middle].line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** `⟶ ● client SYN-SENT · server LISTEN`; in compact mode only the changed ones, and nothing when none changed. */
export function stateLabel(doc: DocumentAnalysis, step: Step, compact: boolean, style: StateNameStyle): string | undefined {
  const parts = statesAfter(doc.analysis, step)
    .filter((p) => !compact || p.changed)
    .map((p) => `${p.changed ? `${CHANGED_MARK} ` : ''}${p.participant} ${formatState(p.state, style)}`);
  return parts.length > 0 ? `⟶ ${parts.join(' · ')}` : undefined;
}

function stateHint(doc: DocumentAnalysis, step: Step, index: number, compact: boolean, style: StateNameStyle): InlayHint | undefined {
  const label = stateLabel(doc, step, compact, style);
  if (!label) return undefined;
  const before = statesBefore(doc.analysis, step, index);
  const tooltip = step.transitions.length === 0
    ? say(inlayHintMessages.noStateChange)
    : step.transitions.map((t) => `${t.participant}: ${formatState(before[t.participant] ?? t.before, style)} → ${formatState(t.after, style)}`).join('\n');
  const line = doc.lines[step.line] ?? '';
  return { position: { line: step.line, character: line.length }, label, paddingLeft: true, tooltip };
}

/** `seq=K+1 ack=J+101` where the source left them out, at the end of the segment's fields. */
function inferredHint(doc: DocumentAnalysis, step: Step): InlayHint | undefined {
  if (step.kind !== 'segment' || !step.segment) return undefined;
  const statement = doc.scenario.statements[step.statementIndex];
  if (statement?.kind !== 'segment') return undefined;
  const s = step.segment;
  const parts = [
    s.seqInferred && s.seq && `seq=${formatSeq(s.seq)}`,
    s.ackInferred && s.ack && `ack=${formatSeq(s.ack)}`,
  ].filter((p): p is string => typeof p === 'string');
  if (parts.length === 0) return undefined;
  const at = statement.fieldsEnd;
  return {
    position: { line: at.endLine, character: at.endColumn },
    label: parts.join(' '),
    kind: InlayHintKind.Parameter,
    paddingLeft: true,
    tooltip: say(inlayHintMessages.inferred),
  };
}
