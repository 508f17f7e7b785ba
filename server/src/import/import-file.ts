/**
 * The importer's entry points, shared by the command line (cli/import.ts) and the VS
 * Code command (client/src/import): which importer a file is for, and the scenario text
 * of one captured connection or of a packetdrill script.
 */
import { say } from '../i18n/catalogue.js';
import { importMessages as m } from '../i18n/messages/import.js';
import { readHeadIfFile } from '../export/regular-file.js';
import { packetsOf, type Connection } from './connections.js';
import { CaptureError } from './frame.js';
import { readScript } from './packetdrill/statements.js';
import { packetdrillToScenario, type PacketdrillScenario } from './packetdrill/to-scenario.js';
import { listenerToScenario, type ListenerScenarioOptions } from './listener-scenario.js';
import { connectionToScenario, type ScenarioOptions } from './to-scenario.js';

/**
 * The most packets one scenario takes: beyond it the text passes the reader's 16 MB
 * bound and no diagram can show it. A longer connection is refused with the way to cut it.
 */
export const MAX_SCENARIO_PACKETS = 100_000;

export const DEFAULT_CAPTURE_NAMES: readonly [string, string] = ['client', 'server'];
export const DEFAULT_SCRIPT_NAMES: readonly [string, string] = ['kernel', 'remote'];

/**
 * A packetdrill script is text: named `.pkt`, or (whatever its name) a file without the
 * NUL bytes every capture's header has, with a line of a timing and a packet or a
 * socket call.
 */
export function isPacketdrillScript(path: string, file: string): boolean {
  if (file.toLowerCase().endsWith('.pkt')) return true;
  const head = readHeadIfFile(path, 64 * 1024);
  if (head === undefined || head.includes('\u0000')) return false;
  return /^\s*[+~*.\d][\d.~+]*\s+(?:[<>]\s+[SFRP.EWU]+\s+\d+:\d+\(\d+\)|socket\()/m.test(head);
}

/** The scenario text of one connection of the capture at `path`; CaptureError when it cannot be made. */
export function captureConnectionScenario(path: string, connection: Connection, options: ScenarioOptions): string {
  const { packets, more } = packetsOf(path, options.file, connection, MAX_SCENARIO_PACKETS);
  if (more) throw new CaptureError(say(m.tooManyPackets, { file: options.file, number: connection.number, packets: connection.packets, limit: MAX_SCENARIO_PACKETS }));
  return `${connectionToScenario(connection, packets, options).join('\n')}\n`;
}

/** The scenario text of several connections to one listener; CaptureError when it cannot be made. */
export function captureListenerScenario(path: string, connections: readonly Connection[], options: ListenerScenarioOptions): string {
  let budget = MAX_SCENARIO_PACKETS;
  const packets = connections.map((connection) => {
    const { packets: list, more } = packetsOf(path, options.file, connection, budget);
    if (more) throw new CaptureError(say(m.tooManyPackets, { file: options.file, number: connection.number, packets: connection.packets, limit: MAX_SCENARIO_PACKETS }));
    budget -= list.length;
    return list;
  });
  return `${listenerToScenario(connections, packets, options).join('\n')}\n`;
}

/** The scenario text of a packetdrill script, with its count of statements imported. */
export function packetdrillScenario(text: string, file: string, names: readonly [string, string] = DEFAULT_SCRIPT_NAMES): PacketdrillScenario & { text: string } {
  const scenario = packetdrillToScenario(readScript(text), { file, names });
  return { ...scenario, text: `${scenario.lines.join('\n')}\n` };
}
