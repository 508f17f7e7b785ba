/**
 * The DevTools pipe protocol (server/src/export/cdp-connection.ts) against a stand-in
 * browser made of two in-memory streams: messages cut anywhere by the pipe still arrive
 * whole, answers find their calls, and no call waits forever.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CdpConnection, CdpError, type CdpEvent } from '../../server/src/export/cdp-connection.js';

/** A connection and the browser's side of its pipe: what it was sent, and a way to answer. */
function pipePair(): { connection: CdpConnection; sent: () => { id: number; method: string; params: unknown; sessionId?: string }[]; answer: (bytes: Buffer | string) => void; fromBrowser: PassThrough } {
  const toBrowser = new PassThrough();
  const fromBrowser = new PassThrough();
  let written = '';
  toBrowser.on('data', (d: Buffer) => { written += d.toString('utf8'); });
  const connection = new CdpConnection(toBrowser, fromBrowser);
  return {
    connection,
    fromBrowser,
    sent: () => written.split('\0').filter((m) => m !== '').map((m) => JSON.parse(m) as { id: number; method: string; params: unknown; sessionId?: string }),
    answer: (bytes) => fromBrowser.write(bytes),
  };
}

const tick = (): Promise<void> => new Promise((resume) => setImmediate(resume));

describe('the DevTools pipe', () => {
  it('writes each call as one JSON message ended by NUL, with its session when it has one', async () => {
    const { connection, sent } = pipePair();
    void connection.send('Browser.getVersion');
    void connection.send('Runtime.evaluate', { expression: '1' }, 'S1');
    await tick();
    expect(sent()).toEqual([
      { id: 1, method: 'Browser.getVersion', params: {} },
      { id: 2, method: 'Runtime.evaluate', params: { expression: '1' }, sessionId: 'S1' },
    ]);
  });

  it('hands each answer to its call, in whatever order and however the pipe cuts the bytes', async () => {
    const { connection, answer } = pipePair();
    const first = connection.send('A.first');
    const second = connection.send('A.second');
    // Two answers, the second first, cut inside a multi-byte character (ü is two bytes in UTF-8).
    const bytes = Buffer.from(`${JSON.stringify({ id: 2, result: { text: 'grüße' } })}\0${JSON.stringify({ id: 1, result: { n: 1 } })}\0`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('ü', 'utf8')) + 1;
    answer(bytes.subarray(0, cut));
    await tick();
    answer(bytes.subarray(cut, cut + 3));
    answer(bytes.subarray(cut + 3));
    await expect(second).resolves.toEqual({ text: 'grüße' });
    await expect(first).resolves.toEqual({ n: 1 });
  });

  it('an error answer rejects its call with the method and the browser\'s words', async () => {
    const { connection, answer } = pipePair();
    const call = connection.send('Target.attachToTarget', { targetId: 'nope' });
    answer(`${JSON.stringify({ id: 1, error: { code: -32602, message: 'No target with given id found' } })}\0`);
    await expect(call).rejects.toThrow(new CdpError('Target.attachToTarget: No target with given id found'));
  });

  it('passes events, with their session, to every listener until it stops listening', async () => {
    const { connection, answer } = pipePair();
    const seen: CdpEvent[] = [];
    const stop = connection.onEvent((event) => seen.push(event));
    answer(`${JSON.stringify({ method: 'Target.detachedFromTarget', params: { sessionId: 'S1' } })}\0`);
    answer(`${JSON.stringify({ method: 'Page.loadEventFired', params: { timestamp: 1 }, sessionId: 'S2' })}\0`);
    await tick();
    stop();
    answer(`${JSON.stringify({ method: 'Page.loadEventFired', params: {}, sessionId: 'S3' })}\0`);
    await tick();
    expect(seen).toEqual([
      { method: 'Target.detachedFromTarget', params: { sessionId: 'S1' } },
      { method: 'Page.loadEventFired', params: { timestamp: 1 }, sessionId: 'S2' },
    ]);
  });

  it('a call with no answer fails after its timeout; a late answer is dropped', async () => {
    const { connection, answer } = pipePair();
    await expect(connection.send('Page.captureScreenshot', {}, undefined, 30)).rejects.toThrow('Page.captureScreenshot: no answer from the browser in 1 s');
    answer(`${JSON.stringify({ id: 1, result: {} })}\0`);
    await tick();
    // Still usable afterwards.
    const next = connection.send('Browser.getVersion');
    answer(`${JSON.stringify({ id: 2, result: { product: 'Chrome' } })}\0`);
    await expect(next).resolves.toEqual({ product: 'Chrome' });
  });

  it('when the browser\'s end closes, every waiting call and every later one fails with the reason', async () => {
    const { connection, fromBrowser } = pipePair();
    const waiting = [connection.send('Runtime.evaluate', {}, 'S1'), connection.send('Browser.getVersion')];
    fromBrowser.destroy();
    for (const call of waiting) await expect(call).rejects.toThrow('the browser closed its end of the pipe');
    expect(connection.closedReason).toBe('the browser closed its end of the pipe');
    await expect(connection.send('Browser.close')).rejects.toThrow('Browser.close: the browser closed its end of the pipe');
  });

  it('failing one session rejects that page\'s calls, now and later, and no other\'s', async () => {
    const { connection, answer } = pipePair();
    const crashed = connection.send('Runtime.evaluate', {}, 'S1');
    const other = connection.send('Runtime.evaluate', {}, 'S2');
    connection.failSession('S1', 'the page closed or crashed');
    await expect(crashed).rejects.toThrow('Runtime.evaluate: the page closed or crashed');
    await expect(connection.send('Page.captureScreenshot', {}, 'S1')).rejects.toThrow('Page.captureScreenshot: the page closed or crashed');
    answer(`${JSON.stringify({ id: 2, result: { ok: true } })}\0`);
    await expect(other).resolves.toEqual({ ok: true });
  });
});
