/**
 * `vite-node scripts/bench/capture-main.ts`: only the capture import benchmark
 * (capture.ts), its section of docs/benchmarks.md replaced and the rest kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURE_SECTION, captureSectionLines, measureCapture } from './capture.js';

/** Measure and put the section into docs/benchmarks.md, in place of the old one or before "## What was changed". */
async function main(): Promise<void> {
  const timing = await measureCapture(join('out', 'cli.js'));
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  const section = captureSectionLines(timing).join('\n');
  const existing = new RegExp(`^## ${CAPTURE_SECTION}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  const next = existing.test(doc) ? doc.replace(existing, `${section}\n`) : doc.replace(/^## What was changed/m, `${section}\n## What was changed`);
  writeFileSync('docs/benchmarks.md', next);
  console.log(section);
}

void main();
