/**
 * The contract's diagnostic codes (§4.1) that are not about one endpoint's TCB:
 * mixed-seq-space, multiple-peers, unknown-tag, never-delivered, ack-without-flag,
 * unknown-option, state-spelling, expect-failed and syntax (with error recovery).
 */
import { describe, expect, it } from 'vitest';
import { analyze, codes, dedent, diagnosticToString, statesByLine, notOwedReply } from '../support/analyze.js';
import { applyFix, preferredFix } from './fixes.js';

const HANDSHAKE = dedent(`
  participant c
  participant s starts LISTEN
  c -> s : SYN seq=J
  s -> c : SYN ACK seq=K ack=J+1
  c -> s : ACK seq=J+1 ack=K+1
`);

const after = (...lines: string[]) => HANDSHAKE + lines.join('\n') + '\n';

describe('mixed-seq-space', () => {
  it('a number in a direction written with symbols (seq); the number cannot match SND.NXT either', () => {
    const text = after('c -> s : ACK seq=101 ack=K+1');
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['6:14 error mixed-seq-space', '6:14 error bad-seq']);
    expect(ds[0].message).toMatch(/written with symbols \(line 3\)/);
  });

  it('a symbol in a direction written with numbers (ack)', () => {
    const text = dedent(`
      participant s starts LISTEN
      c -> s : SYN seq=100
      s -> c : SYN ACK seq=300 ack=J+1
    `);
    // The SYN from CLOSED (an implied connect) opened c's space with a number.
    expect(codes(text)).toEqual(['mixed-seq-space', 'bad-ack']);
    expect(analyze(text).analysis.diagnostics.find((d) => d.code === 'mixed-seq-space')!.span.startLine).toBe(2);
  });

  it('each direction has its own space: symbols one way, numbers the other is fine', () => {
    expect(codes(dedent(`
      participant s starts LISTEN
      c -> s : SYN seq=J
      s -> c : SYN ACK seq=300 ack=J+1
      c -> s : ACK seq=J+1 ack=301
    `))).toEqual([]);
  });

  it('the seq=0 of a reset from a CLOSED endpoint belongs to no space', () => {
    expect(codes('c -> s : SYN seq=J\ns -> c : RST ACK seq=0 ack=J+1\n')).toEqual([]);
  });
});

describe('multiple-peers', () => {
  it('a participant that exchanges segments with a second peer', () => {
    const text = after('c -> other : ACK seq=J+1 ack=K+1');
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['6:1 error multiple-peers']);
    expect(ds[0].message).toContain('other');
  });

  it('also when the second peer is the sender', () => {
    expect(codes(after('other -> s : SYN seq=1'))).toEqual(['multiple-peers']);
  });

  it('two independent pairs are fine', () => {
    expect(codes(HANDSHAKE + 'participant s2 starts LISTEN\nc2 -> s2 : SYN seq=x\n').filter((c) => c !== 'owed-reply')).toEqual([]);
  });
});

describe('in-flight segments: unknown-tag and never-delivered', () => {
  it('deliver with a tag no segment carries', () => {
    const ds = analyze(after('deliver nope')).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['6:9 error unknown-tag']);
  });

  it('delivering the same segment twice', () => {
    const text = after('c ~> s : ACK seq=J+1 ack=K+1 len=5 as d1', 'deliver d1', 'deliver d1');
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['8:9 error unknown-tag']);
    expect(ds[0].message).toMatch(/already delivered on line 7/);
  });

  it('a ~> segment never delivered is a warning whose fix adds the deliver line', () => {
    const text = after('c ~> s : ACK seq=J+1 ack=K+1 len=5 as d1');
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['6:39 warning never-delivered']);
    const fixed = applyFix(text, preferredFix(ds[0]));
    expect(fixed).toContain('deliver d1');
    expect(codes(fixed)).toEqual([]);
  });

  it('the receiver acts at the deliver line, not at the send', () => {
    const text = after('c: close', 'c ~> s : FIN ACK seq=J+1 ack=K+1 as fin', 'expect s ESTABLISHED', 'deliver fin', 'expect s CLOSE-WAIT');
    expect(codes(text).filter((c) => c !== 'owed-reply')).toEqual([]);
    const { analysis } = analyze(text);
    expect(analysis.steps.at(-1)!.sentOnLine).toBe(6);
  });
});

describe('ack-without-flag', () => {
  it('an ack= on a segment without ACK is a warning, with a fix that adds the flag', () => {
    const text = 'participant s starts LISTEN\nc -> s : SYN seq=J ack=5\n';
    const ds = analyze(text).analysis.diagnostics;
    const [warning] = ds.filter(notOwedReply);
    expect([warning].map(diagnosticToString)).toEqual(['2:20 warning ack-without-flag']);
    const fixed = applyFix(text, preferredFix(warning));
    expect(fixed.split('\n')[1]).toBe('c -> s : SYN ACK seq=J ack=5');
  });

  it('the ignored ack does not reach the receiver', () => {
    const { analysis } = analyze('participant s starts LISTEN\nc -> s : SYN seq=J ack=5\n');
    expect(analysis.steps[0].segment!.ack).toBeUndefined();
    expect(analysis.steps[0].states.s).toBe('SYN-RECEIVED');
  });
});

describe('unknown-option', () => {
  it('an unknown name=value on a segment is a warning, and the segment still counts', () => {
    const text = after('c -> s : ACK seq=J+1 ack=K+1 len=5 sack=1');
    expect(analyze(text).analysis.diagnostics.map(diagnosticToString)).toEqual(['6:36 warning unknown-option']);
    expect(statesByLine(text).at(-1)![1]).toEqual({ c: 'ESTABLISHED', s: 'ESTABLISHED' });
  });

  it('on a call, too', () => {
    expect(codes('s: listen queue=5\n')).toEqual(['unknown-option']);
    expect(codes('s: listen backlog=5\n')).toEqual([]);
  });
});

describe('state-spelling', () => {
  it.each([
    ['SYN_SEND', 'SYN-SENT'], ['SYNC_SENT', 'SYN-SENT'], ['SYNC_RCVD', 'SYN-RECEIVED'], ['SYN_RECIEVED', 'SYN-RECEIVED'],
    ['ESTABLISH', 'ESTABLISHED'], ['TIMED_WAIT', 'TIME-WAIT'],
  ])('%s is a warning, read as %s, with a fix to the canonical name', (written, state) => {
    const text = `participant a starts LISTEN\nexpect a ${written}\n`;
    const ds = analyze(text).analysis.diagnostics.filter((d) => d.code === 'state-spelling');
    expect(ds.map(diagnosticToString)).toEqual(['2:10 warning state-spelling']);
    expect(ds[0].message).toContain(state);
    const fixed = applyFix(text, preferredFix(ds[0]));
    expect(fixed).toBe(`participant a starts LISTEN\nexpect a ${state}\n`);
  });

  it('the misspelt state is read as the state it means (the expect passes)', () => {
    expect(codes('a: connect\nexpect a SYN_SEND\n')).toEqual(['state-spelling']);
  });

  it.each([
    ['SYN_SENT', 'SYN-SENT'], ['SYN_RECV', 'SYN-RECEIVED'], ['SYN_RCVD', 'SYN-RECEIVED'], ['FIN_WAIT1', 'FIN-WAIT-1'],
    ['FIN_WAIT_2', 'FIN-WAIT-2'], ['TIME_WAIT', 'TIME-WAIT'], ['CLOSE_WAIT', 'CLOSE-WAIT'], ['LAST_ACK', 'LAST-ACK'],
    ['established', 'ESTABLISHED'], ['Syn-Received', 'SYN-RECEIVED'],
  ])('the netstat/Linux spelling %s is accepted without a warning', (written, state) => {
    const text = `participant a starts ${written}\nexpect a ${written}\n`;
    expect(codes(text)).toEqual([]);
    expect(analyze(text).analysis.participants[0].initialState).toBe(state);
  });

  it('a name that is no state at all is an error', () => {
    expect(codes('participant a starts LISTEN\nexpect a OPEN\n')).toEqual(['unknown-state']);
  });

  it('in `starts`, too', () => {
    expect(codes('participant a starts SYN_SEND\n')).toEqual(['state-spelling']);
  });
});

describe('expect-failed', () => {
  it('names the computed state, points at the state written, and the fix writes it', () => {
    const text = after('expect c ESTABLISHED, s CLOSE-WAIT');
    const ds = analyze(text).analysis.diagnostics;
    expect(ds.map(diagnosticToString)).toEqual(['6:25 error expect-failed']);
    expect(ds[0].message).toContain('ESTABLISHED');
    expect(codes(applyFix(text, preferredFix(ds[0])))).toEqual([]);
  });

  it('checks the state after the last event line before it', () => {
    const text = 'a: listen\nexpect a LISTEN\na: close\nexpect a CLOSED\n';
    expect(codes(text)).toEqual([]);
  });

  it('before any event, the declared starting state', () => {
    expect(codes('participant a starts LISTEN\nexpect a LISTEN\n')).toEqual([]);
    expect(codes('participant a\nexpect a CLOSED\n')).toEqual([]);
  });
});

describe('syntax, with error recovery', () => {
  const GOOD_AFTER = ['s: listen', 'c -> s : SYN seq=J', 's -> c : SYN ACK seq=K ack=J+1', 'c -> s : ACK seq=J+1 ack=K+1'];

  /** A bad line between `a: listen` and a handshake: one syntax error on it, every later line still runs. */
  function recovers(bad: string): void {
    const text = ['x: listen', bad, ...GOOD_AFTER].join('\n') + '\n';
    const { analysis } = analyze(text);
    expect(analysis.diagnostics.map((d) => `${d.span.startLine + 1} ${d.code}`)).toEqual(['2 syntax']);
    expect(analysis.steps.map((s) => s.line + 1)).toEqual([1, 3, 4, 5, 6]);
    expect(analysis.steps.at(-1)!.states).toMatchObject({ c: 'ESTABLISHED', s: 'ESTABLISHED' });
  }

  it.each([
    ['a segment without its colon', 'c -> s SYN seq=J'],
    ['symbols only', '@@@'],
    ['an arrow with nothing after it', 'c -> s'],
    ['a field without a value', 'c -> s : SYN seq='],
    ['an expression ending in +', 'c -> s : SYN seq=J+'],
    ['note without anything', 'note'],
    ['participant without a name', 'participant'],
    ['deliver without a tag', 'deliver'],
    ['a call without a name', 'c: '],
    ['a lone word', 'garbage'],
    ['a half-typed participant name', 'client'],
    ['symbols, then a word', '@@@ garbage'],
    ['a number, then a word', '123 abc'],
    ['an unterminated string', 'scenario "no end'],
    ['a word, then =', 'x = y'],
    ['expect without anything', 'expect'],
  ])('%s', (_, bad) => recovers(bad));

  it('the syntax error is on the bad line and says what was expected', () => {
    const [d] = analyze('c -> s SYN\n').analysis.diagnostics;
    expect(diagnosticToString(d)).toBe('1:8 error syntax');
    expect(d.message).toMatch(/Expected ':'/);
  });

  it('one syntax diagnostic per bad line, even with several errors on it', () => {
    const text = 'c -> s SYN seq= = =\n@@ @@ @@\nc: connect\n';
    const { analysis } = analyze(text);
    expect(analysis.diagnostics.map((d) => `${d.span.startLine + 1} ${d.code}`)).toEqual(['1 syntax', '2 syntax']);
    expect(analysis.steps.map((s) => s.line + 1)).toEqual([3]);
  });

  it('comments and blank lines anywhere', () => {
    const text = '/* a\nblock */\n\n// line\nc: connect // trailing\n\n   \nexpect c SYN-SENT /* x */\n';
    expect(codes(text)).toEqual([]);
  });
});
