/**
 * Grouping a capture's TCP packets into connections: by 4-tuple, in the order their
 * first packets appear (connection 1 is the first one seen, as Wireshark's
 * conversations). A SYN on a 4-tuple whose connection has closed (both FINs, or an RST)
 * starts a new connection: the port was reused. Only a summary is kept for each
 * connection, so listing a capture of millions of packets takes little memory; the
 * packets of the one connection imported are read again (`packetsOf`).
 */
import { readCapture } from './capture.js';
import { secondsBetween, type CaptureTime } from './frame.js';
import { newSkippedFrames, tcpPacketOf, type SkippedFrames, type TcpPacket } from './packets.js';
import { FLAG } from './tcp.js';

export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

export interface Connection {
  /** 1-based, in the order of the connections' first packets. */
  readonly number: number;
  readonly key: string;
  /** The side that sent the SYN (or, without one, the one that looks like it: see `rolesGuessed`). */
  client: Endpoint;
  server: Endpoint;
  /** No SYN nor SYN-ACK was captured: the client is the side with the higher port, as ephemeral ports are. */
  rolesGuessed: boolean;
  packets: number;
  firstFrame: number;
  lastFrame: number;
  firstTime: CaptureTime;
  lastTime: CaptureTime;
  /** The client's SYN, the server's SYN-ACK, a FIN from each side, an RST: what the capture holds of the connection's life. */
  sawSyn: boolean;
  sawSynAck: boolean;
  clientIsn?: number;
  finFromClient: boolean;
  finFromServer: boolean;
  sawReset: boolean;
}

export function endpointText(endpoint: Endpoint): string {
  return endpoint.address.includes(':') ? `[${endpoint.address}]:${endpoint.port}` : `${endpoint.address}:${endpoint.port}`;
}

export function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.address === b.address && a.port === b.port;
}

function keyOf(packet: TcpPacket): string {
  const one = `${packet.source}|${packet.tcp.sourcePort}`;
  const other = `${packet.destination}|${packet.tcp.destinationPort}`;
  return one < other ? `${one}>${other}` : `${other}>${one}`;
}

export function durationOf(connection: Connection): number {
  return secondsBetween(connection.firstTime, connection.lastTime);
}

export function handshakeSeen(connection: Connection): boolean {
  return connection.sawSyn && connection.sawSynAck;
}

export function closeSeen(connection: Connection): boolean {
  return connection.sawReset || (connection.finFromClient && connection.finFromServer);
}

/** Which connection each packet belongs to, and the summaries so far. */
export class ConnectionTable {
  readonly connections: Connection[] = [];
  private readonly current = new Map<string, Connection>();

  add(packet: TcpPacket): Connection {
    const key = keyOf(packet);
    const { flags } = packet.tcp;
    const isSyn = (flags & (FLAG.SYN | FLAG.ACK)) === FLAG.SYN;
    let connection = this.current.get(key);
    if (connection && isSyn && closeSeen(connection) && connection.clientIsn !== packet.tcp.seq) connection = undefined;
    if (!connection) {
      connection = this.open(key, packet);
      this.current.set(key, connection);
    }
    this.count(connection, packet);
    return connection;
  }

  private open(key: string, packet: TcpPacket): Connection {
    const from: Endpoint = { address: packet.source, port: packet.tcp.sourcePort };
    const to: Endpoint = { address: packet.destination, port: packet.tcp.destinationPort };
    const { flags } = packet.tcp;
    const syn = (flags & FLAG.SYN) !== 0;
    // The SYN's sender is the client; a SYN-ACK's receiver. Without either, guess by port.
    const fromIsClient = syn ? (flags & FLAG.ACK) === 0 : from.port > to.port;
    const connection: Connection = {
      number: this.connections.length + 1,
      key,
      client: fromIsClient ? from : to,
      server: fromIsClient ? to : from,
      rolesGuessed: !syn,
      packets: 0,
      firstFrame: packet.frame,
      lastFrame: packet.frame,
      firstTime: packet.time,
      lastTime: packet.time,
      sawSyn: false,
      sawSynAck: false,
      finFromClient: false,
      finFromServer: false,
      sawReset: false,
    };
    this.connections.push(connection);
    return connection;
  }

  private count(connection: Connection, packet: TcpPacket): void {
    const { flags } = packet.tcp;
    const fromClient = packet.tcp.sourcePort === connection.client.port && packet.source === connection.client.address;
    connection.packets++;
    connection.lastFrame = packet.frame;
    connection.lastTime = packet.time;
    if ((flags & FLAG.SYN) !== 0) {
      if ((flags & FLAG.ACK) === 0 && fromClient) {
        connection.sawSyn = true;
        connection.clientIsn ??= packet.tcp.seq;
      } else if ((flags & FLAG.ACK) !== 0 && !fromClient) {
        connection.sawSynAck = true;
      }
    }
    if ((flags & FLAG.FIN) !== 0) {
      if (fromClient) connection.finFromClient = true;
      else connection.finFromServer = true;
    }
    if ((flags & FLAG.RST) !== 0) connection.sawReset = true;
  }
}

export interface CaptureSummary {
  readonly connections: readonly Connection[];
  readonly frames: number;
  readonly skipped: SkippedFrames;
}

/** Reads the whole capture once, keeping only the summaries. */
export function summarizeCapture(path: string, file: string): CaptureSummary {
  const table = new ConnectionTable();
  const skipped = newSkippedFrames();
  let frames = 0;
  for (const frame of readCapture(path, file)) {
    frames++;
    const packet = tcpPacketOf(frame, skipped);
    if (packet) table.add(packet);
  }
  return { connections: table.connections, frames, skipped };
}

/**
 * The packets of one connection, read again from the file: those of its 4-tuple between
 * its first and last frame (another connection on the same 4-tuple lies outside them).
 * Stops after `limit` packets and says so with `more`.
 */
export function packetsOf(path: string, file: string, connection: Connection, limit: number): { packets: TcpPacket[]; more: boolean } {
  const packets: TcpPacket[] = [];
  const skipped = newSkippedFrames();
  for (const frame of readCapture(path, file)) {
    if (frame.number < connection.firstFrame) continue;
    if (frame.number > connection.lastFrame) break;
    const packet = tcpPacketOf(frame, skipped);
    if (!packet || keyOf(packet) !== connection.key) continue;
    if (packets.length === limit) return { packets, more: true };
    packets.push(packet);
  }
  return { packets, more: false };
}
