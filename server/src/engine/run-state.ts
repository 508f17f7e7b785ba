/**
 * What a scenario run knows between two statements, and checkpoints of it.
 *
 * The engine is pure: the analysis of statements 0…n is a function of the statements.
 * A run that keeps a copy of its state every so many statements can therefore be
 * resumed from the last copy before the first statement that changed, instead of
 * starting over (run.ts, runIncrementally): the language server re-runs only the part
 * of a long scenario at and after an edit.
 */
import type { SentSegment } from './analysis.js';
import { sameAnchoredPlace } from './anchor.js';
import type { Span } from './model.js';
import type { Seq } from './seq.js';
import { copyTcb, type Tcb } from './tcb.js';

/**
 * A segment sent with `~>` and not delivered yet (or delivered: `deliveredAt`). Where
 * it was sent and delivered are spans, not line numbers: they follow their lines when
 * an edit moves them (engine/anchor.ts).
 */
export interface InFlight {
  readonly tag: string;
  readonly span: Span;
  readonly from: string;
  readonly to: string;
  readonly segment: SentSegment;
  /** The `~>` statement's span. */
  readonly sentAt: Span;
  /** The `deliver` statement's span. */
  deliveredAt?: Span;
}

/** Everything a run changes as it goes from statement to statement. */
export interface RunState {
  readonly tcbs: Map<string, Tcb>;
  /** Tag → its segment, while in flight. */
  readonly inFlight: Map<string, InFlight>;
  /** Every tagged in-flight segment so far, in order (the same objects as `inFlight`). */
  readonly tags: InFlight[];
  /** Whether each endpoint's sequence space is written with symbols or numbers (`mixed-seq-space`). */
  readonly spaceKinds: Map<string, { readonly symbolic: boolean; readonly span: Span }>;
  readonly usedSymbols: Set<string>;
  /** Letters a later letter renamed (letters.ts): the old letter → its value in the newer one. */
  readonly letters: Map<string, Seq>;
  /**
   * Letters standing for numbers no line has written yet (letters.ts, UnknownNumbers): a
   * send side of an endpoint that starts mid-connection without snd=/rcv= → its letter.
   */
  readonly unknowns: Map<string, string>;
  /** Tags of `~>` lines that had an error and put nothing in flight: their `deliver` is not a second error. */
  readonly rejectedTags: Set<string>;
  title?: string;
  sawEvent: boolean;
  /**
   * The furthest statement index a look-ahead has read so far (Infinity: all of them).
   * A SYN without `seq=` takes its symbol from where the scenario names it, possibly
   * further down (run.ts, freshSymbol): the run so far then depends on those statements.
   */
  lookahead: number;
}

export function newRunState(): RunState {
  return {
    tcbs: new Map(),
    inFlight: new Map(),
    tags: [],
    spaceKinds: new Map(),
    usedSymbols: new Set(),
    rejectedTags: new Set(),
    letters: new Map(),
    unknowns: new Map(),
    sawEvent: false,
    lookahead: -1,
  };
}

/** A copy that shares nothing mutable with `state`. */
export function copyRunState(state: RunState): RunState {
  // A delivered segment is never changed again (it has left `inFlight`): shared, not copied.
  const tags = state.tags.map((t) => (t.deliveredAt === undefined ? { ...t } : t));
  const byTag = new Map(tags.map((t) => [t.tag, t]));
  const inFlight = new Map<string, InFlight>();
  // Tags are unique (a second `as` of the same tag is refused), so each in-flight entry is one of `tags`.
  for (const [tag, flight] of state.inFlight) inFlight.set(tag, byTag.get(tag) ?? { ...flight });
  const copy: RunState = {
    tcbs: new Map([...state.tcbs].map(([name, tcb]) => [name, copyTcb(tcb)])),
    inFlight,
    tags,
    spaceKinds: new Map(state.spaceKinds),
    usedSymbols: new Set(state.usedSymbols),
    rejectedTags: new Set(state.rejectedTags),
    letters: new Map(state.letters),
    unknowns: new Map(state.unknowns),
    sawEvent: state.sawEvent,
    lookahead: state.lookahead,
  };
  if (state.title !== undefined) copy.title = state.title;
  return copy;
}

/** The state before statement `index`, and how many steps and diagnostics the run had made by then. */
export interface Checkpoint {
  readonly index: number;
  readonly state: RunState;
  readonly stepCount: number;
  readonly diagnosticCount: number;
}

/** The first index at which the two lists hold different objects (the shorter length if one starts the other). */
export function firstDifference<T>(a: readonly T[], b: readonly T[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}

/**
 * The last checkpoint a run over new statements can resume from: before the first
 * changed statement, and taken before any look-ahead read that far.
 */
export function resumePoint(checkpoints: readonly Checkpoint[], firstChanged: number): Checkpoint | undefined {
  for (let i = checkpoints.length - 1; i >= 0; i--) {
    const c = checkpoints[i];
    if (c.index <= firstChanged && c.state.lookahead < firstChanged) return c;
  }
  return undefined;
}

/** Deep equality of plain data: primitives, arrays, plain objects, Maps and Sets (in order); anchored spans by place (anchor.ts). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const place = sameAnchoredPlace(a, b);
  if (place !== undefined) return place;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  }
  if (a instanceof Map || b instanceof Map) {
    return a instanceof Map && b instanceof Map && sameData([...a], [...b]);
  }
  if (a instanceof Set || b instanceof Set) {
    return a instanceof Set && b instanceof Set && sameData([...a], [...b]);
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return sameData(ka, kb) && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
