/**
 * A describe block's browser on the webview bundle of this test run (and a preview page):
 * started before its tests, closed after.
 */
import { afterAll, beforeAll } from 'vitest';
import { testBuild } from '../support/test-build.js';
import { startBundleSession, startPreviewSession, type BundleSession, type PreviewSession } from './harness.js';

export function useBundleSession(): () => BundleSession {
  let session: BundleSession | undefined;
  beforeAll(async () => {
    const { webview, chromium } = testBuild();
    session = await startBundleSession(webview, chromium);
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
    const { webview, chromium } = testBuild();
    session = await startPreviewSession(webview, chromium);
    started(session);
  });
  afterAll(async () => {
    await session?.close();
  });
}
