/**
 * Generates a valid scenario of about N event lines: a handshake, then data segments
 * in both directions with their ACKs, then the four-way close. Used by the benchmarks
 * and by property tests that need large inputs.
 */
export function generateScenario(events: number): string {
  const lines: string[] = [
    'scenario "Generated: handshake, data, close"',
    'participant client as "Client"',
    'participant server as "Server"',
    'server: listen',
    'client -> server : SYN seq=J win=65535',
    'server -> client : SYN ACK seq=K ack=J+1',
    'client -> server : ACK seq=J+1 ack=K+1',
    'expect client ESTABLISHED, server ESTABLISHED',
  ];
  let c = 1; // client offset from J
  let s = 1; // server offset from K
  const closing = 6;
  let produced = 4;
  while (produced < events - closing) {
    const len = 100 + (produced % 7) * 10;
    if (produced % 4 < 2) {
      lines.push(`client -> server : PSH ACK seq=J+${c} ack=K+${s} len=${len}`);
      c += len;
      lines.push(`server -> client : ACK seq=K+${s} ack=J+${c}`);
    } else {
      lines.push(`server -> client : PSH ACK seq=K+${s} ack=J+${c} len=${len}`);
      s += len;
      lines.push(`client -> server : ACK seq=J+${c} ack=K+${s}`);
    }
    produced += 2;
  }
  lines.push(
    'client: close',
    `client -> server : FIN ACK seq=J+${c} ack=K+${s}`,
    `server -> client : ACK seq=K+${s} ack=J+${c + 1}`,
    'server: close',
    `server -> client : FIN ACK seq=K+${s} ack=J+${c + 1}`,
    `client -> server : ACK seq=J+${c + 1} ack=K+${s + 1}`,
    'client: timeout 2MSL',
  );
  return lines.join('\n') + '\n';
}
