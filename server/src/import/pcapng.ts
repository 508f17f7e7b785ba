/**
 * pcapng (tcpdump's and Wireshark's newer format): a sequence of blocks, each
 * `type, total length, body, total length`. A Section Header Block sets the byte order
 * for the blocks after it (a file may hold several sections, in either order); each
 * Interface Description Block declares an interface: its link type and the unit of its
 * timestamps. Frames come in Enhanced Packet Blocks (with interface and time), Simple
 * Packet Blocks (interface 0, no time) and the obsolete Packet Block. Every other block
 * (name resolution, statistics, secrets, custom) is skipped.
 * Format: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html
 */
import { say } from '../i18n/catalogue.js';
import { importMessages as m } from '../i18n/messages/import.js';
import type { ByteSource } from './byte-source.js';
import { CaptureError, type CaptureTime, type Frame } from './frame.js';
import { MAX_FRAME } from './pcap.js';

export const SECTION_HEADER = 0x0a0d0d0a;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;
const INTERFACE = 1;
const OBSOLETE_PACKET = 2;
const SIMPLE_PACKET = 3;
const ENHANCED_PACKET = 6;
const OPTION_TSRESOL = 9;
const OPTION_TSOFFSET = 14;
/** A block is at least its type, two lengths and no body. */
const MIN_BLOCK = 12;

interface Interface {
  readonly linkType: number;
  readonly snapLength: number;
  /** Timestamp units per second, and how to turn a count of them into a time. */
  readonly unitsPerSecond: bigint;
  readonly offsetSeconds: bigint;
}

export function* readPcapng(source: ByteSource, file: string): Generator<Frame> {
  let littleEndian = true;
  let interfaces: Interface[] = [];
  let sawSection = false;
  let number = 0;
  for (;;) {
    const at = source.offset;
    if (!source.ensure(8)) {
      if (source.available() === 0) return;
      throw new CaptureError(say(m.truncatedBlock, { file, offset: at }));
    }
    const head = source.take(8);
    let type = littleEndian ? head.readUInt32LE(0) : head.readUInt32BE(0);
    if (head.readUInt32BE(0) === SECTION_HEADER) {
      // The byte order of a section is in its own header: read it before the length.
      if (!source.ensure(4)) throw new CaptureError(say(m.truncatedBlock, { file, offset: at }));
      const magic = source.take(4);
      if (magic.readUInt32LE(0) === BYTE_ORDER_MAGIC) littleEndian = true;
      else if (magic.readUInt32BE(0) === BYTE_ORDER_MAGIC) littleEndian = false;
      else throw new CaptureError(say(m.corruptBlock, { file, offset: at }));
      type = SECTION_HEADER;
      sawSection = true;
      interfaces = [];
    } else if (!sawSection) {
      throw new CaptureError(say(m.corruptBlock, { file, offset: at }));
    }
    const length = littleEndian ? head.readUInt32LE(4) : head.readUInt32BE(4);
    if (length < MIN_BLOCK || length % 4 !== 0 || length > MAX_FRAME + 64) {
      throw new CaptureError(say(m.corruptBlock, { file, offset: at }));
    }
    const bodyRead = type === SECTION_HEADER ? 12 : 8;
    if (length < bodyRead + 4 || !source.ensure(length - bodyRead)) {
      throw new CaptureError(say(m.truncatedBlock, { file, offset: at }));
    }
    const rest = source.take(length - bodyRead);
    const body = rest.subarray(0, rest.length - 4);
    const trailer = littleEndian ? rest.readUInt32LE(rest.length - 4) : rest.readUInt32BE(rest.length - 4);
    if (trailer !== length) throw new CaptureError(say(m.corruptBlock, { file, offset: at }));
    const u16 = (at2: number): number => (littleEndian ? body.readUInt16LE(at2) : body.readUInt16BE(at2));
    const u32 = (at2: number): number => (littleEndian ? body.readUInt32LE(at2) : body.readUInt32BE(at2));
    const corrupt = (): CaptureError => new CaptureError(say(m.corruptBlock, { file, offset: at }));

    if (type === INTERFACE) {
      if (body.length < 8) throw corrupt();
      interfaces.push(readInterface(body.subarray(8), u16(0), u32(4), littleEndian, corrupt));
    } else if (type === ENHANCED_PACKET || type === OBSOLETE_PACKET) {
      if (body.length < 20) throw corrupt();
      const id = type === ENHANCED_PACKET ? u32(0) : u16(0);
      const iface = interfaces[id];
      if (!iface) throw new CaptureError(say(m.unknownInterface, { file, offset: at, id }));
      const captured = u32(12);
      if (20 + captured > body.length) throw corrupt();
      const units = (BigInt(u32(4)) << 32n) | BigInt(u32(8));
      number++;
      yield { number, time: timeOf(units, iface), linkType: iface.linkType, bytes: body.subarray(20, 20 + captured) };
    } else if (type === SIMPLE_PACKET) {
      const iface = interfaces[0];
      if (!iface || body.length < 4) throw iface ? corrupt() : new CaptureError(say(m.unknownInterface, { file, offset: at, id: 0 }));
      // The captured length is what the block holds, up to the original length and the snap length.
      let captured = Math.min(u32(0), body.length - 4);
      if (iface.snapLength > 0) captured = Math.min(captured, iface.snapLength);
      number++;
      yield { number, time: { seconds: 0, nanos: 0 }, linkType: iface.linkType, bytes: body.subarray(4, 4 + captured) };
    }
  }
}

/** An IDB's link type, snap length and timestamp options (if_tsresol, if_tsoffset). */
function readInterface(options: Buffer, linkType: number, snapLength: number, littleEndian: boolean, corrupt: () => CaptureError): Interface {
  let unitsPerSecond = 1_000_000n;
  let offsetSeconds = 0n;
  let at = 0;
  while (at + 4 <= options.length) {
    const code = littleEndian ? options.readUInt16LE(at) : options.readUInt16BE(at);
    const length = littleEndian ? options.readUInt16LE(at + 2) : options.readUInt16BE(at + 2);
    if (code === 0) break;
    if (at + 4 + length > options.length) throw corrupt();
    const value = options.subarray(at + 4, at + 4 + length);
    if (code === OPTION_TSRESOL && length >= 1) {
      // High bit clear: a negative power of 10; set: a negative power of 2.
      const exponent = value[0] & 0x7f;
      if ((value[0] & 0x80) === 0 ? exponent > 18 : exponent > 62) throw corrupt();
      unitsPerSecond = (value[0] & 0x80) === 0 ? 10n ** BigInt(exponent) : 1n << BigInt(exponent);
    } else if (code === OPTION_TSOFFSET && length >= 8) {
      offsetSeconds = littleEndian ? value.readBigInt64LE(0) : value.readBigInt64BE(0);
    }
    at += 4 + length + ((4 - (length % 4)) % 4);
  }
  return { linkType, snapLength, unitsPerSecond, offsetSeconds };
}

function timeOf(units: bigint, iface: Interface): CaptureTime {
  const seconds = units / iface.unitsPerSecond;
  const fraction = units % iface.unitsPerSecond;
  return {
    seconds: Number(seconds + iface.offsetSeconds),
    nanos: Number((fraction * 1_000_000_000n) / iface.unitsPerSecond),
  };
}
