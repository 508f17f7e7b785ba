/**
 * The Mermaid generator: every shipped example against its checked-in diagram
 * (`golden/*.mmd`; refresh with `npx vitest run test/diagram -u` and review the diff),
 * and the rules of contract §6 on small scenarios.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMermaid, type MermaidOptions } from '../../server/src/diagram/mermaid.js';
import { readArrowPlan } from '../../server/src/diagram/arrow-plan.js';
import { readStatePlan } from '../../server/src/diagram/state-plan.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { dedent } from '../support/analyze.js';
import { largeScenario } from '../preview/large.js';

function examples(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tcpflow')).sort().map((f) => join(dir, f));
}

function mermaidOf(source: string, options: MermaidOptions = {}) {
  const { scenario, analysis } = analyzeText(source);
  return generateMermaid(scenario, analysis, options);
}

describe('golden diagrams of the examples', () => {
  for (const file of [...examples('examples'), ...examples('examples/mistakes')]) {
    it(basename(file), async () => {
      const diagram = mermaidOf(readFileSync(file, 'utf8'));
      await expect(diagram.text).toMatchFileSnapshot(`golden/${basename(file, '.tcpflow')}.mmd`);
    });
  }

  it('every example draws one arrow per segment line, in source order', () => {
    for (const file of examples('examples')) {
      const source = readFileSync(file, 'utf8');
      const { scenario } = analyzeText(source);
      const segments = scenario.statements.filter((s) => s.kind === 'segment');
      const diagram = mermaidOf(source);
      expect(diagram.messages.map((m) => m.line).sort((a, b) => a - b), file).toEqual(segments.map((s) => s.span.startLine));
    }
  });
});

describe('what the diagram shows', () => {
  const handshake = dedent(`
    scenario "Handshake"
    participant client as "Client 10.0.0.1:51000"
    participant server starts LISTEN
    client -> server : SYN seq=J
    server -> client : SYN ACK seq=K ack=J+1
    client -> server : ACK
  `);

  /** The handshake's first lines, whichever way its states are drawn: the title, the participants, their starting states. */
  const HANDSHAKE_HEADER = [
    'sequenceDiagram',
    'title Handshake',
    'participant client as Client 10.0.0.1#58;51000',
    'participant server as server',
    'Note over client,server: wrap:client: CLOSED #183; server: LISTEN',
  ];

  it('writes the title, the participants with labels, an arrow per segment, one row of starting states and the state changes as a plan', () => {
    const d = mermaidOf(handshake);
    expect(d.text).toBe([
      ...HANDSHAKE_HEADER,
      'client->>server: SYN seq=J',
      'server->>client: SYN,ACK seq=K ack=J+1',
      'Note over client: connect() returns',
      'client->>server: ACK (seq=J+1) (ack=K+1)',
      '%% tcpflow-arrows textbook p p p',
      // Each change at the row of its line's arrow (m0: the first arrow), on its lifeline, with its source line.
      '%% tcpflow-states m0:client:3:SYN-SENT m0:server:3:SYN-RECEIVED m1:client:4:ESTABLISHED m2:server:5:ESTABLISHED',
      '',
    ].join('\n'));
    expect(d.messages).toEqual([{ line: 3 }, { line: 4 }, { line: 5 }]);
    // Only the starting row is a note (linked to the first participant that does not start CLOSED).
    expect(d.notes.filter((n) => n.kind === 'state').map((n) => n.line)).toEqual([2]);
    expect(readStatePlan(d.text)).toEqual([
      { at: { kind: 'message', index: 0 }, participant: 'client', line: 3, text: 'SYN-SENT' },
      { at: { kind: 'message', index: 0 }, participant: 'server', line: 3, text: 'SYN-RECEIVED' },
      { at: { kind: 'message', index: 1 }, participant: 'client', line: 4, text: 'ESTABLISHED' },
      { at: { kind: 'message', index: 2 }, participant: 'server', line: 5, text: 'ESTABLISHED' },
    ]);
  });

  it('writes a note per state change instead, on request (text drawn without tcpflow)', () => {
    const d = mermaidOf(handshake, { states: 'notes' });
    expect(d.text).toBe([
      ...HANDSHAKE_HEADER,
      'client->>server: SYN seq=J',
      'Note left of client: SYN-SENT',
      'Note right of server: SYN-RECEIVED',
      'server->>client: SYN,ACK seq=K ack=J+1',
      'Note left of client: ESTABLISHED',
      'Note over client: connect() returns',
      'client->>server: ACK (seq=J+1) (ack=K+1)',
      'Note right of server: ESTABLISHED',
      '%% tcpflow-arrows textbook p p p',
      '',
    ].join('\n'));
    expect(d.messages).toEqual([{ line: 3 }, { line: 4 }, { line: 5 }]);
    expect(d.notes.filter((n) => n.kind === 'state').map((n) => n.line)).toEqual([2, 3, 3, 4, 5]);
  });

  it('says nothing of starting states when everyone starts CLOSED', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b
      a -> b : SYN seq=1
    `));
    expect(d.notes).toEqual([]);
    expect(d.text).not.toContain('Note ');
  });

  it('names states the Linux way on request', () => {
    expect(mermaidOf(handshake, { stateNames: 'linux' }).text).toContain('m0:server:3:SYN_RECV');
    expect(mermaidOf(handshake, { stateNames: 'linux', states: 'notes' }).text).toContain('Note right of server: SYN_RECV');
  });

  it('ends a lost segment in a cross and dashes an old duplicate', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b starts LISTEN
      a -x b : SYN seq=100
      a --> b : SYN seq=90
    `));
    expect(d.text).toContain('a-xb: SYN seq=100 (lost)');
    expect(d.text).toContain('a-->>b: old duplicate SYN seq=90');
  });

  it('notes an in-flight segment where it leaves and draws it dashed at its delivery', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b starts LISTEN
      a ~> b : SYN seq=100 as syn
      note over a : waiting
      deliver syn
    `));
    expect(d.text).toContain('Note left of a: sent as syn, in flight\n');
    expect(d.text).toContain('a--)b: syn: SYN seq=100');
    expect(d.messages).toEqual([{ line: 2, deliveredOn: 4 }]);
    // The arrow plan ties the arrow to the note where it left (note 1: after the starting states).
    expect(d.notes[1]).toEqual({ line: 2, kind: 'in-flight' });
    expect(d.text).toMatch(/\n%% tcpflow-arrows textbook f1\n/);
    // a's SYN-SENT is on the row of that note (no arrow there), b's SYN-RECEIVED on the arrow's.
    expect(d.text).toMatch(/\n%% tcpflow-states n1:a:2:SYN-SENT m0:b:4:SYN-RECEIVED\n$/);
  });

  it('writes an arrow plan of every arrow time, and none for flat ordinary arrows', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b starts LISTEN
      a -x b : SYN seq=100
      a --> b : SYN seq=90
      a ~> b : SYN seq=100 as s
      a ~> b : FIN seq=101
      deliver s
    `), { arrowStyle: 'flat' });
    expect(d.text).toMatch(/\n%% tcpflow-arrows flat x o x f1\n/);
    expect(readArrowPlan(d.text)).toEqual({ style: 'flat', arrows: [{ kind: 'lost' }, { kind: 'old' }, { kind: 'lost' }, { kind: 'flight', sentAtNote: 1 }] });
    expect(mermaidOf(handshake, { arrowStyle: 'flat' }).text).not.toContain('tcpflow-arrows');
  });

  it('draws an in-flight segment that is never delivered where it leaves, ending in a cross', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b starts LISTEN
      a ~> b : SYN seq=100 as syn
      a ~> b : FIN seq=101
      note over a : waiting
    `));
    expect(d.text).toContain('a--xb: SYN seq=100 as syn, never delivered');
    expect(d.text).toContain('a--xb: FIN seq=101, never delivered');
    expect(d.text).not.toContain('sent as syn');
    expect(d.messages).toEqual([{ line: 2 }, { line: 3 }]);
  });

  it('shows calls, and a blocking connect as an activation until it returns', () => {
    const d = mermaidOf(dedent(`
      participant client
      participant server
      server: listen
      client: connect
      client -> server : SYN seq=J
      server -> client : SYN ACK seq=K ack=J+1
    `));
    expect(d.text).toMatch(/Note over server: listen\(\)\n/);
    expect(d.text).toMatch(/Note over client: connect\(\)\nactivate client\n/);
    // SYN-SENT at the row of the connect() note (note 1, after listen()).
    expect(d.text).toContain(' n1:client:3:SYN-SENT ');
    expect(d.text).toMatch(/Note over client: connect\(\) returns\ndeactivate client\n/);
  });

  it('marks an error with a red rect and the diagnostic', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b starts LISTEN
      a -> b : SYN seq=100
      b -> a : SYN ACK seq=300 ack=100
    `));
    expect(d.text).toMatch(/rect rgba\(255, 0, 0, 0\.15\)\nb->>a: SYN,ACK seq=300 ack=100\n[^]*Note over a,b: wrap:Error bad-ack - [^\n]*\nend\n/);
    expect(d.notes.some((n) => n.kind === 'diagnostic' && n.line === 3)).toBe(true);
  });

  it('keeps notes as written, escaped', () => {
    const d = mermaidOf(dedent(`
      participant a
      participant b
      note over a, b : RST; then #59; <b>100%</b> end
    `));
    // Over two participants, Mermaid wraps the note (`wrap:`); a word longer than 24
    // escaped characters is broken first, between entity codes, never inside one.
    expect(d.text).toContain('Note over a,b: wrap:RST#59; then #35;59#59; #60;b#62;100#37;#60;/b #62; end');
  });

  it('wraps a note over one participant itself, and lets Mermaid wrap one over two', () => {
    const long = 'a segment that is not acceptable is answered with an ACK and dropped';
    const d = mermaidOf(dedent(`
      participant a
      participant b
      note over a : ${long}
      note over a, b : ${long}
    `));
    expect(d.text).toContain('Note over a: a segment that is not acceptable is answered<br>with an ACK and dropped');
    expect(d.text).toContain(`Note over a,b: wrap:${long}`);
  });

  it('gives participants named like Mermaid keywords an id of their own', () => {
    const d = mermaidOf(dedent(`
      participant end
      participant loop starts LISTEN
      end -> loop : SYN seq=1
    `));
    expect(d.text).toContain('participant p1_ as end');
    expect(d.text).toContain('participant p2_ as loop');
    expect(d.text).toContain('p1_->>p2_: SYN seq=1');
  });
});

describe('large scenarios', () => {
  const source = largeScenario(1000);

  it('draws everything up to the cap', () => {
    expect(mermaidOf(source, { maxMessages: 1000 }).messages).toHaveLength(1000);
  });

  it('draws a window of at most the cap around the focus line, and says so', () => {
    const d = mermaidOf(source, { maxMessages: 100, focusLine: 500 });
    expect(d.messages).toHaveLength(100);
    const lines = d.messages.map((m) => m.line);
    expect(Math.min(...lines)).toBeLessThanOrEqual(500);
    expect(Math.max(...lines)).toBeGreaterThanOrEqual(500);
    expect(d.window).toMatchObject({ totalMessages: 1000 });
    expect(d.text).toContain('Large scenario: showing messages');
    expect(d.text).toContain('more messages after line');
  });

  it('starts at the top without a focus line', () => {
    const d = mermaidOf(source, { maxMessages: 50 });
    expect(d.messages[0].line).toBe(3);
    expect(d.text).toContain('showing the first 50 of 1000 messages');
  });
});

describe('diagnostics in documents (footnotes)', () => {
  const withProblems = dedent(`
    participant a
    participant b starts LISTEN
    a -> b : SYN seq=100
    b -> a : SYN ACK seq=300 ack=999
    expect b ESTABLISHED
    a -> b : ACK seq=101 ack=301
  `);

  it('marks each error with ✗N on its arrow and lists the messages under the diagram, once each', () => {
    const d = mermaidOf(withProblems, { diagnostics: 'all', marks: 'footnotes' });
    expect(d.text).toMatch(/\nrect rgba\(255, 0, 0, 0\.15\)\nb->>a: SYN,ACK seq=300 ack=999 ✗1\nend\n/);
    const footnotes = d.text.split('\n').filter((l) => l.startsWith('Note over a,b: wrap:#10007;'));
    expect(footnotes.length).toBeGreaterThanOrEqual(2);
    expect(footnotes[0]).toMatch(/^Note over a,b: wrap:#10007;1 line 4: Error /);
    expect(new Set(footnotes).size).toBe(footnotes.length);
    expect(d.text).not.toMatch(/Note over a,b: wrap:Error /); // no box notes
    expect(d.notes.filter((n) => n.kind === 'diagnostic')).toHaveLength(footnotes.length);
  });

  it('marks only what it is asked to: none draws no mark at all', () => {
    const none = mermaidOf(withProblems, { diagnostics: 'none', marks: 'footnotes' }).text;
    expect(none).not.toContain('✗');
    expect(none).not.toContain('#10007;');
    expect(none).not.toContain('rect ');
    const boxes = mermaidOf(withProblems).text;
    expect(boxes).toContain('wrap:Error ');
  });

  it('leaves warnings out when only errors are asked for', () => {
    const source = dedent(`
      participant a
      participant b starts SYN_SEND
    `);
    const analysis = analyzeText(source).analysis;
    expect(analysis.diagnostics.some((x) => x.severity === 'warning')).toBe(true);
    expect(mermaidOf(source, { diagnostics: 'errors', marks: 'footnotes' }).text).not.toContain('Warning');
    expect(mermaidOf(source, { diagnostics: 'all', marks: 'footnotes' }).text).toContain('Warning');
  });
});
