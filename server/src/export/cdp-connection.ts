/**
 * The Chrome DevTools Protocol over Chromium's `--remote-debugging-pipe`: JSON messages,
 * each ended by a NUL byte, written to the browser's fd 3 and read from its fd 4. This is
 * all the CLI needs to draw (docs/browser.md says why it does not load a browser
 * automation library: about 1 s of every single export went into loading and driving one).
 *
 * One connection carries the browser's own session and every page session attached with
 * `flatten: true`; a message names its page by `sessionId`. Each call has a timeout, and
 * when the browser goes away every call still waiting is rejected with the reason, so
 * nothing waits forever on a browser that crashed.
 */
import type { Readable, Writable } from 'node:stream';
import { say } from '../i18n/catalogue.js';
import { browserMessages } from '../i18n/messages/browser.js';

/** A call failed: the browser answered with an error, timed out, or went away. */
export class CdpError extends Error {}

export interface CdpEvent {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly sessionId?: string;
}

interface PendingCall {
  readonly method: string;
  readonly sessionId: string | undefined;
  readonly resolve: (result: Record<string, unknown>) => void;
  readonly reject: (error: CdpError) => void;
  readonly timer: NodeJS.Timeout;
}

/** How long a call waits for its answer unless it says otherwise. */
const DEFAULT_TIMEOUT_MS = 60_000;

export class CdpConnection {
  private nextId = 0;
  private readonly pending = new Map<number, PendingCall>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();
  /** Bytes of a message not yet ended by its NUL (a message can span many reads, and a read many messages). */
  private partial: Buffer[] = [];
  private closedBecause: string | undefined;
  /** Sessions whose page crashed or closed, and why: their calls fail at once. */
  private readonly failedSessions = new Map<string, string>();

  /**
   * `onPipeEnd` hears when the pipe breaks or closes; by default the connection closes with
   * that reason. A caller that can say better why (the browser's exit status) closes it itself.
   */
  constructor(private readonly toBrowser: Writable, fromBrowser: Readable, onPipeEnd?: (reason: string) => void) {
    const ended = onPipeEnd ?? ((reason: string) => this.close(reason));
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => ended(say(browserMessages.pipeClosed)));
    // A write after the browser died fails here, not as an unhandled 'error' event.
    toBrowser.on('error', (error: Error) => ended(error.message));
    fromBrowser.on('error', (error: Error) => ended(error.message));
  }

  /** Why the connection ended, or undefined while it is open. */
  get closedReason(): string | undefined {
    return this.closedBecause;
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    if (this.closedBecause !== undefined) return Promise.reject(new CdpError(`${method}: ${this.closedBecause}`));
    const failed = sessionId === undefined ? undefined : this.failedSessions.get(sessionId);
    if (failed !== undefined) return Promise.reject(new CdpError(`${method}: ${failed}`));
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new CdpError(`${method}: ${say(browserMessages.noAnswer, { seconds: Math.ceil(timeoutMs / 1000) })}`));
      }, timeoutMs);
      this.pending.set(id, { method, sessionId, resolve: resolve as (r: Record<string, unknown>) => void, reject, timer });
      const message = sessionId === undefined ? { id, method, params } : { id, method, params, sessionId };
      this.toBrowser.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Calls `listener` with every event until the returned function is called. */
  onEvent(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rejects the calls waiting on one page's session, and all its later ones (its page crashed or closed). */
  failSession(sessionId: string, reason: string): void {
    this.failedSessions.set(sessionId, reason);
    for (const [id, call] of this.pending) {
      if (call.sessionId !== sessionId) continue;
      this.pending.delete(id);
      clearTimeout(call.timer);
      call.reject(new CdpError(`${call.method}: ${reason}`));
    }
  }

  /** Ends the connection: every call still waiting, and every later one, fails with `reason`. */
  close(reason: string): void {
    if (this.closedBecause !== undefined) return;
    this.closedBecause = reason;
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(new CdpError(`${call.method}: ${reason}`));
    }
    this.pending.clear();
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0, start); end !== -1; end = chunk.indexOf(0, start)) {
      // Decoded only once whole: a character's UTF-8 bytes may be split between two reads.
      // A message within one read (most) is decoded where it lies, without a copy.
      const whole = this.partial.length === 0 ? chunk.subarray(start, end) : Buffer.concat([...this.partial, chunk.subarray(start, end)]);
      const text = whole.toString('utf8');
      this.partial = [];
      start = end + 1;
      this.dispatch(text);
    }
    if (start < chunk.length) this.partial.push(chunk.subarray(start));
  }

  private dispatch(text: string): void {
    let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return; // Not ours to understand; a browser does not send these.
    }
    if (typeof message.id === 'number') {
      const call = this.pending.get(message.id);
      if (!call) return; // Answered after its timeout.
      this.pending.delete(message.id);
      clearTimeout(call.timer);
      if (message.error) call.reject(new CdpError(`${call.method}: ${message.error.message ?? 'failed'}`));
      else call.resolve(message.result ?? {});
      return;
    }
    if (typeof message.method === 'string') {
      const event: CdpEvent = { method: message.method, params: message.params ?? {}, ...(message.sessionId !== undefined ? { sessionId: message.sessionId } : {}) };
      for (const listener of this.listeners) listener(event);
    }
  }
}
