/**
 * The state plan: which notes of a diagram are state changes, and on which lifeline,
 * carried inside the Mermaid text as one comment line (as the arrow plan is,
 * arrow-plan.ts), so that every surface that draws the text can redraw those notes as
 * small labels on their lifelines after Mermaid's layout (compact-states.ts). Mermaid
 * ignores `%%` lines; a page that draws the text without tcpflow (GitHub) shows the
 * notes as Mermaid draws them.
 *
 *   %% tcpflow-states 1:client 4:server 5:client
 *
 * One token per state note, in drawing order: the note's index among all the diagram's
 * notes (0-based, in drawing order) and the Mermaid id of its participant.
 */

export interface StateNote {
  /** Index among the diagram's notes, in drawing order. */
  readonly note: number;
  /** The Mermaid id of the lifeline the label goes on. */
  readonly lifeline: string;
}

const MARK = '%% tcpflow-states';

/** The comment line for the state notes among `notes`, or undefined when there are none. */
/** (The notes as mermaid.ts lists them; the type is spelled out so that the webviews need not compile the generator.) */
export function statePlanLine(notes: ReadonlyArray<{ readonly kind: string; readonly lifeline?: string }>): string | undefined {
  const tokens: string[] = [];
  notes.forEach((n, index) => {
    if (n.kind === 'state' && n.lifeline !== undefined) tokens.push(`${index}:${n.lifeline}`);
  });
  return tokens.length > 0 ? [MARK, ...tokens].join(' ') : undefined;
}

/** Participant ids are letters, digits and `_` (escape.ts, participantId). */
const LINE = /^%% tcpflow-states((?: \d{1,9}:[A-Za-z][A-Za-z0-9_]{0,200})*)[ \t]*$/m;

/** The state notes of a Mermaid text; none when it has no plan (or one not exactly of the generator's shape). */
export function readStatePlan(mermaid: string): StateNote[] {
  const match = LINE.exec(mermaid);
  if (!match) return [];
  return match[1].split(' ').filter((t) => t !== '').map((t) => {
    const colon = t.indexOf(':');
    return { note: Number(t.slice(0, colon)), lifeline: t.slice(colon + 1) };
  });
}
