/**
 * The quick pick of "Open Capture as Scenario…": one item per connection of the
 * capture, as `synack import --list` shows them. Pure (no vscode), so it is tested as is.
 */
import { closeSeen, endpointText, handshakeSeen, type Connection } from '../../../server/src/import/connections.js';

export interface ConnectionItem {
  readonly label: string;
  readonly description: string;
  readonly connection: Connection;
}

/** The words of the items, in the editor's language (vscode.l10n in the command). */
export interface ItemWords {
  packets(count: number): string;
  readonly handshake: string;
  readonly noHandshake: string;
  readonly reset: string;
  readonly closed: string;
  readonly open: string;
}

export function connectionItems(connections: readonly Connection[], words: ItemWords): ConnectionItem[] {
  return connections.map((c) => ({
    label: `${c.number}  ${endpointText(c.client)} → ${endpointText(c.server)}`,
    description: [
      words.packets(c.packets),
      handshakeSeen(c) ? words.handshake : words.noHandshake,
      c.sawReset ? words.reset : closeSeen(c) ? words.closed : words.open,
    ].join(' · '),
    connection: c,
  }));
}
