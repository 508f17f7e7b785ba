/**
 * The scenario as the engine reads it: plain data with source spans, produced from
 * the text by the reader (`language/reader/`). Nothing here knows about Langium.
 */
import type { Seq } from './seq.js';
import type { TcpState } from './states.js';

/** A source range, 0-based lines and columns (the LSP convention); end is exclusive. */
export interface Span {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'] as const;
export type Flag = (typeof FLAGS)[number];

export const CALLS = ['listen', 'connect', 'accept', 'send', 'recv', 'close', 'shutdown', 'abort', 'crash', 'timeout'] as const;
export type CallName = (typeof CALLS)[number];

export const TIMERS = ['2MSL', 'RTO', 'USER', 'KEEPALIVE', 'PERSIST'] as const;
export type TimerName = (typeof TIMERS)[number];

export const ARROWS = ['->', '-x', '~>', '-->'] as const;
export type Arrow = (typeof ARROWS)[number];

/** A `seq=`/`ack=` value as written. */
export interface SeqField {
  readonly value: Seq;
  readonly span: Span;
}

export interface TitleStatement {
  readonly kind: 'title';
  readonly text: string;
  readonly span: Span;
}

export interface ParticipantStatement {
  readonly kind: 'participant';
  readonly name: string;
  readonly nameSpan: Span;
  readonly label?: string;
  /** `starts STATE`; undefined means CLOSED. */
  readonly start?: TcpState;
  readonly startSpan?: Span;
  readonly snd?: SeqField;
  readonly rcv?: SeqField;
  readonly span: Span;
}

export interface CallStatement {
  readonly kind: 'call';
  readonly participant: string;
  readonly participantSpan: Span;
  readonly call: CallName;
  readonly callSpan: Span;
  /** For `timeout`. */
  readonly timer?: TimerName;
  /** For `send len=N`. */
  readonly length?: number;
  /** For `listen backlog=N`. */
  readonly backlog?: number;
  readonly span: Span;
}

export interface SegmentStatement {
  readonly kind: 'segment';
  readonly from: string;
  readonly fromSpan: Span;
  readonly to: string;
  readonly toSpan: Span;
  readonly arrow: Arrow;
  readonly arrowSpan: Span;
  /** Flags in canonical order (FLAGS), without duplicates. */
  readonly flags: readonly Flag[];
  readonly flagsSpan: Span;
  readonly seq?: SeqField;
  readonly ack?: SeqField;
  /** Payload length in bytes (`len=` or the UTF-8 length of `data=`); 0 when absent. */
  readonly length: number;
  readonly data?: string;
  readonly window?: number;
  readonly mss?: number;
  readonly wscale?: number;
  readonly tag?: string;
  readonly tagSpan?: Span;
  /** Some flags are written as the articles write them, `FIN=1` (a fix adds `, ACK=1`, not ` ACK`). */
  readonly flagBits?: boolean;
  /** Where an inferred `seq=`/`ack=` would be inserted: the end of the flags/fields. */
  readonly fieldsEnd: Span;
  readonly span: Span;
}

export interface DeliverStatement {
  readonly kind: 'deliver';
  readonly tag: string;
  readonly tagSpan: Span;
  readonly span: Span;
}

export interface NoteStatement {
  readonly kind: 'note';
  readonly placement: 'over' | 'left' | 'right';
  readonly participants: readonly string[];
  readonly participantSpans: readonly Span[];
  readonly text: string;
  readonly span: Span;
}

export interface ExpectCheck {
  readonly participant: string;
  readonly participantSpan: Span;
  readonly state: TcpState;
  readonly stateSpan: Span;
}

export interface ExpectStatement {
  readonly kind: 'expect';
  readonly checks: readonly ExpectCheck[];
  readonly span: Span;
}

export type Statement =
  | TitleStatement
  | ParticipantStatement
  | CallStatement
  | SegmentStatement
  | DeliverStatement
  | NoteStatement
  | ExpectStatement;

export type EventStatement = CallStatement | SegmentStatement | DeliverStatement;

export function isEvent(statement: Statement): statement is EventStatement {
  return statement.kind === 'call' || statement.kind === 'segment' || statement.kind === 'deliver';
}

export interface Scenario {
  readonly statements: readonly Statement[];
}
