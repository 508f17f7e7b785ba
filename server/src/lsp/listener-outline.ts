/**
 * A listener's connections for the outline (issue 12): `server[c1]`, `server[c2]`, …
 * each at the line where the peer's SYN made it. Read from the steps' transitions (a
 * connection's first transition is its creation: LISTEN → SYN-RECEIVED), not from
 * every step's states, which hold every connection on every line.
 */
import { connectionOf } from '../engine/listener.js';
import type { DocumentAnalysis } from './document-analysis.js';

export interface ListenerConnection {
  /** The connection's name, `server[c1]`. */
  readonly name: string;
  readonly peer: string;
  /** The line where it was made. */
  readonly line: number;
}

/** Each listener's connections, in the order they were made. */
export function listenerConnections(doc: DocumentAnalysis): Map<string, ListenerConnection[]> {
  const out = new Map<string, ListenerConnection[]>();
  const seen = new Set<string>();
  for (const step of doc.analysis.steps) {
    for (const t of step.transitions) {
      if (seen.has(t.participant)) continue;
      const connection = connectionOf(t.participant);
      if (!connection) continue;
      seen.add(t.participant);
      let list = out.get(connection.listener);
      if (!list) out.set(connection.listener, (list = []));
      list.push({ name: t.participant, peer: connection.peer, line: step.line });
    }
  }
  return out;
}
