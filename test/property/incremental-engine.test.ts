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
import { runIncrementally, runScenario, type EngineRun } from '../../server/src/engine/run.js';
import { analyzeText } from '../../server/src/language/analyze.js';
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

function applyEdit(statements: readonly Statement[], e: Edit): Statement[] {
  const out = [...statements];
  const at = e.at % (out.length + 1);
  if (e.kind === 'insert') out.splice(at, 0, pool[e.statement]);
  else if (out.length > 0 && e.kind === 'delete') out.splice(Math.min(at, out.length - 1), 1);
  else if (out.length > 0) out[Math.min(at, out.length - 1)] = pool[e.statement];
  return out;
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
