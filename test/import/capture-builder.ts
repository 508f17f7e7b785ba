/**
 * Hand-made capture files for the reader's tests: TCP segments wrapped in IPv4 or IPv6,
 * in each link layer, in classic pcap (either byte order, micro- or nanoseconds) or
 * pcapng (sections in either byte order, several interfaces, EPB and SPB). Written from
 * the format documents, not from the reader, so a reader bug does not cancel out.
 */

export interface SegmentSpec {
  sport: number;
  dport: number;
  seq: number;
  ack?: number;
  /** Flag bits: FIN 1, SYN 2, RST 4, PSH 8, ACK 16. */
  flags: number;
  win?: number;
  /** Raw option bytes (padded to 4 here). */
  options?: number[];
  payload?: number;
}

export const F = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;

export function tcp(spec: SegmentSpec): Uint8Array {
  const options = [...(spec.options ?? [])];
  while (options.length % 4 !== 0) options.push(0);
  const header = 20 + options.length;
  const bytes = new Uint8Array(header + (spec.payload ?? 0));
  const view = new DataView(bytes.buffer);
  view.setUint16(0, spec.sport);
  view.setUint16(2, spec.dport);
  view.setUint32(4, spec.seq >>> 0);
  view.setUint32(8, (spec.ack ?? 0) >>> 0);
  bytes[12] = (header / 4) << 4;
  bytes[13] = spec.flags;
  view.setUint16(14, spec.win ?? 65535);
  bytes.set(options, 20);
  bytes.fill(0x61, header);
  return bytes;
}

/** MSS 1460, SACK-permitted, timestamps 100/0, NOP, window scale 7: Linux's SYN options. */
export const SYN_OPTIONS = [2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 100, 0, 0, 0, 0, 1, 3, 3, 7];

export function ipv4(src: string, dst: string, payload: Uint8Array, protocol = 6): Uint8Array {
  const bytes = new Uint8Array(20 + payload.length);
  bytes[0] = 0x45;
  new DataView(bytes.buffer).setUint16(2, bytes.length);
  bytes[8] = 64;
  bytes[9] = protocol;
  bytes.set(src.split('.').map(Number), 12);
  bytes.set(dst.split('.').map(Number), 16);
  bytes.set(payload, 20);
  return bytes;
}

function ipv6Bytes(text: string): number[] {
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]);
}

/** IPv6, optionally with a hop-by-hop options header before TCP. */
export function ipv6(src: string, dst: string, payload: Uint8Array, hopByHop = false): Uint8Array {
  const extension = hopByHop ? [6, 0, 1, 4, 0, 0, 0, 0] : [];
  const bytes = new Uint8Array(40 + extension.length + payload.length);
  bytes[0] = 0x60;
  new DataView(bytes.buffer).setUint16(4, extension.length + payload.length);
  bytes[6] = hopByHop ? 0 : 6;
  bytes[7] = 64;
  bytes.set(ipv6Bytes(src), 8);
  bytes.set(ipv6Bytes(dst), 24);
  bytes.set(extension, 40);
  bytes.set(payload, 40 + extension.length);
  return bytes;
}

const concat = (...parts: ArrayLike<number>[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const be16 = (n: number): number[] => [n >> 8, n & 0xff];
const be32 = (n: number): number[] => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le32 = (n: number): number[] => be32(n).reverse();
const ethertypeOf = (ip: Uint8Array): number => (ip[0] >> 4 === 6 ? 0x86dd : 0x0800);

export const LINK = {
  ethernet: { type: 1, wrap: (ip: Uint8Array) => concat(Array<number>(12).fill(2), be16(ethertypeOf(ip)), ip) },
  /** Ethernet with an 802.1Q VLAN tag, and padding after the IP packet as short frames have. */
  ethernetVlan: { type: 1, wrap: (ip: Uint8Array) => concat(Array<number>(12).fill(2), be16(0x8100), [0, 5], be16(ethertypeOf(ip)), ip, [0, 0, 0, 0]) },
  sll: { type: 113, wrap: (ip: Uint8Array) => concat(be16(0), be16(772), be16(6), Array<number>(8).fill(0), be16(ethertypeOf(ip)), ip) },
  sll2: { type: 276, wrap: (ip: Uint8Array) => concat(be16(ethertypeOf(ip)), [0, 0], be32(1), be16(772), [0], [6], Array<number>(8).fill(0), ip) },
  nullLittle: { type: 0, wrap: (ip: Uint8Array) => concat(le32(ip[0] >> 4 === 6 ? 30 : 2), ip) },
  nullBig: { type: 0, wrap: (ip: Uint8Array) => concat(be32(ip[0] >> 4 === 6 ? 10 : 2), ip) },
  loop: { type: 108, wrap: (ip: Uint8Array) => concat(be32(ip[0] >> 4 === 6 ? 24 : 2), ip) },
  raw: { type: 101, wrap: (ip: Uint8Array) => ip },
  ipv4: { type: 228, wrap: (ip: Uint8Array) => ip },
  ipv6: { type: 229, wrap: (ip: Uint8Array) => ip },
} as const;

export interface PcapFrame {
  seconds: number;
  /** Micro- or nanoseconds, as the file's magic says. */
  fraction: number;
  bytes: Uint8Array;
  /** Fewer bytes kept than the frame had (a snap length). */
  keep?: number;
}

export function pcap(linkType: number, frames: PcapFrame[], { littleEndian = true, nano = false } = {}): Uint8Array {
  const u32 = littleEndian ? le32 : be32;
  const u16 = (n: number): number[] => (littleEndian ? be16(n).reverse() : be16(n));
  const parts: ArrayLike<number>[] = [u32(nano ? 0xa1b23c4d : 0xa1b2c3d4), u16(2), u16(4), u32(0), u32(0), u32(262144), u32(linkType)];
  for (const f of frames) {
    const kept = f.bytes.subarray(0, f.keep ?? f.bytes.length);
    parts.push(u32(f.seconds), u32(f.fraction), u32(kept.length), u32(f.bytes.length), kept);
  }
  return concat(...parts);
}

export interface NgInterface {
  linkType: number;
  /** if_tsresol's byte; default 6 (microseconds). */
  tsresol?: number;
}

export type NgPacket =
  | { kind: 'epb'; iface: number; units: bigint; bytes: Uint8Array }
  | { kind: 'spb'; bytes: Uint8Array };

export interface NgSection {
  littleEndian: boolean;
  interfaces: NgInterface[];
  packets: NgPacket[];
  /** An extra block of an unknown type, which readers skip. */
  customBlock?: boolean;
}

export function pcapng(sections: NgSection[]): Uint8Array {
  const parts: ArrayLike<number>[] = [];
  for (const s of sections) {
    const u32 = s.littleEndian ? le32 : be32;
    const u16 = (n: number): number[] => (s.littleEndian ? be16(n).reverse() : be16(n));
    const pad = (b: ArrayLike<number>): number[] => [...Array.from(b), ...Array<number>((4 - (b.length % 4)) % 4).fill(0)];
    const block = (type: number, body: number[]): void => {
      const length = 12 + body.length;
      parts.push(u32(type), u32(length), body, u32(length));
    };
    // SHB: magic, version 1.0, section length unknown (-1).
    block(0x0a0d0d0a, [...u32(0x1a2b3c4d), ...u16(1), ...u16(0), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    for (const i of s.interfaces) {
      const options = i.tsresol === undefined ? [] : [...u16(9), ...u16(1), ...pad([i.tsresol]), ...u16(0), ...u16(0)];
      block(1, [...u16(i.linkType), ...u16(0), ...u32(0), ...options]);
    }
    if (s.customBlock) block(0x00000bad, [...u32(32473), 1, 2, 3, 4]);
    for (const p of s.packets) {
      if (p.kind === 'epb') {
        block(6, [...u32(p.iface), ...u32(Number(p.units >> 32n)), ...u32(Number(p.units & 0xffffffffn)), ...u32(p.bytes.length), ...u32(p.bytes.length), ...pad(p.bytes)]);
      } else {
        block(3, [...u32(p.bytes.length), ...pad(p.bytes)]);
      }
    }
  }
  return concat(...parts);
}
