/**
 * "Open Capture as Scenario…"'s quick pick (client/src/import/connection-items.ts): one
 * item per connection, numbered as `import --list` numbers them, with what was captured.
 */
import { describe, expect, it } from 'vitest';
import { connectionItems } from '../../client/src/import/connection-items.js';
import { ConnectionTable } from '../../server/src/import/connections.js';
import type { TcpPacket } from '../../server/src/import/packets.js';

const words = { packets: (n: number) => `${n} packets`, handshake: 'handshake', noHandshake: 'no handshake', reset: 'reset', closed: 'closed', open: 'open' };

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
});
