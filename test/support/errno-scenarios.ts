/**
 * One small scenario per errno a call can fail with (and the successes), each stating
 * its result with `-> RESULT`: the engine, the CLI and the language server tests check
 * the same texts.
 */
const HANDSHAKE = [
  'server: listen',
  'client: connect -> 0',
  'client -> server : SYN seq=100',
  'server -> client : SYN ACK seq=300 ack=101',
  'client -> server : ACK seq=101 ack=301',
];

export interface ErrnoScenario {
  /** The result stated and shown. */
  readonly result: string;
  readonly call: string;
  readonly text: string;
  /** The 0-based line where the call returns it. */
  readonly returnsOn: number;
}

function scenario(result: string, call: string, lines: string[], returnsOn: string): ErrnoScenario {
  return { result, call, text: lines.join('\n'), returnsOn: lines.indexOf(returnsOn) };
}

const RESET = [...HANDSHAKE, 'server -> client : RST seq=301'];

export const ERRNO_SCENARIOS: readonly ErrnoScenario[] = [
  scenario('ECONNREFUSED', 'connect', ['client: connect -> ECONNREFUSED', 'client -> server : SYN seq=100', 'server -> client : RST ACK seq=0 ack=101'], 'server -> client : RST ACK seq=0 ack=101'),
  scenario('ETIMEDOUT', 'connect', ['client: connect -> ETIMEDOUT', 'client -x server : SYN seq=100', 'client: timeout RTO', 'client -x server : SYN seq=100', 'client: timeout USER'], 'client: timeout USER'),
  scenario('EHOSTUNREACH', 'connect', ['client: connect -> EHOSTUNREACH', 'client -x server : SYN seq=100', 'router -> client : ICMP host-unreachable', 'client: timeout USER'], 'client: timeout USER'),
  scenario('ENETUNREACH', 'connect', ['client: connect -> ENETUNREACH', 'client -x server : SYN seq=100', 'router -> client : ICMP net-unreachable', 'client: timeout USER'], 'client: timeout USER'),
  scenario('ECONNREFUSED', 'connect', ['client: connect -> ECONNREFUSED', 'client -> server : SYN seq=100', 'server -> client : ICMP port-unreachable'], 'server -> client : ICMP port-unreachable'),
  scenario('ECONNRESET', 'read', [...RESET, 'client: read -> ECONNRESET'], 'client: read -> ECONNRESET'),
  scenario('EPIPE', 'write', [...RESET, 'client: write len=1 -> ECONNRESET', 'client: write len=1 -> EPIPE'], 'client: write len=1 -> EPIPE'),
  scenario('0', 'connect', HANDSHAKE, 'server -> client : SYN ACK seq=300 ack=101'),
  scenario('client', 'accept', ['server: listen', 'server: accept -> client', ...HANDSHAKE.slice(1)], 'client -> server : ACK seq=101 ack=301'),
];

/** The same scenario stating a wrong result (`-> EWRONG`), for the mismatch checks. */
export function wrongResult(s: ErrnoScenario): { text: string; line: number } {
  const lines = s.text.split('\n');
  const line = lines.findIndex((l) => l.endsWith(`-> ${s.result}`) && l.includes(`${s.call}`));
  lines[line] = lines[line].replace(/-> \S+$/, '-> EWRONG');
  return { text: lines.join('\n'), line };
}
