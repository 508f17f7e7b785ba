/**
 * Where a run after an edit meets the previous run again.
 *
 * An edit in the middle of a long scenario changes a few statements; the statements
 * after them are the same statement objects as before (the language server's reader
 * keeps a chunk's statements when an edit only moves its lines, and their spans follow
 * the lines: engine/anchor.ts). Once the new run, resumed before the edit
 * (run-state.ts), reaches those statements in the state the previous run had there, the
 * rest of the previous run holds as it was: the run can stop re-checking and take it
 * over (run.ts). Nothing in it needs moving but statement indexes, when the edit added
 * or removed statements; lines, and texts that name a line, are read through spans.
 * Typing a note into the middle of a 10,000-line scenario then re-checks the statements
 * up to the next checkpoint instead of the 5,000 after the edit.
 *
 * The previous run is taken over only where that is certain: at one of its checkpoints,
 * in the unchanged tail, when the new state equals the checkpoint's state, and when no
 * look-ahead for an omitted ISN read the edited statements.
 */
import type { Checkpoint, RunState } from './run-state.js';
import type { Statement } from './model.js';

/** How statement indexes of the previous run map into the new one. */
export interface EditMap {
  /** The previous run's statement index at the same place in the new run; undefined for a statement the edit replaced. */
  index(index: number): number | undefined;
  /** Statements of the unchanged tail moved: index + this. */
  readonly indexDelta: number;
  /** The first statement index of the unchanged tail, in the previous run. */
  readonly movedFrom: number;
}

/**
 * The unchanged tail: the longest run of the same statement objects at the end of both
 * lists, after the `unchanged` first statements.
 */
export function editMap(previous: readonly Statement[], statements: readonly Statement[], unchanged: number): EditMap | undefined {
  const m = previous.length;
  const n = statements.length;
  const most = Math.min(m, n) - unchanged;
  let moved = 0;
  while (moved < most && statements[n - 1 - moved] === previous[m - 1 - moved]) moved++;
  if (moved === 0) return undefined;
  const movedFrom = m - moved;
  const indexDelta = n - m;
  return {
    index: (index) => (index < unchanged || !Number.isFinite(index) ? index : index >= movedFrom ? index + indexDelta : undefined),
    indexDelta,
    movedFrom,
  };
}

/** The checkpoints of the previous run the new one may converge with, by the new run's statement index. */
export function convergencePoints(checkpoints: readonly Checkpoint[], map: EditMap, previousCount: number): Map<number, Checkpoint> {
  const points = new Map<number, Checkpoint>();
  for (const c of checkpoints) {
    if (c.index < map.movedFrom || c.index >= previousCount) continue;
    points.set(c.index + map.indexDelta, c);
  }
  return points;
}

/**
 * A previous run's state (a checkpoint's or the final one, both read only: a resumed
 * run copies them) as the new run would hold it at the same place, or undefined if its
 * look-ahead names a statement the edit replaced.
 */
export function movedRunState(state: RunState, map: EditMap): RunState | undefined {
  const lookahead = map.index(state.lookahead);
  if (lookahead === undefined) return undefined;
  return lookahead === state.lookahead ? state : { ...state, lookahead };
}
