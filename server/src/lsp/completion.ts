/**
 * Completion, driven by the engine's state at the cursor line:
 * - at a line start: participants, keywords, `deliver TAG` for segments in flight;
 * - after `NAME:`: the calls NAME's state accepts first;
 * - after `A -> B :`: the segment A would send now, fully filled, then single flags;
 * - after `seq=` / `ack=`: the value the sender's TCB expects;
 * - after `expect NAME `: NAME's computed state first.
 */
import type { LangiumDocument } from 'langium';
import type { CompletionProvider, CompletionProviderOptions } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams, type Range } from 'vscode-languageserver';
import type { Analysis } from '../engine/analysis.js';
import { CALLS, FLAGS, TIMERS, type CallName } from '../engine/model.js';
import { formatSeq } from '../engine/seq.js';
import { formatState, STATE_DESCRIPTIONS, TCP_STATES } from '../engine/states.js';
import type { DocumentAnalyses } from './analyses.js';
import { CALL_DESCRIPTIONS, FLAG_DESCRIPTIONS } from './describe.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { analysisBefore, callAllowed, proposeSegment, segmentText } from './point-in-time.js';

const SEGMENT_HEAD = /^\s*([A-Za-z_]\w*)\s*(-->|->|-x|~>)\s*([A-Za-z_]\w*)\s*:(.*)$/;
const FIELDS = ['seq=', 'ack=', 'len=', 'data=""', 'win=', 'mss=', 'wscale='];

export class TcpflowCompletionProvider implements CompletionProvider {
  readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [':', '=', ' '] };

  constructor(private readonly analyses: DocumentAnalyses) {}

  getCompletion(document: LangiumDocument, params: CompletionParams): CompletionList {
    const doc = this.analyses.get(document);
    const line = doc.lines[params.position.line] ?? '';
    const items = completions(doc, params.position.line, line.slice(0, params.position.character));
    return { isIncomplete: false, items };
  }
}

/** Completion items for a cursor on `lineNumber` after the text `before`. */
export function completions(doc: DocumentAnalysis, lineNumber: number, before: string): CompletionItem[] {
  const partial = /[\w-]*$/.exec(before)![0];
  const range: Range = { start: { line: lineNumber, character: before.length - partial.length }, end: { line: lineNumber, character: before.length } };
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, detail?: string, extra: Partial<CompletionItem> = {}) => {
    items.push({ label, kind, detail, sortText: String(items.length).padStart(4, '0'), textEdit: { range, newText: extra.insertText ?? label }, ...extra, insertText: undefined });
  };
  const at = () => analysisBefore(doc, lineNumber);
  const names = () => doc.analysis.participants.map((p) => p.name);

  // A line comment or a string: nothing to propose.
  if (/\/\/|"[^"]*$/.test(before)) return [];

  let m: RegExpExecArray | null;
  if ((m = SEGMENT_HEAD.exec(before))) {
    segmentCompletions(at(), m[1], m[4], add);
    return items;
  }
  if ((m = /^\s*([A-Za-z_]\w*)\s*(-->|->|-x|~>)\s*(\w*)$/.exec(before))) {
    const peer = at().finalTcbs[m[1]]?.peer;
    for (const n of [peer, ...names()].filter((n, i, all): n is string => !!n && n !== m![1] && all.indexOf(n) === i)) {
      add(n, CompletionItemKind.Variable, n === peer ? 'its peer' : 'participant', { insertText: `${n} : ` });
    }
    return items;
  }
  if ((m = /^\s*([A-Za-z_]\w*)\s*:\s*timeout\s+(\w*)$/i.exec(before))) {
    const tcb = at().finalTcbs[m[1]];
    const ordered = [...TIMERS].sort((a, b) => Number(callAllowed(tcb, 'timeout', b)) - Number(callAllowed(tcb, 'timeout', a)));
    for (const t of ordered) add(t, CompletionItemKind.EnumMember, callAllowed(tcb, 'timeout', t) ? `valid in ${tcb?.state ?? 'CLOSED'}` : `not in ${tcb?.state ?? 'CLOSED'}`);
    return items;
  }
  if ((m = /^\s*([A-Za-z_]\w*)\s*:\s*(\w*)$/.exec(before)) && !/^\s*(note|expect|scenario|participant|deliver)\b/i.test(before)) {
    const tcb = at().finalTcbs[m[1]];
    const state = tcb?.state ?? 'CLOSED';
    const valid = CALLS.filter((c) => callAllowed(tcb, c));
    const rest = CALLS.filter((c) => !valid.includes(c));
    for (const c of valid) add(c, CompletionItemKind.Function, `valid in ${state}`, { documentation: CALL_DESCRIPTIONS[c], preselect: c === valid[0] });
    for (const c of rest) add(c, CompletionItemKind.Function, `${m[1]} is ${state}: refused`, { documentation: CALL_DESCRIPTIONS[c as CallName] });
    return items;
  }
  if ((m = /^\s*expect\s+(.*)$/i.exec(before))) {
    const current = m[1].split(',').pop()!;
    const check = /^\s*([A-Za-z_]\w*)\s+([\w-]*)$/.exec(current);
    if (check) {
      const state = at().finalTcbs[check[1]]?.state ?? doc.analysis.participants.find((p) => p.name === check[1])?.initialState ?? 'CLOSED';
      add(state, CompletionItemKind.EnumMember, `${check[1]}'s state here`, { documentation: STATE_DESCRIPTIONS[state], preselect: true });
      for (const s of TCP_STATES) if (s !== state) add(s, CompletionItemKind.EnumMember, formatState(s, 'linux'), { documentation: STATE_DESCRIPTIONS[s] });
    } else if (/^\s*\w*$/.test(current)) {
      const expected = at().finalTcbs;
      for (const n of names()) add(n, CompletionItemKind.Variable, expected[n] ? `is ${expected[n].state}` : 'participant', { insertText: `${n} ${expected[n]?.state ?? 'CLOSED'}` });
    }
    return items;
  }
  if ((m = /^\s*deliver\s+(\w*)$/i.exec(before))) {
    for (const t of inFlight(doc, lineNumber)) add(t.tag, CompletionItemKind.Event, `sent on line ${t.sentOnLine + 1}`);
    return items;
  }
  if (/^\s*note\s+(over\s+(\w+\s*,\s*)?|(left|right)\s+of\s+)\w*$/i.test(before)) {
    for (const n of names()) add(n, CompletionItemKind.Variable, 'participant');
    return items;
  }
  if (/^\s*note\s+\w*$/i.test(before)) {
    for (const p of ['over', 'left of', 'right of']) add(p, CompletionItemKind.Keyword);
    return items;
  }
  if (/^\s*participant\s+\w+.*\bstarts\s+[\w-]*$/i.test(before)) {
    for (const s of TCP_STATES) add(s, CompletionItemKind.EnumMember, undefined, { documentation: STATE_DESCRIPTIONS[s] });
    return items;
  }
  if (/^\s*[\w]*$/.test(before)) {
    lineStartCompletions(doc, lineNumber, add);
  }
  return items;
}

type Add = (label: string, kind: CompletionItemKind, detail?: string, extra?: Partial<CompletionItem>) => void;

function segmentCompletions(analysis: Analysis, from: string, rest: string, add: Add): void {
  const proposed = proposeSegment(analysis, from);
  const field = /\b(seq|ack)=([\w+-]*)$/i.exec(rest);
  if (field) {
    const value = field[1].toLowerCase() === 'seq' ? proposed?.seq : proposed?.ack;
    if (value) add(formatSeq(value), CompletionItemKind.Value, `${from}'s ${field[1].toLowerCase() === 'seq' ? 'SND.NXT' : 'RCV.NXT'}`, { documentation: proposed?.why, preselect: true });
    return;
  }
  const words = rest.trim().split(/[\s,+]+/).filter(Boolean);
  const typing = /[\w-]$/.test(rest);
  const done = typing ? words.slice(0, -1) : words;
  if (done.length === 0 && proposed) {
    add(segmentText(proposed), CompletionItemKind.Snippet, 'what ' + from + ' sends now', { documentation: proposed.why, preselect: true, filterText: proposed.flags[0] });
  }
  const hasFlag = done.some((w) => (FLAGS as readonly string[]).includes(w.toUpperCase()));
  const hasField = done.some((w) => w.includes('='));
  if (!hasField) {
    for (const f of FLAGS) {
      if (done.some((w) => w.toUpperCase() === f)) continue;
      add(f, CompletionItemKind.EnumMember, 'flag', { documentation: FLAG_DESCRIPTIONS[f] });
    }
  }
  if (hasFlag) {
    for (const f of FIELDS) {
      if (done.some((w) => w.toLowerCase().startsWith(f.slice(0, f.indexOf('=') + 1)))) continue;
      const value = f === 'seq=' ? proposed?.seq : f === 'ack=' ? proposed?.ack : undefined;
      add(value ? `${f}${formatSeq(value)}` : f, CompletionItemKind.Field, 'field', f === 'data=""' ? { insertText: 'data="$1"', insertTextFormat: InsertTextFormat.Snippet } : {});
    }
    add('as', CompletionItemKind.Keyword, 'tag an in-flight (~>) segment');
  }
}

function lineStartCompletions(doc: DocumentAnalysis, lineNumber: number, add: Add): void {
  const analysis = analysisBefore(doc, lineNumber);
  for (const p of doc.analysis.participants) {
    const state = analysis.finalTcbs[p.name]?.state;
    add(p.name, CompletionItemKind.Variable, state ? `${p.label ? `${p.label} — ` : ''}${state}` : p.label ?? 'participant');
  }
  for (const t of inFlight(doc, lineNumber)) {
    add(`deliver ${t.tag}`, CompletionItemKind.Event, `the segment sent on line ${t.sentOnLine + 1} arrives`);
  }
  for (const k of ['participant', 'expect', 'note over', 'note left of', 'note right of', 'deliver', 'scenario']) {
    add(k, CompletionItemKind.Keyword, undefined, { insertText: k === 'scenario' ? 'scenario "$1"' : `${k} `, insertTextFormat: k === 'scenario' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText });
  }
}

/** Tags sent before `line` and not delivered before it. */
function inFlight(doc: DocumentAnalysis, line: number) {
  return doc.analysis.tags.filter((t) => t.sentOnLine < line && (t.deliveredOnLine === undefined || t.deliveredOnLine >= line));
}
