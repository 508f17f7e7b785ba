/**
 * The note a listener's queues get on its lifeline (issue 12): their contents after a
 * line that changed them, short enough for one line. A note over one participant is as
 * wide as its text, so a queue of 1,000 clients would draw a note wider than the whole
 * diagram: each queue names its first few peers and counts the rest.
 */
import type { QueueContents, SocketEffect } from '../engine/analysis.js';
import { say } from '../i18n/catalogue.js';
import { diagramMessages as m } from '../i18n/messages/diagram.js';

/** How many peers of each queue the note names. */
export const QUEUE_NOTE_NAMES = 4;

/** `SYN queue: c2 · accept queue: c1, c3` (plain text: the caller escapes it). */
export function queueNoteText(queues: QueueContents): string {
  return say(m.queuesNote, { syn: peers(queues.syn), accept: peers(queues.accept) });
}

/**
 * The effects of one line with the queue effects folded: only each listener's last
 * queue contents stay (a line that changes a queue twice shows where it ended).
 */
export function lastQueueEffects(effects: readonly SocketEffect[]): SocketEffect[] {
  const last = new Map<string, SocketEffect>();
  for (const e of effects) if (e.queues) last.set(e.participant, e);
  return effects.filter((e) => !e.queues || last.get(e.participant) === e);
}

function peers(list: readonly string[]): string {
  if (list.length === 0) return say(m.queueEmptyMark);
  const named = list.slice(0, QUEUE_NOTE_NAMES).join(', ');
  const rest = list.length - QUEUE_NOTE_NAMES;
  return rest > 0 ? `${named} ${say(m.queueMore, { count: rest })}` : named;
}
