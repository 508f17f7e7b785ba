/**
 * Scenario prefixes that put participant `a` in each of the eleven states through
 * real events (not `starts`), with `b` as its peer. `a` is the passive side (it
 * listened) wherever that is possible, so `accept` is meaningful; its ISS is 100 and
 * b's is 300.
 */
import type { TcpState } from '../../server/src/engine/states.js';

const HANDSHAKE = [
  'a: listen',
  'b -> a : SYN seq=300',
  'a -> b : SYN ACK seq=100 ack=301',
  'b -> a : ACK seq=301 ack=101',
];

export const REACH: Record<TcpState, readonly string[]> = {
  'CLOSED': [],
  'LISTEN': ['a: listen'],
  'SYN-SENT': ['a: connect', 'a -x b : SYN seq=100'],
  'SYN-RECEIVED': ['a: listen', 'b -> a : SYN seq=300', 'a -x b : SYN ACK seq=100 ack=301'],
  'ESTABLISHED': HANDSHAKE,
  'FIN-WAIT-1': [...HANDSHAKE, 'a: close', 'a -x b : FIN ACK seq=101 ack=301'],
  'FIN-WAIT-2': [...HANDSHAKE, 'a: close', 'a -> b : FIN ACK seq=101 ack=301', 'b -> a : ACK seq=301 ack=102'],
  'CLOSE-WAIT': [...HANDSHAKE, 'b: close', 'b -> a : FIN ACK seq=301 ack=101', 'a -> b : ACK seq=101 ack=302'],
  'CLOSING': [...HANDSHAKE, 'a: close', 'b: close', 'a ~> b : FIN ACK seq=101 ack=301 as fa', 'b -> a : FIN ACK seq=301 ack=101'],
  'LAST-ACK': [...HANDSHAKE, 'b: close', 'b -> a : FIN ACK seq=301 ack=101', 'a: close', 'a -> b : FIN ACK seq=101 ack=302'],
  'TIME-WAIT': [...HANDSHAKE, 'a: close', 'a -> b : FIN ACK seq=101 ack=301', 'b -> a : ACK seq=301 ack=102', 'b: close', 'b -> a : FIN ACK seq=301 ack=102'],
};

/** The prefix followed by `more` lines, as one scenario text. */
export function inState(state: TcpState, ...more: string[]): string {
  return ['participant a', 'participant b', ...REACH[state], ...more].join('\n') + '\n';
}
