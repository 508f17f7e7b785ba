/**
 * Words for hovers and hint tooltips: what a step did, what a flag, a call or a state
 * means. Everything about TCP behaviour comes from the engine's analysis; this file
 * only phrases it.
 */
import type { Analysis, Reply, SentSegment, Step } from '../engine/analysis.js';
import type { CallName, Flag } from '../engine/model.js';
import { formatSeq } from '../engine/seq.js';
import { optionsText } from '../engine/options.js';
import { connectionOf } from '../engine/listener.js';
import { socketMessages } from '../i18n/messages/sockets.js';
import { formatState, STATE_DESCRIPTIONS, type StateNameStyle, type TcpState } from '../engine/states.js';
import { localized, say } from '../i18n/catalogue.js';
import { rfcMessages } from '../i18n/messages/rfc.js';
import { editorMessages as e } from '../i18n/messages/editor.js';
import { stillOwed } from '../engine/still-owed.js';
import { callDescriptions, flagDescriptions } from '../i18n/messages/describe.js';

/** What each flag and call means, in the active locale (i18n/messages/describe.ts). */
export const FLAG_DESCRIPTIONS: Readonly<Record<Flag, string>> = localized(flagDescriptions);

export const CALL_DESCRIPTIONS: Readonly<Record<CallName, string>> = localized({
  ...callDescriptions,
  // The socket calls' words are in the sockets table.
  socket: socketMessages.socketCall, shutdown: socketMessages.shutdownCall, bind: socketMessages.bindCall,
  read: socketMessages.readCall, write: socketMessages.writeCall,
});

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

/** The segment's fields as sent, `inferredMark` after the ones the source left out (shared with `synack explain`). */
/** A segment's flags as a line writes them: `SYN ACK`, or `-` for a segment with none. */
export function flagsAsWritten(flags: readonly string[]): string {
  return flags.length === 0 ? '-' : flags.join(' ');
}

export function segmentFields(s: SentSegment, inferredMark = ' (inferred)'): string[] {
  return [
    s.seq && `seq=${formatSeq(s.seq)}${s.seqInferred ? inferredMark : ''}`,
    s.ack && `ack=${formatSeq(s.ack)}${s.ackInferred ? inferredMark : ''}`,
    s.length > 0 && `len=${s.length}`,
    s.wscale !== undefined && `wscale=${s.wscale}`,
    ...optionsText(s.options),
  ].filter((f): f is string => typeof f === 'string');
}

/** Every participant's state after a step, and whether the step changed it (inlay hints, `synack explain`). */
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
    ? `**${step.from} → ${step.to}** ${flagsAsWritten(step.segment.flags)}${step.segment.retransmission ? say(e.retransmission) : ''}`
    : step.kind === 'deliver' && step.from && step.to
      ? say(e.deliverHead, { from: step.from, to: step.to, line: (step.sentOnLine ?? 0) + 1 })
      : say(e.callHead);
  out.push(say(e.onLine, { head, line: step.line + 1 }));
  if (step.segment) {
    const fields = segmentFields(step.segment);
    if (fields.length > 0) out.push('', say(e.segmentFields, { fields: `\`${fields.join(' ')}\`` }));
  }

  out.push('', say(e.stateTableHeader), '|---|---|---|');
  for (const p of analysis.participants) {
    const after = step.states[p.name];
    if (!after) continue;
    const changed = before[p.name] !== after;
    out.push(`| ${changed ? '● ' : ''}${p.name} | ${formatState(before[p.name], style)} | ${changed ? '**' : ''}${formatState(after, style)}${changed ? '**' : ''} |`);
  }

  if (step.explanations.length > 0) {
    out.push('', say(e.rulesApplied));
    for (const e of step.explanations) out.push(`- ${e.participant}: ${e.text} *(${e.rule})*`);
  }
  if (step.replies.length > 0) {
    out.push('', say(e.repliesDue));
    for (const { participant, reply } of step.replies) out.push(`- ${say(e.owesReply, { name: participant, reply: `\`${replyText(reply)}\``, reason: reply.reason })}`);
  }
  const carried = stillOwed(step);
  if (carried.length > 0) {
    out.push('', `**${say(rfcMessages.hoverStillOwedHeading)}**`);
    for (const { participant, reply } of carried) out.push(`- ${say(rfcMessages.hoverStillOwes, { participant, reply: `\`${replyText(reply)}\``, reason: reply.reason })}`);
  }
  if (step.effects.length > 0) {
    out.push('', say(e.socketHeading));
    for (const e of step.effects) out.push(`- ${e.participant}: ${e.text}`);
  }
  if (step.variables.length > 0) {
    out.push('', say(e.variablesHeading));
    for (const v of step.variables) {
      out.push(`- ${v.participant} ${v.variable}: ${v.before ? formatSeq(v.before) : '—'} → ${v.after ? formatSeq(v.after) : '—'}`);
    }
  }
  return out.join('\n');
}
