/**
 * What the event-processing functions report while they run one line: explanations,
 * socket effects, replies made due and diagnostics. `run.ts` turns these into a Step.
 */
import type { QueueContents, Reply } from './analysis.js';
import type { DiagnosticCode, Fix, Severity } from './diagnostics.js';
import type { Span } from './model.js';
import type { Tcb } from './tcb.js';
import type { Profile } from './profile.js';
import type { EffectResult } from './socket-calls.js';
import { say } from '../i18n/catalogue.js';
import { rfcMessages } from '../i18n/messages/rfc.js';

export interface StepContext {
  /** Which TCP plays (profile.ts): the rules that differ ask it. */
  readonly profile: Profile;
  explain(participant: string, rule: string, text: string): void;
  /**
   * `result`: the call's outcome the text shows (engine/socket-calls.ts); without `call`, an error left on the socket.
   * `queues`: the listener's queues the text shows, kept as data for the diagram.
   */
  effect(participant: string, text: string, result?: EffectResult, queues?: QueueContents): void;
  /** Records that `participant` now owes `reply` (RFC 9293 §3.10.7's "send ..."). */
  owe(participant: string, tcb: Tcb, reply: Reply): void;
  /** `recovered`: the run goes on as if the preferred fix were applied (Diagnostic.recovered). */
  report(severity: Severity, code: DiagnosticCode, message: string, span?: Span, fixes?: readonly Fix[], recovered?: boolean): void;
}

/** Section references used across the engine, so every message cites the same text. */
export const RFC = {
  stateDiagram: 'RFC 9293 §3.3.2',
  tcb: 'RFC 9293 §3.3.1',
  sequenceNumbers: 'RFC 9293 §3.4',
  handshake: 'RFC 9293 §3.5',
  reset: 'RFC 9293 §3.5.2',
  close: 'RFC 9293 §3.6',
  open: 'RFC 9293 §3.10.1',
  send: 'RFC 9293 §3.10.2',
  receive: 'RFC 9293 §3.10.3',
  closeCall: 'RFC 9293 §3.10.4',
  abort: 'RFC 9293 §3.10.5',
  arrivesClosed: 'RFC 9293 §3.10.7.1',
  arrivesListen: 'RFC 9293 §3.10.7.2',
  arrivesSynSent: 'RFC 9293 §3.10.7.3',
  arrivesOther: 'RFC 9293 §3.10.7.4',
  timeouts: 'RFC 9293 §3.10.8',
  keepAlive: 'RFC 9293 §3.8.4',
  zeroWindowProbe: 'RFC 9293 §3.8.6.1',
  closeWithData: 'RFC 9293 §3.6.1',
  challengeAck: 'RFC 9293 §3.10.7.4 (RFC 5961 §4)',
  rstExactMatch: 'RFC 9293 §3.10.7.4 (RFC 5961 §3)',
  paws: 'RFC 7323 §5.3',
  timestamps6191: 'RFC 9293 §3.6.1 SHLD-4 (RFC 6191 §2)',
  windowField: 'RFC 9293 §3.1, RFC 7323 §2',
  linuxAckOfUnsent: 'Linux tcp_ack() (RFC 9293 §3.10.7.4, RFC 5961 §5.2)',
  linuxRfc1337: 'Linux net.ipv4.tcp_rfc1337 (RFC 1337)',
  /** Words, not only a section number, so said in the locale of the run (read when the rule is cited, not at load). */
  get linuxAcceptQueue(): string {
    return say(rfcMessages.linuxAcceptQueueRule);
  },
  fastOpen: 'RFC 7413 (Linux net.ipv4.tcp_fastopen)',
  linuxSynRetries: 'Linux net.ipv4.tcp_syn_retries (RFC 9293 §3.8.3)',
} as const;
