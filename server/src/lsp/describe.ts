/**
 * Words for hovers and hint tooltips: what a step did, what a flag, a call or a state
 * means. Everything about TCP behaviour comes from the engine's analysis; this file
 * only phrases it.
 */
import type { Analysis, Reply, SentSegment, Step } from '../engine/analysis.js';
import type { CallName, Flag } from '../engine/model.js';
import { formatSeq } from '../engine/seq.js';
import { connectionOf } from '../engine/listener.js';
import { say } from '../i18n/catalogue.js';
import { socketMessages } from '../i18n/messages/sockets.js';
import { formatState, STATE_DESCRIPTIONS, type StateNameStyle, type TcpState } from '../engine/states.js';

export const FLAG_DESCRIPTIONS: Record<Flag, string> = {
  SYN: 'Synchronize sequence numbers: opens a connection and carries the sender\'s initial sequence number (ISS). A SYN takes one sequence number (RFC 9293 §3.4).',
  ACK: 'The acknowledgment field is significant: `ack` is the next sequence number the sender expects (its RCV.NXT), acknowledging everything before it. Every segment after the first SYN carries ACK (RFC 9293 §3.1).',
  FIN: 'No more data from the sender: it closes its sending direction (the peer\'s `read()` then returns 0). A FIN takes one sequence number (RFC 9293 §3.6).',
  RST: 'Reset: the connection is aborted. The receiver checks the sequence number first and ignores a reset outside its window (RFC 9293 §3.5.2, §3.5.3; RFC 5961 §3).',
  PSH: 'Push: deliver the data to the receiving application without waiting for more (RFC 9293 §3.9.1.2). It changes no state.',
  URG: 'The urgent pointer is significant (RFC 9293 §3.8.5); new applications should not use it (RFC 6093).',
  ECE: 'ECN-Echo (RFC 3168): on a SYN, the sender supports ECN; afterwards, the receiver saw congestion marked by the network. It changes no TCP state.',
  CWR: 'Congestion Window Reduced (RFC 3168): the sender answered an ECN-Echo by reducing its congestion window. It changes no TCP state.',
};

export const CALL_DESCRIPTIONS: Record<CallName, string> = {
  listen: 'Passive OPEN (RFC 9293 §3.10.1): CLOSED → LISTEN; wait for a SYN from any remote endpoint. `backlog=N` is accepted and shown.',
  connect: 'Active OPEN (RFC 9293 §3.10.1): CLOSED → SYN-SENT; the SYN itself is the next segment line from this endpoint. `connect()` returns when the handshake completes.',
  accept: 'Takes a connection from a listening socket: blocks until the connection is ESTABLISHED; no state change.',
  send: 'SEND call (RFC 9293 §3.10.2): the application writes `len=N` bytes; the next data segment carries them.',
  recv: 'RECEIVE call (RFC 9293 §3.10.3): the application reads; returns 0 (end of file) once a FIN has arrived.',
  close: 'CLOSE call (RFC 9293 §3.10.4): ESTABLISHED/SYN-RECEIVED → FIN-WAIT-1, CLOSE-WAIT → LAST-ACK (a FIN is due), LISTEN/SYN-SENT → CLOSED.',
  abort: 'ABORT call (RFC 9293 §3.10.5): send RST where the state calls for one, delete the TCB, → CLOSED.',
  crash: 'The host loses the connection: → CLOSED with no TCB and nothing sent; the peer learns only when it next sends.',
  timeout: '`timeout 2MSL`: TIME-WAIT → CLOSED. `timeout RTO`: the retransmission timer fires (the next segment is a retransmission). `timeout USER`: the connection is aborted, → CLOSED (RFC 9293 §3.10.8).',
  // The socket calls' words are the catalogue's, said when read (the locale may change).
  get socket() { return say(socketMessages.socketCall); },
  get shutdown() { return say(socketMessages.shutdownCall); },
  get bind() { return say(socketMessages.bindCall); },
  get read() { return say(socketMessages.readCall); },
  get write() { return say(socketMessages.writeCall); },
};

/** How a state is left, for a state-name hover. */
export function describeState(state: TcpState, style: StateNameStyle): string {
  const name = formatState(state, style);
  const alias = style === 'linux' ? ` (RFC 9293: ${state})` : formatState(state, 'linux') !== state ? ` (Linux: ${formatState(state, 'linux')})` : '';
  return `**${name}**${alias}\n\n${STATE_DESCRIPTIONS[state]}`;
}

export function replyText(reply: Reply): string {
  const fields = [reply.seq && `seq=${formatSeq(reply.seq)}`, reply.ack && `ack=${formatSeq(reply.ack)}`].filter(Boolean);
  return [reply.flags.join(' '), ...fields].join(' ');
}

/** Every participant's state before a step: the previous step's, or the initial states. */
export function statesBefore(analysis: Analysis, step: Step, index = analysis.steps.indexOf(step)): Record<string, TcpState> {
  const previous = index > 0 ? analysis.steps[index - 1] : undefined;
  const states: Record<string, TcpState> = {};
  for (const p of analysis.participants) states[p.name] = previous?.states[p.name] ?? p.initialState;
  return states;
}

/** The segment's fields as sent, `inferredMark` after the ones the source left out (shared with `tcpflow explain`). */
export function segmentFields(s: SentSegment, inferredMark = ' (inferred)'): string[] {
  return [
    s.seq && `seq=${formatSeq(s.seq)}${s.seqInferred ? inferredMark : ''}`,
    s.ack && `ack=${formatSeq(s.ack)}${s.ackInferred ? inferredMark : ''}`,
    s.length > 0 && `len=${s.length}`,
  ].filter((f): f is string => typeof f === 'string');
}

/** Every participant's state after a step, and whether the step changed it (inlay hints, `tcpflow explain`). */
export function statesAfter(analysis: Analysis, step: Step): Array<{ participant: string; state: TcpState; changed: boolean }> {
  const changed = new Set(step.transitions.map((t) => t.participant));
  const out = analysis.participants
    .filter((p) => step.states[p.name] !== undefined)
    .map((p) => ({ participant: p.name, state: step.states[p.name], changed: changed.has(p.name) }));
  // A listener's connections (engine/listener.ts), `server[c1]` shown as `server↔c1`; none in one-peer scenarios.
  for (const [name, state] of Object.entries(step.states)) {
    const connection = connectionOf(name);
    if (connection) out.push({ participant: `${connection.listener}↔${connection.peer}`, state, changed: changed.has(name) });
  }
  return out;
}

/** Markdown for an event line: states before → after, the rules applied, replies, socket effects, variables. */
export function describeStep(analysis: Analysis, step: Step, style: StateNameStyle): string {
  const out: string[] = [];
  const before = statesBefore(analysis, step);
  const head = step.kind === 'segment' && step.segment && step.from && step.to
    ? `**${step.from} → ${step.to}** ${step.segment.flags.join(' ')}${step.segment.retransmission ? ' (retransmission)' : ''}`
    : step.kind === 'deliver' && step.from && step.to
      ? `**deliver**: ${step.from} → ${step.to}, sent on line ${(step.sentOnLine ?? 0) + 1}`
      : '**call**';
  out.push(`${head} — line ${step.line + 1}`);
  if (step.segment) {
    const fields = segmentFields(step.segment);
    if (fields.length > 0) out.push('', `Segment: \`${fields.join(' ')}\``);
  }

  out.push('', '| participant | before | after |', '|---|---|---|');
  for (const p of analysis.participants) {
    const after = step.states[p.name];
    if (!after) continue;
    const changed = before[p.name] !== after;
    out.push(`| ${changed ? '● ' : ''}${p.name} | ${formatState(before[p.name], style)} | ${changed ? '**' : ''}${formatState(after, style)}${changed ? '**' : ''} |`);
  }

  if (step.explanations.length > 0) {
    out.push('', '**Rules applied**');
    for (const e of step.explanations) out.push(`- ${e.participant}: ${e.text} *(${e.rule})*`);
  }
  if (step.replies.length > 0) {
    out.push('', '**Replies now due**');
    for (const { participant, reply } of step.replies) out.push(`- ${participant} owes \`${replyText(reply)}\` — ${reply.reason}`);
  }
  if (step.effects.length > 0) {
    out.push('', '**Socket**');
    for (const e of step.effects) out.push(`- ${e.participant}: ${e.text}`);
  }
  if (step.variables.length > 0) {
    out.push('', '**Sequence variables**');
    for (const v of step.variables) {
      out.push(`- ${v.participant} ${v.variable}: ${v.before ? formatSeq(v.before) : '—'} → ${v.after ? formatSeq(v.after) : '—'}`);
    }
  }
  return out.join('\n');
}
