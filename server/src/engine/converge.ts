/**
 * Where a run after an edit meets the previous run again.
 *
 * An edit in the middle of a long scenario changes a few statements; the statements
 * after them are the same as before, only moved some lines down (or up). Once the new
 * run, resumed before the edit (run-state.ts), reaches those statements in the state the
 * previous run had there, the rest of the previous run holds as it was, moved by the
 * same number of lines and statements: the run can stop re-checking and take it over
 * (run.ts). Typing a note into the middle of a 10,000-line scenario then re-checks the
 * statements up to the next checkpoint instead of the 5,000 after the edit.
 *
 * The previous run is taken over only where that is certain: at one of its checkpoints,
 * in the moved part, when the new state equals the checkpoint's moved state; and only
 * if nothing the previous run reported from there on names a line by number in its text
 * (a delivery's "sent on line N", `unknown-tag`, `mixed-seq-space`), and no look-ahead
 * for an omitted ISN read the edited statements.
 */
import type { Analysis } from './analysis.js';
import type { Diagnostic } from './diagnostics.js';
import type { Span, Statement } from './model.js';
import { copyRunState, type Checkpoint, type InFlight, type RunState } from './run-state.js';

/**
 * Whether two statements are the same statement, moved: `a` of the new scenario, `b` of
 * the previous one (e.g. both read from the same text). Their lines are compared apart.
 */
export type SameStatement = (a: Statement, b: Statement) => boolean;

/** How lines and statement indexes of the previous run map into the new one. */
export interface EditMap {
  /** The previous run's line at the same place in the new run; undefined for a line the edit replaced. */
  line(line: number): number | undefined;
  /** The same for a statement index. */
  index(index: number): number | undefined;
  /** Statements moved: index + this. */
  readonly indexDelta: number;
  /** Lines of the moved part moved: line + this. */
  readonly lineDelta: number;
  /** The first statement index of the moved part, in the previous run. */
  readonly movedFrom: number;
}

/**
 * The moved part: the longest run of statements at the end of both lists that are the
 * same, each moved by one number of lines, after the `unchanged` first statements.
 */
export function editMap(previous: readonly Statement[], statements: readonly Statement[], unchanged: number, same: SameStatement): EditMap | undefined {
  const m = previous.length;
  const n = statements.length;
  const most = Math.min(m, n) - unchanged;
  let moved = 0;
  let lineDelta = 0;
  for (; moved < most; moved++) {
    const a = statements[n - 1 - moved];
    const b = previous[m - 1 - moved];
    const delta = a.span.startLine - b.span.startLine;
    if (moved === 0) lineDelta = delta;
    if (delta !== lineDelta || (a !== b && !same(a, b))) break;
  }
  if (moved === 0) return undefined;
  const movedFrom = m - moved;
  // Lines before the first changed statement are where they were; lines from the moved
  // part on moved by lineDelta; lines in between belong to the edit.
  const unchangedBefore = unchanged < m ? previous[unchanged].span.startLine : Infinity;
  const movedFromLine = previous[movedFrom].span.startLine;
  const indexDelta = n - m;
  return {
    line: (line) => (line < unchangedBefore ? line : line >= movedFromLine ? line + lineDelta : undefined),
    index: (index) => (index < unchanged || !Number.isFinite(index) ? index : index >= movedFrom ? index + indexDelta : undefined),
    indexDelta,
    lineDelta,
    movedFrom,
  };
}

/**
 * The first line of the previous run from which on what it reported can be moved: after
 * the last step or diagnostic whose text names another line by number.
 */
export function firstMovableLine(analysis: Analysis, runDiagnosticCount: number): number {
  let last = -1;
  for (const step of analysis.steps) if (step.sentOnLine !== undefined) last = Math.max(last, step.line);
  for (let i = 0; i < runDiagnosticCount; i++) {
    const d = analysis.diagnostics[i];
    if (d.code === 'unknown-tag' || d.code === 'mixed-seq-space') last = Math.max(last, d.span.startLine);
  }
  return last + 1;
}

/** The checkpoints of the previous run the new one may converge with, by the new run's statement index. */
export function convergencePoints(checkpoints: readonly Checkpoint[], map: EditMap, statements: readonly Statement[], movableFrom: number): Map<number, Checkpoint> {
  const points = new Map<number, Checkpoint>();
  for (const c of checkpoints) {
    if (c.index < map.movedFrom || c.index >= statements.length) continue;
    if (statements[c.index].span.startLine < movableFrom) continue;
    points.set(c.index + map.indexDelta, c);
  }
  return points;
}

function movedSpan(span: Span, map: EditMap): Span | undefined {
  const startLine = map.line(span.startLine);
  const endLine = map.line(span.endLine);
  if (startLine === undefined || endLine === undefined) return undefined;
  return startLine === span.startLine && endLine === span.endLine ? span : { ...span, startLine, endLine };
}

function movedFlight(flight: InFlight, map: EditMap): InFlight | undefined {
  const span = movedSpan(flight.span, map);
  const line = map.line(flight.line);
  const deliveredOnLine = flight.deliveredOnLine === undefined ? undefined : map.line(flight.deliveredOnLine);
  if (!span || line === undefined || (flight.deliveredOnLine !== undefined && deliveredOnLine === undefined)) return undefined;
  return { ...flight, span, line, ...(deliveredOnLine !== undefined ? { deliveredOnLine } : {}) };
}

/**
 * A copy of a previous run's state as the new run would hold it at the same place, or
 * undefined if it names a line or statement the edit replaced. Shares nothing mutable
 * with `state` (as copyRunState).
 */
export function movedRunState(state: RunState, map: EditMap): RunState | undefined {
  const lookahead = map.index(state.lookahead);
  if (lookahead === undefined) return undefined;
  const tags: InFlight[] = [];
  for (const t of state.tags) {
    const moved = movedFlight(t, map);
    if (!moved) return undefined;
    tags.push(moved);
  }
  const byTag = new Map(tags.map((t) => [t.tag, t]));
  const inFlight = new Map<string, InFlight>();
  for (const tag of state.inFlight.keys()) {
    const flight = byTag.get(tag);
    if (!flight) return undefined;
    inFlight.set(tag, flight);
  }
  const spaceKinds = new Map<string, { readonly symbolic: boolean; readonly span: Span }>();
  for (const [owner, kind] of state.spaceKinds) {
    const span = movedSpan(kind.span, map);
    if (!span) return undefined;
    spaceKinds.set(owner, { symbolic: kind.symbolic, span });
  }
  // The rest (TCBs, symbols, title…) as copyRunState copies it: the fields that name lines are replaced.
  return { ...copyRunState(state), inFlight, tags, spaceKinds, lookahead };
}

/** A diagnostic of the previous run moved with its line, or undefined if it cannot move. */
export function movedDiagnostic(d: Diagnostic, map: EditMap): Diagnostic | undefined {
  const span = movedSpan(d.span, map);
  if (!span) return undefined;
  if (!d.fixes) return span === d.span ? d : { ...d, span };
  const fixes = [];
  for (const fix of d.fixes) {
    const edits = [];
    for (const e of fix.edits) {
      const editSpan = movedSpan(e.span, map);
      if (!editSpan) return undefined;
      edits.push(editSpan === e.span ? e : { ...e, span: editSpan });
    }
    fixes.push({ ...fix, edits });
  }
  return { ...d, span, fixes };
}
