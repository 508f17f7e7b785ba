/**
 * User calls and timeouts: RFC 9293 §3.10.1-3.10.5 (OPEN, SEND, RECEIVE, CLOSE, ABORT)
 * and §3.10.8 (timeouts), with the socket-API names a learner knows.
 */
import type { CallName, CallStatement, Span, TimerName } from './model.js';
import { say } from '../i18n/catalogue.js';
import { engineMessages } from '../i18n/messages/engine.js';
import { readerMessages } from '../i18n/messages/reader.js';
import { learnerMessages } from '../i18n/messages/learner.js';
import { wholeLineOf } from './anchor.js';
import { resetForLostData } from './arrive.js';
import { seqDiff } from './seq.js';
import { isSynchronized } from './states.js';
import { RFC, type StepContext } from './step-context.js';
import { deleteTcb, newTcb, type Tcb } from './tcb.js';
import { RFC9293_PROFILE, type Profile } from './profile.js';
import { rfcMessages } from '../i18n/messages/rfc.js';
import { applySocketCall, explainSynRetries } from './socket-call-rules.js';
import { canonicalCall } from './socket-calls.js';
import { socketMessages } from '../i18n/messages/sockets.js';
import { callMessages as m } from '../i18n/messages/calls.js';

const NO_SPAN: Span = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 };

/**
 * Whether the endpoint's state accepts `call`: the rules applyCall enforces, run on a
 * copy (for tools that rank or offer calls, e.g. completion).
 */
export function callAllowed(tcb: Readonly<Tcb> | undefined, call: CallName, timer?: TimerName, profile: Profile = RFC9293_PROFILE): boolean {
  const probe: Tcb = { ...(tcb ?? newTcb()), outOfOrder: [...(tcb?.outOfOrder ?? [])] };
  let refused = false;
  const ctx: StepContext = {
    profile,
    explain: () => {},
    effect: () => {},
    owe: () => {},
    report: (severity) => { if (severity === 'error') refused = true; },
  };
  applyCall('probe', probe, { kind: 'call', participant: 'probe', participantSpan: NO_SPAN, call, callSpan: NO_SPAN, timer, span: NO_SPAN }, ctx);
  return !refused;
}

/** Applies `NAME: CALL` to the endpoint's TCB. */
export function applyCall(name: string, tcb: Tcb, call: CallStatement, ctx: StepContext): void {
  const refuse = (message: string): void => {
    // The refused call changes nothing, which is what removing the line does: the run goes on as if it were not there.
    ctx.report('error', 'call-not-allowed', message, call.callSpan, [
      { title: say(learnerMessages.removeCall), edits: [{ span: wholeLineOf(call.span), newText: '' }], preferred: true },
    ], true);
  };
  const state = tcb.state;
  if (applySocketCall(name, tcb, call, ctx, refuse)) return;

  const canonical = canonicalCall(call.call);
  switch (canonical) {
    case 'listen':
      if (state !== 'CLOSED') {
        return refuse(say(m.listenNotAllowed, { name, state, rfc: RFC.open }));
      }
      tcb.state = 'LISTEN';
      tcb.listened = true;
      ctx.explain(name, RFC.open, say(m.passiveOpen));
      return;

    case 'connect':
      if (state !== 'CLOSED' && state !== 'LISTEN') {
        return refuse(say(m.connectNotAllowed, { name, state, rfc: RFC.open }));
      }
      tcb.state = 'SYN-SENT';
      tcb.synPending = true;
      tcb.connectPending = true;
      ctx.explain(name, RFC.open, say(m.activeOpen));
      return;

    case 'accept':
      if (!tcb.listened) {
        return refuse(say(m.acceptWithoutListen, { name, state }));
      }
      if (state === 'LISTEN' || state === 'SYN-RECEIVED') {
        tcb.acceptPending = true;
        ctx.effect(name, say(m.acceptBlocks));
        return;
      }
      if (state === 'CLOSED' && tcb.resetInAcceptQueue) {
        tcb.resetInAcceptQueue = false;
        ctx.effect(name, say(rfcMessages.acceptReturnsResetEffect));
        ctx.explain(name, RFC.linuxAcceptQueue, say(rfcMessages.acceptReturnsReset));
        return;
      }
      if (state === 'CLOSED') return refuse(say(engineMessages.acceptAfterClose, { name }));
      tcb.accepted = true;
      ctx.effect(name, say(m.acceptReturns), { call: call.call, value: tcb.peer ?? '' });
      return;

    case 'send':
      if (state === 'CLOSED') return refuse(say(m.sendClosed, { name, rfc: RFC.send }));
      if (state === 'LISTEN') {
        // §3.10.2 turns a LISTEN into an active open only when the remote socket is
        // known; `listen` names none, so SEND gets "error: remote socket unspecified".
        return refuse(say(m.sendListen, { name, rfc: RFC.send }));
      }
      if (tcb.finPending || tcb.finSeq !== undefined || ['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'].includes(state)) {
        return refuse(say(m.sendClosing, { name, state, rfc: RFC.send }));
      }
      ctx.explain(name, RFC.send, state === 'ESTABLISHED' || state === 'CLOSE-WAIT'
        ? say(m.appWrites, { bytes: call.length })
        : say(m.dataQueued));
      if (call.call === 'write' || call.expected) writeReturns(name, call, ctx);
      return;

    case 'recv':
      if (state === 'CLOSED') return refuse(say(m.recvClosed, { name, rfc: RFC.receive }));
      tcb.readsModelled = true;
      if (tcb.unread > 0) {
        ctx.effect(name, say(m.readReturns, { bytes: tcb.unread }), { call: call.call, value: String(tcb.unread) });
        tcb.unread = 0;
      } else if (tcb.finReceived) {
        ctx.effect(name, say(m.readEof), { call: call.call, value: '0' });
      } else {
        ctx.effect(name, say(m.readBlocks));
      }
      return;

    case 'close':
    case 'shutdown':
      return closeOrShutdown(name, tcb, canonical, ctx, refuse);

    case 'abort':
      if (state === 'CLOSED') return refuse(say(m.abortClosed, { name, rfc: RFC.abort }));
      if (state === 'SYN-RECEIVED' || state === 'ESTABLISHED' || state === 'FIN-WAIT-1' || state === 'FIN-WAIT-2' || state === 'CLOSE-WAIT') {
        const sndNxt = tcb.sndNxt;
        deleteTcb(tcb);
        ctx.owe(name, tcb, { flags: ['RST'], seq: sndNxt, reason: say(m.abortReply) });
        ctx.explain(name, RFC.abort, say(m.abortSends));
      } else {
        deleteTcb(tcb);
        ctx.explain(name, RFC.abort, say(m.abortSilent, { state }));
      }
      return;

    case 'crash':
      deleteTcb(tcb);
      ctx.explain(name, RFC.stateDiagram, say(m.crash));
      return;

    case 'timeout':
      return applyTimeout(name, tcb, call, ctx, refuse);

    case 'socket':
    case 'bind':
      return; // socket-call-rules.ts answered them
  }
}

/** write() returns what it copied: `len=N`, or "the bytes written". */
function writeReturns(name: string, call: CallStatement, ctx: StepContext): void {
  const bytes = call.length !== undefined ? String(call.length) : say(socketMessages.someBytes);
  ctx.effect(name, say(socketMessages.writeReturns, { bytes }), { call: call.call, value: call.length !== undefined ? String(call.length) : '' });
}

function closeOrShutdown(name: string, tcb: Tcb, call: 'close' | 'shutdown', ctx: StepContext, refuse: (m: string) => void): void {
  const state = tcb.state;
  const what = call === 'close' ? 'CLOSE' : 'shutdown(SHUT_WR)';
  // The RST replaces a FIN still to send, or follows the FIN of an earlier shutdown.
  const mayClose = tcb.halfClosed || state === 'SYN-RECEIVED' || state === 'ESTABLISHED' || state === 'CLOSE-WAIT';
  if (call === 'close' && tcb.unread > 0 && tcb.readsModelled && mayClose) return resetOnClose(name, tcb, ctx);
  if (call === 'close') tcb.closeCalled = true;
  if (call === 'close' && tcb.halfClosed) {
    // The FIN went with shutdown; close only releases the socket.
    tcb.halfClosed = false;
    ctx.explain(name, RFC.closeCall, say(m.closeAfterShutdown));
    return;
  }
  switch (state) {
    case 'CLOSED':
      return refuse(say(m.closeClosed, { name, what, rfc: RFC.closeCall }));
    case 'LISTEN':
    case 'SYN-SENT':
      if (call === 'shutdown') return refuse(say(m.shutdownNeedsConnection, { name, state }));
      deleteTcb(tcb);
      ctx.explain(name, RFC.closeCall, say(m.closeSilent, { state }));
      return;
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
      tcb.state = 'FIN-WAIT-1';
      tcb.finPending = true;
      tcb.halfClosed = call === 'shutdown';
      ctx.explain(name, RFC.closeCall, say(m.closeSendsFin, { what, state: 'FIN-WAIT-1' }));
      return;
    case 'CLOSE-WAIT':
      tcb.state = 'LAST-ACK';
      tcb.finPending = true;
      tcb.halfClosed = call === 'shutdown';
      ctx.explain(name, RFC.closeCall, say(m.closeSendsFin, { what, state: 'LAST-ACK' }));
      return;
    default:
      return refuse(say(m.closeClosing, { name, state, what, rfc: RFC.closeCall }));
  }
}

/**
 * RFC 9293 §3.6.1: "If such a host issues a CLOSE call while received data is still
 * pending in the TCP connection ... its TCP implementation SHOULD send a RST to show
 * that data was lost (SHLD-3)." The RST replaces the FIN, from any synchronized state.
 */
function resetOnClose(name: string, tcb: Tcb, ctx: StepContext): void {
  const bytes = tcb.unread;
  resetForLostData(name, tcb, ctx, say(m.closeUnreadReply), say(engineMessages.closeUnreadEffect, { bytes }), say(engineMessages.closeUnread, { bytes }));
}

function applyTimeout(name: string, tcb: Tcb, call: CallStatement, ctx: StepContext, refuse: (m: string) => void): void {
  const state = tcb.state;
  switch (call.timer) {
    case '2MSL':
      if (state !== 'TIME-WAIT') {
        return refuse(say(m.twoMslNotTimeWait, { name, state, rfc: RFC.timeouts }));
      }
      deleteTcb(tcb);
      ctx.explain(name, RFC.timeouts, say(m.twoMslExpires));
      return;
    case 'RTO': {
      const outstanding = tcb.sndUna && tcb.sndNxt ? (seqDiff(tcb.sndNxt, tcb.sndUna) ?? 0) > 0 : false;
      if (!outstanding || tcb.synPending) {
        return refuse(say(m.rtoNothingOutstanding, { name, state, rfc: RFC.timeouts }));
      }
      ctx.explain(name, RFC.timeouts, say(m.rtoFires));
      return;
    }
    case 'USER':
      if (state === 'CLOSED') return refuse(say(m.userTimeoutClosed, { name }));
      if (state === 'SYN-SENT') explainSynRetries(name, ctx);
      deleteTcb(tcb);
      ctx.effect(name, say(m.userTimeoutEffect));
      ctx.explain(name, RFC.timeouts, say(m.userTimeout));
      return;
    case 'KEEPALIVE': {
      const idle = isSynchronized(state) && !!tcb.sndUna && !!tcb.sndNxt && seqDiff(tcb.sndNxt, tcb.sndUna) === 0;
      if (!idle) return refuse(say(engineMessages.keepAliveTimerRefused, { name, state }));
      ctx.explain(name, RFC.keepAlive, say(engineMessages.keepAliveTimer));
      return;
    }
    case 'PERSIST':
      if (!isSynchronized(state) || tcb.sndWnd !== 0) return refuse(say(engineMessages.persistTimerRefused, { name, state }));
      ctx.explain(name, RFC.zeroWindowProbe, say(engineMessages.persistTimer));
      return;
    default:
      return refuse(say(readerMessages.timeoutNeedsTimer));
  }
}
