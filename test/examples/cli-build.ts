/**
 * Builds the CLI with `node scripts/bundle.mjs` and returns a private copy of
 * `out/cli.js`, so that tests spawning it never read a file another test file is
 * rebuilding at the same moment. The bundle runs under a lock directory (mkdir is
 * atomic) so that two test files do not bundle into `out/` at once.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, withBundleLock } from '../support/bundle-lock.js';

export { ROOT };


/** Bundles and returns the path of a copy of the CLI that no one else writes to. */
export function buildCli(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-cli-'));
  const copy = join(dir, 'cli.js');
  withBundleLock(() => {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
    copyFileSync(join(ROOT, 'out', 'cli.js'), copy);
  });
  return copy;
}
