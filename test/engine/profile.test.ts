/**
 * The `linux` profile (issue 11): RFC 9293 stays the default; `profile linux` gives
 * Linux's documented behaviour where it differs, each with its own explanation naming
 * the kernel behaviour and the RFC. Each test runs the same lines under both profiles.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { makeProfile } from '../../server/src/engine/profile.js';
import { analyze, diagnosticToString, notOwedReply } from '../support/analyze.js';
import { established, replies } from './rfc-notation.js';
import { inState } from './states-reached.js';

function run(text: string): readonly Step[] {
  const { analysis } = analyze(text);
  expect(analysis.diagnostics.filter(notOwedReply).map(diagnosticToString)).toEqual([]);
  return analysis.steps;
}

const explained = (step: Step) => step.explanations.map((e) => `${e.participant}: ${e.text} (${e.rule})`).join('\n');
const linux = (text: string, options = '') => `profile linux${options}\n${text}`;

describe('the profile line', () => {
  it('reads `profile linux` and `profile linux rfc1337`; rfc9293 is the default', () => {
    const { scenario } = analyze('profile linux rfc1337\nparticipant a');
    expect(scenario.statements[0]).toMatchObject({ kind: 'profile', profile: { name: 'linux', rfc1337: true } });
    expect(analyze('profile rfc9293').analysis.diagnostics).toEqual([]);
  });

  it('an unknown profile is an error, an unknown option a warning', () => {
    expect(analyze('profile bsd').analysis.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['error bad-field']);
    expect(analyze('profile linux fast').analysis.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning unknown-option']);
  });

  it('the ICMP code\'s question: only linux aborts SYN-SENT on host unreachable (RFC 9293 MUST-56 says soft errors must not)', () => {
    expect(makeProfile({ name: 'linux' }).abortsOnHostUnreachableInSynSent).toBe(true);
    expect(makeProfile({ name: 'rfc9293' }).abortsOnHostUnreachableInSynSent).toBe(false);
  });
});

describe('an ACK of data never sent', () => {
  // RFC 9293 §3.10.7.4: "If the ACK acks something not yet sent (SEG.ACK > SND.NXT),
  // then send an ACK, drop the segment, and return." Linux tcp_ack() drops it silently.
  const line = 'b --> a : ACK seq=301 ack=5000';
  it('rfc9293: an ACK is owed', () => {
    expect(replies(run(established('ESTABLISHED', line)).at(-1)!)).toEqual(['a: <SEQ=101><ACK=301><CTL=ACK>']);
  });
  it('linux: dropped silently, explained with the kernel and the RFC', () => {
    const step = run(linux(established('ESTABLISHED', line))).at(-1)!;
    expect(step.replies).toEqual([]);
    expect(explained(step)).toContain('tcp_ack()');
    expect(explained(step)).toContain('RFC 5961 §5.2');
  });
});

describe('RST in TIME-WAIT (RFC 1337)', () => {
  const line = 'b --> a : RST seq=302';
  it('rfc9293 and plain linux: the RST at RCV.NXT closes TIME-WAIT', () => {
    expect(run(inState('TIME-WAIT', line)).at(-1)!.states.a).toBe('CLOSED');
    expect(run(linux(inState('TIME-WAIT', line))).at(-1)!.states.a).toBe('CLOSED');
  });
  it('linux rfc1337: TIME-WAIT ignores it (net.ipv4.tcp_rfc1337=1)', () => {
    const step = run(linux(inState('TIME-WAIT', line), ' rfc1337')).at(-1)!;
    expect(step.states.a).toBe('TIME-WAIT');
    expect(explained(step)).toContain('tcp_rfc1337');
  });
});

describe('RST before accept', () => {
  const text = inState('ESTABLISHED', 'b -> a : RST seq=301', 'a: accept');
  it('rfc9293: the TCB is deleted, accept has nothing to return', () => {
    expect(analyze(text).analysis.diagnostics.map((d) => d.code)).toEqual(['call-not-allowed']);
  });
  it('linux: the reset child stays in the accept queue, accept returns it closed', () => {
    const steps = run(linux(text));
    expect(explained(steps.at(-2)!)).toContain('accept queue');
    const accept = steps.at(-1)!;
    expect(accept.effects.map((e) => e.text).join('\n')).toContain('ECONNRESET');
    expect(accept.states.a).toBe('CLOSED');
  });
  it('linux: a connection accept already returned is simply reset', () => {
    const steps = run(linux(inState('ESTABLISHED', 'a: accept', 'b -> a : RST seq=301')));
    expect(explained(steps.at(-1)!)).not.toContain('accept queue');
  });
});

describe('TCP Fast Open (RFC 7413)', () => {
  const text = ['participant a', 'participant b', 'a: listen', 'b -> a : SYN seq=300 len=10 tfo'].join('\n');
  it('rfc9293: the SYN\'s data waits for ESTABLISHED; the SYN,ACK acknowledges the SYN only', () => {
    const step = run(text).at(-1)!;
    expect(replies(step)).toEqual(['a: <ACK=301><CTL=SYN,ACK>']);
    expect(explained(step)).toContain('RFC 7413, not RFC 9293');
  });
  it('linux: the data is taken at once and the SYN,ACK acknowledges it, which the client accepts', () => {
    const step = run(linux(text)).at(-1)!;
    expect(replies(step)).toEqual(['a: <ACK=311><CTL=SYN,ACK>']);
    const done = run(linux(`${text}\na -> b : SYN ACK seq=100 ack=311\nb -> a : ACK seq=311 ack=101\nexpect a ESTABLISHED, b ESTABLISHED`));
    expect(done.at(-1)!.states.b).toBe('ESTABLISHED');
  });
  it('without tfo, linux queues SYN data as RFC 9293 does', () => {
    const step = run(linux(text.replace(' tfo', ''))).at(-1)!;
    expect(replies(step)).toEqual(['a: <ACK=301><CTL=SYN,ACK>']);
  });
});

describe('where connect gives up (tcp_syn_retries)', () => {
  const text = inState('SYN-SENT', 'a: timeout USER');
  it('linux names net.ipv4.tcp_syn_retries = 6 and ETIMEDOUT', () => {
    const step = run(linux(text)).at(-1)!;
    expect(explained(step)).toContain('tcp_syn_retries = 6');
    expect(step.states.a).toBe('CLOSED');
  });
  it('rfc9293 has no such number', () => {
    expect(explained(run(text).at(-1)!)).not.toContain('tcp_syn_retries');
  });
});

describe('the caller\'s default profile (the CLI flag, the setting)', () => {
  it('applies where the file names none, and a profile line wins over it', async () => {
    const { analyzeText } = await import('../../server/src/language/analyze.js');
    const line = established('ESTABLISHED', 'b --> a : ACK seq=301 ack=5000');
    expect(analyzeText(line, { profile: { name: 'linux' } }).analysis.steps.at(-1)!.replies).toEqual([]);
    expect(analyzeText(`profile rfc9293\n${line}`, { profile: { name: 'linux' } }).analysis.steps.at(-1)!.replies).toHaveLength(1);
  });
});
