/**
 * The words the diagram puts on arrows and in notes, as plain text (escaped by the
 * caller). Kept apart from the Mermaid layout so hovers or exports can reuse them.
 */
import type { SentSegment } from '../engine/analysis.js';
import type { CallStatement, Flag, SegmentStatement } from '../engine/model.js';
import { say } from '../i18n/catalogue.js';
import { diagramMessages } from '../i18n/messages/diagram.js';
import { formatSeq } from '../engine/seq.js';
import { probeLabel } from '../engine/send.js';
import { optionsText } from '../engine/options.js';

/**
 * Flags in the order packet tools print them (FIN, SYN, RST, PSH, ACK, URG, ECE, CWR),
 * so the usual pairs read as RFC 9293's figures write them: SYN,ACK, FIN,ACK, RST,ACK.
 */
const DISPLAY_ORDER: readonly Flag[] = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];

export function flagsLabel(flags: readonly Flag[]): string {
  const shown = DISPLAY_ORDER.filter((f) => flags.includes(f));
  return shown.length === 0 ? '(no flags)' : shown.join(',');
}

/** How many characters of a `data="…"` payload the arrow shows. */
const DATA_PREVIEW = 24;

/**
 * `SYN,ACK seq=K ack=J+1 mss=1460`. Fields the source left out and the engine
 * inferred are shown in parentheses: `ACK (seq=K+1) ack=J+101`.
 */
export function segmentLabel(statement: SegmentStatement, sent: SentSegment | undefined): string {
  if (statement.icmp) return `ICMP ${statement.icmp}`;
  const parts = [flagsLabel(statement.flags)];
  const seq = sent?.seq ?? statement.seq?.value;
  const ack = sent?.ack ?? statement.ack?.value;
  if (seq) parts.push(sent?.seqInferred ? `(seq=${formatSeq(seq)})` : `seq=${formatSeq(seq)}`);
  if (ack) parts.push(sent?.ackInferred ? `(ack=${formatSeq(ack)})` : `ack=${formatSeq(ack)}`);
  if (statement.data !== undefined) {
    const chars = Array.from(statement.data);
    const preview = chars.length > DATA_PREVIEW ? `${chars.slice(0, DATA_PREVIEW - 1).join('')}…` : statement.data;
    parts.push(`data="${preview}"`);
    if (chars.length > DATA_PREVIEW || statement.length !== chars.length) parts.push(`len=${statement.length}`);
  } else if (statement.length > 0) {
    parts.push(`len=${statement.length}`);
  }
  if (statement.window !== undefined) parts.push(`win=${statement.window}`);
  if (statement.mss !== undefined) parts.push(`mss=${statement.mss}`);
  if (statement.wscale !== undefined) parts.push(`wscale=${statement.wscale}`);
  parts.push(...optionsText(statement.options));
  if (sent?.retransmission) parts.push('(retransmission)');
  if (sent?.probe) parts.push(`(${say(probeLabel(sent.probe))})`);
  return parts.join(' ');
}

/** `listen()`, `send(100 bytes)`, `2MSL timer expires`. */
export function callLabel(statement: CallStatement): string {
  switch (statement.call) {
    case 'timeout':
      return say(statement.timer === '2MSL' ? diagramMessages.timer2msl
        : statement.timer === 'RTO' ? diagramMessages.timerRto
        : statement.timer === 'USER' ? diagramMessages.timerUser
        : diagramMessages.timerOther);
    case 'crash':
      return say(diagramMessages.hostCrashes);
    case 'send':
      return statement.length !== undefined ? say(diagramMessages.sendBytes, { length: statement.length }) : 'send()';
    case 'listen':
      return statement.backlog !== undefined ? `listen(backlog=${statement.backlog})` : 'listen()';
    default:
      return `${statement.call}()`;
  }
}
