/**
 * What the engine computes from a scenario: the states after every event line, the
 * segments as sent (inferred fields filled in), the explanations behind each change,
 * and the diagnostics. Everything the LSP, the CLI and the diagram show comes from here.
 */
import type { Diagnostic } from './diagnostics.js';
import type { Arrow, Flag, SegmentOptions, Span } from './model.js';
import type { Seq } from './seq.js';
import type { TcpState } from './states.js';
import type { Tcb } from './tcb.js';

/** A segment an endpoint owes after an arrival (RFC 9293 §3.10.7), with its RFC-formed numbers. */
export interface Reply {
  readonly flags: readonly Flag[];
  readonly seq?: Seq;
  readonly ack?: Seq;
  /** Why it is owed, e.g. "an ACK for the data received". */
  readonly reason: string;
}

/** A segment line as the sender put it on the wire. */
export interface SentSegment {
  readonly flags: readonly Flag[];
  readonly seq?: Seq;
  readonly ack?: Seq;
  /** True where the source left the field out and the engine filled it in. */
  readonly seqInferred: boolean;
  readonly ackInferred: boolean;
  /** Payload bytes. */
  readonly length: number;
  readonly window?: number;
  /** The options the segment carries (shown; timestamps and window scale are used, options.ts). */
  readonly mss?: number;
  readonly wscale?: number;
  readonly options?: SegmentOptions;
  readonly arrow: Arrow;
  /** The segment re-sends sequence numbers already sent. */
  readonly retransmission: boolean;
  /** A keep-alive (RFC 9293 §3.8.4) or zero-window probe (§3.8.6.1): sent at SND.UNA-1 to elicit an ACK. */
  readonly probe?: Probe;
  /**
   * The segment as the line's preferred fix makes it, when the line has an error the run
   * goes on from (docs/semantics.md, "After an error"): what the receiver gets. The fields
   * above are the line as written, which the diagram and the hover show.
   */
  readonly asIf?: { readonly flags: readonly Flag[]; readonly seq?: Seq; readonly ack?: Seq };
}

export type Probe = 'keep-alive' | 'window-probe';

export interface Transition {
  readonly participant: string;
  readonly before: TcpState;
  readonly after: TcpState;
}

/** One thing the engine did, and the RFC rule it followed. */
export interface Explanation {
  readonly participant: string;
  /** e.g. "RFC 9293 §3.10.7.3". */
  readonly rule: string;
  readonly text: string;
}

/** What the application sees through the socket API. */
export interface SocketEffect {
  readonly participant: string;
  /** e.g. "connect() returns", "read() returns 0", "ECONNREFUSED". */
  readonly text: string;
  /** The call that returned (`connect`), when the effect is a call's outcome. */
  readonly call?: string;
  /** What it returned or the errno it failed with (`0`, `5`, `c2`, `ECONNREFUSED`); an errno without `call` is left on the socket. */
  readonly result?: string;
  /** When the effect shows a listener's queues: their contents after this line (the diagram draws them, diagram/queue-note.ts). */
  readonly queues?: QueueContents;
}

/** The peers in a listener's SYN queue and accept queue, in order. */
export interface QueueContents {
  readonly syn: readonly string[];
  readonly accept: readonly string[];
}

export type SequenceVariable = 'ISS' | 'IRS' | 'SND.UNA' | 'SND.NXT' | 'RCV.NXT';

export interface VariableChange {
  readonly participant: string;
  readonly variable: SequenceVariable;
  readonly before?: Seq;
  readonly after?: Seq;
}

export interface Step {
  /** Index into Scenario.statements. */
  readonly statementIndex: number;
  /** 0-based line of the event. */
  readonly line: number;
  readonly kind: 'call' | 'segment' | 'deliver';
  /** Every participant's state after this line. */
  readonly states: Readonly<Record<string, TcpState>>;
  /** Participants whose state changed on this line. */
  readonly transitions: readonly Transition[];
  /** For a segment line, and for a delivery (the segment delivered). */
  readonly segment?: SentSegment;
  readonly from?: string;
  readonly to?: string;
  /** For a delivery: the line of the `~>` that sent it. */
  readonly sentOnLine?: number;
  readonly explanations: readonly Explanation[];
  readonly effects: readonly SocketEffect[];
  /** Replies that this line made due. */
  readonly replies: ReadonlyArray<{ readonly participant: string; readonly reply: Reply }>;
  /**
   * Every reply still owed after this line, one per endpoint that owes one (made due on
   * this line or an earlier one, not sent yet), in participant order. Absent when nothing
   * is owed, so a run of lines that owe nothing allocates nothing for it.
   */
  readonly owing?: ReadonlyArray<{ readonly participant: string; readonly reply: Reply }>;
  readonly variables: readonly VariableChange[];
}

export interface ParticipantInfo {
  readonly name: string;
  readonly label?: string;
  /** Declared with `participant`, or introduced by first use. */
  readonly declared: boolean;
  /** Where it is declared or first used. */
  readonly span: Span;
  readonly initialState: TcpState;
}

export interface InFlightTag {
  readonly tag: string;
  readonly span: Span;
  readonly sentOnLine: number;
  readonly deliveredOnLine?: number;
}

export interface Analysis {
  readonly title?: string;
  readonly participants: readonly ParticipantInfo[];
  readonly steps: readonly Step[];
  readonly diagnostics: readonly Diagnostic[];
  readonly tags: readonly InFlightTag[];
  /** For completion: what each endpoint would send next, at the end of the scenario. */
  readonly finalTcbs: Readonly<Record<string, TcbSnapshot>>;
}

/** A read-only copy of a TCB, for tools (completion, hover). */
export type TcbSnapshot = Readonly<Tcb>;
