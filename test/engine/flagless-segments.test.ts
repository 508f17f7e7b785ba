/**
 * Segments with no flags (issue 11, item 9): `b -> a : seq=1 len=1000`, or `-` where the
 * flags go. They exist on the wire (scans, broken or hostile stacks, injected tests) and
 * RFC 9293 §3.10.7 says what a receiver does with them, so they read, and each state's
 * receiver reacts as the RFC says. The sender's side: in a synchronized state every
 * segment carries ACK (§3.1, §3.4), so sending one is an error with an "Add ACK" fix.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { analyze, diagnosticToString } from '../support/analyze.js';
import { applyFix, preferredFix } from './fixes.js';
import { established, replies } from './rfc-notation.js';
import { inState } from './states-reached.js';

function lastStep(text: string): Step {
  const { analysis } = analyze(text);
  expect(analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  return analysis.steps.at(-1)!;
}

const explained = (step: Step) => step.explanations.map((e) => `${e.participant}: ${e.text}`).join('\n');

describe('a segment with no flags is readable', () => {
  it('with its fields straight after the colon, or with `-` in the flags\' place', () => {
    for (const line of ['b --> a : seq=301 len=1000', 'b --> a : - seq=301 len=1000']) {
      const { analysis, scenario: { statements } } = analyze(established('ESTABLISHED', line));
      expect(analysis.diagnostics.filter((d) => d.code === 'syntax')).toEqual([]);
      const segment = statements.at(-1)!;
      expect(segment.kind).toBe('segment');
      if (segment.kind === 'segment') {
        expect(segment.flags).toEqual([]);
        expect(segment.length).toBe(1000);
      }
    }
  });

  it('`-` alone, or before `as TAG`, is a flagless segment too', () => {
    const { scenario: { statements } } = analyze(established('ESTABLISHED', 'b ~> a : - seq=301 as late', 'deliver late'));
    const segment = statements.find((s) => s.kind === 'segment');
    expect(segment?.kind === 'segment' && segment.tag).toBe('late');
    expect(analyze('a --> b : -').analysis.diagnostics.map((d) => d.code)).not.toContain('syntax');
  });

  it('nothing at all after the colon is still a syntax error that names what may go there', () => {
    const { analysis } = analyze('a -> b :');
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['syntax']);
    expect(analysis.diagnostics[0].message).toContain('`-`');
  });
});

describe('the receiver of a flagless segment (RFC 9293 §3.10.7)', () => {
  // §3.10.7.4, fifth check: "if the ACK bit is off, drop the segment and return".
  it('in a synchronized state it is dropped at the ACK check: nothing owed, RCV.NXT unchanged', () => {
    const step = lastStep(established('ESTABLISHED', 'b --> a : seq=301 len=1000', 'expect a ESTABLISHED'));
    const arrival = analyze(established('ESTABLISHED', 'b --> a : seq=301 len=1000')).analysis.steps.at(-1)!;
    expect(arrival.replies).toEqual([]);
    expect(explained(arrival)).toContain('the ACK bit is off');
    expect(step.states.a).toBe('ESTABLISHED');
    // RCV.NXT did not move: the same bytes with ACK are still new data.
    const after = lastStep(established('ESTABLISHED', 'b --> a : seq=301 len=1000', 'b -> a : ACK seq=301 ack=101 len=10'));
    expect(replies(after)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
  });

  // First check (Table 6) comes before the ACK check: "If an incoming segment is not
  // acceptable, an acknowledgment should be sent in reply".
  it('outside the window it is unacceptable first, and owes the ACK of the first check', () => {
    const step = lastStep(established('ESTABLISHED', 'b --> a : seq=200000 len=10'));
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
  });

  // §3.10.7.2, fourth: "Any other control or data-bearing segment (not containing SYN)
  // must have an ACK and thus would have been discarded by the ACK processing ... Drop
  // the segment and return."
  it('in LISTEN it is dropped, and the listener stays', () => {
    const step = lastStep(inState('LISTEN', 'b --> a : seq=5 len=10'));
    expect(step.states.a).toBe('LISTEN');
    expect(step.replies).toEqual([]);
    expect(explained(step)).toContain('neither SYN, ACK nor RST');
  });

  // §3.10.7.1: "If the ACK bit is off, sequence number zero is used,
  // <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>".
  it('in CLOSED it is answered by <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () => {
    const step = lastStep('participant a\nparticipant b\nb --> a : seq=5 len=10\n');
    expect(replies(step)).toEqual(['a: <SEQ=0><ACK=15><CTL=RST,ACK>']);
  });

  // §3.10.7.3: "If neither of the SYN or RST bits is set, then drop the segment and return."
  it('in SYN-SENT it is dropped', () => {
    const step = lastStep(inState('SYN-SENT', 'b --> a : seq=5 len=10'));
    expect(step.states.a).toBe('SYN-SENT');
    expect(step.replies).toEqual([]);
  });
});

describe('the sender of a flagless segment', () => {
  // §3.1: the acknowledgment number, "Once a connection is established, this is always
  // sent"; §3.4: "once in the ESTABLISHED state, all segments must carry current
  // acknowledgment information".
  it('in a synchronized state it is send-not-allowed, quoting §3.1 and §3.4', () => {
    const { analysis } = analyze(established('ESTABLISHED', 'b -> a : seq=301 len=10'));
    const [error] = analysis.diagnostics;
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['send-not-allowed']);
    expect(error.message).toContain('§3.1');
    expect(error.message).toContain('§3.4');
  });

  it('the fix adds ACK after the colon, or in place of `-`, and the line is then clean', () => {
    for (const line of ['b -> a : seq=301 len=10', 'b -> a : - seq=301 len=10']) {
      const text = established('ESTABLISHED', line);
      const [error] = analyze(text).analysis.diagnostics;
      const fixed = applyFix(text, preferredFix(error));
      expect(fixed.split('\n').at(-1)).toBe('b -> a : ACK seq=301 len=10');
      expect(analyze(fixed).analysis.diagnostics).toEqual([]);
    }
  });

  it('an ack= on a flagless segment is ignored with a fix that adds the ACK flag where the flags go', () => {
    const text = established('ESTABLISHED', 'b -> a : - seq=301 ack=101');
    const warning = analyze(text).analysis.diagnostics.find((d) => d.code === 'ack-without-flag')!;
    const fixed = applyFix(text, preferredFix(warning));
    expect(fixed.split('\n').at(-1)).toBe('b -> a : ACK seq=301 ack=101');
    expect(analyze(fixed).analysis.diagnostics).toEqual([]);
  });

  it('from CLOSED it names what it is: a segment without flags, which needs a connection', () => {
    const [error] = analyze('participant a\nparticipant b\na -> b : seq=1').analysis.diagnostics;
    expect(error.code).toBe('send-not-allowed');
    expect(error.message).toContain('a segment without flags');
  });
});
