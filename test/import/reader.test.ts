/**
 * The capture reader on hand-made files (capture-builder.ts): every link type, both
 * byte orders and units of classic pcap, pcapng's blocks and interfaces, and files that
 * are cut short or damaged, which give one clear CaptureError and never anything else.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCapture } from '../../server/src/import/capture.js';
import { CaptureError } from '../../server/src/import/frame.js';
import { newSkippedFrames, tcpPacketOf, type TcpPacket } from '../../server/src/import/packets.js';
import { F, ipv4, ipv6, LINK, pcap, pcapng, SYN_OPTIONS, tcp } from './capture-builder.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-import-'));
});

let counter = 0;
function save(bytes: Uint8Array): string {
  const path = join(dir, `c${++counter}.cap`);
  writeFileSync(path, bytes);
  return path;
}

function packetsIn(path: string): TcpPacket[] {
  const skipped = newSkippedFrames();
  const out: TcpPacket[] = [];
  for (const frame of readCapture(path, 'c.cap')) {
    const p = tcpPacketOf(frame, skipped);
    if (p) out.push(p);
  }
  return out;
}

const syn = tcp({ sport: 50000, dport: 80, seq: 0xfffffff0, flags: F.SYN, win: 64240, options: SYN_OPTIONS });
const data = tcp({ sport: 80, dport: 50000, seq: 7, ack: 0xfffffff1, flags: F.PSH | F.ACK, win: 501, payload: 300 });

describe('link layers', () => {
  it.each(Object.entries(LINK))('%s: IPv4 and IPv6 segments decode to the same TCP fields', (_name, link) => {
    const frames = [
      { seconds: 1, fraction: 0, bytes: link.wrap(ipv4('10.0.0.1', '10.0.0.2', syn)) },
      { seconds: 2, fraction: 0, bytes: link.wrap(ipv6('2001:db8::1', '2001:db8::2', data)) },
    ];
    // LINKTYPE_IPV4/IPV6 carry one version only: each gets its own.
    const kept = link.type === 228 ? frames.slice(0, 1) : link.type === 229 ? frames.slice(1) : frames;
    const packets = packetsIn(save(pcap(link.type, kept)));
    expect(packets).toHaveLength(kept.length);
    for (const p of packets) {
      if (p.tcp.sourcePort === 50000) {
        expect([p.source, p.destination]).toEqual(['10.0.0.1', '10.0.0.2']);
        expect(p.tcp).toMatchObject({ seq: 0xfffffff0, flags: F.SYN, window: 64240, payloadLength: 0 });
        expect(p.tcp.options).toEqual({ mss: 1460, sackPermitted: true, timestamp: [100, 0], wscale: 7 });
      } else {
        expect([p.source, p.destination]).toEqual(['2001:db8::1', '2001:db8::2']);
        expect(p.tcp).toMatchObject({ seq: 7, ack: 0xfffffff1, flags: F.PSH | F.ACK, window: 501, payloadLength: 300 });
      }
    }
  });

  it('IPv6 extension headers are walked to TCP', () => {
    const [p] = packetsIn(save(pcap(1, [{ seconds: 0, fraction: 0, bytes: LINK.ethernet.wrap(ipv6('::1', '::1', data, true)) }])));
    expect(p.tcp.payloadLength).toBe(300);
    expect(p.source).toBe('::1');
  });

  it('frames that are not TCP, and TCP headers cut by the snap length, are counted and passed over', () => {
    const skipped = newSkippedFrames();
    const path = save(pcap(1, [
      { seconds: 0, fraction: 0, bytes: LINK.ethernet.wrap(ipv4('1.1.1.1', '2.2.2.2', new Uint8Array(8), 17)) },
      { seconds: 0, fraction: 0, bytes: LINK.ethernet.wrap(ipv4('1.1.1.1', '2.2.2.2', syn)), keep: 14 + 20 + 10 },
      { seconds: 0, fraction: 0, bytes: LINK.ethernet.wrap(ipv4('1.1.1.1', '2.2.2.2', data)), keep: 14 + 20 + 20 },
    ]));
    const packets = [...readCapture(path, 'c')].map((f) => tcpPacketOf(f, skipped));
    expect(packets.map((p) => p?.tcp.payloadLength)).toEqual([undefined, undefined, 300]);
    expect(skipped).toMatchObject({ notTcp: 1, undecodable: 1 });
  });

  it('an unknown link type is counted by its number', () => {
    const skipped = newSkippedFrames();
    for (const f of readCapture(save(pcap(147, [{ seconds: 0, fraction: 0, bytes: syn }])), 'c')) tcpPacketOf(f, skipped);
    expect(skipped.unsupportedLink.get(147)).toBe(1);
  });
});

describe('classic pcap', () => {
  it.each([
    { littleEndian: true, nano: false },
    { littleEndian: false, nano: false },
    { littleEndian: true, nano: true },
    { littleEndian: false, nano: true },
  ])('byte order little=$littleEndian, nanoseconds=$nano: frames, times and link type', (form) => {
    const fraction = form.nano ? 123_456_789 : 123_456;
    const bytes = pcap(1, [
      { seconds: 1_700_000_000, fraction, bytes: LINK.ethernet.wrap(ipv4('10.0.0.1', '10.0.0.2', syn)) },
      { seconds: 1_700_000_001, fraction: 0, bytes: LINK.ethernet.wrap(ipv4('10.0.0.2', '10.0.0.1', data)) },
    ], form);
    const frames = [...readCapture(save(bytes), 'c')].map((f) => ({ number: f.number, time: f.time, linkType: f.linkType }));
    expect(frames).toEqual([
      { number: 1, time: { seconds: 1_700_000_000, nanos: form.nano ? 123_456_789 : 123_456_000 }, linkType: 1 },
      { number: 2, time: { seconds: 1_700_000_001, nanos: 0 }, linkType: 1 },
    ]);
  });
});

describe('pcapng', () => {
  it.each([true, false])('little-endian %s: SHB, two IDBs of different link types and units, EPB, SPB, an unknown block skipped', (littleEndian) => {
    const bytes = pcapng([{
      littleEndian,
      interfaces: [{ linkType: 1 }, { linkType: 276, tsresol: 9 }],
      customBlock: true,
      packets: [
        { kind: 'epb', iface: 0, units: 1_700_000_000_123_456n, bytes: LINK.ethernet.wrap(ipv4('10.0.0.1', '10.0.0.2', syn)) },
        { kind: 'epb', iface: 1, units: 1_700_000_001_000_000_007n, bytes: LINK.sll2.wrap(ipv6('fe80::1', 'fe80::2', data)) },
        { kind: 'spb', bytes: LINK.ethernet.wrap(ipv4('10.0.0.2', '10.0.0.1', data)) },
      ],
    }]);
    const frames = [...readCapture(save(bytes), 'c')].map((f) => ({ number: f.number, time: f.time, linkType: f.linkType }));
    expect(frames).toEqual([
      { number: 1, time: { seconds: 1_700_000_000, nanos: 123_456_000 }, linkType: 1 },
      { number: 2, time: { seconds: 1_700_000_001, nanos: 7 }, linkType: 276 },
      { number: 3, time: { seconds: 0, nanos: 0 }, linkType: 1 },
    ]);
    expect(packetsIn(save(bytes)).map((p) => [p.source, p.tcp.seq, p.tcp.payloadLength])).toEqual([
      ['10.0.0.1', 0xfffffff0, 0], ['fe80::1', 7, 300], ['10.0.0.2', 7, 300],
    ]);
  });

  it('a second section in the other byte order declares its own interfaces', () => {
    const bytes = pcapng([
      { littleEndian: true, interfaces: [{ linkType: 1 }], packets: [{ kind: 'epb', iface: 0, units: 1n, bytes: LINK.ethernet.wrap(ipv4('1.0.0.1', '1.0.0.2', syn)) }] },
      { littleEndian: false, interfaces: [{ linkType: 101 }], packets: [{ kind: 'epb', iface: 0, units: 2n, bytes: LINK.raw.wrap(ipv4('2.0.0.1', '2.0.0.2', syn)) }] },
    ]);
    expect(packetsIn(save(bytes)).map((p) => p.source)).toEqual(['1.0.0.1', '2.0.0.1']);
  });

  it('a packet on an interface no IDB declared is a clear error', () => {
    const bytes = pcapng([{ littleEndian: true, interfaces: [{ linkType: 1 }], packets: [{ kind: 'epb', iface: 3, units: 1n, bytes: syn }] }]);
    expect(() => packetsIn(save(bytes))).toThrow(/names interface 3, which no interface block declared/);
  });
});

describe('files that are cut short or damaged', () => {
  const samples = {
    pcap: pcap(1, [0, 1, 2].map((i) => ({ seconds: i, fraction: 0, bytes: LINK.ethernet.wrap(ipv4('10.0.0.1', '10.0.0.2', i === 1 ? data : syn)) }))),
    pcapng: pcapng([{ littleEndian: true, interfaces: [{ linkType: 1 }], packets: [0, 1, 2].map((i) => ({ kind: 'epb' as const, iface: 0, units: BigInt(i), bytes: LINK.ethernet.wrap(ipv4('10.0.0.1', '10.0.0.2', syn)) })) }]),
  };

  it.each(Object.entries(samples))('%s cut at every length: the whole frames before the cut, or one CaptureError', (_format, whole) => {
    const full = packetsIn(save(whole)).length;
    expect(full).toBe(3);
    let errors = 0;
    for (let length = 0; length < whole.length; length++) {
      const path = save(whole.subarray(0, length));
      try {
        expect(packetsIn(path).length).toBeLessThan(full);
      } catch (error) {
        expect(error).toBeInstanceOf(CaptureError);
        expect((error as Error).message).toMatch(/^c\.cap: (not a packet capture|the (pcapng )?capture is cut short)/);
        errors++;
      }
    }
    // Only cuts exactly between records end cleanly.
    expect(errors).toBeGreaterThan(whole.length - 10);
  });

  it('a record longer than any frame can be is damage, not a wait for gigabytes', () => {
    const bytes = samples.pcap.slice();
    new DataView(bytes.buffer).setUint32(24 + 8, 0x7fffffff, true);
    expect(() => packetsIn(save(bytes))).toThrow(/damaged at frame 1 \(byte 24\)/);
  });

  it('a pcapng block whose trailing length disagrees is damage', () => {
    const bytes = samples.pcapng.slice();
    bytes[bytes.length - 1] ^= 0xff;
    expect(() => packetsIn(save(bytes))).toThrow(/pcapng capture is damaged at byte/);
  });

  it('random bytes after a valid header: CaptureError or frames, never another exception', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    };
    for (let run = 0; run < 200; run++) {
      const whole = run % 2 === 0 ? samples.pcap.slice() : samples.pcapng.slice();
      for (let i = 0; i < 6; i++) whole[(random() << 8 | random()) % whole.length] = random();
      try {
        packetsIn(save(whole));
      } catch (error) {
        expect(error).toBeInstanceOf(CaptureError);
      }
    }
  });

  it('a text file, an empty file, a folder and a missing file each get one line', () => {
    expect(() => packetsIn(save(new TextEncoder().encode('hello, world\n')))).toThrow('c.cap: not a packet capture');
    expect(() => packetsIn(save(new Uint8Array(0)))).toThrow('c.cap: not a packet capture');
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    expect(() => [...readCapture(folder, 'folder')]).toThrow('folder: is a directory, not a capture file');
    expect(() => [...readCapture(join(dir, 'nothing'), 'nothing')]).toThrow('nothing: no such file');
  });
});
