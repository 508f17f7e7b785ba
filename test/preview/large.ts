/** A valid scenario with `messages` segment lines: a handshake, then data and its ACKs. */
export function largeScenario(messages: number): string {
  const lines = [
    'scenario "Bulk transfer"',
    'participant client as "Client 10.0.0.1:51000"',
    'participant server as "Server 10.0.0.2:80" starts LISTEN',
    'client -> server : SYN seq=J',
    'server -> client : SYN ACK seq=K ack=J+1',
    'client -> server : ACK seq=J+1 ack=K+1',
  ];
  for (let i = 3; i < messages; i++) {
    lines.push(i % 2 === 1 ? 'client -> server : PSH ACK len=100' : 'server -> client : ACK');
  }
  return `${lines.join('\n')}\n`;
}
