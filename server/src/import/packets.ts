/**
 * A capture's TCP packets: each frame taken through its link layer and IP header to the
 * TCP segment, with the counts of what was passed over (not IP, not TCP, fragments,
 * headers cut by the snap length) so the importer can say so.
 */
import type { CaptureTime, Frame } from './frame.js';
import { readIp, PROTOCOL_TCP } from './ip.js';
import { linkTypeSupported, networkPayload } from './link-layer.js';
import { readTcp, type TcpSegment } from './tcp.js';

export interface TcpPacket {
  readonly frame: number;
  readonly time: CaptureTime;
  readonly source: string;
  readonly destination: string;
  readonly tcp: TcpSegment;
}

export interface SkippedFrames {
  /** Frames of a link type this reader does not know, by link type. */
  unsupportedLink: Map<number, number>;
  /** IP that is not TCP, or not IP at all (ARP, …). */
  notTcp: number;
  /** Fragments after the first, and TCP headers the capture cut. */
  undecodable: number;
}

export function newSkippedFrames(): SkippedFrames {
  return { unsupportedLink: new Map(), notTcp: 0, undecodable: 0 };
}

/** The TCP packet in the frame, or undefined after counting why there is none. */
export function tcpPacketOf(frame: Frame, skipped: SkippedFrames): TcpPacket | undefined {
  if (!linkTypeSupported(frame.linkType)) {
    skipped.unsupportedLink.set(frame.linkType, (skipped.unsupportedLink.get(frame.linkType) ?? 0) + 1);
    return undefined;
  }
  const network = networkPayload(frame.linkType, frame.bytes);
  const ip = network && readIp(frame.bytes, network.offset, network.version);
  if (!ip || ip.protocol !== PROTOCOL_TCP) {
    skipped.notTcp++;
    return undefined;
  }
  const tcp = ip.laterFragment ? undefined : readTcp(frame.bytes, ip.payloadOffset, ip.payloadLength);
  if (!tcp) {
    skipped.undecodable++;
    return undefined;
  }
  return { frame: frame.number, time: frame.time, source: ip.source, destination: ip.destination, tcp };
}
