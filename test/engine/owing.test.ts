/**
 * Step.owing (issue 11, JSON): every reply still owed after a line, not only the ones
 * the line made due. An ACK made due on one line stays owed across lines that do not
 * send it (a call, or a segment of the peer's) and is gone once its endpoint sends.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../server/src/engine/analysis.js';
import { formatSeq } from '../../server/src/engine/seq.js';
import { describeStep } from '../../server/src/lsp/describe.js';
import { analyze, diagnosticToString } from '../support/analyze.js';

function run(lines: string[]) {
  const { analysis } = analyze(`${lines.join('\n')}\n`);
  expect(analysis.diagnostics.map(diagnosticToString)).toEqual([]);
  return analysis;
}

const steps = (lines: string[]): readonly Step[] => run(lines).steps;

/** What a step says is owed, as `participant FLAGS ack=…`, in its order. */
function owing(step: Step): string[] {
  return (step.owing ?? []).map(({ participant, reply }) => `${participant} ${reply.flags.join(',')}${reply.ack ? ` ack=${formatSeq(reply.ack)}` : ''}`);
}

const OPEN = [
  'participant client',
  'participant server',
  'server: listen',
  'client -> server : SYN seq=J',
  'server -> client : SYN ACK seq=K ack=J+1',
];

describe('the replies still owed after each line', () => {
  it('an ACK owed after the SYN,ACK is still owed after an unrelated call, and gone once sent', () => {
    const [listen, syn, synAck, accept, ack] = steps([...OPEN, 'server: accept', 'client -> server : ACK seq=J+1 ack=K+1']);
    expect(owing(listen)).toEqual([]);
    expect(listen.owing).toBeUndefined(); // nothing owed: no array made for it
    expect(owing(syn)).toEqual(['server SYN,ACK ack=J+1']);
    // The server sent its SYN,ACK: only the client's ACK is left.
    expect(owing(synAck)).toEqual(['client ACK ack=K+1']);
    // `accept` made nothing due, and the client has not sent: the ACK is still owed.
    expect(accept.replies).toEqual([]);
    expect(owing(accept)).toEqual(['client ACK ack=K+1']);
    expect(owing(ack)).toEqual([]);
  });

  it('the hover lists a reply carried over from an earlier line under "Still owed", and the line\'s own under "Replies now due"', () => {
    const analysis = run([...OPEN, 'server: accept', 'client -> server : ACK seq=J+1 ack=K+1']);
    const [, , synAck, accept, ack] = analysis.steps.map((s) => describeStep(analysis, s, 'rfc'));
    expect(synAck).toContain('**Replies now due**\n- client owes `ACK seq=J+1 ack=K+1`');
    expect(synAck).not.toContain('Still owed');
    expect(accept).toContain('**Still owed**\n- client still owes `ACK seq=J+1 ack=K+1` — ');
    expect(ack).not.toContain('owes');
  });

  it('across a segment of the peer\'s: the receiver owes one ACK, for everything received', () => {
    const all = steps([
      ...OPEN,
      'client -> server : ACK seq=J+1 ack=K+1',
      'client -> server : ACK seq=J+1 ack=K+1 len=100',
      'client -> server : ACK seq=J+101 ack=K+1 len=100',
      'server -> client : ACK seq=K+1 ack=J+201',
    ]);
    const [firstData, secondData, serverAck] = all.slice(-3);
    expect(owing(firstData)).toEqual(['server ACK ack=J+101']);
    // The client's second segment does not settle what the server owes: it owes more.
    expect(owing(secondData)).toEqual(['server ACK ack=J+201']);
    expect(owing(serverAck)).toEqual([]);
  });

  it('both endpoints at once, in participant order', () => {
    const all = steps([
      ...OPEN,
      'client -> server : ACK seq=J+1 ack=K+1',
      'client ~> server : ACK seq=J+1 ack=K+1 len=10 as late',
      'server -> client : ACK seq=K+1 ack=J+1 len=20',
      'deliver late',
    ]);
    const [, serverData, delivered] = all.slice(-3);
    expect(owing(serverData)).toEqual(['client ACK ack=K+21']);
    // The late segment arrives: now the server owes too, and the client still does.
    expect(owing(delivered)).toEqual(['client ACK ack=K+21', 'server ACK ack=J+11']);
  });
});
