/**
 * Checks what a scenario says a call returns (`client: connect -> ECONNREFUSED`)
 * against what the call does return. A call that returns at once is checked on its
 * line; a blocking one (connect, accept, a read with nothing to read) is checked where
 * it returns, on a later line, and reported at the end if it never does. A failing
 * call is not an error in the scenario: only a stated result that differs is
 * (`expect-failed`, with the fix that writes the actual result).
 */
import { say } from '../i18n/catalogue.js';
import { socketMessages as m } from '../i18n/messages/sockets.js';
import type { DiagnosticCode, Fix, Severity } from './diagnostics.js';
import type { CallStatement, Span } from './model.js';
import { canonicalCall, isErrno, sameResult, type EffectResult } from './socket-calls.js';
import type { StepContext } from './step-context.js';
import type { Tcb } from './tcb.js';

type Report = (span: Span, severity: Severity, code: DiagnosticCode, message: string, fixes?: readonly Fix[]) => void;

/** Calls that return nothing an application checks (or a descriptor, which is not modelled). */
const NO_RESULT: ReadonlySet<string> = new Set(['crash', 'timeout', 'socket']);
/** Calls that return 0 at once when the state allows them and show nothing else. */
const RETURN_ZERO: ReadonlySet<string> = new Set(['listen', 'close', 'shutdown', 'abort']);

/** Before `call` runs: remember its stated result. */
export function expectResult(tcb: Tcb, call: CallStatement, report: Report): void {
  if (!call.expected) return;
  if (NO_RESULT.has(call.call)) {
    report(call.expected.span, 'warning', 'expect-failed', say(m.resultOfNoCall, { call: call.call }));
    return;
  }
  tcb.socket = { ...tcb.socket, expected: { ...call.expected, call: call.call } };
}

/**
 * After `call` ran: a call that returned 0 without saying so says it now (only when a
 * result was stated: one-connection scenarios read as before); a refused call has no
 * result to check; a blocking call keeps its expectation for the line where it returns.
 */
export function afterCall(name: string, tcb: Tcb, call: CallStatement, refused: boolean, ctx: StepContext): void {
  const expected = tcb.socket?.expected;
  if (!expected || expected.span !== call.expected?.span) return;
  if (refused) {
    tcb.socket = { ...tcb.socket, expected: undefined };
    return;
  }
  if (RETURN_ZERO.has(canonicalCall(call.call))) ctx.effect(name, say(m.returnsZero, { call: call.call }), { call: call.call, value: '0' });
}

/**
 * A call returned (or a reset left an error on the socket, `result.call` undefined):
 * checks a stated result, and keeps the error for the next read or write.
 */
export function callReturned(tcb: Tcb, result: EffectResult, report: Report): void {
  const socket = tcb.socket ?? {};
  const expected = socket.expected;
  const error = result.call === undefined && isErrno(result.value) ? result.value : undefined;
  // A reset while connect blocks is connect's failure; otherwise it waits for the next read or write.
  const answers = expected && (result.call === undefined ? canonicalCall(expected.call) === 'connect' : canonicalCall(expected.call) === canonicalCall(result.call));
  if (answers) {
    if (!sameResult(expected.value, result.value)) {
      const actual = result.value;
      report(expected.span, 'error', 'expect-failed', say(m.resultDiffers, { call: expected.call, actual, expected: expected.value }), [
        { title: say(m.changeResult, { actual }), edits: [{ span: expected.span, newText: actual }], preferred: true },
      ]);
    }
    tcb.socket = { ...socket, expected: undefined, ...(error ? { reset: true } : {}) };
    return;
  }
  if (error) tcb.socket = { ...socket, error, reset: true };
}

/** At the end: a stated result of a call that still blocks. */
export function neverReturned(tcb: Tcb, report: Report): void {
  const expected = tcb.socket?.expected;
  if (expected) report(expected.span, 'error', 'expect-failed', say(m.resultNeverCame, { call: expected.call, expected: expected.value }));
}
