/**
 * Quick fixes: the engine's fixes carried by each diagnostic (set seq/ack, state
 * spelling, change an expect, add deliver, add ACK…), and two the server derives from
 * the steps:
 * - a SYN that reaches a CLOSED endpoint (answered by RST,ACK): insert `NAME: listen`
 *   before it; also offered on the errors that follow from it (a SYN,ACK sent from
 *   CLOSED, an accept without listen);
 * - a line after which an endpoint owes a reply: insert that reply as the next line,
 *   fully filled (`B -> A : RST ACK seq=0 ack=J+1`).
 */
import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver';
import type { Step } from '../engine/analysis.js';
import type { DocumentAnalyses } from './analyses.js';
import { statesBefore } from './describe.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { freshSymbol, segmentText } from './point-in-time.js';
import { isDiagnosticData, toLspDiagnostic } from './validator.js';
import { say } from '../i18n/catalogue.js';
import { editorMessages } from '../i18n/messages/editor.js';

export class TcpflowCodeActionProvider implements CodeActionProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
    if (params.context.only && !params.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
    return codeActions(this.analyses.get(document), document.uri.toString(), params);
  }
}

export function codeActions(doc: DocumentAnalysis, uri: string, params: Pick<CodeActionParams, 'range' | 'context'>): CodeAction[] {
  const actions: CodeAction[] = [];
  const action = (title: string, edits: TextEdit[], diagnostics: LspDiagnostic[] = [], preferred = false) => {
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: preferred || undefined, edit: { changes: { [uri]: edits } } });
  };

  // 1. The engine's fixes, from the diagnostics the client sent (or, if it sent none, the current ones in range).
  const fromClient = params.context.diagnostics.filter((d) => d.source === 'tcpflow' && isDiagnosticData(d.data));
  const diagnostics = fromClient.length > 0 || params.context.diagnostics.length > 0
    ? fromClient
    // The lines the range touches, whole (a cursor anywhere on a line gets that line's
    // fixes), picked by line before converting: a document may have a million diagnostics.
    : doc.analysis.diagnostics
      .filter((d) => d.span.endLine >= params.range.start.line && d.span.startLine <= params.range.end.line)
      .map((d) => toLspDiagnostic(d, doc.lines));
  for (const d of diagnostics) {
    if (!isDiagnosticData(d.data)) continue;
    for (const fix of d.data.fixes) action(fix.title, [...fix.edits], [d], fix.preferred);
  }

  // 2. `NAME: listen` where a missing listen explains the line or the error.
  const listenFixed = new Set<number>();
  const offerListen = (name: string, atLine: number, diagnostic?: LspDiagnostic) => {
    const syn = synReachingClosed(doc, name, atLine);
    const line = syn?.line ?? atLine;
    if (listenFixed.has(line) && !diagnostic) return;
    listenFixed.add(line);
    const indent = /^[ \t]*/.exec(doc.lines[line] ?? '')![0];
    action(`Add \`${name}: listen\` before line ${line + 1}`, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${name}: listen\n` }], diagnostic ? [diagnostic] : [], !!diagnostic);
  };
  for (const d of diagnostics) {
    const code = isDiagnosticData(d.data) ? d.data.code : undefined;
    const line = d.range.start.line;
    const statement = doc.statementByLine.get(line);
    if (code === 'send-not-allowed' && statement?.kind === 'segment' && statement.flags.includes('SYN') && statement.flags.includes('ACK')
      && synReachingClosed(doc, statement.from, line)) {
      offerListen(statement.from, line, d);
    }
    if (code === 'call-not-allowed' && statement?.kind === 'call' && statement.call === 'accept' && /never called listen/.test(d.message)) {
      offerListen(statement.participant, line, d);
    }
  }
  for (let line = params.range.start.line; line <= params.range.end.line; line++) {
    const step = doc.stepByLine.get(line);
    if (step && isSynToClosed(doc, step)) offerListen(step.to!, line);
  }

  // 3. The reply a line made due, as the next line.
  for (let line = params.range.start.line; line <= params.range.end.line; line++) {
    const step = doc.stepByLine.get(line);
    if (step) actions.push(...replyActions(doc, uri, step));
  }
  return actions;
}

/** A SYN (without ACK) that arrived at a CLOSED endpoint, which answered RST. */
function isSynToClosed(doc: DocumentAnalysis, step: Step): boolean {
  const s = step.segment;
  if (!s || !step.to || !s.flags.includes('SYN') || s.flags.includes('ACK') || s.arrow === '-x' || s.arrow === '~>') return false;
  return statesBefore(doc.analysis, step, doc.stepIndex.get(step))[step.to] === 'CLOSED' && step.replies.some((r) => r.participant === step.to && r.reply.flags.includes('RST'));
}

/** The last SYN before (or on) `line` that reached `name` while it was CLOSED. */
function synReachingClosed(doc: DocumentAnalysis, name: string, line: number): Step | undefined {
  for (let i = doc.analysis.steps.length - 1; i >= 0; i--) {
    const step = doc.analysis.steps[i];
    if (step.line > line) continue;
    if (step.to === name && isSynToClosed(doc, step)) return step;
  }
  return undefined;
}

function replyActions(doc: DocumentAnalysis, uri: string, step: Step): CodeAction[] {
  const actions: CodeAction[] = [];
  const steps = doc.analysis.steps;
  const index = doc.stepIndex.get(step) ?? steps.indexOf(step);
  for (const { participant, reply } of step.replies) {
    // Already drawn: the owing endpoint's next segment carries the reply's flags.
    let next: Step | undefined;
    for (let i = index + 1; i < steps.length && !next; i++) if (steps[i].kind === 'segment' && steps[i].from === participant) next = steps[i];
    if (next?.segment && sameFlags(next.segment.flags, reply.flags)) continue;
    const peer = step.to === participant ? step.from : step.from === participant ? step.to : doc.analysis.finalTcbs[participant]?.peer;
    if (!peer) continue;
    // The RFC forms every reply's numbers except the ISS of a SYN,ACK from LISTEN: a fresh symbol, as the engine would choose.
    const seq = reply.seq ?? (reply.flags.includes('SYN') ? freshSymbol({ ...doc.analysis, steps: steps.slice(0, index + 1) }, participant) : undefined);
    const segment = segmentText({ flags: reply.flags, seq, ack: reply.flags.includes('ACK') ? reply.ack : undefined, why: reply.reason });
    const lineText = doc.lines[step.line] ?? '';
    const indent = /^[ \t]*/.exec(lineText)![0];
    const end = { line: step.line, character: lineText.length };
    actions.push({
      title: say(editorMessages.addOwedReply, { name: participant, segment }),
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [uri]: [{ range: { start: end, end }, newText: `\n${indent}${participant} -> ${peer} : ${segment}` }] } },
    });
  }
  return actions;
}

function sameFlags(a: readonly string[], b: readonly string[]): boolean {
  const x = a.filter((f) => f !== 'PSH');
  return x.length === b.length && b.every((f) => x.includes(f));
}
