/**
 * From a frame's link-layer header to the IP packet inside. The link types a TCP
 * capture is likely to have: Ethernet (tcpdump on an interface, and on Linux's `lo`),
 * Linux cooked capture v1 and v2 (`tcpdump -i any`), raw IP (tunnels, `-y RAW`) and
 * the BSD loopback headers (macOS's `lo0`: DLT_NULL in the capturing host's byte order,
 * DLT_LOOP in network order).
 * Numbers: https://www.tcpdump.org/linktypes.html
 */

export const LINKTYPE = {
  NULL: 0,
  ETHERNET: 1,
  /** LINKTYPE_RAW; 12 and 14 are the DLT_RAW values some systems wrote into files. */
  RAW: 101,
  RAW_BSD: 12,
  RAW_OPENBSD: 14,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export type IpVersion = 4 | 6;

/** Where the IP packet starts in the frame, and which IP it is; undefined when it is not IP (ARP, …). */
export interface NetworkPayload {
  readonly version: IpVersion;
  readonly offset: number;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);

export function linkTypeSupported(linkType: number): boolean {
  return (Object.values(LINKTYPE) as number[]).includes(linkType);
}

export function networkPayload(linkType: number, bytes: Uint8Array): NetworkPayload | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (linkType) {
    case LINKTYPE.ETHERNET: return ethernet(view);
    case LINKTYPE.LINUX_SLL: return bytes.length >= 16 ? byEthertype(view.getUint16(14), 16) : undefined;
    case LINKTYPE.LINUX_SLL2: return bytes.length >= 20 ? byEthertype(view.getUint16(0), 20) : undefined;
    case LINKTYPE.NULL: return bytes.length >= 4 ? byAddressFamily(hostOrderFamily(view), 4) : undefined;
    case LINKTYPE.LOOP: return bytes.length >= 4 ? byAddressFamily(view.getUint32(0), 4) : undefined;
    case LINKTYPE.RAW: case LINKTYPE.RAW_BSD: case LINKTYPE.RAW_OPENBSD: return byVersionNibble(bytes, 0);
    case LINKTYPE.IPV4: return { version: 4, offset: 0 };
    case LINKTYPE.IPV6: return { version: 6, offset: 0 };
    default: return undefined;
  }
}

function ethernet(view: DataView): NetworkPayload | undefined {
  let at = 12;
  if (view.byteLength < at + 2) return undefined;
  let type = view.getUint16(at);
  // 802.1Q and 802.1ad tags (a VLAN, or a stack of them) sit before the real type.
  while (VLAN_TAGS.has(type) && view.byteLength >= at + 6) {
    at += 4;
    type = view.getUint16(at);
  }
  return byEthertype(type, at + 2);
}

function byEthertype(type: number, offset: number): NetworkPayload | undefined {
  if (type === ETHERTYPE_IPV4) return { version: 4, offset };
  if (type === ETHERTYPE_IPV6) return { version: 6, offset };
  return undefined;
}

/**
 * DLT_NULL's family is in the byte order of the host that captured, which the file does
 * not say: IPv4 is 2 everywhere, so whichever order gives a known family is the one.
 */
function hostOrderFamily(view: DataView): number {
  const little = view.getUint32(0, true);
  return little < 0x10000 ? little : view.getUint32(0, false);
}

/** AF_INET is 2 everywhere; AF_INET6 is 10 on Linux, 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS. */
function byAddressFamily(family: number, offset: number): NetworkPayload | undefined {
  if (family === 2) return { version: 4, offset };
  if (family === 10 || family === 24 || family === 28 || family === 30) return { version: 6, offset };
  return undefined;
}

function byVersionNibble(bytes: Uint8Array, offset: number): NetworkPayload | undefined {
  if (bytes.length <= offset) return undefined;
  const version = bytes[offset] >> 4;
  return version === 4 || version === 6 ? { version, offset } : undefined;
}
