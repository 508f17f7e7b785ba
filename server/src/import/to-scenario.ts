/**
 * One captured connection as the text of a `.tcpflow` scenario. Each packet becomes a
 * segment line, in capture order, with its flags, numbers, window, MSS and window scale,
 * and its payload length; the options the language has no field for (SACK-permitted,
 * SACK blocks, timestamps, Fast Open cookies) ride along as a comment on the line. A connection captured
 * from its SYN starts from CLOSED with the server's `listen`; one captured mid-way
 * starts both sides in ESTABLISHED with the SND.NXT and RCV.NXT its first packets show.
 * The checking is left to the engine: whatever the capture shows is written as it is.
 */
import { say } from '../i18n/catalogue.js';
import { importMessages as m } from '../i18n/messages/import.js';
import { endpointText, sameEndpoint, type Connection, type Endpoint } from './connections.js';
import { secondsBetween } from './frame.js';
import type { TcpPacket } from './packets.js';
import { FLAG, flagNames } from './tcp.js';

export interface ScenarioOptions {
  /** How the header names the capture. */
  readonly file: string;
  /** The participants' names: client, server. */
  readonly names: readonly [string, string];
  /** Sequence numbers as J+…/K+… from each side's first number, instead of the raw 32-bit ones. */
  readonly relative: boolean;
  /** The time since the connection's first packet, and the frame number, as a comment on each line. */
  readonly times: boolean;
}

/** Writes one side's sequence numbers: raw, or relative to its base as `SYMBOL+N`. */
export type SpaceWriter = (value: number) => string;

export const TWO_TO_32 = 2 ** 32;

export function spaceWriter(symbol: string, base: number | undefined): SpaceWriter {
  if (base === undefined) return (value) => String(value);
  return (value) => {
    const offset = (value - base + TWO_TO_32) % TWO_TO_32;
    if (offset === 0) return symbol;
    return offset < 2 ** 31 ? `${symbol}+${offset}` : `${symbol}-${TWO_TO_32 - offset}`;
  };
}

export const hasFlag = (packet: TcpPacket, flag: number): boolean => (packet.tcp.flags & flag) !== 0;

/** Where each side stands before the first captured packet, for a connection picked up mid-way. */
interface MidwayStart {
  readonly clientSnd: number;
  readonly clientRcv: number;
  readonly serverSnd: number;
  readonly serverRcv: number;
}

/**
 * A side's SND.NXT is the sequence number of its first packet (nothing it sent earlier
 * can come after it), or else the peer's first acknowledgment; its RCV.NXT is its own
 * first acknowledgment, unless the peer's first packet came before it.
 */
function midwayStart(packets: readonly TcpPacket[], fromClient: (p: TcpPacket) => boolean): MidwayStart {
  const firstOf = (client: boolean): TcpPacket | undefined => packets.find((p) => fromClient(p) === client);
  const firstAckOf = (client: boolean): TcpPacket | undefined => packets.find((p) => fromClient(p) === client && hasFlag(p, FLAG.ACK));
  const snd = (client: boolean): number => firstOf(client)?.tcp.seq ?? firstAckOf(!client)?.tcp.ack ?? 0;
  const rcv = (client: boolean): number => {
    const ownAck = firstAckOf(client);
    const peerFirst = firstOf(!client);
    if (ownAck && (!peerFirst || ownAck.frame < peerFirst.frame)) return ownAck.tcp.ack;
    return peerFirst?.tcp.seq ?? ownAck?.tcp.ack ?? 0;
  };
  return { clientSnd: snd(true), clientRcv: rcv(true), serverSnd: snd(false), serverRcv: rcv(false) };
}

/** The scenario's text, line by line (the caller joins or streams them). */
export function connectionToScenario(connection: Connection, packets: readonly TcpPacket[], options: ScenarioOptions): string[] {
  const [client, server] = options.names;
  const fromClient = (p: TcpPacket): boolean => sameEndpoint({ address: p.source, port: p.tcp.sourcePort }, connection.client);
  const lines: string[] = [];
  const first = packets[0];
  const opensWithSyn = first !== undefined && hasFlag(first, FLAG.SYN) && !hasFlag(first, FLAG.ACK) && fromClient(first);
  const opensWithSynAck = first !== undefined && hasFlag(first, FLAG.SYN) && hasFlag(first, FLAG.ACK) && !fromClient(first);
  const synAck = packets.find((p) => !fromClient(p) && hasFlag(p, FLAG.SYN) && hasFlag(p, FLAG.ACK));
  const midway = opensWithSyn || opensWithSynAck ? undefined : midwayStart(packets, fromClient);

  // Each side's numbers start from its ISN (the SYN's seq) or, picked up mid-way, from where it stood.
  const clientBase = opensWithSyn ? first.tcp.seq : opensWithSynAck ? (first.tcp.ack - 1 + TWO_TO_32) % TWO_TO_32 : midway?.clientSnd;
  const serverBase = synAck?.tcp.seq ?? midway?.serverSnd;
  const clientSpace = spaceWriter('J', options.relative ? clientBase : undefined);
  const serverSpace = spaceWriter('K', options.relative ? serverBase : undefined);

  lines.push(`// ${say(m.scenarioHeader, { file: options.file, number: connection.number, client: endpointText(connection.client), server: endpointText(connection.server), packets: packets.length })}`);
  if (connection.rolesGuessed) lines.push(`// ${say(m.rolesGuessed, { client })}`);
  lines.push(`scenario "${quoteSafe(`${endpointText(connection.client)} → ${endpointText(connection.server)}`)}"`);
  lines.push('');
  lines.push(participantLine(client, connection.client, midway && `starts ESTABLISHED snd=${clientSpace(midway.clientSnd)} rcv=${serverSpace(midway.clientRcv)}`));
  lines.push(participantLine(server, connection.server, midway && `starts ESTABLISHED snd=${serverSpace(midway.serverSnd)} rcv=${clientSpace(midway.serverRcv)}`));
  if (midway) lines.push(`// ${say(m.startsMidway)}`);
  lines.push('');

  // The server listened if it answered the SYN with a SYN-ACK; a server that answers with RST was not listening.
  if (synAck && (opensWithSyn || opensWithSynAck)) lines.push(`${server}: listen`);
  if (opensWithSynAck && clientBase !== undefined) {
    lines.push(`${client} -> ${server} : SYN seq=${clientSpace(clientBase)}   // ${say(m.synNotCaptured)}`);
  }
  for (const packet of packets) {
    const sender = fromClient(packet);
    const line = segmentLine(packet, sender ? client : server, sender ? server : client, sender ? clientSpace : serverSpace, sender ? serverSpace : clientSpace);
    const notes = [...optionNotes(packet, sender ? serverSpace : clientSpace)];
    if (options.times) notes.unshift(say(m.frameTime, { frame: packet.frame, seconds: secondsBetween(first.time, packet.time).toFixed(6) }));
    lines.push(notes.length > 0 ? `${line}   // ${notes.join('; ')}` : line);
  }
  return lines;
}

export function participantLine(name: string, endpoint: Endpoint, start: string | undefined): string {
  return `participant ${name} as "${quoteSafe(endpointText(endpoint))}"${start ? ` ${start}` : ''}`;
}

/** Label text never closes its own quotes nor starts an escape. */
export function quoteSafe(text: string): string {
  return text.replace(/["\\]/g, '');
}

export function segmentLine(packet: TcpPacket, from: string, to: string, own: SpaceWriter, peer: SpaceWriter): string {
  const { tcp } = packet;
  const names = flagNames(tcp.flags);
  if (names.length === 0) return `// ${say(m.noFlags, { frame: packet.frame, from, to, seq: own(tcp.seq), length: tcp.payloadLength })}`;
  const fields = [`seq=${own(tcp.seq)}`];
  if (hasFlag(packet, FLAG.ACK)) fields.push(`ack=${peer(tcp.ack)}`);
  fields.push(`win=${tcp.window}`);
  if (tcp.options.mss !== undefined) fields.push(`mss=${tcp.options.mss}`);
  // The language bounds wscale by RFC 7323's 14; a larger shift (which TCP reads as 14) is left as a comment.
  if (tcp.options.wscale !== undefined && tcp.options.wscale <= 14) fields.push(`wscale=${tcp.options.wscale}`);
  if (tcp.payloadLength > 0) fields.push(`len=${tcp.payloadLength}`);
  if (fastOpenSyn(packet)) fields.push('tfo');
  return `${from} -> ${to} : ${names.join(' ')} ${fields.join(' ')}`;
}

/**
 * A SYN that opens with Fast Open (RFC 7413 §4.2): it carries a cookie, or data with the
 * option (a client that needs no cookie sends an empty one). The language's `tfo` says
 * exactly this; a bare cookie request, or the cookie a SYN,ACK hands out, is a comment.
 */
function fastOpenSyn(packet: TcpPacket): boolean {
  const { tcp } = packet;
  const synOnly = hasFlag(packet, FLAG.SYN) && !hasFlag(packet, FLAG.ACK);
  return synOnly && (tcp.options.fastOpen === 'cookie' || (tcp.options.fastOpen !== undefined && tcp.payloadLength > 0));
}

/** The options the language has no field for, written as tcpdump writes them. */
export function* optionNotes(packet: TcpPacket, peer: SpaceWriter): Generator<string> {
  const { options } = packet.tcp;
  if (options.wscale !== undefined && options.wscale > 14) yield `wscale ${options.wscale}`;
  if (options.sackPermitted) yield 'sackOK';
  if (options.sack) yield `sack ${options.sack.map(([left, right]) => `${peer(left)}:${peer(right)}`).join(' ')}`;
  if (options.timestamp) yield `TS val ${options.timestamp[0]} ecr ${options.timestamp[1]}`;
  if (options.fastOpen && !fastOpenSyn(packet)) yield options.fastOpen === 'cookie' ? 'tfo cookie' : 'tfo cookiereq';
}
