/**
 * ICMP Destination Unreachable about a connection (`router -> client : ICMP
 * host-unreachable`), as RFC 9293 §3.9.2.2 says TCP treats it:
 *
 * - soft errors (codes 0 net, 1 host): "MUST NOT abort the connection (MUST-56)" and
 *   "SHOULD make the information available to the application (SHLD-25)": the error
 *   is kept, and a connect that later gives up fails with it instead of ETIMEDOUT
 *   (Linux does the same with sk_err_soft in tcp_write_err);
 * - hard errors (codes 2-4; here 3, port unreachable): "SHOULD abort the connection
 *   (SHLD-26)": connect fails with ECONNREFUSED, or the error is left on the socket;
 * - fragmentation needed (code 4) is listed with the hard codes but is Path MTU
 *   Discovery's signal (§3.7.2, RFC 1191/8201): the sender lowers its segment size
 *   and nothing is aborted, as implementations do.
 *
 * Linux aborts a connection in SYN-SENT on a soft error too ("widespread
 * implementation behavior that treats soft errors as hard errors during connection
 * establishment", RFC 5461 §4): the profile's abortsOnHostUnreachableInSynSent.
 */
import { say } from '../i18n/catalogue.js';
import { socketMessages as m } from '../i18n/messages/sockets.js';
import type { Errno } from './socket-calls.js';
import type { StepContext } from './step-context.js';
import { deleteTcb, type Tcb } from './tcb.js';

export const ICMP_CODES = ['net-unreachable', 'host-unreachable', 'port-unreachable', 'frag-needed'] as const;
export type IcmpCode = (typeof ICMP_CODES)[number];

/** On SegmentStatement: the line is an ICMP message, not a TCP segment (its flags are empty). */
export interface IcmpField {
  readonly icmp?: IcmpCode;
}

const ICMP_SECTION = 'RFC 9293 §3.9.2.2';

/** Each code: its ICMP number, whether §3.9.2.2 calls it soft, and the errno it becomes (Linux's icmp_err_convert). */
const CODES: Readonly<Record<IcmpCode, { readonly number: number; readonly kind: 'soft' | 'hard' | 'pmtu'; readonly errno?: Errno }>> = {
  'net-unreachable': { number: 0, kind: 'soft', errno: 'ENETUNREACH' },
  'host-unreachable': { number: 1, kind: 'soft', errno: 'EHOSTUNREACH' },
  'port-unreachable': { number: 3, kind: 'hard', errno: 'ECONNREFUSED' },
  'frag-needed': { number: 4, kind: 'pmtu' },
};

/** An ICMP Destination Unreachable arrives at `name` about its connection. */
export function icmpArrives(name: string, tcb: Tcb, code: IcmpCode, ctx: StepContext): void {
  const { number, kind, errno } = CODES[code];
  const state = tcb.state;
  if (state === 'CLOSED' || state === 'LISTEN') {
    ctx.explain(name, ICMP_SECTION, say(m.icmpNoConnection, { name, state, code, number }));
    return;
  }
  if (kind === 'pmtu') {
    ctx.explain(name, ICMP_SECTION, say(m.icmpFragNeeded));
    return;
  }
  // RFC 9293 keeps a soft error (MUST-56); the linux profile aborts a connection still in
  // SYN-SENT on any Destination Unreachable, as tcp_v4_err does (profile.ts).
  const aborts = kind === 'hard' || (state === 'SYN-SENT' && ctx.profile.abortsOnHostUnreachableInSynSent);
  if (!aborts) {
    tcb.socket = { ...tcb.socket, softError: errno };
    ctx.explain(name, ICMP_SECTION, say(m.icmpSoft, { code, number, errno: errno! }));
    return;
  }
  const connecting = state === 'SYN-SENT' || (state === 'SYN-RECEIVED' && tcb.connectPending);
  deleteTcb(tcb);
  if (connecting) ctx.effect(name, say(m.failsWith, { call: 'connect', errno: errno!, why: say(m.whyIcmp, { code }) }), { call: 'connect', value: errno! });
  else ctx.effect(name, `${errno!} (${say(m.whyIcmp, { code })})`, { value: errno! });
  ctx.explain(name, ICMP_SECTION, say(m.icmpHard, { code, number, state }));
}

/** Why connect gives up: the soft error an ICMP message reported (SHLD-25), else ETIMEDOUT. */
export function giveUpError(tcb: Tcb): Errno {
  return tcb.socket?.softError ?? 'ETIMEDOUT';
}

