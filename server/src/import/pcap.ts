/**
 * Classic pcap (the libpcap format, tcpdump's `-w` before pcapng): a 24-byte file
 * header, then records of a 16-byte header and the captured bytes. The magic number
 * gives the byte order of every field and whether the fraction of a second counts
 * micro- or nanoseconds.
 * Format: https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html
 */
import { say } from '../i18n/catalogue.js';
import { importMessages as m } from '../i18n/messages/import.js';
import type { ByteSource } from './byte-source.js';
import { CaptureError, type Frame } from './frame.js';

export const PCAP_MAGIC_MICRO = 0xa1b2c3d4;
export const PCAP_MAGIC_NANO = 0xa1b23c4d;
const FILE_HEADER = 24;
const RECORD_HEADER = 16;
/**
 * No record is longer: libpcap's own bound (MAXIMUM_SNAPLEN, 256 KiB) with room to
 * spare. A longer length is a damaged file, and reading it would mean waiting for
 * gigabytes that are not frames.
 */
export const MAX_FRAME = 16 * 1024 * 1024;

/** The frames of a pcap file whose first four bytes were one of the magic numbers (either order). */
export function* readPcap(source: ByteSource, file: string): Generator<Frame> {
  if (!source.ensure(FILE_HEADER)) throw new CaptureError(say(m.truncatedHeader, { file }));
  const header = source.take(FILE_HEADER);
  const big = header.readUInt32BE(0);
  const littleEndian = !(big === PCAP_MAGIC_MICRO || big === PCAP_MAGIC_NANO);
  const u32 = (b: Buffer, at: number): number => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const nanoUnits = u32(header, 0) === PCAP_MAGIC_NANO;
  // The link type is the low 16 bits; the high bits may say whether frames carry an FCS.
  const linkType = u32(header, 20) & 0xffff;
  let number = 0;
  for (;;) {
    const at = source.offset;
    if (!source.ensure(RECORD_HEADER)) {
      if (source.available() === 0) return;
      throw new CaptureError(say(m.truncatedRecord, { file, offset: at, frame: number + 1 }));
    }
    const record = source.take(RECORD_HEADER);
    const seconds = u32(record, 0);
    const fraction = u32(record, 4);
    const captured = u32(record, 8);
    if (captured > MAX_FRAME || fraction >= (nanoUnits ? 1e9 : 1e6)) {
      throw new CaptureError(say(m.corruptRecord, { file, offset: at, frame: number + 1 }));
    }
    if (!source.ensure(captured)) throw new CaptureError(say(m.truncatedRecord, { file, offset: at, frame: number + 1 }));
    number++;
    yield { number, time: { seconds, nanos: nanoUnits ? fraction : fraction * 1000 }, linkType, bytes: source.take(captured) };
  }
}
