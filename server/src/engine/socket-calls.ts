/**
 * The socket calls by the names the articles teach (`socket`, `bind`, `read`, `write`,
 * `shutdown rd|wr|rdwr`) and what a call returns: the result a scenario may state with
 * `NAME: CALL -> RESULT` and the engine checks. Kept apart from model.ts (shared by
 * several reader changes) so the additions read as one piece.
 */
import type { Span } from './model.js';

/** Calls added to RFC 9293's OPEN/SEND/RECEIVE/CLOSE/ABORT names; `read`/`write` are `recv`/`send`. */
export const SOCKET_CALLS = ['socket', 'bind', 'read', 'write'] as const;
export type SocketCallName = (typeof SOCKET_CALLS)[number];

/** shutdown(2)'s `how`: SHUT_RD, SHUT_WR (the default, as before), SHUT_RDWR. */
export const SHUTDOWN_HOWS = ['rd', 'wr', 'rdwr'] as const;
export type ShutdownHow = (typeof SHUTDOWN_HOWS)[number];

/**
 * What a call returns or the error it fails with, as a scenario writes it after `->`:
 * `0`, a byte count, a peer's name (accept), or an errno (`ECONNREFUSED`).
 */
export interface ExpectedResult {
  readonly value: string;
  readonly span: Span;
}

/** The options of the socket calls, on CallStatement. */
export interface SocketCallOptions {
  /** For `shutdown`: which direction; undefined is SHUT_WR (as written before `how` existed). */
  readonly how?: ShutdownHow;
  /** For `bind port=N`. */
  readonly port?: number;
  /** For `bind addr="…"`: shown, not interpreted. */
  readonly address?: string;
  /** For `listen abort_on_overflow` (net.ipv4.tcp_abort_on_overflow for this listener). */
  readonly abortOnOverflow?: boolean;
  /** `-> RESULT`: what the scenario says the call returns. */
  readonly expected?: ExpectedResult;
}

/** The errors a call can fail with here, with the call that reports each first. */
export const ERRNOS = ['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE'] as const;
export type Errno = (typeof ERRNOS)[number];

/** A call's outcome, attached to the socket effect that shows it. */
export interface EffectResult {
  /** The call as the scenario names it (`read`, not `recv`); undefined: an error the connection left on the socket (a reset). */
  readonly call?: string;
  /** `0`, a byte count, the accepted peer's name, or an errno. */
  readonly value: string;
}

/** The RFC call a socket name stands for: the engine runs `read` as `recv` and `write` as `send`. */
export function canonicalCall<C extends string>(call: C): Exclude<C, 'read' | 'write'> | 'recv' | 'send' {
  return call === 'read' ? 'recv' : call === 'write' ? 'send' : call as Exclude<C, 'read' | 'write'>;
}

/** Whether a written result and an actual one agree: errno names in any case, the rest as written. */
export function sameResult(expected: string, actual: string): boolean {
  return expected.toUpperCase() === actual.toUpperCase();
}

/**
 * What a socket remembers beyond its TCB, replaced (never changed in place: TCB copies
 * share it) as it changes. Deleting the TCB keeps it: the application still holds the
 * descriptor after a reset.
 */
export interface SocketRecord {
  /** The error a reset left (Linux's sk_err), reported once by the next read or write. */
  readonly error?: Errno;
  /** The connection was reset: once the error is reported, write fails with EPIPE and read returns 0. */
  readonly reset?: boolean;
  /** The last soft error an ICMP message reported (RFC 9293 §3.9.2.2, SHLD-25): a connect that gives up fails with it. */
  readonly softError?: Errno;
  /** shutdown(SHUT_RD) was called: read returns 0 once the queue is empty. */
  readonly readShut?: boolean;
  /** A blocking call's stated result (`client: connect -> ECONNREFUSED`), until the call returns. */
  readonly expected?: ExpectedResult & { readonly call: string };
}

/** Whether a text is one of the errors the engine reports. */
export function isErrno(value: string): value is Errno {
  return (ERRNOS as readonly string[]).includes(value);
}
