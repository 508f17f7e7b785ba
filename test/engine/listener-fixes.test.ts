/**
 * The listener's quick fix `Add server: accept` (engine/listener-fixes.ts), where a
 * full accept queue dropped the final ACK that an expectation counts on: an extra fix
 * (the preferred one stays), and applying it gives a clean scenario.
 */
import { describe, expect, it } from 'vitest';
import { analyze, dedent, diagnosticToString } from '../support/analyze.js';
import { applyFix } from './fixes.js';

function fixTitled(text: string, title: string) {
  const [d] = analyze(text).analysis.diagnostics;
  const fix = d?.fixes?.find((f) => f.title === title);
  return { diagnostic: d, fix };
}

describe('Add `server: accept`', () => {
  const OVERFLOW = dedent(`
    server: listen backlog=1
    c1 -> server : SYN seq=100
    server -> c1 : SYN ACK seq=300 ack=101
    c1 -> server : ACK seq=101 ack=301
    c2 -> server : SYN seq=500
    c3 -> server : SYN seq=900
    server -> c2 : SYN ACK seq=700 ack=501
    server -> c3 : SYN ACK seq=1100 ack=901
    c2 -> server : ACK seq=501 ack=701
    c3 -> server : ACK seq=901 ack=1101
    expect server[c3] ESTABLISHED
  `);

  it('expect server[c3] ESTABLISHED after its ACK was dropped: accept before that ACK makes room, and the scenario checks clean', () => {
    const { diagnostic, fix } = fixTitled(OVERFLOW, 'Add `server: accept` before the dropped ACK (it makes room in the accept queue)');
    expect(diagnosticToString(diagnostic)).toBe('11:19 error expect-failed');
    expect(diagnostic.fixes?.[0]).toMatchObject({ title: 'Change to SYN-RECEIVED', preferred: true });
    const fixed = applyFix(OVERFLOW, fix!);
    expect(fixed.split('\n')[9]).toBe('server: accept');
    expect(analyze(fixed).analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  });

  it('no accept fix where no ACK was dropped', () => {
    const text = dedent(`
      server: listen
      c1 -> server : SYN seq=100
      c2 -> server : SYN seq=500
      expect server[c2] ESTABLISHED
    `);
    const [d] = analyze(text).analysis.diagnostics;
    expect(d.fixes?.map((f) => f.title)).toEqual(['Change to SYN-RECEIVED']);
  });
});
