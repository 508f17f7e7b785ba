/**
 * Several captured connections to one server endpoint as ONE scenario with the listener
 * model (docs/language.md, "A listener with several clients"): the server listens once,
 * each client is its own participant, and the segments of all the connections are
 * written in capture order, so the listener's SYN and accept queues show what the
 * capture shows. Each connection must open with its client's SYN: a listener's child
 * connection cannot start mid-way in the language (a connection picked up mid-way is
 * imported alone, with --conn).
 */
import { say } from '../i18n/catalogue.js';
import { importMessages as m } from '../i18n/messages/import.js';
import { endpointText, sameEndpoint, type Connection } from './connections.js';
import { CaptureError, secondsBetween } from './frame.js';
import type { TcpPacket } from './packets.js';
import { FLAG } from './tcp.js';
import { hasFlag, optionNotes, participantLine, quoteSafe, segmentLine, spaceWriter, type SpaceWriter } from './to-scenario.js';

export interface ListenerScenarioOptions {
  readonly file: string;
  /** One name per connection (its client), then the server's. */
  readonly names: readonly string[];
  readonly relative: boolean;
  readonly times: boolean;
}

/** The default names: c1, c2, … for the clients, `server` for the listener. */
export function defaultListenerNames(clients: number): string[] {
  return [...Array.from({ length: clients }, (_, i) => `c${i + 1}`), 'server'];
}

/** True when the connections (two or more) all have the same server endpoint. */
export function shareOneServer(connections: readonly Connection[]): boolean {
  return connections.length >= 2 && connections.every((c) => sameEndpoint(c.server, connections[0].server));
}

interface Side {
  readonly name: string;
  readonly connection: Connection;
  /** Its numbers (J1, J2, …) and the server's numbers on its connection (K1, K2, …). */
  readonly own: SpaceWriter;
  readonly server: SpaceWriter;
}

/**
 * The scenario's lines. `packets[i]` are the packets of `connections[i]`; a packet's
 * frame number places it among the others (frames are numbered in capture order).
 */
export function listenerToScenario(connections: readonly Connection[], packets: readonly (readonly TcpPacket[])[], options: ListenerScenarioOptions): string[] {
  const serverName = options.names[connections.length];
  const sides: Side[] = connections.map((connection, i) => {
    const first = packets[i][0];
    if (!first || !hasFlag(first, FLAG.SYN) || hasFlag(first, FLAG.ACK)) {
      throw new CaptureError(say(m.listenerNeedsSyn, { file: options.file, number: connection.number }));
    }
    const synAck = packets[i].find((p) => hasFlag(p, FLAG.SYN) && hasFlag(p, FLAG.ACK));
    const relative = (symbol: string, base: number | undefined): SpaceWriter => spaceWriter(symbol, options.relative ? base : undefined);
    return { name: options.names[i], connection, own: relative(`J${i + 1}`, first.tcp.seq), server: relative(`K${i + 1}`, synAck?.tcp.seq) };
  });
  const server = connections[0].server;
  const total = packets.reduce((sum, list) => sum + list.length, 0);
  const lines: string[] = [];
  lines.push(`// ${say(m.listenerHeader, { file: options.file, numbers: connections.map((c) => c.number).join(', '), server: endpointText(server), packets: total })}`);
  lines.push(`scenario "${quoteSafe(say(m.listenerTitle, { clients: connections.length, server: endpointText(server) }))}"`);
  lines.push('');
  for (const side of sides) lines.push(participantLine(side.name, side.connection.client, undefined));
  lines.push(participantLine(serverName, server, undefined));
  lines.push('');
  // As for one connection: the server listened if it answered a SYN with a SYN-ACK.
  if (packets.some((list) => list.some((p) => hasFlag(p, FLAG.SYN) && hasFlag(p, FLAG.ACK)))) lines.push(`${serverName}: listen`);

  const merged = packets.flatMap((list, i) => list.map((packet) => ({ packet, side: sides[i] }))).sort((a, b) => a.packet.frame - b.packet.frame);
  const start = merged[0]?.packet.time;
  for (const { packet, side } of merged) {
    const fromClient = sameEndpoint({ address: packet.source, port: packet.tcp.sourcePort }, side.connection.client);
    const line = fromClient
      ? segmentLine(packet, side.name, serverName, side.own, side.server)
      : segmentLine(packet, serverName, side.name, side.server, side.own);
    const notes = [...optionNotes(packet, fromClient ? side.server : side.own)];
    if (options.times && start) notes.unshift(say(m.frameTime, { frame: packet.frame, seconds: secondsBetween(start, packet.time).toFixed(6) }));
    lines.push(notes.length > 0 ? `${line}   // ${notes.join('; ')}` : line);
  }
  return lines;
}
