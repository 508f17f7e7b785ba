/**
 * Turns the Langium parse tree into the engine's plain model (engine/model.ts),
 * reading flags, calls, states and fields, which the grammar leaves as identifiers, and
 * reporting what it cannot read with the contract's codes.
 */
import type { AstNode } from 'langium';
import type { Diagnostic, DiagnosticCode, Fix, Severity } from '../engine/diagnostics.js';
import {
  CALLS, FLAGS, TIMERS,
  type CallName, type CallStatement, type ExpectCheck, type Flag, type ParticipantStatement,
  type Scenario, type SegmentStatement, type SeqField, type Span, type Statement, type TimerName,
} from '../engine/model.js';
import { seqNumber, seqSymbol, type Seq } from '../engine/seq.js';
import { readStateName, type TcpState } from '../engine/states.js';
import * as ast from './generated/ast.js';
import { joinSpans, propertyNodes, spanOf, spanOfCst, spanOfProperty } from './spans.js';

const SEGMENT_FIELDS = new Set(['seq', 'ack', 'len', 'data', 'win', 'mss', 'wscale']);
const MAX_U32 = 2 ** 32 - 1;

/**
 * Reads every statement of `root`, except those on `unreadableLines` (lines with a
 * syntax error): a half-recovered statement would only add confusing diagnostics.
 */
export function astToModel(root: ast.Scenario, text: string, unreadableLines: ReadonlySet<number> = new Set()): { scenario: Scenario; diagnostics: Diagnostic[] } {
  const reader = new ModelReader(text);
  const statements: Statement[] = [];
  for (const node of root.statements) {
    const cst = node.$cstNode;
    if (!cst) continue;
    if (unreadableLines.size > 0) {
      const span = spanOfCst(cst);
      let unreadable = false;
      for (let line = span.startLine; line <= span.endLine && !unreadable; line++) unreadable = unreadableLines.has(line);
      if (unreadable) continue;
    }
    const statement = reader.statement(node);
    if (statement) statements.push(statement);
  }
  return { scenario: { statements }, diagnostics: reader.diagnostics };
}

class ModelReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly text: string) {}

  statement(node: ast.Statement): Statement | undefined {
    // Error recovery can leave nodes without their required parts: skip those lines.
    if (!node.$cstNode) return undefined;
    switch (node.$type) {
      case 'Title': return node.text === undefined ? undefined : { kind: 'title', text: node.text, span: spanOf(node) };
      case 'ParticipantDecl': return this.participant(node);
      case 'CallLine': return this.call(node);
      case 'SegmentLine': return this.segment(node);
      case 'Delivery': return node.tag ? { kind: 'deliver', tag: node.tag, tagSpan: spanOfProperty(node, 'tag'), span: spanOf(node) } : undefined;
      case 'Note': return this.note(node);
      case 'Expect': return this.expect(node);
    }
    return undefined;
  }

  private report(span: Span, severity: Severity, code: DiagnosticCode, message: string, fixes?: Fix[]): void {
    this.diagnostics.push({ span, severity, code, message, ...(fixes ? { fixes } : {}) });
  }

  private participant(node: ast.ParticipantDecl): ParticipantStatement | undefined {
    if (!node.name) return undefined;
    let start: TcpState | undefined;
    let startSpan: Span | undefined;
    if (node.start) {
      startSpan = spanOfProperty(node, 'start');
      start = this.state(node.start, startSpan);
    }
    let snd: SeqField | undefined;
    let rcv: SeqField | undefined;
    for (const field of node.fields) {
      const key = field.key?.toLowerCase();
      if (key === 'snd') snd = this.seqField(field);
      else if (key === 'rcv') rcv = this.seqField(field);
      else if (key) this.unknownOption(field, 'a participant takes snd= and rcv=');
    }
    return { kind: 'participant', name: node.name, nameSpan: spanOfProperty(node, 'name'), label: node.label, start, startSpan, snd, rcv, span: spanOf(node) };
  }

  private call(node: ast.CallLine): CallStatement | undefined {
    if (!node.participant) return undefined;
    if (!node.call) {
      const parts = propertyNodes(node).all('unreadable');
      const span = parts.length > 0 ? joinSpans(spanOfProperty(node, 'participant'), spanOfCst(parts[parts.length - 1])) : spanOfProperty(node, 'participant');
      this.report(span, 'error', 'syntax', `Cannot read this line: \`${node.participant}\`${parts.length > 0 ? ' followed by this' : ' alone'} is not a statement. Write \`${node.participant}: CALL\` (e.g. listen, connect, close) or \`${node.participant} -> PEER : FLAGS\`.`);
      return undefined;
    }
    const callSpan = spanOfProperty(node, 'call');
    const call = node.call.toLowerCase() as CallName;
    if (!CALLS.includes(call)) {
      this.report(callSpan, 'error', 'unknown-call', `Unknown call \`${node.call}\`: the calls are ${CALLS.join(', ')}.`);
      return undefined;
    }
    let timer: TimerName | undefined;
    let length: number | undefined;
    let backlog: number | undefined;
    for (const arg of node.args) {
      if (ast.isCallWord(arg)) {
        const word = arg.word?.toUpperCase();
        if (call === 'timeout' && TIMERS.includes(word as TimerName) && timer === undefined) timer = word as TimerName;
        else this.report(spanOf(arg), 'warning', 'unknown-option', `\`${arg.word}\` means nothing to ${call}${call === 'timeout' ? ': the timers are 2MSL, RTO and USER' : ''}; it is ignored.`);
        continue;
      }
      const key = arg.key?.toLowerCase();
      if (call === 'send' && key === 'len') length = this.intField(arg);
      else if (call === 'listen' && key === 'backlog') backlog = this.intField(arg);
      else if (key) this.unknownOption(arg, call === 'send' ? 'send takes len=N' : call === 'listen' ? 'listen takes backlog=N' : `${call} takes no options`);
    }
    if (call === 'timeout' && timer === undefined) {
      this.report(spanOf(node), 'error', 'bad-field', 'timeout needs a timer: `timeout 2MSL` (TIME-WAIT), `timeout RTO` (retransmission) or `timeout USER` (user timeout).');
      return undefined;
    }
    return {
      kind: 'call', participant: node.participant, participantSpan: spanOfProperty(node, 'participant'),
      call, callSpan, timer, length, backlog, span: spanOf(node),
    };
  }

  private segment(node: ast.SegmentLine): SegmentStatement | undefined {
    if (!node.from || !node.to || !node.arrow || node.flags.length === 0) return undefined;
    const flags = new Set<Flag>();
    node.flags.forEach((written, index) => {
      const span = spanOfProperty(node, 'flags', index);
      const upper = written.toUpperCase();
      if ((FLAGS as readonly string[]).includes(upper)) {
        flags.add(upper as Flag);
        return;
      }
      const split = splitFlags(upper);
      if (split) {
        split.forEach((f) => flags.add(f));
        this.report(span, 'warning', 'unknown-flag', `\`${written}\` reads as ${split.join(' ')}: separate flags with spaces, commas or +.`, [
          { title: `Write ${split.join(' ')}`, edits: [{ span, newText: split.join(' ') }], preferred: true },
        ]);
        return;
      }
      this.report(span, 'error', 'unknown-flag', `Unknown flag \`${written}\`: the flags are ${FLAGS.join(' ')}; a field is written name=value.`);
    });
    if (flags.size === 0) return undefined;

    let seq: SeqField | undefined;
    let ack: SeqField | undefined;
    let length: number | undefined;
    let data: string | undefined;
    let window: number | undefined;
    let mss: number | undefined;
    let wscale: number | undefined;
    const seen = new Set<string>();
    for (const field of node.fields) {
      const key = field.key?.toLowerCase();
      if (!key) continue;
      if (seen.has(key) && SEGMENT_FIELDS.has(key)) {
        this.report(spanOf(field), 'error', 'bad-field', `${key}= is given twice.`);
        continue;
      }
      seen.add(key);
      switch (key) {
        case 'seq': seq = this.seqField(field); break;
        case 'ack': ack = this.seqField(field); break;
        case 'len': length = this.intField(field); break;
        case 'data':
          if (field.text === undefined) this.report(spanOf(field), 'error', 'bad-field', 'data= takes a quoted string: data="GET / HTTP/1.1".');
          else data = field.text;
          break;
        case 'win': window = this.intField(field, 0xffff << 14); break;
        case 'mss': mss = this.intField(field, 0xffff); break;
        case 'wscale': wscale = this.intField(field, 14); break;
        default: this.unknownOption(field, `segment fields are ${[...SEGMENT_FIELDS].join(', ')}`);
      }
    }
    const dataLength = data === undefined ? undefined : Buffer.byteLength(data, 'utf8');
    if (length !== undefined && dataLength !== undefined && length !== dataLength) {
      this.report(spanOf(node), 'error', 'bad-field', `len=${length} but data= holds ${dataLength} bytes (UTF-8): give one, or make them agree.`);
    }
    const ordered = FLAGS.filter((f) => flags.has(f));
    const flagNodes = propertyNodes(node).all('flags');
    const flagsSpan = joinSpans(spanOfCst(flagNodes[0]), spanOfCst(flagNodes[flagNodes.length - 1]));
    const lastPart = node.fields.length > 0 ? spanOf(node.fields[node.fields.length - 1]) : flagsSpan;
    return {
      kind: 'segment',
      from: node.from, fromSpan: spanOfProperty(node, 'from'),
      to: node.to, toSpan: spanOfProperty(node, 'to'),
      arrow: node.arrow, arrowSpan: spanOfProperty(node, 'arrow'),
      flags: ordered, flagsSpan,
      seq, ack,
      length: dataLength ?? length ?? 0,
      data, window, mss, wscale,
      tag: node.tag, tagSpan: node.tag ? spanOfProperty(node, 'tag') : undefined,
      fieldsEnd: { startLine: lastPart.endLine, startColumn: lastPart.endColumn, endLine: lastPart.endLine, endColumn: lastPart.endColumn },
      span: spanOf(node),
    };
  }

  private note(node: ast.Note): Statement | undefined {
    if (!node.placement || node.participants.length === 0) return undefined;
    const tokens = propertyNodes(node).all('text');
    const text = tokens.length === 0 ? '' : this.text.slice(tokens[0].offset, tokens[tokens.length - 1].end);
    return {
      kind: 'note',
      placement: node.placement.toLowerCase() as 'over' | 'left' | 'right',
      participants: node.participants,
      participantSpans: node.participants.map((_, i) => spanOfProperty(node, 'participants', i)),
      text,
      span: spanOf(node),
    };
  }

  private expect(node: ast.Expect): Statement | undefined {
    if (node.checks.length === 0) {
      // Optional in the grammar so that a bare `expect` does not swallow the next line.
      this.report(spanOf(node), 'error', 'syntax', 'Cannot read this line: `expect` needs NAME STATE, e.g. `expect client ESTABLISHED, server ESTABLISHED`.');
      return undefined;
    }
    const checks: ExpectCheck[] = [];
    for (const check of node.checks) {
      if (!check.participant || !check.state) continue;
      const stateSpan = spanOfProperty(check, 'state');
      const state = this.state(check.state, stateSpan);
      if (state) checks.push({ participant: check.participant, participantSpan: spanOfProperty(check, 'participant'), state, stateSpan });
    }
    return checks.length > 0 ? { kind: 'expect', checks, span: spanOf(node) } : undefined;
  }

  private state(written: string, span: Span): TcpState | undefined {
    const read = readStateName(written);
    if (read.kind === 'exact') return read.state;
    if (read.kind === 'misspelt') {
      this.report(span, 'warning', 'state-spelling', `\`${written}\` is not a TCP state name; it is read as ${read.state}, RFC 9293's name.`, [
        { title: `Change to ${read.state}`, edits: [{ span, newText: read.state }], preferred: true },
      ]);
      return read.state;
    }
    this.report(span, 'error', 'unknown-state', `Unknown state \`${written}\`: the states are CLOSED, LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT.`);
    return undefined;
  }

  private seqField(field: ast.Field): SeqField | undefined {
    const expr = field.expr;
    if (!expr || (expr.symbol === undefined && expr.number === undefined)) {
      this.report(spanOf(field), 'error', 'bad-field', `${field.key}= takes a sequence number: a number (100), a symbol (J) or a symbol plus or minus numbers (J+1).`);
      return undefined;
    }
    let offset = 0;
    for (const term of expr.terms) offset += (term.op === '-' ? -1 : 1) * (term.value ?? 0);
    let value: Seq;
    if (expr.symbol !== undefined) {
      value = seqSymbol(expr.symbol, offset);
    } else {
      const n = (expr.number ?? 0) + offset;
      if (!Number.isSafeInteger(n) || n < 0 || n > MAX_U32) {
        this.report(spanOf(field), 'warning', 'bad-field', `${n} is outside 0…2^32-1: sequence numbers are 32-bit, so it is read modulo 2^32 (RFC 9293 §3.4).`);
      }
      value = seqNumber(Number.isSafeInteger(n) ? n : 0);
    }
    return { value, span: spanOf(field) };
  }

  private intField(field: ast.Field, max = MAX_U32): number | undefined {
    const expr = field.expr;
    if (!expr || expr.number === undefined || expr.terms.length > 0) {
      this.report(spanOf(field), 'error', 'bad-field', `${field.key}= takes a whole number.`);
      return undefined;
    }
    if (expr.number > max) {
      this.report(spanOf(field), 'error', 'bad-field', `${field.key}=${expr.number} is larger than ${max}.`);
      return undefined;
    }
    return expr.number;
  }

  private unknownOption(field: ast.Field, known: string): void {
    this.report(spanOfProperty(field as AstNode, 'key'), 'warning', 'unknown-option', `Unknown option \`${field.key}=\` (${known}); it is ignored.`);
  }
}

/** Reads `SYNACK`, `FINACK`, `RSTACK`… as the flags run together. */
function splitFlags(word: string): Flag[] | undefined {
  const out: Flag[] = [];
  let rest = word;
  while (rest.length > 0) {
    const flag = FLAGS.find((f) => rest.startsWith(f));
    if (!flag) return undefined;
    out.push(flag);
    rest = rest.slice(flag.length);
  }
  return out.length > 1 ? out : undefined;
}
