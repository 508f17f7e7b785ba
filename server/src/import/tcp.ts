/**
 * The TCP header (RFC 9293 §3.1) and the options a scenario can show: MSS, window scale,
 * SACK-permitted, SACK blocks, timestamps (RFC 2018, RFC 7323) and TCP Fast Open
 * (RFC 7413: kind 34, or the experimental kind 254 with magic 0xF989). The payload length is
 * what the IP length leaves after the header, whether or not the capture kept the bytes.
 */

export const FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20, ECE: 0x40, CWR: 0x80 } as const;
export type FlagName = keyof typeof FLAG;

/** Flags in the order scenarios write them (`SYN ACK`, `PSH ACK`, `FIN ACK`). */
export const FLAG_ORDER: readonly FlagName[] = ['SYN', 'FIN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'];

export interface TcpOptions {
  mss?: number;
  wscale?: number;
  sackPermitted?: boolean;
  sack?: Array<readonly [number, number]>;
  timestamp?: readonly [number, number];
  /** TCP Fast Open: an empty option asks for a cookie, one with bytes carries the cookie (RFC 7413 §4.1.1). */
  fastOpen?: 'cookie request' | 'cookie';
}

export interface TcpSegment {
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly window: number;
  readonly options: TcpOptions;
  readonly payloadLength: number;
}

const OPTION_END = 0;
const OPTION_NOP = 1;
const OPTION_MSS = 2;
const OPTION_WSCALE = 3;
const OPTION_SACK_PERMITTED = 4;
const OPTION_SACK = 5;
const OPTION_TIMESTAMP = 8;
const OPTION_FAST_OPEN = 34;
/** Before kind 34 was assigned, Linux sent Fast Open as an experimental option (RFC 6994) with this magic. */
const OPTION_EXPERIMENTAL = 254;
const FAST_OPEN_MAGIC = 0xf989;

/**
 * The segment at `at` in `bytes`, whose IP payload is `length` bytes long; undefined
 * when the header is cut by the capture or cannot be a TCP header.
 */
export function readTcp(bytes: Uint8Array, at: number, length: number): TcpSegment | undefined {
  if (bytes.length < at + 20 || length < 20) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = (bytes[at + 12] >> 4) * 4;
  if (headerLength < 20 || headerLength > length || bytes.length < at + headerLength) return undefined;
  return {
    sourcePort: view.getUint16(at),
    destinationPort: view.getUint16(at + 2),
    seq: view.getUint32(at + 4),
    ack: view.getUint32(at + 8),
    flags: bytes[at + 13],
    window: view.getUint16(at + 14),
    options: readOptions(bytes, view, at + 20, at + headerLength),
    payloadLength: length - headerLength,
  };
}

function readOptions(bytes: Uint8Array, view: DataView, from: number, to: number): TcpOptions {
  const options: TcpOptions = {};
  let at = from;
  while (at < to) {
    const kind = bytes[at];
    if (kind === OPTION_END) break;
    if (kind === OPTION_NOP) {
      at++;
      continue;
    }
    if (at + 1 >= to) break;
    const length = bytes[at + 1];
    // A length that cannot be right ends the list: what follows cannot be read as options.
    if (length < 2 || at + length > to) break;
    if (kind === OPTION_MSS && length === 4) options.mss = view.getUint16(at + 2);
    else if (kind === OPTION_WSCALE && length === 3) options.wscale = bytes[at + 2];
    else if (kind === OPTION_SACK_PERMITTED && length === 2) options.sackPermitted = true;
    else if (kind === OPTION_TIMESTAMP && length === 10) options.timestamp = [view.getUint32(at + 2), view.getUint32(at + 6)];
    else if (kind === OPTION_FAST_OPEN) options.fastOpen = length > 2 ? 'cookie' : 'cookie request';
    else if (kind === OPTION_EXPERIMENTAL && length >= 4 && view.getUint16(at + 2) === FAST_OPEN_MAGIC) options.fastOpen = length > 4 ? 'cookie' : 'cookie request';
    else if (kind === OPTION_SACK && (length - 2) % 8 === 0) {
      options.sack = [];
      for (let b = at + 2; b < at + length; b += 8) options.sack.push([view.getUint32(b), view.getUint32(b + 4)]);
    }
    at += length;
  }
  return options;
}

export function flagNames(flags: number): FlagName[] {
  return FLAG_ORDER.filter((name) => (flags & FLAG[name]) !== 0);
}
