/** A describe block's browser and webview bundle (and preview page): started before its tests, closed after. */
import { afterAll, beforeAll } from 'vitest';
import { startBundleSession, startPreviewSession, type BundleSession, type PreviewSession } from './harness.js';

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

/** The same with one preview page open, handed to `started` before the first test. */
export function usePreviewSession(started: (session: PreviewSession) => void): void {
  let session: PreviewSession | undefined;
  beforeAll(async () => {
    session = await startPreviewSession();
    started(session);
  });
  afterAll(async () => {
    await session?.close();
  });
}
