/**
 * `npm run bench:export`: only the export comparison (export.ts), its section of
 * docs/benchmarks.md replaced and the rest kept.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_SECTION, exportSectionLines, measureExport } from './export.js';

async function main(): Promise<void> {
  const section = exportSectionLines(await measureExport(join('out', 'cli.js'))).join('\n');
  const doc = readFileSync('docs/benchmarks.md', 'utf8');
  const existing = new RegExp(`^## ${EXPORT_SECTION}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm');
  const next = existing.test(doc) ? doc.replace(existing, `${section}\n`) : doc.replace(/^## What was changed/m, `${section}\n## What was changed`);
  writeFileSync('docs/benchmarks.md', next);
  console.log(section);
}

void main();
