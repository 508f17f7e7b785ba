/** A describe block's browser and webview bundle: started before its tests, closed after. */
import { afterAll, beforeAll } from 'vitest';
import { startBundleSession, type BundleSession } from './harness.js';

export function useBundleSession(): () => BundleSession {
  let session: BundleSession | undefined;
  beforeAll(async () => {
    session = await startBundleSession();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the browser session did not start (see beforeAll)');
    return session;
  };
}
