/**
 * One mistake → one error, over every clean example: each line broken in each way a
 * learner breaks it (test/fuzz/one-mistake.ts) gives exactly one diagnostic, on that
 * line, whose preferred fix makes the scenario clean again. `npm run fuzz` draws random
 * breaks at scale (PROPERTIES).
 */
import { describe, expect, it } from 'vitest';
import { BREAK_KINDS, breaksOf, CLEAN_EXAMPLES, isKnownGap, KNOWN_GAPS, oneMistakeProblem } from './one-mistake.js';

describe('one mistake, one error, over the examples', () => {
  it('there are clean examples to break', () => {
    expect(CLEAN_EXAMPLES.length).toBeGreaterThanOrEqual(10);
  });

  for (const kind of BREAK_KINDS) {
    it(`${kind}: one diagnostic on the broken line, and its fix gives a clean scenario`, () => {
      let tried = 0;
      const problems: string[] = [];
      for (const example of CLEAN_EXAMPLES) {
        // A few variants: which letter is misspelt and how, by how much a number changes.
        for (const variant of [0, 1, 2, 5]) {
          for (const broken of breaksOf(example.text, kind, variant)) {
            if (isKnownGap(example.text, broken)) continue;
            tried++;
            const problem = oneMistakeProblem(example.text, broken);
            if (problem) problems.push(`${example.name}: ${problem}`);
          }
        }
      }
      expect(tried).toBeGreaterThan(50);
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  it('each known gap is still what it says: a break whose line is correct and whose errors come later', () => {
    for (const gap of KNOWN_GAPS) {
      const example = CLEAN_EXAMPLES.find((e) => e.text.split('\n').some((l) => l.trim() === gap.line));
      expect(example, gap.line).toBeDefined();
      const broken = breaksOf(example!.text, gap.kind).find((b) => b.what === gap.what && isKnownGap(example!.text, b));
      expect(broken).toBeDefined();
      expect(oneMistakeProblem(example!.text, broken!)).toMatch(/diagnostics, not one/);
    }
  });
});
