/**
 * TCP options on segment lines (issue 11, "Timestamps and options"): `ts=VAL,ECR`
 * (RFC 7323), `sack`, `sackOK` (RFC 2018) and `wscale=N` read without a syntax error;
 * timestamps are checked where the RFCs use them (PAWS, reopening from TIME-WAIT); `win=`
 * above 16 bits without window scaling is a warning with a fix.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { generateMermaid } from '../../server/src/diagram/mermaid.js';
import { analyze, diagnosticToString, notOwedReply } from '../support/analyze.js';
import { applyFix, preferredFix } from './fixes.js';
import { established, replies } from './rfc-notation.js';

function run(text: string): readonly Step[] {
  const { analysis } = analyze(text);
  expect(analysis.diagnostics.filter(notOwedReply).map(diagnosticToString)).toEqual([]);
  return analysis.steps;
}

const explained = (step: Step) => step.explanations.map((e) => `${e.participant}: ${e.text}`).join('\n');

/** A handshake in which both SYNs carry timestamps (and window scale, SACK-permitted). */
const TS_HANDSHAKE = [
  'participant a',
  'participant b',
  'a: listen',
  'b -> a : SYN seq=300 ts=100,0 sackOK wscale=7',
  'a -> b : SYN ACK seq=100 ack=301 ts=500,100 sackOK wscale=7',
  'b -> a : ACK seq=301 ack=101 ts=101,500',
];

describe('options read and are shown', () => {
  it('ts=VAL,ECR, sack, sackOK and wscale= give no diagnostic and reach the model', () => {
    const { analysis, scenario } = analyze([...TS_HANDSHAKE, 'b -> a : ACK seq=301 ack=101 len=10 ts=102,500 sack'].join('\n'));
    expect(analysis.diagnostics).toEqual([]);
    const segments = scenario.statements.filter((s) => s.kind === 'segment');
    const syn = segments[0];
    expect(syn.kind === 'segment' && syn.options).toEqual({ timestamp: expect.objectContaining({ value: 100, echo: 0 }), sackPermitted: true });
    expect(syn.kind === 'segment' && syn.wscale).toBe(7);
    const data = segments.at(-1)!;
    expect(data.kind === 'segment' && data.options?.sack).toBe(true);
  });

  it('the diagram label and the step\'s segment carry them', () => {
    const text = TS_HANDSHAKE.join('\n');
    const { analysis, scenario } = analyze(text);
    const mermaid = generateMermaid(scenario, analysis).text;
    expect(mermaid).toContain('ts=100,0 sackOK');
    expect(analysis.steps.find((s) => s.segment)?.segment?.options?.timestamp?.value).toBe(100);
  });

  it('a malformed ts= is one syntax error that says how to write it', () => {
    const { analysis } = analyze('a --> b : ACK seq=1 ack=1 ts=100');
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['syntax']);
    expect(analysis.diagnostics[0].message).toContain('ts=TSVAL,TSECR');
  });
});

describe('PAWS (RFC 7323 §5.3)', () => {
  // R1: "If there is a Timestamps option in the arriving segment, SEG.TSval < TS.Recent,
  // TS.Recent is valid ..., and if the RST bit is not set, then treat the arriving
  // segment as not acceptable: Send an acknowledgment in reply".
  it('a segment with an older TSval is not acceptable: an ACK is owed, its data not taken', () => {
    const steps = run([...TS_HANDSHAKE, 'b --> a : ACK seq=301 ack=101 len=10 ts=50,500'].join('\n'));
    const step = steps.at(-1)!;
    expect(replies(step)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
    expect(explained(step)).toContain('PAWS');
    // RCV.NXT did not move: the same bytes with a fresh timestamp are new data.
    const after = run([...TS_HANDSHAKE, 'b --> a : ACK seq=301 ack=101 len=10 ts=50,500', 'b -> a : ACK seq=301 ack=101 len=10 ts=102,500'].join('\n')).at(-1)!;
    expect(replies(after)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
  });

  it('TS.Recent follows the timestamps of acceptable segments (R3), and compares modulo 2^32', () => {
    const base = [...TS_HANDSHAKE, 'b -> a : ACK seq=301 ack=101 len=10 ts=200,500'];
    expect(replies(run([...base, 'b --> a : ACK seq=311 ack=101 len=10 ts=150,500'].join('\n')).at(-1)!)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
    // Timestamps wrap like sequence numbers: 3 and 5 come after 4294967290, so they are not rejected.
    const wrapped = run([...TS_HANDSHAKE.slice(0, 3), 'b -> a : SYN seq=300 ts=4294967290,0', 'a -> b : SYN ACK seq=100 ack=301 ts=1,4294967290', 'b -> a : ACK seq=301 ack=101 ts=3,1', 'b -> a : ACK seq=301 ack=101 len=10 ts=5,1'].join('\n'));
    expect(replies(wrapped.at(-1)!)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
  });

  it('a RST is not subject to PAWS ("if the RST bit is not set")', () => {
    const step = run([...TS_HANDSHAKE, 'b --> a : RST seq=301 ts=50,500'].join('\n')).at(-1)!;
    expect(step.states.a).toBe('CLOSED');
  });

  it('without timestamps on both SYNs, ts= on later segments is not checked (RFC 7323 §3.2)', () => {
    const text = ['participant a', 'participant b', 'a: listen', 'b -> a : SYN seq=300', 'a -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=301 ack=101 ts=1000,0', 'b --> a : ACK seq=301 ack=101 len=10 ts=50,0'];
    expect(replies(run(text.join('\n')).at(-1)!)).toEqual(['a: <SEQ=101><ACK=311><CTL=ACK>']);
  });
});

describe('reopening from TIME-WAIT by timestamps (RFC 9293 §3.6.1 SHLD-4, RFC 6191 §2)', () => {
  /** a in TIME-WAIT after a close in which the last segment from b carried ts=300. */
  const timeWait = [
    ...TS_HANDSHAKE,
    'a: close',
    'a -> b : FIN ACK seq=101 ack=301 ts=501,101',
    'b -> a : ACK seq=301 ack=102 ts=200,501',
    'b: close',
    'b -> a : FIN ACK seq=301 ack=102 ts=300,501',
    'expect a TIME-WAIT',
  ];
  // "If TCP Timestamps would be enabled for the new incarnation of the connection, and
  // the timestamp contained in the incoming SYN segment is greater than the last
  // timestamp seen on the previous incarnation ..., honor the connection request".
  it('a SYN with a greater TSval reopens even with a sequence number below RCV.NXT', () => {
    const step = run([...timeWait, 'b --> a : SYN seq=250 ts=400,0'].join('\n')).at(-1)!;
    expect(step.states.a).toBe('SYN-RECEIVED');
    expect(explained(step)).toContain('RFC 6191');
  });

  // "Otherwise, silently drop the incoming SYN segment, thus leaving the previous
  // incarnation of the connection in the TIME-WAIT state."
  it('a SYN with an older TSval is dropped silently even with a sequence number past RCV.NXT', () => {
    const step = run([...timeWait, 'b --> a : SYN seq=5000 ts=250,0'].join('\n')).at(-1)!;
    expect(step.states.a).toBe('TIME-WAIT');
    expect(step.replies).toEqual([]);
  });

  it('an equal TSval leaves it to the sequence number (MAY-2)', () => {
    expect(run([...timeWait, 'b --> a : SYN seq=5000 ts=300,0'].join('\n')).at(-1)!.states.a).toBe('SYN-RECEIVED');
    expect(run([...timeWait, 'b --> a : SYN seq=250 ts=300,0'].join('\n')).at(-1)!.states.a).toBe('TIME-WAIT');
  });
});

describe('win= and the 16-bit window field (RFC 9293 §3.1, RFC 7323 §2)', () => {
  it('win=70000 without window scaling is a warning whose fix writes win=65535', () => {
    const text = established('ESTABLISHED', 'a -> b : ACK win=70000');
    const { analysis } = analyze(text);
    expect(analysis.diagnostics.map(diagnosticToString)).toEqual(['3:14 warning bad-field']);
    expect(analysis.diagnostics[0].message).toContain('16 bits');
    const fixed = applyFix(text, preferredFix(analysis.diagnostics[0]));
    expect(fixed.split('\n').at(-1)).toBe('a -> b : ACK win=65535');
    expect(analyze(fixed).analysis.diagnostics).toEqual([]);
  });

  it('on a SYN it is a warning even with wscale=, since a SYN\'s window is never scaled', () => {
    const { analysis } = analyze('participant a\nparticipant b\na: listen\nb -> a : SYN seq=1 wscale=7 win=70000');
    const ds = analysis.diagnostics.filter(notOwedReply);
    expect(ds.map((d) => d.code)).toEqual(['bad-field']);
    expect(ds[0].message).toContain('never scaled');
  });

  it('with wscale on both SYNs win= is the scaled window: 200000 is fine, above 65535 × 2^7 is not', () => {
    run([...TS_HANDSHAKE, 'b -> a : ACK seq=301 ack=101 win=200000'].join('\n'));
    const { analysis } = analyze([...TS_HANDSHAKE, 'b -> a : ACK seq=301 ack=101 win=9000000'].join('\n'));
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['bad-field']);
    expect(analysis.diagnostics[0].message).toContain('8388480');
  });

  it('wscale on one SYN only is not in effect (both must carry it)', () => {
    const text = ['participant a', 'participant b', 'a: listen', 'b -> a : SYN seq=300 wscale=7', 'a -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=301 ack=101 win=200000'];
    expect(analyze(text.join('\n')).analysis.diagnostics.map((d) => d.code)).toEqual(['bad-field']);
  });
});
