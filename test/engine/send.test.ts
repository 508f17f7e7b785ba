/**
 * The sender's side of a segment line (RFC 9293 §3.10.1-3.10.5, §3.3.1): what each
 * state may emit (`send-not-allowed`), the numbers it must carry (`bad-seq`,
 * `bad-ack`, with fixes that make the line clean), retransmissions, inferred
 * seq/ack, and sequence numbers that wrap modulo 2^32.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { formatSeq } from '../../server/src/engine/seq.js';
import type { TcpState } from '../../server/src/engine/states.js';
import { analyze, codes, dedent, diagnosticToString, statesByLine, notOwedReply } from '../support/analyze.js';
import { applyFix, preferredFix } from './fixes.js';
import { inState } from './states-reached.js';

const seg = (step: Step) => {
  const s = step.segment!;
  return `seq=${s.seq ? formatSeq(s.seq) : '-'}${s.seqInferred ? '*' : ''} ack=${s.ack ? formatSeq(s.ack) : '-'}${s.ackInferred ? '*' : ''}${s.retransmission ? ' rtx' : ''}`;
};

describe('send-not-allowed', () => {
  it.each([
    ['SYN,ACK from CLOSED', 'CLOSED', 'a -> b : SYN ACK seq=100 ack=301'],
    ['SYN,ACK from LISTEN', 'LISTEN', 'a -> b : SYN ACK seq=100 ack=301'],
    ['SYN,ACK from ESTABLISHED', 'ESTABLISHED', 'a -> b : SYN ACK seq=100 ack=301'],
    ['data from LISTEN', 'LISTEN', 'a -> b : ACK seq=100 ack=1 len=10'],
    ['FIN from LISTEN', 'LISTEN', 'a -> b : FIN ACK seq=100 ack=1'],
    ['an ACK from CLOSED', 'CLOSED', 'a -> b : ACK seq=100 ack=1'],
    ['an ACK from SYN-SENT', 'SYN-SENT', 'a -> b : ACK seq=101 ack=1'],
    ['a FIN from SYN-SENT', 'SYN-SENT', 'a -> b : FIN seq=101'],
    ['a SYN from ESTABLISHED', 'ESTABLISHED', 'a -> b : SYN seq=500'],
    ['a SYN with FIN', 'CLOSED', 'a -> b : SYN FIN seq=100'],
    ['data from SYN-RECEIVED', 'SYN-RECEIVED', 'a -> b : ACK seq=101 ack=301 len=5'],
    ['a segment without ACK in ESTABLISHED', 'ESTABLISHED', 'a -> b : PSH seq=101 len=5'],
    ['new data after our FIN', 'FIN-WAIT-2', 'a -> b : ACK seq=102 ack=301 len=5'],
    ['a FIN again once it is acknowledged', 'FIN-WAIT-2', 'a -> b : FIN ACK seq=101 ack=301'],
    ['a FIN from TIME-WAIT', 'TIME-WAIT', 'a -> b : FIN ACK seq=101 ack=302'],
    ['an RST from CLOSED that nothing made due', 'CLOSED', 'a -> b : RST seq=0'],
    ['an RST from LISTEN that nothing made due', 'LISTEN', 'a -> b : RST seq=0'],
    ['an RST from TIME-WAIT (ABORT there sends nothing)', 'TIME-WAIT', 'a -> b : RST seq=102'],
    ['an ACK from SYN-RECEIVED before its SYN,ACK', 'CLOSED', 'a: listen\nb -> a : SYN seq=300\na -> b : ACK seq=1 ack=301'],
  ] as const)('%s', (_, state, line) => {
    const text = inState(state, line);
    const diagnostics = analyze(text).analysis.diagnostics.filter((d) => d.code !== 'never-delivered');
    expect(diagnostics.map((d) => d.code)).toEqual(['send-not-allowed']);
    const d = diagnostics[0];
    expect(d.severity).toBe('error');
    expect(d.span.startLine).toBe(text.trimEnd().split('\n').length - 1);
    // On the flags: `a -> b : ` is 9 characters.
    expect(d.span.startColumn).toBe(9);
  });

  it('the refusal names the state and says what would be allowed', () => {
    const [d] = analyze(inState('CLOSED', 'a -> b : SYN ACK seq=100 ack=301')).analysis.diagnostics;
    expect(d.message).toMatch(/a is CLOSED/);
    expect(d.message).toMatch(/add `a: listen`/);
  });
});

describe('bad-seq and bad-ack, and their fixes', () => {
  const cases: Array<[string, TcpState, string, string]> = [
    ['bad-seq: the ACK of the handshake forgets the SYN took a number', 'LISTEN', 'b -> a : SYN seq=300\na -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=300 ack=101'],
    ['bad-seq: data ahead of SND.NXT', 'ESTABLISHED', 'a -> b : ACK seq=111 ack=301 len=10', ''],
    ['bad-seq: before ISS', 'ESTABLISHED', 'a -> b : ACK seq=50 ack=301 len=10', ''],
    ['bad-seq: a FIN not at SND.NXT', 'ESTABLISHED', 'a -> b : FIN ACK seq=102 ack=301', ''],
    ['bad-seq: the RST of an abort not at SND.NXT', 'ESTABLISHED', 'a: abort\na -> b : RST seq=100', ''],
    ['bad-seq: a due RST not at SEG.ACK', 'CLOSED', 'b --> a : ACK seq=300 ack=77\na -> b : RST seq=76', ''],
    ['bad-ack: off by one', 'ESTABLISHED', 'b -> a : ACK seq=301 ack=101 len=10\na -> b : ACK seq=101 ack=310', ''],
    ['bad-ack: SYN,ACK not acknowledging the SYN', 'LISTEN', 'b -> a : SYN seq=300\na -> b : SYN ACK seq=100 ack=300', ''],
    ['bad-ack: a due RST,ACK with the wrong ack', 'CLOSED', 'b -> a : SYN seq=300\na -> b : RST ACK seq=0 ack=300', ''],
  ];

  it.each(cases)('%s', (title, state, line, more) => {
    const text = inState(state, ...[line, more].filter(Boolean));
    const { analysis } = analyze(text);
    const code = title.split(':')[0];
    const ds = analysis.diagnostics.filter((d) => d.code !== 'never-delivered');
    expect(ds.map((d) => d.code)).toEqual([code]);
    expect(ds[0].severity).toBe('error');
    const fixed = applyFix(text, preferredFix(ds[0]));
    expect(fixed).not.toBe(text);
    expect(codes(fixed).filter((c) => c !== 'never-delivered' && c !== 'owed-reply')).toEqual([]);
  });

  it('the fix of bad-ack replaces only the ack field', () => {
    const text = inState('ESTABLISHED', 'b -> a : ACK seq=301 ack=101 len=10', 'a -> b : ACK seq=101 ack=310');
    const [d] = analyze(text).analysis.diagnostics;
    expect(applyFix(text, preferredFix(d)).trimEnd().split('\n').at(-1)).toBe('a -> b : ACK seq=101 ack=311');
    expect(d.message).toContain('RCV.NXT = 311');
  });

  it('a wrong seq on a line whose sender may not send at all is only send-not-allowed', () => {
    expect(codes(inState('LISTEN', 'a -> b : ACK seq=9 ack=9 len=1'))).toEqual(['send-not-allowed']);
  });

  it('numbers compare modulo 2^32: seq=4294967396 is read as 100 with a warning', () => {
    const text = inState('CLOSED', 'b: listen', 'a -> b : SYN seq=4294967396');
    expect(codes(text).filter((c) => c !== 'owed-reply')).toEqual(['bad-field']);
    const { analysis } = analyze(text);
    expect(analysis.steps.at(-1)!.segment!.seq).toEqual({ symbol: null, offset: 100 });
  });
});

describe('retransmissions (segment.retransmission)', () => {
  function steps(text: string): readonly Step[] {
    const { analysis } = analyze(dedent(text));
    expect(analysis.diagnostics.filter(notOwedReply).map(diagnosticToString)).toEqual([]);
    return analysis.steps;
  }

  it('a SYN sent again after RTO', () => {
    const s = steps(`
      b: listen
      a: connect
      a -x b : SYN seq=100
      a: timeout RTO
      a -> b : SYN seq=100
    `);
    expect(seg(s[2])).toBe('seq=100 ack=-');
    expect(seg(s[4])).toBe('seq=100 ack=- rtx');
    expect(s[4].states).toEqual({ b: 'SYN-RECEIVED', a: 'SYN-SENT' });
  });

  it('a SYN,ACK sent again', () => {
    const s = steps(`
      a: listen
      b -> a : SYN seq=300
      a -x b : SYN ACK seq=100 ack=301
      a: timeout RTO
      a -> b : SYN ACK seq=100 ack=301
    `);
    expect(seg(s[4])).toBe('seq=100 ack=301 rtx');
  });

  it('data sent again: all of it, or only its tail', () => {
    const s = steps(`
      participant a starts ESTABLISHED snd=101 rcv=301
      participant b starts ESTABLISHED snd=301 rcv=101
      a -x b : ACK seq=101 ack=301 len=20
      a: timeout RTO
      a -> b : ACK seq=101 ack=301 len=20
      a -> b : ACK seq=111 ack=301 len=10
      a -> b : ACK seq=121 ack=301 len=5
    `);
    expect(s.map((x) => x.segment && seg(x))).toEqual([
      'seq=101 ack=301', undefined, 'seq=101 ack=301 rtx', 'seq=111 ack=301 rtx', 'seq=121 ack=301',
    ]);
  });

  it('a FIN sent again, alone or with the data before it', () => {
    const s = steps(`
      participant a starts ESTABLISHED snd=101 rcv=301
      participant b starts ESTABLISHED snd=301 rcv=101
      a -x b : ACK seq=101 ack=301 len=10
      a: close
      a -x b : FIN ACK seq=111 ack=301
      a: timeout RTO
      a -> b : FIN ACK seq=101 ack=301 len=10
      b -> a : ACK seq=301 ack=112
    `);
    expect(seg(s[4])).toBe('seq=101 ack=301 rtx');
    expect(s[5].states).toEqual({ a: 'FIN-WAIT-2', b: 'CLOSE-WAIT' });
  });

  it('the SYN,ACK that a simultaneous open makes due is the reply, not a retransmission', () => {
    const s = steps(`
      a: connect
      b: connect
      a ~> b : SYN seq=100 as sa
      b -> a : SYN seq=300
      deliver sa
      a -> b : SYN ACK seq=100 ack=301
    `);
    expect(seg(s[5])).toBe('seq=100 ack=301');
  });
});

describe('inferred seq and ack (seqInferred, ackInferred)', () => {
  it('a whole connection without numbers: fresh symbols J and K for the two SYNs', () => {
    const { analysis } = analyze(dedent(`
      server: listen
      client -> server : SYN
      server -> client : SYN ACK
      client -> server : ACK
      client -> server : PSH ACK len=10
      server -> client : ACK
      client: close
      client -> server : FIN ACK
      server -> client : FIN ACK
      client -> server : ACK
    `));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps.filter((s) => s.segment).map(seg)).toEqual([
      'seq=J* ack=-',
      'seq=K* ack=J+1*',
      'seq=J+1* ack=K+1*',
      'seq=J+1* ack=K+1*',
      'seq=K+1* ack=J+11*',
      'seq=J+11* ack=K+1*',
      'seq=K+1* ack=J+12*',
      'seq=J+12* ack=K+2*',
    ]);
    expect(analysis.steps.at(-1)!.states).toEqual({ server: 'CLOSED', client: 'TIME-WAIT' });
  });

  it('fresh symbols skip the ones the scenario already uses', () => {
    const { analysis } = analyze(dedent(`
      participant c
      participant s starts LISTEN
      participant c2
      participant s2 starts LISTEN
      c -> s : SYN seq=J
      s -> c : SYN ACK
      c2 -> s2 : SYN
      s2 -> c2 : SYN ACK
    `));
    expect(analysis.diagnostics.filter(notOwedReply)).toEqual([]);
    expect(analysis.steps.map(seg)).toEqual(['seq=J ack=-', 'seq=K* ack=J+1*', 'seq=x* ack=-', 'seq=y* ack=x+1*']);
  });

  it('a written field is not marked inferred; an omitted one is', () => {
    const { analysis } = analyze(inState('ESTABLISHED', 'a -> b : ACK ack=301 len=3', 'a -> b : ACK seq=104 len=3'));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps.slice(-2).map(seg)).toEqual(['seq=101* ack=301', 'seq=104 ack=301*']);
  });

  it('an RST due from CLOSED is inferred as the RFC forms it', () => {
    const { analysis } = analyze(['a -> b : SYN seq=J', 'b -> a : RST ACK'].join('\n'));
    expect(analysis.diagnostics).toEqual([]);
    expect(seg(analysis.steps[1])).toBe('seq=0* ack=J+1*');
    expect(analysis.steps[1].states).toEqual({ a: 'CLOSED', b: 'CLOSED' });
  });
});

describe('sequence numbers wrap modulo 2^32 (§3.4)', () => {
  it('ISS 4294967295: the SYN takes the last number, the next is 0', () => {
    const text = dedent(`
      server: listen
      client -> server : SYN seq=4294967295
      server -> client : SYN ACK seq=4294967290 ack=0
      client -> server : ACK seq=0 ack=4294967291 len=10
      server -> client : ACK seq=4294967291 ack=10 len=10
      client -> server : FIN ACK seq=10 ack=5
      server -> client : FIN ACK seq=5 ack=11
      client -> server : ACK seq=11 ack=6
    `);
    expect(codes(text)).toEqual([]);
    expect(statesByLine(text).map(([, s]) => `${s.client}/${s.server}`)).toEqual([
      'CLOSED/LISTEN', 'SYN-SENT/SYN-RECEIVED', 'ESTABLISHED/SYN-RECEIVED', 'ESTABLISHED/ESTABLISHED',
      'ESTABLISHED/ESTABLISHED', 'FIN-WAIT-1/CLOSE-WAIT', 'TIME-WAIT/LAST-ACK', 'TIME-WAIT/CLOSED',
    ]);
  });

  it('inferred numbers wrap too', () => {
    const { analysis } = analyze(dedent(`
      server: listen
      client -> server : SYN seq=4294967290
      server -> client : SYN ACK seq=7
      client -> server : ACK len=10
      server -> client : ACK
    `));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps.slice(2).map(seg)).toEqual(['seq=7 ack=4294967291*', 'seq=4294967291* ack=8*', 'seq=8* ack=5*']);
  });

  it('a retransmission across the wrap is recognised', () => {
    const text = dedent(`
      participant a starts ESTABLISHED snd=4294967290 rcv=1
      participant b starts ESTABLISHED snd=1 rcv=4294967290
      a -x b : ACK seq=4294967290 ack=1 len=20
      a: timeout RTO
      a -> b : ACK seq=4294967290 ack=1 len=20
      b -> a : ACK seq=1 ack=14
    `);
    const { analysis } = analyze(text);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.steps[2].segment!.retransmission).toBe(true);
    expect(analysis.steps[3].variables.map((v) => `${v.participant} ${v.variable}=${formatSeq(v.after!)}`)).toEqual(['a SND.UNA=14']);
  });

  it('an acknowledgment up to 2^31-1 ahead is "beyond SND.NXT"; further ahead it reads as old (§3.4 comparisons)', () => {
    const at = (ack: number) => analyze(dedent(`
      participant a starts ESTABLISHED snd=100 rcv=1
      participant b starts ESTABLISHED snd=1 rcv=100
      b --> a : ACK seq=1 ack=${ack}
    `)).analysis.steps[0];
    // 100 + 2^31 - 1: acknowledges something not yet sent, answered by an ACK.
    expect(at(2147483747).replies.map((r) => r.reply.flags)).toEqual([['ACK']]);
    // 100 + 2^31 + 1 is 2^31 - 1 behind: an old duplicate ACK, ignored.
    expect(at(2147483749).replies).toEqual([]);
  });
});
