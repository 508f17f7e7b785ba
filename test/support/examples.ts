/** The shipped example scenarios, found the same way by every test that walks them. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.tcpflow` file under `dir` (sub-folders included), sorted. */
export function listExamples(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listExamples(path);
    return entry.name.endsWith('.tcpflow') ? [path] : [];
  }).sort();
}
