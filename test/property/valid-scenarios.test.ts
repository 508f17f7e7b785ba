/**
 * Randomly generated valid scenarios (a handshake with random ISNs, symbolic or
 * numeric and near 2^32, data both ways with correct numbers, then one of the close
 * variants) give no diagnostics and end in the states RFC 9293 gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { diagnosticToString } from '../support/analyze.js';
import { buildScenario, scenarioSpec } from './scenario-model.js';

/** TCPFLOW_PROPERTY_SCALE=20 runs twenty times as many cases (for a long search). */
const runs = (n: number) => Math.round(n * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1));

describe('generated valid scenarios', () => {
  it('validate with no diagnostics and end in the expected states', () => {
    fc.assert(
      fc.property(scenarioSpec, (spec) => {
        const { text, final } = buildScenario(spec);
        const { analysis } = analyzeText(text);
        expect(analysis.diagnostics.map((d) => `${diagnosticToString(d)} ${d.message}`), text).toEqual([]);
        expect(analysis.steps.at(-1)!.states, text).toEqual(final);
      }),
      { numRuns: runs(300) },
    );
  });

  it('every segment line gets a seq, and an ack when ACK is set, whether written or inferred', () => {
    fc.assert(
      fc.property(scenarioSpec, (spec) => {
        const { analysis } = analyzeText(buildScenario(spec).text);
        const lines = buildScenario(spec).text.split('\n');
        for (const step of analysis.steps) {
          if (step.kind !== 'segment') continue;
          expect(step.segment!.seq).toBeDefined();
          // Only the line after a `timeout RTO` re-sends numbers.
          expect(step.segment!.retransmission).toBe(/timeout RTO/.test(lines[step.line - 1]));
          if (step.segment!.flags.includes('ACK')) expect(step.segment!.ack).toBeDefined();
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('a wrong ack anywhere after the handshake is caught as bad-ack (and nothing throws)', () => {
    fc.assert(
      fc.property(scenarioSpec, fc.nat(), fc.integer({ min: 1, max: 5 }), (spec, pick, delta) => {
        const { text } = buildScenario(spec);
        const lines = text.split('\n');
        const candidates = lines
          .map((l, i) => [l, i] as const)
          .filter(([l], i) => i > 8 && / -> .* ack=/.test(l) && !/\bRST\b/.test(l));
        fc.pre(candidates.length > 0);
        const [line, index] = candidates[pick % candidates.length];
        lines[index] = line.replace(/ack=(\S+)/, (_, v: string) => `ack=${v}+${delta}`.replace(/^ack=(\d+)\+(\d+)$/, (__, n: string, d: string) => `ack=${(Number(n) + Number(d)) % 2 ** 32}`));
        const codes = analyzeText(lines.join('\n')).analysis.diagnostics.map((d) => d.code);
        expect(codes).toContain('bad-ack');
      }),
      { numRuns: runs(100) },
    );
  });
});
