/**
 * The language server resumes the engine from a checkpoint before the first statement an
 * edit changed (engine/run.ts, runIncrementally). Whatever the edits, the analysis must
 * be exactly the one a fresh run gives: same steps, diagnostics, tags, final TCBs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import type { Statement } from '../../server/src/engine/model.js';
import { runIncrementally, runScenario, startIncrementally, type EngineRun } from '../../server/src/engine/run.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';
import { listExamples } from '../support/examples.js';

/** TCPFLOW_PROPERTY_SCALE=20 runs twenty times as many cases (for a long search). */
const runs = (n: number) => Math.round(n * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1));

const statementsOf = (text: string): readonly Statement[] => analyzeText(text).scenario.statements;

/**
 * SYNs without `seq=` take their symbol from a later line that names it (`ack=J+1`):
 * editing that later line changes what the earlier SYN sent.
 */
const LOOK_AHEAD = `
client -> server : SYN
server -> client : SYN ACK ack=J+1
client -> server : ACK seq=J+1 ack=K+1
server -> client : SYN ACK seq=X ack=Y+1
client -> server : ACK seq=Y+1 ack=X+1
`;

const documents = [
  ...listExamples(join(__dirname, '..', '..', 'examples')).map((path) => readFileSync(path, 'utf8')),
  generateScenario(120),
  LOOK_AHEAD,
];
const scenarios = documents.map(statementsOf);
/** Statements to insert or put in place of others: every line of every document. */
const pool = scenarios.flat();

type Edit = { kind: 'insert' | 'delete' | 'replace'; at: number; statement: number };

const edit = fc.record({
  kind: fc.constantFrom<Edit['kind']>('insert', 'delete', 'replace'),
  at: fc.nat(),
  statement: fc.nat(pool.length - 1),
});

/** `items` with `item` inserted at, or put in place of, the item at `at` (modulo the length), or that item deleted. */
function edited<T>(items: readonly T[], kind: Edit['kind'], at: number, item: T): T[] {
  const out = [...items];
  const where = at % (out.length + 1);
  if (kind === 'insert') out.splice(where, 0, item);
  else if (out.length > 0 && kind === 'delete') out.splice(Math.min(where, out.length - 1), 1);
  else if (out.length > 0) out[Math.min(where, out.length - 1)] = item;
  return out;
}

function applyEdit(statements: readonly Statement[], e: Edit): Statement[] {
  return edited(statements, e.kind, e.at, pool[e.statement]);
}

/** Applies the edits one by one, resuming each run from the last, and compares every run with a fresh one. */
function checkEdits(start: readonly Statement[], edits: readonly Edit[], checkpointEvery: number): void {
  let statements = start;
  let previous: EngineRun | undefined = runIncrementally({ statements }, undefined, checkpointEvery);
  for (const e of edits) {
    statements = applyEdit(statements, e);
    const run = runIncrementally({ statements }, previous, checkpointEvery);
    // JSON, not toEqual: it also compares the order of keys and of Map-derived records.
    expect(JSON.stringify(run.analysis)).toBe(JSON.stringify(runScenario({ statements })));
    previous = run;
  }
}

describe('an engine run resumed after edits equals a fresh run', () => {
  it('on random edits of the examples, with checkpoints every 1 to 8 statements', () => {
    fc.assert(
      fc.property(fc.nat(scenarios.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), (doc, edits, every) => {
        checkEdits(scenarios[doc], edits, every);
      }),
      { numRuns: runs(400) },
    );
  });

  it('when a later line that an inferred SYN looked ahead to changes', () => {
    const statements = statementsOf(LOOK_AHEAD);
    const first = runIncrementally({ statements }, undefined, 1);
    // Line 2 names J; once it names Q instead, the first SYN is sent with seq=Q.
    const edited = [statements[0], statementsOf('server -> client : SYN ACK ack=Q+1')[0], ...statements.slice(2)];
    const resumed = runIncrementally({ statements: edited }, first, 1);
    expect(resumed.analysis.steps[0].segment?.seq).toEqual({ symbol: 'Q', offset: 0 });
    expect(JSON.stringify(resumed.analysis)).toBe(JSON.stringify(runScenario({ statements: edited })));
  });

  it('when an edit adds a participant or changes a declaration, which every line depends on', () => {
    const statements = statementsOf(documents[0]);
    const first = runIncrementally({ statements }, undefined, 1);
    for (const added of ['participant newcomer starts ESTABLISHED', 'participant client starts LISTEN', 'newcomer: listen']) {
      const edited = [...statements, statementsOf(added)[0]];
      expect(JSON.stringify(runIncrementally({ statements: edited }, first, 1).analysis)).toBe(JSON.stringify(runScenario({ statements: edited })));
    }
  });

  it('returns the previous run itself when no statement changed', () => {
    const statements = statementsOf(documents[0]);
    const first = runIncrementally({ statements }, undefined, 4);
    expect(runIncrementally({ statements: [...statements] }, first, 4)).toBe(first);
  });

  it('resumes instead of starting over: a run after an edit near the end reuses the steps before it', () => {
    const statements = statementsOf(generateScenario(400));
    const first = runIncrementally({ statements }, undefined, 16);
    const edited = [...statements.slice(0, -3), statementsOf('note over client : late note')[0], ...statements.slice(-3)];
    const resumed = runIncrementally({ statements: edited }, first, 16);
    // The same Step objects: they were not computed again.
    expect(resumed.analysis.steps[100]).toBe(first.analysis.steps[100]);
    expect(JSON.stringify(resumed.analysis)).toBe(JSON.stringify(runScenario({ statements: edited })));
  });
});

/**
 * As the language server runs it: documents read line by line (lsp/document-analysis.ts),
 * where an edit moves every chunk after it to new lines (the same statement objects,
 * their spans following their chunk's anchor: engine/anchor.ts), and the engine may stop
 * where it meets the previous run again and take over the rest (engine/converge.ts).
 */
describe('a run that takes over the previous one after an edit equals a fresh run', () => {
  /** Lines to insert or put in place of others: every line of the examples, and notes, which change no state. */
  const LINES = [...documents.flatMap((d) => d.split('\n')), 'note over client : a remark', 'note over server : another', '// a comment', ''];
  const lineEdit = fc.record({
    kind: fc.constantFrom<Edit['kind']>('insert', 'insert', 'delete', 'replace'),
    at: fc.nat(),
    line: fc.nat(LINES.length - 1),
  });

  const applyLineEdit = (lines: readonly string[], e: { kind: Edit['kind']; at: number; line: number }): string[] => edited(lines, e.kind, e.at, LINES[e.line]);

  it('on random line edits of the examples and of a long scenario, with checkpoints every 1 to 16 statements', () => {
    let tookOver = 0;
    const sources = [...documents, generateScenario(60)];
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(lineEdit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 16 }), (doc, edits, every) => {
        const reader = new IncrementalReader(every);
        let lines = sources[doc].split('\n');
        reader.analyze('file:///edited', lines.join('\n'));
        for (const e of edits) {
          lines = applyLineEdit(lines, e);
          const text = lines.join('\n');
          const incremental = reader.analyze('file:///edited', text).analysis;
          if (reader.engineRun('file:///edited')?.tookOverAt !== undefined) tookOver++;
          const fresh = new IncrementalReader(every).analyze('file:///fresh', text).analysis;
          expect(JSON.stringify(incremental)).toBe(JSON.stringify(fresh));
        }
      }),
      { numRuns: runs(300) },
    );
    // The edits did take the path under test: many runs stopped early and took the rest over.
    console.log(`took over in ${tookOver} runs`);
    expect(tookOver).toBeGreaterThan(runs(300) / 6);
  });

  it('typing a note into the middle of a long scenario re-checks up to the next checkpoint, not to the end', () => {
    const reader = new IncrementalReader(16);
    const lines = generateScenario(400).split('\n');
    reader.analyze('file:///long', lines.join('\n'));
    const lastBefore = reader.engineRun('file:///long')!.analysis.steps.at(-1)!;
    const lastLineBefore = lastBefore.line;
    lines.splice(200, 0, 'note over client : typed in the middle');
    const after = reader.analyze('file:///long', lines.join('\n'));
    const run = reader.engineRun('file:///long')!;
    expect(run.tookOverAt).toBeDefined();
    expect(run.tookOverAt!).toBeLessThanOrEqual(200 + 16 + 1);
    // The steps after it are the previous run's own Step objects (re-indexed copies when
    // statements were added), and their lines follow the text one line down.
    const last = run.analysis.steps.at(-1)!;
    expect(last.line).toBe(lastLineBefore + 1);
    expect(lastBefore.line).toBe(lastLineBefore + 1);
    expect(JSON.stringify(after.analysis)).toBe(JSON.stringify(new IncrementalReader(16).analyze('file:///fresh', lines.join('\n')).analysis));
  });
});

/** Positions at the edge (engine/anchor.ts): lines are read through their chunk's anchor, never moved. */
describe('an edit that only moves lines', () => {
  const LATE = 'client -> server : SYN seq=J\nserver ~> client : SYN ACK seq=K ack=J+1 as late\nclient: recv\ndeliver late\ndeliver late\n';

  it('moves nothing inside the engine: the previous run is kept as it is, and reads at the new lines', () => {
    const reader = new IncrementalReader(4);
    const text = generateScenario(200) + LATE;
    reader.analyze('file:///m', text);
    const before = reader.engineRun('file:///m')!;
    const moved = `\n// two lines above\n${text}`;
    const after = reader.analyze('file:///m', moved);
    expect(reader.engineRun('file:///m')).toBe(before);
    expect(JSON.stringify(after.analysis)).toBe(JSON.stringify(new IncrementalReader(4).analyze('file:///fresh', moved).analysis));
  });

  it('writes a text that names a line when it is read: the delivery, and the second delivery of a tag, name the moved line', () => {
    const reader = new IncrementalReader(4);
    const first = reader.analyze('file:///t', LATE).analysis;
    const late = () => first.steps.find((s) => s.kind === 'deliver')!;
    expect(late().explanations.map((e) => e.text)).toContain('the segment sent on line 2 arrives now (late).');
    const again = () => first.diagnostics.find((d) => d.code === 'unknown-tag')!.message;
    expect(again()).toContain('already delivered on line 4');
    reader.analyze('file:///t', `\n\n${LATE}`);
    // The same objects as before the edit, read again.
    expect(late().explanations.map((e) => e.text)).toContain('the segment sent on line 4 arrives now (late).');
    expect(late().sentOnLine).toBe(3);
    expect(again()).toContain('already delivered on line 6');
  });

  it('after an edit replaced a sent segment, what the run took over keeps following the lines', () => {
    const reader = new IncrementalReader(1);
    const lines = `${generateScenario(30)}${LATE}`.split('\n');
    reader.analyze('file:///r', lines.join('\n'));
    const sent = lines.findIndex((l) => l.includes('as late'));
    const edits = [
      (ls: string[]) => ls.map((l, i) => (i === sent ? `${l} ` : l)),
      (ls: string[]) => ['// one more line above', ...ls],
      (ls: string[]) => ls.slice(1),
    ];
    let current = lines;
    for (const e of edits) {
      current = e(current);
      const text = current.join('\n');
      expect(JSON.stringify(reader.analyze('file:///r', text).analysis)).toBe(JSON.stringify(new IncrementalReader(1).analyze('file:///f', text).analysis));
    }
  });
});

/** The language server runs a long analysis in slices, a few hundred statements each (engine/run.ts, startIncrementally). */
describe('a run advanced a few statements at a time equals a run at once', () => {
  function runInSteps(statements: readonly Statement[], previous: EngineRun | undefined, every: number, step: number): EngineRun {
    const run = startIncrementally({ statements }, previous, every);
    for (let advanced = 0; ; advanced += step) {
      const finished = run.advance(step);
      if (finished) return finished;
      // Not finished: there were statements left to run.
      expect(advanced + step).toBeLessThan(statements.length);
    }
  }

  it('on random edits, resuming the previous run, advancing 1 to 7 statements per step', () => {
    fc.assert(
      fc.property(fc.nat(scenarios.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 7 }), (doc, edits, every, step) => {
        let statements = scenarios[doc];
        let previous = runInSteps(statements, undefined, every, step);
        for (const e of edits) {
          statements = applyEdit(statements, e);
          const run = runInSteps(statements, previous, every, step);
          expect(JSON.stringify(run.analysis)).toBe(JSON.stringify(runScenario({ statements })));
          previous = run;
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
