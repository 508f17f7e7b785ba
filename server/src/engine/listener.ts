/**
 * A listening socket that serves several clients (issue 12): a participant that calls
 * `listen` and exchanges segments with two or more peers stays LISTEN, and each peer
 * whose SYN reaches it gets its own connection, `server[c1]`, with its own TCB. The
 * listener keeps Linux's two queues: the SYN queue (half-open connections, SYN-RECEIVED)
 * and the accept queue (handshake complete, waiting for `accept`), both bounded by
 * `listen backlog=N`:
 *
 * - a SYN is dropped when the SYN queue holds more than `backlog` entries
 *   (inet_csk_reqsk_queue_is_full is `len > backlog` since Linux 6.13, commit 3479c7549fb1,
 *   backported to the stable kernels down to 5.4: backlog + 1 half-open connections fit,
 *   as in the accept queue; SYN cookies, tcp_syncookies, are not modelled) or when the
 *   accept queue is full (tcp_conn_request: sk_acceptq_is_full → drop);
 * - the accept queue is full when it holds more than `backlog` (sk_acceptq_is_full is
 *   `sk_ack_backlog > sk_max_ack_backlog`: backlog + 1 connections fit);
 * - a final ACK that finds the accept queue full is dropped: the connection stays
 *   SYN-RECEIVED in the SYN queue and re-sends its SYN,ACK while the client already is
 *   ESTABLISHED (tcp_check_req's listen_overflow); with `abort_on_overflow`
 *   (net.ipv4.tcp_abort_on_overflow) it is answered by RST instead;
 * - `close` of the listener (inet_csk_listen_stop) resets each connection still in the
 *   accept queue (inet_child_forget → tcp_disconnect: RST <SEQ=SND.NXT>) and forgets the
 *   half-open ones of the SYN queue without a segment (their request sockets are dropped
 *   when their timer finds the listener closed: reqsk_timer_handler), so the client's
 *   next segment finds no socket and is answered by RST (RFC 9293 §3.10.7.1).
 *
 * Scenarios with one peer per listener do not enter this mode: they run as before.
 */
import { say } from '../i18n/catalogue.js';
import { socketMessages as m } from '../i18n/messages/sockets.js';
import type { SegmentStatement, Span, Statement } from './model.js';
import { RFC, type StepContext } from './step-context.js';
import { newTcb, type Tcb } from './tcb.js';

/** A listener's queues, replaced (never changed in place: TCB copies share it). */
export interface ListenerQueues {
  readonly backlog: number;
  readonly abortOnOverflow: boolean;
  /** Peers whose SYN arrived, in order: their connections are SYN-RECEIVED. */
  readonly syn: readonly string[];
  /** Peers whose handshake completed, in order, not accepted yet. */
  readonly accept: readonly string[];
  /** Where the last final ACK of a peer was dropped by a full accept queue (for the `add accept` fix: listener-fixes.ts). */
  readonly droppedAck?: Readonly<Record<string, Span>>;
}

/** The name of the listener's connection with `peer`, as hints and explanations show it. */
export function connectionName(listener: string, peer: string): string {
  return `${listener}[${peer}]`;
}

/** `server[c1]` → the listener and the peer of that connection; undefined for a participant's own name. */
export function connectionOf(name: string): { listener: string; peer: string } | undefined {
  const open = name.indexOf('[');
  if (open <= 0 || !name.endsWith(']')) return undefined;
  return { listener: name.slice(0, open), peer: name.slice(open + 1, -1) };
}

/**
 * The endpoint an `expect server[c1] STATE` is about: the listener's connection with
 * that peer, or, when the participant has one connection only (no listener mode), the
 * participant itself if that peer is its peer. Undefined when there is no such
 * connection (yet, or at all).
 */
/** Where a full accept queue last dropped `peer`'s final ACK, while its connection is still SYN-RECEIVED. */
export function droppedAckOf(listener: string, peer: string, tcbs: ReadonlyMap<string, Tcb>): Span | undefined {
  const connection = tcbs.get(connectionName(listener, peer));
  return connection?.state === 'SYN-RECEIVED' ? tcbs.get(listener)?.queues?.droppedAck?.[peer] : undefined;
}

export function expectedConnection(listener: string, peer: string, tcbs: ReadonlyMap<string, Tcb>): { name: string; tcb: Tcb } | undefined {
  const name = connectionName(listener, peer);
  const connection = tcbs.get(name);
  if (connection) return { name, tcb: connection };
  const own = tcbs.get(listener);
  return own && !own.multiPeer && own.peer === peer ? { name: listener, tcb: own } : undefined;
}

/** The listeners that serve several peers: they called `listen`, and two or more peers send them a SYN. */
export function multiPeerListeners(statements: readonly Statement[]): Set<string> {
  const listening = new Set<string>();
  // Who opens a connection to whom: a connection of a listener begins with the peer's SYN,
  // so only peers that send one count. (A segment to a third name from a one-client
  // listener stays the `multiple-peers` mistake, with its fix.)
  const openers = new Map<string, Set<string>>();
  for (const s of statements) {
    if (s.kind === 'call' && s.call === 'listen') listening.add(s.participant);
    else if (s.kind === 'segment' && !s.icmp && s.from !== s.to && s.flags.includes('SYN') && !s.flags.includes('ACK')) {
      let set = openers.get(s.to);
      if (!set) openers.set(s.to, (set = new Set()));
      set.add(s.from);
    }
  }
  return new Set([...listening].filter((name) => (openers.get(name)?.size ?? 0) >= 2));
}

/** What routing a segment to a listener decided. */
export type Route =
  | { readonly kind: 'connection'; readonly name: string; readonly created: boolean }
  | { readonly kind: 'dropped' }
  | { readonly kind: 'listener' };

/**
 * A segment from `peer` reaches `listener` (in listener mode): its connection if it
 * has one; a SYN in LISTEN makes one (SYN queue) unless a queue is full; else the
 * listener itself.
 */
export function routeToListener(listener: string, tcb: Tcb, peer: string, seg: SegmentStatement, tcbs: Map<string, Tcb>, ctx: StepContext): Route {
  const name = connectionName(listener, peer);
  if (tcbs.has(name)) return { kind: 'connection', name, created: false };
  const opens = seg.flags.includes('SYN') && !seg.flags.includes('ACK') && !seg.flags.includes('RST');
  if (tcb.state !== 'LISTEN' || !opens) return { kind: 'listener' };
  const queues = queuesOf(tcb);
  if (queues.syn.length > queues.backlog) {
    ctx.explain(listener, RFC.arrivesListen, say(m.synQueueFull, { peer, backlog: queues.backlog }));
    return { kind: 'dropped' };
  }
  if (queues.accept.length > queues.backlog) {
    ctx.explain(listener, RFC.arrivesListen, say(m.acceptQueueFullSyn, { peer, backlog: queues.backlog }));
    return { kind: 'dropped' };
  }
  const connection = newTcb('LISTEN');
  connection.listened = true;
  tcbs.set(name, connection);
  setQueues(listener, tcb, { ...queues, syn: [...queues.syn, peer] }, ctx);
  return { kind: 'connection', name, created: true };
}

/**
 * Before a segment reaches a connection in SYN-RECEIVED: an ACK that would complete
 * the handshake while the accept queue is full is dropped (or answered by RST).
 * Returns true when the segment must not be processed.
 */
export function overflowDrops(listener: string, tcb: Tcb, peer: string, connection: Tcb, seg: SegmentStatement, ctx: StepContext): boolean {
  const completes = connection.state === 'SYN-RECEIVED' && seg.flags.includes('ACK') && !seg.flags.includes('SYN') && !seg.flags.includes('RST');
  const queues = queuesOf(tcb);
  if (!completes || queues.accept.length <= queues.backlog) return false;
  const name = connectionName(listener, peer);
  if (queues.abortOnOverflow) {
    const sndNxt = connection.sndNxt;
    forgetConnection(connection, peer);
    ctx.owe(name, connection, { flags: ['RST'], seq: sndNxt, reason: say(m.overflowRstReason) });
    setQueues(listener, tcb, { ...queues, syn: queues.syn.filter((p) => p !== peer) }, ctx);
    ctx.explain(name, RFC.arrivesOther, say(m.acceptQueueFullAbort, { peer, backlog: queues.backlog }));
  } else {
    ctx.explain(name, RFC.arrivesOther, say(m.acceptQueueFullAck, { peer, backlog: queues.backlog }));
    tcb.queues = { ...queues, droppedAck: { ...queues.droppedAck, [peer]: seg.span } };
  }
  return true;
}

/** After a segment reached a connection: one that became ESTABLISHED moves to the accept queue, or to a waiting accept. */
export function afterArrival(listener: string, tcb: Tcb, peer: string, before: string, connection: Tcb, ctx: StepContext): void {
  if (before !== 'SYN-RECEIVED') return;
  const queues = queuesOf(tcb);
  const syn = queues.syn.filter((p) => p !== peer);
  if (connection.state !== 'ESTABLISHED') {
    if (connection.state !== 'SYN-RECEIVED') setQueues(listener, tcb, { ...queues, syn }, ctx);
    return;
  }
  if (tcb.acceptPending) {
    tcb.acceptPending = false;
    ctx.effect(listener, say(m.acceptReturns, { peer }), { call: 'accept', value: peer });
    setQueues(listener, tcb, { ...queues, syn }, ctx);
    return;
  }
  setQueues(listener, tcb, { ...queues, syn, accept: [...queues.accept, peer] }, ctx);
}

/** `accept` on a listener in listener mode: the first completed connection, or it blocks. */
export function acceptFromQueue(listener: string, tcb: Tcb, ctx: StepContext): void {
  const queues = queuesOf(tcb);
  const [first, ...rest] = queues.accept;
  if (first === undefined) {
    tcb.acceptPending = true;
    ctx.effect(listener, say(m.acceptBlocks));
    return;
  }
  ctx.effect(listener, say(m.acceptReturns, { peer: first }), { call: 'accept', value: first });
  setQueues(listener, tcb, { ...queues, accept: rest }, ctx);
}

/**
 * `close` of a listener in LISTEN (in listener mode), before the call itself closes it:
 * what is still queued goes with it, as Linux's inet_csk_listen_stop does. A connection
 * in the accept queue owes a RST <SEQ=SND.NXT>; a half-open one of the SYN queue is
 * forgotten without a segment. Connections already accepted belong to the application
 * and are left alone.
 */
export function closeQueued(listener: string, tcb: Tcb, tcbs: Map<string, Tcb>, ctx: StepContext): void {
  const queues = queuesOf(tcb);
  if (queues.syn.length === 0 && queues.accept.length === 0) return;
  for (const peer of queues.accept) {
    const name = connectionName(listener, peer);
    const connection = tcbs.get(name);
    if (!connection) continue;
    const sndNxt = connection.sndNxt;
    forgetConnection(connection, peer);
    ctx.owe(name, connection, { flags: ['RST'], seq: sndNxt, reason: say(m.listenerCloseRstReason) });
    ctx.explain(name, RFC.closeCall, say(m.listenerCloseResets, { listener, peer }));
  }
  for (const peer of queues.syn) {
    const name = connectionName(listener, peer);
    const connection = tcbs.get(name);
    if (!connection) continue;
    forgetConnection(connection, peer);
    ctx.explain(name, RFC.closeCall, say(m.listenerCloseForgets, { listener, peer }));
  }
  setQueues(listener, tcb, { ...queues, syn: [], accept: [] }, ctx);
}

/** `listen backlog=N [abort_on_overflow]` on a listener: its queues, empty. */
export function openQueues(tcb: Tcb, backlog: number | undefined, abortOnOverflow: boolean): void {
  tcb.queues = { backlog: backlog ?? DEFAULT_BACKLOG, abortOnOverflow, syn: [], accept: [] };
}

/** The connection's TCB becomes a fresh CLOSED one (every field, a reply it owed included); it keeps its peer. */
function forgetConnection(connection: Tcb, peer: string): void {
  for (const key of Object.keys(connection)) delete (connection as unknown as Record<string, unknown>)[key];
  Object.assign(connection, newTcb('CLOSED'));
  connection.peer = peer;
}

/** Linux's default limit (net.core.somaxconn, 4096 since 5.4) when `backlog=` is not given. */
const DEFAULT_BACKLOG = 4096;

function queuesOf(tcb: Tcb): ListenerQueues {
  return tcb.queues ?? { backlog: DEFAULT_BACKLOG, abortOnOverflow: false, syn: [], accept: [] };
}

/** Replaces the queues and shows them on the listener (`SYN queue: c2 · accept queue: c1`). */
function setQueues(listener: string, tcb: Tcb, queues: ListenerQueues, ctx: StepContext): void {
  tcb.queues = queues;
  ctx.effect(listener, queuesText(queues), undefined, { syn: queues.syn, accept: queues.accept });
}

export function queuesText(queues: ListenerQueues): string {
  const list = (peers: readonly string[]) => (peers.length === 0 ? say(m.queueEmpty) : peers.join(', '));
  return say(m.queues, { syn: list(queues.syn), accept: list(queues.accept) });
}
