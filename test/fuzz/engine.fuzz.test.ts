/**
 * Fuzzing the parser, the engine and the Mermaid generator in process: the properties
 * of ./properties.ts at the run counts for CI. `npm run fuzz` runs them 10x longer.
 * FUZZ_SEED reproduces a run; a failure prints the shrunk input and the seed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PROPERTIES } from './properties.js';

const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : undefined;
const scale = process.env.FUZZ_SCALE !== undefined ? Number(process.env.FUZZ_SCALE) : 1;

describe('fuzz: parser, engine, Mermaid generator', () => {
  for (const p of PROPERTIES) {
    it(`${p.name} (${Math.round(p.testRuns * scale)} cases)`, () => {
      fc.assert(p.property, { numRuns: Math.max(1, Math.round(p.testRuns * scale)), seed, endOnFailure: false });
    });
  }
});
