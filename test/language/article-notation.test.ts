/**
 * The articles' notation (issue 13 item 4): `SYN=1, ACK=1, seq=500, ack=201` reads as
 * `SYN ACK seq=500 ack=201`; FLAG=0 means the flag is absent; commas may stand between
 * flags and fields. And the four-way close of each article, in its own letters and
 * notation, checks clean.
 */
import { describe, expect, it } from 'vitest';
import { analyze, dedent, diagnosticToString } from '../support/analyze.js';
import type { SegmentStatement } from '../../server/src/engine/model.js';

function segment(line: string): SegmentStatement {
  const { scenario, analysis } = analyze(`${line}\n`);
  const syntax = analysis.diagnostics.filter((d) => d.code === 'syntax');
  expect(syntax).toEqual([]);
  const s = scenario.statements.find((x) => x.kind === 'segment');
  expect(s).toBeDefined();
  return s as SegmentStatement;
}

describe('the articles\' notation', () => {
  it('FLAG=1 sets a flag, in any order with the fields, commas between', () => {
    const s = segment('server -> client : seq=500, ack=201, SYN=1, ACK=1');
    expect(s.flags).toEqual(['SYN', 'ACK']);
    expect(s.seq?.value).toEqual({ symbol: null, offset: 500 });
    expect(s.ack?.value).toEqual({ symbol: null, offset: 201 });
    expect(s.flagBits).toBe(true);
  });

  it('FLAG=0 means the flag is absent', () => {
    expect(segment('a -> b : SYN=0, ACK=1, seq=1, ack=2').flags).toEqual(['ACK']);
  });

  it('ack=1 in lower case is the acknowledgment field, ACK=1 the flag', () => {
    const s = segment('a -> b : ACK=1, ack=1, seq=7');
    expect(s.flags).toEqual(['ACK']);
    expect(s.ack?.value.offset).toBe(1);
  });

  it('commas between fields after canonical flags, and a tag', () => {
    const s = segment('a ~> b : FIN ACK seq=u, ack= v+1 as t');
    expect(s.flags).toEqual(['ACK', 'FIN']);
    expect(s.ack?.value).toEqual({ symbol: 'v', offset: 1 });
    expect(s.tag).toBe('t');
  });

  it('the canonical notation reads as before (no article flag)', () => {
    expect(segment('a -> b : SYN, ACK seq=1 ack=2').flagBits).toBeUndefined();
  });

  it('ACK=1 is the flag wherever it stands; ACK=5 is the ack field; every flag 0 is a segment without flags (one error: a CLOSED endpoint sends nothing)', () => {
    expect(segment('a -> b : SYN ACK=1 seq=1').flags).toEqual(['SYN', 'ACK']);
    expect(segment('a -> b : ACK ACK=5').ack?.value.offset).toBe(5);
    expect(analyze('a -> b : SYN=0, seq=1\n').analysis.diagnostics.map(diagnosticToString)).toEqual(['1:1 error send-not-allowed']);
  });

  it('what reads in neither notation keeps the first reading\'s syntax error', () => {
    const ds = analyze('a -> b : SYN seq=1 )\n').analysis.diagnostics;
    expect(ds.map((d) => d.code)).toEqual(['syntax']);
  });

  it('a missing ACK in this notation is fixed in it: `, ACK=1`', () => {
    const text = dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client: close
      client -> server : FIN=1, seq=u
    `);
    const [d] = analyze(text).analysis.diagnostics;
    expect(d.code).toBe('send-not-allowed');
    expect(d.fixes?.[0].edits[0].newText).toBe(', ACK=1');
  });
});

/** Each article's four-way close (四次挥手), in its letters and notation: clean. */
describe('the four-way close of each article checks clean', () => {
  const check = (text: string) => expect(analyze(text).analysis.diagnostics.map((d) => `${diagnosticToString(d)} ${d.message}`)).toEqual([]);

  it('article 1: the handshake with J/K, the close with FIN(M), ACK(M+1), FIN(N), ACK(N+1)', () => {
    check(dedent(`
      participant client
      participant server
      server: listen
      client: connect
      client -> server : SYN seq=J
      server -> client : SYN ACK seq=K ack=J+1
      client -> server : ACK seq=J+1 ack=K+1
      client: close
      client -> server : FIN ACK seq=M
      server -> client : ACK ack=M+1
      server: close
      server -> client : FIN ACK seq=N
      client -> server : ACK ack=N+1
      expect client TIME-WAIT, server CLOSED
    `));
  });

  it('article 2: FIN S, ACK S+1, FIN C, ACK C+1, from an open connection', () => {
    check(dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client: close
      client -> server : FIN ACK seq=S
      server -> client : ACK ack=S+1
      server: close
      server -> client : FIN ACK seq=C
      client -> server : ACK ack=C+1
      expect client TIME-WAIT, server CLOSED
    `));
  });

  it('article 5: the handshake in numbers (200/500), the close in u/v/w with FLAG=1 (its first FIN with ACK=1 added)', () => {
    check(dedent(`
      participant client
      participant server
      server: listen
      client -> server : SYN=1, seq=200
      server -> client : SYN=1, ACK=1, seq=500, ack=201
      client -> server : ACK=1, seq=201, ack=501
      client: close
      client -> server : FIN=1, ACK=1, seq=u
      server -> client : ACK=1, ack=u+1, seq=v
      server: close
      server -> client : FIN=1, ACK=1, ack=u+1, seq=w
      client -> server : ACK=1, ack=w+1, seq=u+1
      expect client TIME-WAIT, server CLOSED
    `));
  });

  it('article 5 as written (FIN=1, seq=u without ACK): exactly one error, on that FIN', () => {
    const text = dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client: close
      client -> server : FIN=1, seq=u
      server -> client : ACK=1, ack=u+1, seq=v
      server: close
      server -> client : FIN=1, ACK=1, ack=u+1, seq=w
      client -> server : ACK=1, ack=w+1, seq=u+1
      expect client TIME-WAIT, server CLOSED
    `);
    expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual(['4:20 error send-not-allowed']);
  });
});
