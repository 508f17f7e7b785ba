/**
 * A large scenario is drawn as a window of blocks around the cursor; the diagram
 * generator lays every block out but draws only those in the window
 * (server/src/diagram/mermaid.ts). Whatever the cap and the focus line, the window must
 * draw its blocks exactly as the whole diagram draws them: its lines are a run of the
 * whole diagram's lines, and its messages a run of its messages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMermaid } from '../../server/src/diagram/mermaid.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { listExamples } from '../support/examples.js';

/** TCPFLOW_PROPERTY_SCALE=20 runs twenty times as many cases (for a long search). */
const runs = (n: number) => Math.round(n * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1));

const exampleLines = listExamples(join(__dirname, '..', '..', 'examples')).map((p) => readFileSync(p, 'utf8').split('\n'));

/** The lines of `outer` hold `inner` as a contiguous run. */
function containsRun(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length === 0) return true;
  for (let start = outer.indexOf(inner[0]); start !== -1; start = outer.indexOf(inner[0], start + 1)) {
    if (inner.every((line, i) => outer[start + i] === line)) return true;
  }
  return false;
}

/** The window's own blocks: without the header, the "Large scenario" notes and the bars re-opened before the first block. */
/** The arrow plan's and the state plan's lines (server/src/diagram/arrow-plan.ts, state-plan.ts). */
const isPlan = (line: string) => line.startsWith('%% tcpflow-arrows ') || line.startsWith('%% tcpflow-states ');

function windowBlocks(text: string, headerLength: number): string[] {
  const body = text.trimEnd().split('\n').slice(headerLength + 1).filter((l) => !/more messages after line/.test(l) && !isPlan(l));
  // A block never starts with `activate`: the leading ones re-open bars that began before the window.
  const firstBlock = body.findIndex((l) => !l.startsWith('activate '));
  return firstBlock === -1 ? [] : body.slice(firstBlock);
}

describe('a windowed diagram draws its blocks as the whole diagram does', () => {
  it('for examples run together (activation bars, deliveries, errors), any cap and focus line', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(exampleLines.length - 1), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(200),
        fc.constantFrom<'rfc' | 'linux'>('rfc', 'linux'),
        (picks, max, focusLine, stateNames) => {
          const text = picks.flatMap((i) => exampleLines[i]).join('\n');
          const { scenario, analysis } = analyzeText(text);
          const whole = generateMermaid(scenario, analysis, { maxMessages: Number.POSITIVE_INFINITY, stateNames });
          const windowed = generateMermaid(scenario, analysis, { maxMessages: max, focusLine, stateNames });
          if (!windowed.window) {
            expect(windowed).toEqual(whole);
            return;
          }
          // The header (title, participants, starting states) ends where the window's first note is.
          const header = windowed.text.split('\n').findIndex((l) => l.includes('Large scenario'));
          // The plans describe the drawn part (their note numbers differ): compared apart, by the plan tests.
          const wholeLines = whole.text.trimEnd().split('\n').filter((l) => !isPlan(l));
          expect(windowed.text.split('\n').slice(0, header)).toEqual(wholeLines.slice(0, header));
          expect(containsRun(wholeLines.slice(header), windowBlocks(windowed.text, header))).toBe(true);
          const { firstMessage, lastMessage } = windowed.window;
          expect(windowed.messages).toEqual(whole.messages.slice(firstMessage, lastMessage + 1));
        },
      ),
      { numRuns: runs(300) },
    );
  });
});
