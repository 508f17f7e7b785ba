/**
 * Completion, driven by what the reader says the line is (language/reader/line-context.ts)
 * and the engine's state at the cursor line:
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
import { connectionName, connectionOf } from '../engine/listener.js';
import { formatState, STATE_DESCRIPTIONS, TCP_STATES } from '../engine/states.js';
import type { DocumentAnalyses } from './analyses.js';
import { CALL_DESCRIPTIONS, FLAG_DESCRIPTIONS } from './describe.js';
import { lineContext } from '../language/reader/line-context.js';
import { STATEMENT_KEYWORDS } from '../language/reader/line-shape.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { say } from '../i18n/catalogue.js';
import { editorMessages as e } from '../i18n/messages/editor.js';
import { analysisBefore, callAllowed, proposeSegment, segmentText } from './point-in-time.js';

const FIELDS = ['seq=', 'ack=', 'len=', 'data=""', 'win=', 'mss=', 'wscale=', 'ts='];
/** Options written as a bare word (line-shape.ts OPTION_WORDS), as they are usually spelt. */
const BARE_OPTIONS = ['sackOK', 'sack'];

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
  // The word being typed, a Chinese name as much as an English one (names are Unicode identifiers).
  const partial = /[\p{ID_Continue}-]*$/u.exec(before)![0];
  const range: Range = { start: { line: lineNumber, character: before.length - partial.length }, end: { line: lineNumber, character: before.length } };
  const items: CompletionItem[] = [];
  const add = (label: string, kind: CompletionItemKind, detail?: string, extra: Partial<CompletionItem> = {}) => {
    items.push({ label, kind, detail, sortText: String(items.length).padStart(4, '0'), textEdit: { range, newText: extra.insertText ?? label }, ...extra, insertText: undefined });
  };
  const at = () => analysisBefore(doc, lineNumber);
  const names = () => doc.analysis.participants.map((p) => p.name);

  // The reader says what the line is; a shape with nothing to offer (a comment, a string) gets nothing.
  const context = lineContext(before);
  switch (context.kind) {
    case 'segment':
      segmentCompletions(at(), senderOf(at(), context.from, context.to), context.rest, add);
      break;
    case 'peer': {
      const peer = at().finalTcbs[context.from]?.peer;
      for (const n of [peer, ...names()].filter((n, i, all): n is string => !!n && n !== context.from && all.indexOf(n) === i)) {
        add(n, CompletionItemKind.Variable, say(n === peer ? e.itsPeer : e.participant), { insertText: `${n} : ` });
      }
      break;
    }
    case 'timer': {
      const tcb = at().finalTcbs[context.participant];
      const ordered = [...TIMERS].sort((a, b) => Number(callAllowed(tcb, 'timeout', b)) - Number(callAllowed(tcb, 'timeout', a)));
      for (const t of ordered) add(t, CompletionItemKind.EnumMember, say(callAllowed(tcb, 'timeout', t) ? e.validIn : e.notIn, { state: tcb?.state ?? 'CLOSED' }));
      break;
    }
    case 'call': {
      const tcb = at().finalTcbs[context.participant];
      const state = tcb?.state ?? 'CLOSED';
      const valid = CALLS.filter((c) => callAllowed(tcb, c));
      const rest = CALLS.filter((c) => !valid.includes(c));
      for (const c of valid) add(c, CompletionItemKind.Function, say(e.validIn, { state }), { documentation: CALL_DESCRIPTIONS[c], preselect: c === valid[0] });
      for (const c of rest) add(c, CompletionItemKind.Function, say(e.callRefused, { name: context.participant, state }), { documentation: CALL_DESCRIPTIONS[c as CallName] });
      break;
    }
    case 'expect-state': {
      const name = context.participant;
      const state = at().finalTcbs[name]?.state ?? doc.analysis.participants.find((p) => p.name === name)?.initialState ?? 'CLOSED';
      add(state, CompletionItemKind.EnumMember, say(e.stateHere, { name }), { documentation: STATE_DESCRIPTIONS[state], preselect: true });
      for (const s of TCP_STATES) if (s !== state) add(s, CompletionItemKind.EnumMember, formatState(s, 'linux'), { documentation: STATE_DESCRIPTIONS[s] });
      break;
    }
    case 'expect-name': {
      const expected = at().finalTcbs;
      for (const n of [...names(), ...connectionNames(expected)]) add(n, CompletionItemKind.Variable, expected[n] ? say(e.isInState, { state: expected[n].state }) : say(e.participant), { insertText: `${n} ${expected[n]?.state ?? 'CLOSED'}` });
      break;
    }
    case 'deliver-tag':
      for (const t of inFlight(doc, lineNumber)) add(t.tag, CompletionItemKind.Event, say(e.sentOnLine, { line: t.sentOnLine + 1 }));
      break;
    case 'note-name':
      for (const n of names()) add(n, CompletionItemKind.Variable, say(e.participant));
      break;
    case 'note-placement':
      for (const p of ['over', 'left of', 'right of']) add(p, CompletionItemKind.Keyword);
      break;
    case 'start-state':
      for (const s of TCP_STATES) add(s, CompletionItemKind.EnumMember, undefined, { documentation: STATE_DESCRIPTIONS[s] });
      break;
    case 'line-start':
      lineStartCompletions(doc, lineNumber, add);
      break;
    case 'none':
      break;
  }
  return items;
}

type Add = (label: string, kind: CompletionItemKind, detail?: string, extra?: Partial<CompletionItem>) => void;

function segmentCompletions(analysis: Analysis, from: string, rest: string, add: Add): void {
  const proposed = proposeSegment(analysis, from);
  const field = /\b(seq|ack)=([\w+-]*)$/i.exec(rest);
  if (field) {
    const value = field[1].toLowerCase() === 'seq' ? proposed?.seq : proposed?.ack;
    if (value) add(formatSeq(value), CompletionItemKind.Value, say(e.ownVariable, { name: from, variable: field[1].toLowerCase() === 'seq' ? 'SND.NXT' : 'RCV.NXT' }), { documentation: proposed?.why, preselect: true });
    return;
  }
  const words = rest.trim().split(/[\s,+]+/).filter(Boolean);
  const typing = /[\p{ID_Continue}-]$/u.test(rest);
  const done = typing ? words.slice(0, -1) : words;
  if (done.length === 0 && proposed) {
    add(segmentText(proposed), CompletionItemKind.Snippet, say(e.sendsNow, { name: from }), { documentation: proposed.why, preselect: true, filterText: proposed.flags[0] });
  }
  const hasFlag = done.some((w) => (FLAGS as readonly string[]).includes(w.toUpperCase()));
  const hasField = done.some((w) => w.includes('='));
  if (!hasField) {
    for (const f of FLAGS) {
      if (done.some((w) => w.toUpperCase() === f)) continue;
      add(f, CompletionItemKind.EnumMember, say(e.flag), { documentation: FLAG_DESCRIPTIONS[f] });
    }
  }
  if (hasFlag) {
    for (const f of FIELDS) {
      if (done.some((w) => w.toLowerCase().startsWith(f.slice(0, f.indexOf('=') + 1)))) continue;
      const value = f === 'seq=' ? proposed?.seq : f === 'ack=' ? proposed?.ack : undefined;
      add(value ? `${f}${formatSeq(value)}` : f, CompletionItemKind.Field, say(e.field), fieldSnippet(f));
    }
    for (const o of BARE_OPTIONS) {
      if (!done.some((w) => w.toLowerCase() === o.toLowerCase())) add(o, CompletionItemKind.Field, say(e.tcpOption));
    }
    add('as', CompletionItemKind.Keyword, say(e.tagInFlight));
  }
}

/** Who sends `from -> to`: a listener's connection with `to` when it has one (engine/listener.ts), else `from`. */
function senderOf(analysis: Analysis, from: string, to: string): string {
  const connection = connectionName(from, to);
  return analysis.finalTcbs[connection] ? connection : from;
}

/** The listeners' connections that exist here (`server[c1]`), for `expect`. */
function connectionNames(tcbs: Analysis['finalTcbs']): string[] {
  return Object.keys(tcbs).filter((name) => connectionOf(name) !== undefined);
}

/** Fields whose value has a shape: the cursor goes inside `data="…"`; `ts=` takes TSval and TSecr. */
function fieldSnippet(field: string): { insertText?: string; insertTextFormat?: InsertTextFormat } {
  if (field === 'data=""') return { insertText: 'data="$1"', insertTextFormat: InsertTextFormat.Snippet };
  if (field === 'ts=') return { insertText: 'ts=${1:TSVAL},${2:TSECR}', insertTextFormat: InsertTextFormat.Snippet };
  return {};
}

function lineStartCompletions(doc: DocumentAnalysis, lineNumber: number, add: Add): void {
  const analysis = analysisBefore(doc, lineNumber);
  for (const p of doc.analysis.participants) {
    const state = analysis.finalTcbs[p.name]?.state;
    add(p.name, CompletionItemKind.Variable, state ? `${p.label ? `${p.label} — ` : ''}${state}` : p.label ?? say(e.participant));
  }
  for (const t of inFlight(doc, lineNumber)) {
    add(`deliver ${t.tag}`, CompletionItemKind.Event, say(e.deliverArrives, { line: t.sentOnLine + 1 }));
  }
  for (const k of STATEMENT_KEYWORDS.flatMap((w) => (w === 'note' ? ['note over', 'note left of', 'note right of'] : [w]))) {
    add(k, CompletionItemKind.Keyword, undefined, { insertText: k === 'scenario' ? 'scenario "$1"' : `${k} `, insertTextFormat: k === 'scenario' ? InsertTextFormat.Snippet : InsertTextFormat.PlainText });
  }
}

/** Tags sent before `line` and not delivered before it. */
function inFlight(doc: DocumentAnalysis, line: number) {
  return doc.analysis.tags.filter((t) => t.sentOnLine < line && (t.deliveredOnLine === undefined || t.deliveredOnLine >= line));
}
