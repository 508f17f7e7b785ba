/**
 * The socket calls RFC 9293 does not name, and what the kernel does where the RFC's
 * calls meet a socket whose connection is gone: `socket`, `bind`, `shutdown rd`, a read
 * or write after a reset (ECONNRESET once, then EPIPE / 0, as Linux's tcp_reset,
 * tcp_sendmsg and tcp_recvmsg do), `close` of a reset socket, and a connect that gives
 * up (ETIMEDOUT). calls.ts asks here first; what is not handled here it handles.
 */
import { rfcMessages } from '../i18n/messages/rfc.js';
import { say } from '../i18n/catalogue.js';
import { socketMessages as m } from '../i18n/messages/sockets.js';
import type { CallStatement } from './model.js';
import { canonicalCall } from './socket-calls.js';
import { RFC, type StepContext } from './step-context.js';
import { deleteTcb, type Tcb } from './tcb.js';
import { giveUpError } from './icmp.js';

/** Handles `call` if it is a socket rule's; false leaves it to calls.ts. */
export function applySocketCall(name: string, tcb: Tcb, call: CallStatement, ctx: StepContext, refuse: (message: string) => void): boolean {
  const socket = tcb.socket;
  const gone = tcb.state === 'CLOSED' && socket?.reset === true;
  switch (canonicalCall(call.call)) {
    case 'socket':
      if (tcb.state !== 'CLOSED') refuse(say(m.socketNotClosed, { name, state: tcb.state }));
      else {
        ctx.effect(name, say(m.socketReturns));
        ctx.explain(name, RFC.stateDiagram, say(m.socketExplained));
      }
      return true;
    case 'bind':
      if (tcb.state !== 'CLOSED') refuse(say(m.bindNotClosed, { name, state: tcb.state }));
      else {
        ctx.effect(name, say(m.bindReturns, { address: boundAddress(call) }), { call: call.call, value: '0' });
        ctx.explain(name, RFC.open, say(m.bindExplained));
      }
      return true;
    case 'recv':
      if (socket?.error) return reportError(name, tcb, call, ctx);
      if (gone) {
        ctx.effect(name, say(m.readAfterReset), { call: call.call, value: '0' });
        return true;
      }
      if (socket?.readShut && tcb.unread === 0) {
        ctx.effect(name, say(m.readShut), { call: call.call, value: '0' });
        return true;
      }
      return false;
    case 'send':
      if (socket?.error) return reportError(name, tcb, call, ctx);
      if (gone) {
        ctx.effect(name, say(m.failsWith, { call: call.call, errno: 'EPIPE', why: say(m.whyPipe) }), { call: call.call, value: 'EPIPE' });
        ctx.explain(name, RFC.send, say(m.pipeExplained));
        return true;
      }
      return false;
    case 'close':
      if (!gone) return false;
      tcb.socket = undefined;
      ctx.effect(name, say(m.closeAfterReset), { call: call.call, value: '0' });
      ctx.explain(name, RFC.closeCall, say(m.closeAfterResetExplained));
      return true;
    case 'shutdown':
      if (call.how !== 'rd' && call.how !== 'rdwr') return false;
      if (tcb.state === 'CLOSED' || tcb.state === 'LISTEN' || tcb.state === 'SYN-SENT') return false; // ENOTCONN: calls.ts refuses
      tcb.socket = { ...socket, readShut: true };
      if (call.how === 'rdwr') return false; // and the FIN of SHUT_WR, as calls.ts sends it
      ctx.effect(name, say(m.shutdownReadEffect), { call: call.call, value: '0' });
      ctx.explain(name, RFC.closeCall, say(m.shutdownRead));
      return true;
    case 'timeout':
      if (call.timer !== 'USER' || tcb.state !== 'SYN-SENT' || !tcb.connectPending) return false;
    {
      const errno = giveUpError(tcb);
      explainSynRetries(name, ctx);
      deleteTcb(tcb);
      ctx.effect(name, errno === 'ETIMEDOUT' ? say(m.connectTimedOut) : say(m.failsWith, { call: 'connect', errno, why: say(m.whyGaveUpSoft) }), { call: 'connect', value: errno });
      ctx.explain(name, RFC.timeouts, say(m.connectTimedOutExplained));
      return true;
    }
    default:
      return false;
  }
}

/** Under a profile that numbers them (linux: net.ipv4.tcp_syn_retries), how many SYN retransmissions a connect makes before it gives up. */
export function explainSynRetries(name: string, ctx: StepContext): void {
  const retries = ctx.profile.synRetries;
  if (retries !== undefined) ctx.explain(name, RFC.linuxSynRetries, say(rfcMessages.linuxSynRetries, { retries, seconds: 2 ** (retries + 1) - 1 }));
}

/** The error a reset left on the socket, reported once by this read or write (Linux: sock_error clears sk_err). */
function reportError(name: string, tcb: Tcb, call: CallStatement, ctx: StepContext): true {
  const errno = tcb.socket!.error!;
  tcb.socket = { ...tcb.socket, error: undefined };
  ctx.effect(name, say(m.failsWith, { call: call.call, errno, why: say(m.whyReset) }), { call: call.call, value: errno });
  ctx.explain(name, canonicalCall(call.call) === 'send' ? RFC.send : RFC.receive, say(m.pendingErrorExplained, { call: call.call, errno }));
  return true;
}

function boundAddress(call: CallStatement): string {
  if (call.address === undefined && call.port === undefined) return say(m.bindAnyAddress);
  return `${call.address ?? '*'}:${call.port ?? '*'}`;
}
