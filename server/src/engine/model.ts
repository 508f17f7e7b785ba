/**
 * The scenario as the engine reads it: plain data with source spans, produced from
 * the text by the reader (`language/reader/`). Nothing here knows about Langium.
 */
import type { Seq } from './seq.js';
import type { TcpState } from './states.js';
import type { ProfileChoice } from './profile.js';

import { SOCKET_CALLS, type SocketCallOptions } from './socket-calls.js';
import type { IcmpField } from './icmp.js';

/** A source range, 0-based lines and columns (the LSP convention); end is exclusive. */
export interface Span {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR'] as const;
export type Flag = (typeof FLAGS)[number];

export const CALLS = ['listen', 'connect', 'accept', 'send', 'recv', 'close', 'shutdown', 'abort', 'crash', 'timeout', ...SOCKET_CALLS] as const;
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

export interface CallStatement extends SocketCallOptions {
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

export interface SegmentStatement extends IcmpField {
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
  /** The `win=` field, for a fix that rewrites it. */
  readonly windowSpan?: Span;
  readonly mss?: number;
  readonly wscale?: number;
  /** TCP options beyond mss/wscale (RFC 7323 timestamps, RFC 2018 SACK); absent when none is written. */
  readonly options?: SegmentOptions;
  /** The `-` written in the flags' place; a flagless segment without it has an empty flagsSpan after the colon. */
  readonly noFlagsSpan?: Span;
  readonly tag?: string;
  readonly tagSpan?: Span;
  /** Some flags are written as the articles write them, `FIN=1` (a fix adds `, ACK=1`, not ` ACK`). */
  readonly flagBits?: boolean;
  /** Where an inferred `seq=`/`ack=` would be inserted: the end of the flags/fields. */
  readonly fieldsEnd: Span;
  readonly span: Span;
}

/** The options a segment line may carry beside its fields (issue 11, "Timestamps and options"). */
export interface SegmentOptions {
  /** `ts=VAL,ECR`: the Timestamps option, TSval and TSecr (RFC 7323 §3). */
  readonly timestamp?: { readonly value: number; readonly echo: number; readonly span: Span };
  /** `sackOK`: SACK-permitted, on a SYN (RFC 2018 §2). */
  readonly sackPermitted?: boolean;
  /** `sack`: the segment carries SACK blocks (RFC 2018 §3). */
  readonly sack?: boolean;
  /** `tfo`: a TCP Fast Open cookie on a SYN (RFC 7413 §4.1); its data is taken at once under the linux profile. */
  readonly fastOpen?: boolean;
}

/** `profile linux [rfc1337]`: which TCP the scenario describes (engine/profile.ts); for the whole file. */
export interface ProfileStatement {
  readonly kind: 'profile';
  readonly profile: ProfileChoice;
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
  /** `server[c1]`: the check is about the listener's connection with this peer (engine/listener.ts). */
  readonly peer?: string;
  readonly peerSpan?: Span;
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
  | ExpectStatement
  | ProfileStatement;

export type EventStatement = CallStatement | SegmentStatement | DeliverStatement;

export function isEvent(statement: Statement): statement is EventStatement {
  return statement.kind === 'call' || statement.kind === 'segment' || statement.kind === 'deliver';
}

export interface Scenario {
  readonly statements: readonly Statement[];
  /** The profile where no `profile` line chooses one (the CLI's --profile); else the process default (profile.ts). */
  readonly profile?: ProfileChoice;
}
