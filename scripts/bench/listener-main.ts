/**
 * `vite-node scripts/bench/listener-main.ts [CLIENTS]`: only the listener benchmark
 * (listener.ts), its section of docs/benchmarks.md replaced and the rest kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { LISTENER_SECTION, listenerSectionLines, measureListener } from './listener.js';

function main(): void {
  const clients = Number(process.argv[2] ?? 1_000);
  const section = listenerSectionLines(measureListener(clients)).join('\n');
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  const existing = new RegExp(`^## ${LISTENER_SECTION}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  const next = existing.test(doc) ? doc.replace(existing, `${section}\n`) : doc.replace(/^## What was changed/m, `${section}\n## What was changed`);
  writeFileSync('docs/benchmarks.md', next);
  console.log(section);
}

main();
