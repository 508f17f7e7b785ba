/**
 * The quick pick of "Open Capture as Scenario…": one item per connection of the
 * capture, as `synack import --list` shows them, then one item per server endpoint that
 * two or more connections opened with a SYN: all of them as one listener scenario, as
 * `synack import --filter 'dst port N'` makes it. Pure (no vscode), so it is tested as is.
 */
import { closeSeen, endpointText, handshakeSeen, type Connection } from '../../../server/src/import/connections.js';
import { shareOneServer } from '../../../server/src/import/listener-scenario.js';

export interface ConnectionItem {
  readonly label: string;
  readonly description: string;
  /** One connection, or (a listener's item) all the connections to one server. */
  readonly connections: readonly Connection[];
}

/** The words of the items, in the editor's language (vscode.l10n in the command). */
export interface ItemWords {
  packets(count: number): string;
  readonly handshake: string;
  readonly noHandshake: string;
  readonly reset: string;
  readonly closed: string;
  readonly open: string;
  /** A listener's item: "all {count} connections to {server}", and what it makes. */
  listener(count: number, server: string): string;
  readonly listenerScenario: string;
}

export function connectionItems(connections: readonly Connection[], words: ItemWords): ConnectionItem[] {
  return [...oneConnectionItems(connections, words), ...listenerItems(connections, words)];
}

function oneConnectionItems(connections: readonly Connection[], words: ItemWords): ConnectionItem[] {
  return connections.map((c) => ({
    label: `${c.number}  ${endpointText(c.client)} → ${endpointText(c.server)}`,
    description: [
      words.packets(c.packets),
      handshakeSeen(c) ? words.handshake : words.noHandshake,
      c.sawReset ? words.reset : closeSeen(c) ? words.closed : words.open,
    ].join(' · '),
    connections: [c],
  }));
}

/** Only connections captured from their SYN can join a listener scenario (a child connection cannot start mid-way). */
function listenerItems(connections: readonly Connection[], words: ItemWords): ConnectionItem[] {
  const byServer = new Map<string, Connection[]>();
  for (const c of connections.filter((c) => c.sawSyn)) {
    const key = endpointText(c.server);
    byServer.set(key, [...(byServer.get(key) ?? []), c]);
  }
  return [...byServer].filter(([, group]) => shareOneServer(group)).map(([server, group]) => ({
    label: words.listener(group.length, server),
    description: words.listenerScenario,
    connections: group,
  }));
}
