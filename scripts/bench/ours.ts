/** Our side: parse + validate timed in this process, and the Mermaid text we generate. */
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { generateMermaid } from '../../server/src/diagram/mermaid.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { median, percentile } from './stats.js';

export interface OurTiming {
  readonly events: number;
  readonly lines: number;
  readonly validateMedianMs: number;
  readonly validateP95Ms: number;
  readonly runs: number;
  /** The full diagram (every message), as `synack export` draws it. */
  readonly fullMermaid: string;
}

export function measureOurs(events: number): OurTiming {
  const text = generateScenario(events);
  const runs = events >= 10_000 ? 15 : events >= 1_000 ? 40 : 200;
  for (let i = 0; i < 3; i++) analyzeText(text); // warm up the JIT and the parser's lookahead caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = analyzeText(text);
    times.push(performance.now() - t0);
    if (result.analysis.diagnostics.length > 0) throw new Error(`generated scenario of ${events} events has diagnostics`);
  }
  const { scenario, analysis } = analyzeText(text);
  const full = generateMermaid(scenario, analysis, { maxMessages: Number.POSITIVE_INFINITY });
  return {
    events,
    lines: text.split('\n').length - 1,
    validateMedianMs: median(times),
    validateP95Ms: percentile(times, 0.95),
    runs,
    fullMermaid: full.text,
  };
}
