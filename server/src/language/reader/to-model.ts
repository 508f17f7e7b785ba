/**
 * A line shape (line-shape.ts) as the engine's statement (engine/model.ts): flags, calls,
 * states and fields, which the shapes leave as words, are read here, and what cannot be
 * read is reported with the contract's codes (`unknown-flag`, `state-spelling`, …).
 */
import { say } from '../../i18n/catalogue.js';
import { readerMessages as m } from '../../i18n/messages/reader.js';
import { rfcMessages as rfc } from '../../i18n/messages/rfc.js';
import { spanEnd, type Diagnostic, type DiagnosticCode, type Fix, type Severity } from '../../engine/diagnostics.js';
import {
  CALLS, FLAGS, TIMERS,
  type Arrow, type CallName, type CallStatement, type ExpectCheck, type Flag, type ParticipantStatement,
  type ProfileStatement, type SegmentOptions, type SegmentStatement, type SeqField, type Span, type Statement, type TimerName,
} from '../../engine/model.js';
import { spanAt, type LineAnchor } from '../../engine/anchor.js';
import { seqNumber, seqSymbol, type Seq } from '../../engine/seq.js';
import { nearestState, readStateName, type TcpState } from '../../engine/states.js';
import { isProfileName, PROFILE_NAMES, PROFILE_OPTIONS } from '../../engine/profile.js';
import { brief, type ArticleParts, type FieldShape, type LineShape, type StateShape, type WordShape } from './line-shape.js';
import { ICMP_CODES, type IcmpCode } from '../../engine/icmp.js';
import { learnerMessages } from '../../i18n/messages/learner.js';
import type { Token } from './scanner.js';
import { SHUTDOWN_HOWS, type ShutdownHow, type SocketCallOptions } from '../../engine/socket-calls.js';
import { utf8ByteLength } from '../utf8-length.js';
import { flagBit, flagsOfBits } from './flag-bits.js';
import { socketMessages } from '../../i18n/messages/sockets.js';

/** The socket options of a call as they are read, before they go on the statement. */
type SocketOptionsRead = { -readonly [K in keyof SocketCallOptions]: SocketCallOptions[K] };

/** What the socket calls take, for an `unknown-option` message; undefined for the other calls. */
function socketOptionsText(call: CallName): string | undefined {
  if (call === 'bind') return say(socketMessages.bindOptions);
  if (call === 'write') return say(socketMessages.writeOptions);
  if (call === 'shutdown') return say(socketMessages.shutdownOptions);
  return undefined;
}

const SEGMENT_FIELDS = ['seq', 'ack', 'len', 'data', 'win', 'mss', 'wscale', 'ts'];
const MAX_U32 = 2 ** 32 - 1;

/**
 * The anchor the spans of the text being read count from (engine/anchor.ts), set by
 * `readingFrom` for one synchronous read: a module variable rather than a parameter of
 * every helper that makes a span.
 */
let readingAnchor: LineAnchor | undefined;

/** Runs `read` with every span it makes counted from `anchor` (none: plain spans, as in a whole file). */
export function readingFrom<T>(anchor: LineAnchor | undefined, read: () => T): T {
  const outer = readingAnchor;
  readingAnchor = anchor;
  try {
    return read();
  } finally {
    readingAnchor = outer;
  }
}

/** A span of the text being read, its lines counted from the text's first line. */
export function textSpan(startLine: number, startColumn: number, endLine: number, endColumn: number): Span {
  return spanAt(readingAnchor, startLine, startColumn, endLine, endColumn);
}

/** The span of tokens `a` … `b` (the same token when `b` is omitted). */
export function tokenSpan(a: Token, b: Token = a): Span {
  return textSpan(a.line, a.start, b.line, b.end);
}

/** A quoted string's value: its quotes off, backslash escapes read. */
function stringValue(written: string): string {
  const inner = written.slice(1, -1);
  // Most strings have no escape: one slice, not a string built a character at a time (a 4 MB title).
  if (!inner.includes('\\')) return inner;
  const parts: string[] = [];
  let from = 0;
  for (let i = inner.indexOf('\\'); i >= 0 && i < inner.length; i = inner.indexOf('\\', from)) {
    parts.push(inner.slice(from, i));
    const e = inner[i + 1] ?? '';
    parts.push(ESCAPES[e] ?? e);
    from = i + 2;
  }
  parts.push(inner.slice(from));
  return parts.join('');
}

/** What a backslash makes of the character after it (the contract's escapes); any other character stands for itself. */
const ESCAPES: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/**
 * Reads a shape as a statement. `source` is the text the shape's tokens were scanned
 * from (a note's text is read back from it, spacing and all).
 */
export function shapeToStatement(shape: LineShape, source: string, diagnostics: Diagnostic[]): Statement | undefined {
  return new ModelReader(source, diagnostics).statement(shape);
}

class ModelReader {
  constructor(private readonly source: string, private readonly diagnostics: Diagnostic[]) {}

  statement(shape: LineShape): Statement | undefined {
    switch (shape.kind) {
      case 'title': return { kind: 'title', text: stringValue(shape.text.text), span: tokenSpan(shape.head, shape.text) };
      case 'participant': return this.participant(shape);
      case 'call': return this.call(shape);
      case 'segment': return this.segment(shape);
      case 'deliver': return { kind: 'deliver', tag: shape.tag.text, tagSpan: tokenSpan(shape.tag), span: tokenSpan(shape.head, shape.tag) };
      case 'note': {
        const first = shape.text[0];
        const last = shape.text[shape.text.length - 1];
        return {
          kind: 'note',
          placement: shape.placement.text.toLowerCase() as 'over' | 'left' | 'right',
          participants: shape.participants.map((p) => p.text),
          participantSpans: shape.participants.map((p) => tokenSpan(p)),
          text: first ? this.source.slice(first.offset, last.offset + last.text.length) : '',
          span: tokenSpan(shape.head, last ?? shape.colon),
        };
      }
      case 'expect': return this.expect(shape);
      case 'profile': return this.profile(shape);
    }
  }

  private report(span: Span, severity: Severity, code: DiagnosticCode, message: string, fixes?: Fix[]): void {
    this.diagnostics.push({ span, severity, code, message, ...(fixes ? { fixes } : {}) });
  }

  private participant(shape: Extract<LineShape, { kind: 'participant' }>): ParticipantStatement {
    let start: TcpState | undefined;
    let startSpan: Span | undefined;
    if (shape.start) {
      startSpan = tokenSpan(shape.start.tokens[0], shape.start.tokens[shape.start.tokens.length - 1]);
      start = this.state(shape.start.text, startSpan);
    }
    let snd: SeqField | undefined;
    let rcv: SeqField | undefined;
    for (const field of shape.fields) {
      const key = field.key.text.toLowerCase();
      if (key === 'snd') snd = this.seqField(field);
      else if (key === 'rcv') rcv = this.seqField(field);
      else this.unknownOption(field, say(m.participantOptions));
    }
    const last = lastToken(shape);
    return {
      kind: 'participant', name: shape.name.text, nameSpan: tokenSpan(shape.name),
      label: shape.label ? stringValue(shape.label.text) : undefined, start, startSpan, snd, rcv, span: tokenSpan(shape.head, last),
    };
  }

  private call(shape: Extract<LineShape, { kind: 'call' }>): CallStatement | undefined {
    const callSpan = tokenSpan(shape.call);
    const call = shape.call.text.toLowerCase() as CallName;
    if (!CALLS.includes(call)) {
      this.report(callSpan, 'error', 'unknown-call', say(m.unknownCall, { call: brief(shape.call.text), calls: CALLS.join(', ') }));
      return undefined;
    }
    const span = tokenSpan(shape.participant, lastToken(shape));
    let timer: TimerName | undefined;
    let length: number | undefined;
    let backlog: number | undefined;
    const socket: SocketOptionsRead = {};
    for (const arg of shape.args) {
      if (isWordShape(arg)) {
        const word = arg.text.toUpperCase();
        if (call === 'timeout' && TIMERS.includes(word as TimerName) && timer === undefined) timer = word as TimerName;
        else if (!this.socketWord(call, arg, socket)) this.report(tokenSpan(arg.tokens[0], arg.tokens[arg.tokens.length - 1]), 'warning', 'unknown-option', say(m.wordMeansNothing, { word: brief(arg.text), call }));
        continue;
      }
      const key = arg.key.text.toLowerCase();
      if ((call === 'send' || call === 'write') && key === 'len') length = this.intField(arg);
      else if (call === 'listen' && key === 'backlog') backlog = this.intField(arg);
      else if (!this.socketField(call, arg, socket)) this.unknownOption(arg, call === 'send' ? say(m.sendOptions) : call === 'listen' ? say(m.listenOptions) : socketOptionsText(call) ?? say(m.noOptions, { call }));
    }
    if (call === 'timeout' && timer === undefined) {
      this.report(span, 'error', 'bad-field', say(m.timeoutNeedsTimer));
      return undefined;
    }
    if (shape.result) socket.expected = { value: shape.result.value.text, span: tokenSpan(shape.result.value) };
    return { kind: 'call', participant: shape.participant.text, participantSpan: tokenSpan(shape.participant), call, callSpan, timer, length, backlog, span, ...socket };
  }

  /** A word option of a socket call (`shutdown rd`); false when it is none. */
  private socketWord(call: CallName, arg: WordShape, into: SocketOptionsRead): boolean {
    if (call === 'listen' && arg.text.toLowerCase() === 'abort_on_overflow') {
      into.abortOnOverflow = true;
      return true;
    }
    const how = arg.text.toLowerCase() as ShutdownHow;
    if (call !== 'shutdown' || !SHUTDOWN_HOWS.includes(how) || into.how !== undefined) return false;
    into.how = how;
    return true;
  }

  /** A `key=value` option of a socket call (`bind port=80 addr="10.0.0.1"`); false when it is none. */
  private socketField(call: CallName, arg: FieldShape, into: SocketOptionsRead): boolean {
    const key = arg.key.text.toLowerCase();
    if (call !== 'bind') return false;
    if (key === 'port') into.port = this.intField(arg, 65535);
    else if (key === 'addr' && arg.string) into.address = stringValue(arg.string.text);
    else if (key === 'addr') into.address = arg.head?.text;
    else return false;
    return true;
  }

  private segment(shape: Extract<LineShape, { kind: 'segment' }>): SegmentStatement | undefined {
    if (shape.icmp) return this.icmpSegment(shape, shape.icmp);
    let flags = 0;
    for (const token of shape.flags) {
      const upper = token.text.toUpperCase();
      const bit = flagBit(upper);
      if (bit !== 0) {
        flags |= bit;
        continue;
      }
      const span = tokenSpan(token);
      const split = splitFlags(upper);
      if (split) {
        for (const f of split) flags |= flagBit(f);
        const joined = split.join(' ');
        this.report(span, 'warning', 'unknown-flag', say(m.flagsRunTogether, { written: brief(token.text), flags: joined }), [
          { title: say(m.writeFlags, { flags: joined }), edits: [{ span, newText: joined }], preferred: true },
        ]);
        continue;
      }
      this.report(span, 'error', 'unknown-flag', say(m.unknownFlag, { written: brief(token.text), flags: FLAGS.join(' ') }));
    }
    if (shape.article) flags |= articleFlagBits(shape.article);
    // Unknown flags only (each reported): no segment. None written (or every bit 0) is a flagless segment.
    if (flags === 0 && shape.flags.length > 0) return undefined;

    let seq: SeqField | undefined;
    let ack: SeqField | undefined;
    let length: number | undefined;
    let data: string | undefined;
    let window: number | undefined;
    let mss: number | undefined;
    let wscale: number | undefined;
    let timestamp: SegmentOptions['timestamp'];
    let windowSpan: Span | undefined;
    let seen = 0; // a bit per SEGMENT_FIELDS entry
    for (const field of shape.fields) {
      const key = field.key.text.toLowerCase();
      const bit = 1 << SEGMENT_FIELDS.indexOf(key); // 1 << -1 is 1 << 31: no field's bit
      if (SEGMENT_FIELDS.includes(key) && (seen & bit) !== 0) {
        this.report(fieldSpan(field), 'error', 'bad-field', say(m.givenTwice, { key }));
        continue;
      }
      seen |= bit;
      switch (key) {
        case 'seq': seq = this.seqField(field); break;
        case 'ack': ack = this.seqField(field); break;
        case 'len': length = this.intField(field); break;
        case 'data':
          if (field.string === undefined) this.report(fieldSpan(field), 'error', 'bad-field', say(m.dataTakesString));
          else data = stringValue(field.string.text);
          break;
        case 'win': window = this.intField(field, 0xffff << 14); windowSpan = fieldSpan(field); break;
        case 'mss': mss = this.intField(field, 0xffff); break;
        case 'wscale': wscale = this.intField(field, 14); break;
        case 'ts': timestamp = this.timestampField(field); break;
        default: this.unknownOption(field, say(m.segmentFields, { fields: SEGMENT_FIELDS.join(', ') }));
      }
    }
    const span = tokenSpan(shape.from, lastToken(shape));
    const dataLength = data === undefined ? undefined : utf8ByteLength(data);
    if (length !== undefined && dataLength !== undefined && length !== dataLength) {
      this.report(span, 'error', 'bad-field', say(m.lengthDisagrees, { length, bytes: dataLength }));
    }
    const flagTokens = shape.article ? articleFlagTokens(shape) : [];
    const flagsSpan = flagTokens.length > 0 ? tokenSpan(flagTokens[0], flagTokens[flagTokens.length - 1]) : segmentFlagsSpan(shape);
    const options = this.segmentOptions(shape, timestamp);
    const lastPart = shape.article ? tokenSpan(lastPartToken(shape))
      : shape.flags.length > 0 || shape.fields.length > 0 || shape.options ? tokenSpan(lastOfSegmentParts(shape)) : flagsSpan;
    return {
      kind: 'segment',
      from: shape.from.text, fromSpan: tokenSpan(shape.from),
      to: shape.to.text, toSpan: tokenSpan(shape.to),
      arrow: shape.arrow.text as Arrow, arrowSpan: tokenSpan(shape.arrow),
      flags: flagsOfBits(flags), flagsSpan,
      seq, ack,
      length: dataLength ?? length ?? 0,
      data, window, mss, wscale, windowSpan, options,
      noFlagsSpan: shape.noFlags ? tokenSpan(shape.noFlags) : undefined,
      tag: shape.tag?.text, tagSpan: shape.tag ? tokenSpan(shape.tag) : undefined,
      flagBits: shape.article ? true : undefined,
      fieldsEnd: spanEnd(lastPart),
      span,
    };
  }

  /** `profile linux [rfc1337]`: an unknown name is an error (the file would be checked as the wrong TCP), an unknown option a warning. */
  private profile(shape: Extract<LineShape, { kind: 'profile' }>): ProfileStatement | undefined {
    const name = shape.name.text.toLowerCase();
    if (!isProfileName(name)) {
      this.report(tokenSpan(shape.name), 'error', 'bad-field', say(rfc.unknownProfile, { written: brief(shape.name.text), names: PROFILE_NAMES.join(', ') }));
      return undefined;
    }
    let rfc1337 = false;
    for (const option of shape.options) {
      const word = option.text.toLowerCase();
      if (name === 'linux' && (PROFILE_OPTIONS as readonly string[]).includes(word)) rfc1337 = true;
      else this.report(tokenSpan(option), 'warning', 'unknown-option', say(rfc.unknownProfileOption, { written: brief(option.text), name, options: name === 'linux' ? PROFILE_OPTIONS.join(', ') : '' }));
    }
    return { kind: 'profile', profile: { name, ...(rfc1337 ? { rfc1337 } : {}) }, span: tokenSpan(shape.head, lastToken(shape)) };
  }

  /** `sack`, `sackOK` and `ts=` as the model's options; a bare option written twice is reported. */
  private segmentOptions(shape: Extract<LineShape, { kind: 'segment' }>, timestamp: SegmentOptions['timestamp']): SegmentOptions | undefined {
    const seen = new Set<string>();
    for (const token of shape.options ?? []) {
      const word = token.text.toLowerCase();
      if (seen.has(word)) this.report(tokenSpan(token), 'error', 'bad-field', say(m.givenTwice, { key: brief(token.text) }));
      seen.add(word);
    }
    const sack = seen.has('sack');
    const sackPermitted = seen.has('sackok');
    const fastOpen = seen.has('tfo');
    if (!timestamp && seen.size === 0) return undefined;
    return { ...(timestamp ? { timestamp } : {}), ...(sack ? { sack } : {}), ...(sackPermitted ? { sackPermitted } : {}), ...(fastOpen ? { fastOpen } : {}) };
  }

  /** `ts=TSVAL,TSECR`: two 32-bit numbers (RFC 7323 §3). */
  private timestampField(field: FieldShape): SegmentOptions['timestamp'] {
    const span = fieldSpan(field);
    const value = field.head ? Number(field.head.text) : NaN;
    const echo = field.second ? Number(field.second.text) : NaN;
    if (!(value <= MAX_U32) || !(echo <= MAX_U32)) {
      this.report(span, 'error', 'bad-field', say(rfc.timestampRange, { max: MAX_U32 }));
      return undefined;
    }
    return { value, echo, span };
  }

  /** `A -> B : ICMP CODE`: no flags, no numbers; the code is one of ICMP_CODES. */
  private icmpSegment(shape: Extract<LineShape, { kind: 'segment' }>, code: StateShape): SegmentStatement | undefined {
    const codeSpan = tokenSpan(code.tokens[0], code.tokens[code.tokens.length - 1]);
    const icmp = code.text.toLowerCase() as IcmpCode;
    if (!ICMP_CODES.includes(icmp)) {
      this.report(codeSpan, 'error', 'unknown-flag', say(socketMessages.unknownIcmpCode, { code: brief(code.text), codes: ICMP_CODES.join(', ') }));
      return undefined;
    }
    const flagsSpan = tokenSpan(shape.flags[0], code.tokens[code.tokens.length - 1]);
    return {
      kind: 'segment',
      from: shape.from.text, fromSpan: tokenSpan(shape.from),
      to: shape.to.text, toSpan: tokenSpan(shape.to),
      arrow: shape.arrow.text as Arrow, arrowSpan: tokenSpan(shape.arrow),
      flags: [], flagsSpan, length: 0, icmp,
      fieldsEnd: spanEnd(flagsSpan),
      span: tokenSpan(shape.from, lastToken(shape)),
    };
  }

  private expect(shape: Extract<LineShape, { kind: 'expect' }>): Statement | undefined {
    const checks: ExpectCheck[] = [];
    for (const check of shape.checks) {
      const stateSpan = tokenSpan(check.state.tokens[0], check.state.tokens[check.state.tokens.length - 1]);
      const state = this.state(check.state.text, stateSpan);
      const peer = check.connection ? { peer: check.connection.peer.text, peerSpan: tokenSpan(check.connection.peer) } : {};
      if (state) checks.push({ participant: check.participant.text, participantSpan: tokenSpan(check.participant), ...peer, state, stateSpan });
    }
    return checks.length > 0 ? { kind: 'expect', checks, span: tokenSpan(shape.head, lastToken(shape)) } : undefined;
  }

  private state(written: string, span: Span): TcpState | undefined {
    const read = readStateName(written);
    if (read.kind === 'exact') return read.state;
    if (read.kind === 'misspelt') {
      this.report(span, 'warning', 'state-spelling', say(m.stateSpelling, { written: brief(written), state: read.state }), [
        { title: say(m.changeTo, { state: read.state }), edits: [{ span, newText: read.state }], preferred: true },
      ]);
      return read.state;
    }
    const nearest = nearestState(written);
    if (nearest) {
      // One mistake, one error: the line reads as the state the fix writes (docs/semantics.md, "After an error").
      this.diagnostics.push({
        span, severity: 'error', code: 'unknown-state', message: say(learnerMessages.unknownStateNearest, { written: brief(written), state: nearest }),
        fixes: [{ title: say(m.changeTo, { state: nearest }), edits: [{ span, newText: nearest }], preferred: true }], recovered: true,
      });
      return nearest;
    }
    this.report(span, 'error', 'unknown-state', say(m.unknownState, { written: brief(written) }));
    return undefined;
  }

  private seqField(field: FieldShape): SeqField | undefined {
    const span = fieldSpan(field);
    if (!field.head) {
      this.report(span, 'error', 'bad-field', say(m.takesSequenceNumber, { key: brief(field.key.text) }));
      return undefined;
    }
    let offset = 0;
    for (const term of field.terms) offset += (term.op.text === '-' ? -1 : 1) * Number(term.value.text);
    let value: Seq;
    if (field.head.kind === 'word') {
      value = seqSymbol(field.head.text, offset);
    } else {
      const n = Number(field.head.text) + offset;
      if (!Number.isSafeInteger(n) || n < 0 || n > MAX_U32) this.report(span, 'warning', 'bad-field', say(m.outside32Bits, { n }));
      value = seqNumber(Number.isSafeInteger(n) ? n : 0);
    }
    return { value, span };
  }

  private intField(field: FieldShape, max = MAX_U32): number | undefined {
    const span = fieldSpan(field);
    if (field.head?.kind !== 'number' || field.terms.length > 0) {
      this.report(span, 'error', 'bad-field', say(m.takesWholeNumber, { key: brief(field.key.text) }));
      return undefined;
    }
    const value = Number(field.head.text);
    if (value > max) {
      this.report(span, 'error', 'bad-field', say(m.largerThan, { key: brief(field.key.text), value, max }));
      return undefined;
    }
    return value;
  }

  private unknownOption(field: FieldShape, known: string): void {
    this.report(tokenSpan(field.key), 'warning', 'unknown-option', say(m.unknownOption, { key: brief(field.key.text), known }));
  }
}

function isWordShape(arg: FieldShape | WordShape): arg is WordShape {
  return 'tokens' in arg;
}

function fieldSpan(field: FieldShape): Span {
  return tokenSpan(field.key, field.last);
}

/** The last token of a statement: where its span ends. */
function lastToken(shape: LineShape): Token {
  switch (shape.kind) {
    case 'participant': {
      if (shape.fields.length > 0) return shape.fields[shape.fields.length - 1].last;
      if (shape.start) return shape.start.tokens[shape.start.tokens.length - 1];
      return shape.label ?? shape.name;
    }
    case 'call': {
      if (shape.result) return shape.result.value;
      const last = shape.args[shape.args.length - 1];
      if (!last) return shape.call;
      return isWordShape(last) ? last.tokens[last.tokens.length - 1] : last.last;
    }
    case 'segment':
      if (shape.icmp) return shape.icmp.tokens[shape.icmp.tokens.length - 1];
      if (shape.article) return shape.tag ?? lastPartToken(shape);
      return shape.tag ?? lastOfSegmentParts(shape);
    case 'profile': return shape.options.at(-1) ?? shape.name;
    case 'expect': {
      const tokens = shape.checks[shape.checks.length - 1].state.tokens;
      return tokens[tokens.length - 1];
    }
    case 'title': return shape.text;
    case 'deliver': return shape.tag;
    case 'note': return shape.text[shape.text.length - 1] ?? shape.colon;
  }
}

/** The last of a segment's flags, fields and bare options (which may come in any order), or what stands before them. */
function lastOfSegmentParts(shape: Extract<LineShape, { kind: 'segment' }>): Token {
  const candidates = [shape.fields.at(-1)?.last, shape.options?.at(-1), shape.flags.at(-1), shape.noFlags, shape.colon, shape.to];
  let last: Token = shape.to;
  for (const t of candidates) if (t && t.offset > last.offset) last = t;
  return last;
}

/**
 * Where a segment's flags are: the flags written, the `-` that says there are none, or
 * an empty span right after the colon (where a fix inserts a flag).
 */
function segmentFlagsSpan(shape: Extract<LineShape, { kind: 'segment' }>): Span {
  if (shape.flags.length > 0) return tokenSpan(shape.flags[0], shape.flags[shape.flags.length - 1]);
  if (shape.noFlags) return tokenSpan(shape.noFlags);
  return spanEnd(tokenSpan(shape.colon ?? shape.to));
}

/** `FIN=1` sets the flag, `FIN=0` leaves it out (the articles' notation; line-shape.ts reads no other value as a bit). */
function articleFlagBits(article: ArticleParts): number {
  let bits = 0;
  for (const { flag, value } of article.bits) if (value.text === '1') bits |= flagBit(flag.text);
  return bits;
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

type SegmentShape = Extract<LineShape, { kind: 'segment' }>;

/** A segment line in the articles' notation: its flag tokens (words and `FLAG=n`), in source order. */
function articleFlagTokens(shape: SegmentShape): Token[] {
  return [...shape.flags, ...(shape.article?.bits ?? []).flatMap((b) => [b.flag, b.value])].sort((a, b) => a.offset - b.offset);
}

/** The last token of its flags and fields (flags and fields mix in the articles' notation). */
function lastPartToken(shape: SegmentShape): Token {
  const candidates = [...articleFlagTokens(shape), ...shape.fields.map((f) => f.last)];
  return candidates.reduce((a, b) => (b.offset > a.offset ? b : a));
}
