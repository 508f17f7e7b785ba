/**
 * IPv4 and IPv6 headers, as far as TCP needs them: the addresses, the protocol and where
 * the payload starts and ends. The end comes from the IP length, not the frame, since
 * Ethernet pads short frames; a frame cut by the snap length still says how long the
 * payload really was. IPv6 extension headers are walked to the upper-layer header.
 */

export const PROTOCOL_TCP = 6;

export interface IpPacket {
  readonly source: string;
  readonly destination: string;
  readonly protocol: number;
  /** Where the upper-layer header starts in the frame. */
  readonly payloadOffset: number;
  /** The upper-layer length the IP header announces (more than the frame holds when the capture cut it). */
  readonly payloadLength: number;
  /** A fragment other than the first: no TCP header in it. */
  readonly laterFragment: boolean;
}

const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const DESTINATION_OPTIONS = 60;
const NO_NEXT_HEADER = 59;

export function readIp(bytes: Uint8Array, offset: number, version: 4 | 6): IpPacket | undefined {
  return version === 4 ? readIpv4(bytes, offset) : readIpv6(bytes, offset);
}

function readIpv4(bytes: Uint8Array, at: number): IpPacket | undefined {
  if (bytes.length < at + 20 || bytes[at] >> 4 !== 4) return undefined;
  const headerLength = (bytes[at] & 0x0f) * 4;
  const totalLength = (bytes[at + 2] << 8) | bytes[at + 3];
  if (headerLength < 20 || totalLength < headerLength) return undefined;
  const fragmentOffset = ((bytes[at + 6] & 0x1f) << 8) | bytes[at + 7];
  return {
    source: ipv4Text(bytes, at + 12),
    destination: ipv4Text(bytes, at + 16),
    protocol: bytes[at + 9],
    payloadOffset: at + headerLength,
    payloadLength: totalLength - headerLength,
    laterFragment: fragmentOffset !== 0,
  };
}

function readIpv6(bytes: Uint8Array, at: number): IpPacket | undefined {
  if (bytes.length < at + 40 || bytes[at] >> 4 !== 6) return undefined;
  let remaining = (bytes[at + 4] << 8) | bytes[at + 5];
  let next = bytes[at + 6];
  let offset = at + 40;
  let laterFragment = false;
  // Extension headers: each says the next header and its own length.
  while (next === HOP_BY_HOP || next === ROUTING || next === DESTINATION_OPTIONS || next === FRAGMENT) {
    if (bytes.length < offset + 8) return undefined;
    const length = next === FRAGMENT ? 8 : (bytes[offset + 1] + 1) * 8;
    if (next === FRAGMENT && (((bytes[offset + 2] << 8) | bytes[offset + 3]) & 0xfff8) !== 0) laterFragment = true;
    next = bytes[offset];
    offset += length;
    remaining -= length;
    if (remaining < 0) return undefined;
  }
  if (next === NO_NEXT_HEADER) return undefined;
  return {
    source: ipv6Text(bytes, at + 8),
    destination: ipv6Text(bytes, at + 24),
    protocol: next,
    payloadOffset: offset,
    payloadLength: remaining,
    laterFragment,
  };
}

function ipv4Text(bytes: Uint8Array, at: number): string {
  return `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
}

/** RFC 5952's text: lower-case hex, no leading zeros, the longest run (of two or more) of zero groups as `::`. */
export function ipv6Text(bytes: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((bytes[at + 2 * i] << 8) | bytes[at + 2 * i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
