/**
 * Fixed hostile documents that random generation would rarely reach: 1 MB lines,
 * 100,000 comment openers, 10,000 lines of NUL or CR. Each is analyzed and drawn
 * within the per-document budget, with every position in range and safe Mermaid.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { bigDocuments, unterminatedComments } from './generators.js';
import { analyzeChecked, mermaidChecked } from './properties.js';

describe('hostile documents', () => {
  for (const doc of bigDocuments()) {
    it(doc.name, () => {
      mermaidChecked(analyzeChecked(doc.text), {});
    });
  }

  /**
   * The fastest of three runs, in ms of this thread's CPU time: on a loaded machine the
   * wall time also counts the time the process waited for a core (a ratio of wall times
   * failed at load 25), which says nothing of the algorithm.
   */
  function fastest(text: string): number {
    const times = [0, 1, 2].map(() => {
      const started = process.cpuUsage();
      analyzeText(text);
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1000;
    });
    return Math.min(...times);
  }

  // A regex for block comments scans to the end of the text at every `/*` with no `*/`
  // after it: quadratic. The reader's scanner (language/reader/scanner.ts) knows the
  // text's last `*/`, so many unclosed openers scan in linear time.
  it('unterminated /* openers cost linear time (4x the openers, < 8x the time)', () => {
    analyzeText(unterminatedComments(24_000)); // warm the JIT first: cold, the small case measured compilation
    const small = fastest(unterminatedComments(6_000));
    const large = fastest(unterminatedComments(24_000));
    expect(large / Math.max(small, 1)).toBeLessThan(8);
  });
});
