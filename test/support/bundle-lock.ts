/**
 * One bundle into `out/` at a time, across test files and processes: `node
 * scripts/bundle.mjs` runs under a lock directory (mkdir is atomic), so no test reads a
 * file another is rewriting, and nothing rewrites out/ while vsce packages it.
 */
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

const LOCK = join(tmpdir(), `tcpflow-bundle-lock-${Buffer.from(ROOT).toString('hex').slice(-32)}`);
/** A lock older than this was left by a killed run and is taken over. */
const STALE_MS = 120_000;
const GIVE_UP_MS = 170_000;

/** Tries once; throws when waiting has gone on too long. */
function tryLock(started: number): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmdirSync(LOCK);
    } catch { /* gone meanwhile */ }
    if (Date.now() - started > GIVE_UP_MS) throw new Error(`timed out waiting for ${LOCK}`);
    return false;
  }
}

export async function withBundleLockAsync<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  while (!tryLock(started)) await new Promise((r) => setTimeout(r, 100)); // another process's lock, not a result
  try {
    return await fn();
  } finally {
    rmdirSync(LOCK);
  }
}
