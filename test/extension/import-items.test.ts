/**
 * "Open Capture as Scenario…"'s quick pick (client/src/import/connection-items.ts): one
 * item per connection, numbered as `import --list` numbers them, with what was captured;
 * then one per server that two or more connections opened with a SYN.
 */
import { describe, expect, it } from 'vitest';
import { connectionItems } from '../../client/src/import/connection-items.js';
import { ConnectionTable } from '../../server/src/import/connections.js';
import type { TcpPacket } from '../../server/src/import/packets.js';

const words = {
  packets: (n: number) => `${n} packets`, handshake: 'handshake', noHandshake: 'no handshake', reset: 'reset', closed: 'closed', open: 'open',
  listener: (n: number, server: string) => `all ${n} to ${server}`, listenerScenario: 'one listener scenario',
};

function packet(frame: number, from: [string, number], to: [string, number], flags: number, seq = 1, ack = 0): TcpPacket {
  return {
    frame, time: { seconds: frame, nanos: 0 }, source: from[0], destination: to[0],
    tcp: { sourcePort: from[1], destinationPort: to[1], seq, ack, flags, window: 1000, options: {}, payloadLength: 0 },
  };
}

describe('the connections as quick pick items', () => {
  it('label: number, client → server; description: packets, handshake, how it ended', () => {
    const table = new ConnectionTable();
    const c: [string, number] = ['10.0.0.1', 40000];
    const s: [string, number] = ['10.0.0.2', 80];
    const v6: [string, number] = ['::1', 50000];
    const v6s: [string, number] = ['::1', 443];
    for (const p of [
      packet(1, c, s, 0x02), packet(2, s, c, 0x12), packet(3, c, s, 0x10),
      packet(4, c, s, 0x11), packet(5, s, c, 0x11), packet(6, c, s, 0x10),
      packet(7, v6, v6s, 0x18), packet(8, v6s, v6, 0x14),
    ]) table.add(p);
    expect(connectionItems(table.connections, words).map(({ label, description }) => ({ label, description }))).toEqual([
      { label: '1  10.0.0.1:40000 → 10.0.0.2:80', description: '6 packets · handshake · closed' },
      { label: '2  [::1]:50000 → [::1]:443', description: '2 packets · no handshake · reset' },
    ]);
  });

  it('a listener item per server that two or more captured SYNs went to, after the connections; its connections in capture order', () => {
    const table = new ConnectionTable();
    const s: [string, number] = ['10.0.0.2', 80];
    const other: [string, number] = ['10.0.0.3', 80];
    const clients: Array<[string, number]> = [['10.0.0.1', 40001], ['10.0.0.1', 40002], ['10.0.0.4', 40003]];
    for (const c of clients) table.add(packet(table.connections.length + 1, c, s, 0x02));
    table.add(packet(4, ['10.0.0.1', 40004], other, 0x02)); // alone at its server: no listener item
    table.add(packet(5, ['10.0.0.5', 40005], s, 0x10)); // picked up mid-way: cannot join a listener scenario
    const items = connectionItems(table.connections, words);
    expect(items.map((i) => i.label)).toEqual([
      '1  10.0.0.1:40001 → 10.0.0.2:80', '2  10.0.0.1:40002 → 10.0.0.2:80', '3  10.0.0.4:40003 → 10.0.0.2:80',
      '4  10.0.0.1:40004 → 10.0.0.3:80', '5  10.0.0.5:40005 → 10.0.0.2:80', 'all 3 to 10.0.0.2:80',
    ]);
    expect(items[5].description).toBe('one listener scenario');
    expect(items[5].connections.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(items[0].connections.map((c) => c.number)).toEqual([1]);
  });
});
