/**
 * The Transmission Control Block of one endpoint (RFC 9293 §3.3.1), with the few
 * extra facts a diagram needs (a SYN or FIN the application asked for but that no
 * line has drawn yet, the reply an arrival made due).
 */
import type { Reply, TcbSnapshot } from './analysis.js';
import type { Seq } from './seq.js';
import type { TcpState } from './states.js';
import type { SocketRecord } from './socket-calls.js';
import type { ListenerQueues } from './listener.js';

/** The receive window assumed until an endpoint advertises one with `win=`. */
export const DEFAULT_WINDOW = 65535;

export interface Tcb {
  state: TcpState;
  iss?: Seq;
  irs?: Seq;
  sndUna?: Seq;
  sndNxt?: Seq;
  rcvNxt?: Seq;
  sndWnd: number;
  rcvWnd: number;
  /** SYN-RECEIVED was entered from LISTEN (a passive OPEN): an RST returns it to LISTEN (§3.10.7.4). */
  passiveOpen: boolean;
  /** The application called `listen`: `accept` is meaningful. Kept when the TCB is deleted. */
  listened: boolean;
  /** An OPEN (or a SYN arrival in LISTEN) made a SYN due, but no line has sent it: ISS not chosen yet. */
  synPending: boolean;
  /** `close`/`shutdown` made a FIN due, but no line has sent it yet. */
  finPending: boolean;
  /** `shutdown` (SHUT_WR) was called: the application may still read, and `close` later is fine. */
  halfClosed: boolean;
  /**
   * The application called `close` (not `shutdown`): it reads nothing more, so data
   * still unread, or arriving now, is lost and answered by RST (RFC 9293 §3.6.1, SHLD-3).
   */
  closeCalled: boolean;
  /** The sequence number of our FIN, once sent. */
  finSeq?: Seq;
  /** The peer's FIN has been received: `read()` returns 0 once the data is read. */
  finReceived: boolean;
  /** Received bytes the application has not read yet. */
  unread: number;
  /**
   * The scenario models this application's reads (it called `recv`): only then are
   * unread bytes at `close` data the application lost. A scenario with no `recv` lines
   * leaves reading out, as most do, and its close sends FIN.
   */
  readsModelled: boolean;
  /** Data received beyond RCV.NXT (a hole before it), as [start, end) ranges. */
  outOfOrder: Array<{ start: Seq; end: Seq; fin: boolean }>;
  /** The one endpoint this one exchanges segments with. */
  peer?: string;
  /** The reply the last arrival made due, until this endpoint next sends. */
  due?: Reply;
  /** `accept` was called and has not returned yet. */
  acceptPending: boolean;
  /** `connect` (or an implied active OPEN) has not returned yet. */
  connectPending: boolean;
  // Options of the handshake (engine/options.ts): undefined until a SYN shows them.
  /** The wscale our SYN carried. */
  sentWscale?: number;
  /** The wscale the peer's SYN carried. */
  peerWscale?: number;
  /** Whether our SYN carried the Timestamps option. */
  sentSynTs?: boolean;
  /** Whether the peer's SYN carried the Timestamps option. */
  peerSynTs?: boolean;
  /** TS.Recent (RFC 7323 §4.3): the timestamp to echo and to check PAWS against. */
  tsRecent?: number;
  /** `accept` has returned this connection. */
  accepted?: boolean;
  /** Reset before `accept` under the linux profile: the closed child waits in the accept queue (profile.ts). */
  resetInAcceptQueue?: boolean;
  /** What the socket (not the connection) remembers: a reset's error, SHUT_RD, a stated result (socket-calls.ts). Kept when the TCB is deleted. */
  socket?: SocketRecord;
  /** A listener serving several peers (listener.ts): its SYN queue and accept queue. */
  queues?: ListenerQueues;
  /** This participant listens for several peers: its connections are `name[peer]` (listener.ts). */
  multiPeer?: boolean;
}

export function newTcb(state: TcpState = 'CLOSED'): Tcb {
  return {
    state,
    sndWnd: DEFAULT_WINDOW,
    rcvWnd: DEFAULT_WINDOW,
    passiveOpen: false,
    listened: state === 'LISTEN',
    synPending: false,
    finPending: false,
    halfClosed: false,
    closeCalled: false,
    finReceived: false,
    unread: 0,
    readsModelled: false,
    outOfOrder: [],
    acceptPending: false,
    connectPending: false,
  };
}

/**
 * "Delete the TCB" (RFC 9293 §3.10): back to CLOSED with no sequence variables.
 * The peer binding stays: each participant has one connection in a scenario.
 */
export function deleteTcb(tcb: Tcb): void {
  const { peer, listened, socket } = tcb;
  Object.assign(tcb, newTcb('CLOSED'));
  tcb.peer = peer;
  if (socket) tcb.socket = socket;
  // The application did call listen: an `accept` now finds the connection gone, which
  // is a different mistake from never listening (and is explained as such).
  tcb.listened = listened;
}

/** A copy that shares nothing the engine changes in place (only `outOfOrder` is an array; Seq values and replies are never changed). */
export function copyTcb(tcb: Tcb): Tcb {
  return { ...tcb, outOfOrder: [...tcb.outOfOrder] };
}

export function snapshot(tcb: Tcb): TcbSnapshot {
  return copyTcb(tcb);
}
