/**
 * Helpers the SEGMENT ARRIVES tests share: two endpoints mid-connection, and a step's
 * replies written the way RFC 9293 writes segments, so an assertion reads like the RFC.
 */
import type { Step } from '../../server/src/engine/analysis.js';
import { formatSeq } from '../../server/src/engine/seq.js';
import type { TcpState } from '../../server/src/engine/states.js';

/** The replies of a step as the RFC writes them: `a: <SEQ=101><ACK=301><CTL=ACK>`. */
export function replies(step: Step): string[] {
  return step.replies.map(({ participant, reply }) => {
    const parts = [reply.seq && `<SEQ=${formatSeq(reply.seq)}>`, reply.ack && `<ACK=${formatSeq(reply.ack)}>`, `<CTL=${reply.flags.join(',')}>`];
    return `${participant}: ${parts.filter(Boolean).join('')}`;
  });
}

/** a and b mid-connection: a (in `aState`) has SND.NXT=101, RCV.NXT=301; b the mirror image. */
export function established(aState: TcpState = 'ESTABLISHED', ...more: string[]): string {
  return [
    `participant a starts ${aState} snd=101 rcv=301`,
    'participant b starts ESTABLISHED snd=301 rcv=101',
    ...more,
  ].join('\n');
}
