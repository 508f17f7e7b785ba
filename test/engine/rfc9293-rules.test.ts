/**
 * RFC 9293 rules the engine once got wrong (issue 11), each tested against the RFC text
 * it follows, quoted in the test's comment. Segments delivered with `-->` exercise the
 * receiver alone; `->` lines exercise the sender's check as well.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { formatSeq } from '../../server/src/engine/seq.js';
import { analyze, diagnosticToString } from '../support/analyze.js';
import { inState } from './states-reached.js';

/** Runs `text`, checks it has no diagnostics, returns its steps. */
function steps(text: string): readonly Step[] {
  const { analysis } = analyze(text);
  expect(analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  return analysis.steps;
}

const last = (text: string): Step => steps(text).at(-1)!;

/** The replies of a step as the RFC writes them: `a: <SEQ=101><ACK=301><CTL=ACK>`. */
function replies(step: Step): string[] {
  return step.replies.map(({ participant, reply }) => {
    const parts = [reply.seq && `<SEQ=${formatSeq(reply.seq)}>`, reply.ack && `<ACK=${formatSeq(reply.ack)}>`, `<CTL=${reply.flags.join(',')}>`];
    return `${participant}: ${parts.filter(Boolean).join('')}`;
  });
}

const explained = (step: Step) => step.explanations.map((e) => `${e.participant}: ${e.text}`).join('\n');

/** a and b mid-connection: a has SND.NXT=101, RCV.NXT=301; b the mirror image. */
function established(...more: string[]): string {
  return ['participant a starts ESTABLISHED snd=101 rcv=301', 'participant b starts ESTABLISHED snd=301 rcv=101', ...more].join('\n');
}

describe('RST checks by the raw SEG.SEQ (§3.10.7.4 with RFC 5961 §3.2)', () => {
  // "1) If the RST bit is set and the sequence number is outside the current receive
  // window, silently drop the segment." SEG.SEQ = 296 is before RCV.NXT = 301 even
  // though its 10 bytes reach into the window: trimming must not move it onto RCV.NXT.
  it('a RST starting before RCV.NXT is outside the window: dropped silently, the connection stays', () => {
    const step = last(established('b --> a : RST ACK seq=296 ack=101 len=10'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(step.replies).toEqual([]);
    expect(explained(step)).toContain('outside the receive window');
  });

  it('a RST beyond the window is dropped silently too', () => {
    const step = last(established('b --> a : RST seq=70000'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(step.replies).toEqual([]);
  });

  // "2) If the RST bit is set and the sequence number exactly matches the next expected
  // sequence number (RCV.NXT), then TCP endpoints MUST reset the connection".
  it('a RST exactly at RCV.NXT resets', () => {
    const step = last(established('b --> a : RST seq=301'));
    expect(step.states.a).toBe('CLOSED');
  });

  // "3) If the RST bit is set and the sequence number does not exactly match the next
  // expected sequence value, yet is within the current receive window, TCP endpoints
  // MUST send an acknowledgment (challenge ACK): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>"
  it('a RST inside the window but not at RCV.NXT owes a challenge ACK', () => {
    const step = last(established('b --> a : RST seq=305'));
    expect(step.states.a).toBe('ESTABLISHED');
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
  });
});
