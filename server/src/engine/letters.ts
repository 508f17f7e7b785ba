/**
 * The letters a learner names sequence numbers with. Articles draw each phase as a fresh
 * picture: the handshake with J and K, the close with M and N, or u, v, w. So a letter a
 * segment line uses for the first time in a direction names that side's number there
 * (the sender's SND.NXT in `seq=`, the receiver's in `ack=`), and an endpoint that starts
 * mid-connection without `snd=`/`rcv=` has its number named by the first value written
 * for it. From then on the engine writes that side's numbers in the newest letter (the
 * learner's), and the older letters still read as what they stood for.
 */
import type { SegmentStatement, SeqField, Statement } from './model.js';
import { formatSeq, seqAdd, seqDiff, seqSymbol, type Seq } from './seq.js';
import type { RunState } from './run-state.js';

/**
 * Letters for the unknown numbers of endpoints that start mid-connection without
 * snd=/rcv=, while no line has written them (the first value written names them:
 * `name` below). Articles write such a close with u and v; the scenario shows the same
 * kind of letter, never an invented technical name, and one the scenario itself never
 * writes, so it cannot be read as the learner's.
 */
const UNKNOWN_LETTERS = ['u', 'v', 'w', 'M', 'N', 'P', 'Q', 'R', 'S', 'T'];

export class UnknownNumbers {
  private written?: ReadonlySet<string>;

  constructor(private readonly statements: readonly Statement[], private readonly state: RunState) {}

  /**
   * The letter of `owner`'s send side (its SND.NXT, its peer's RCV.NXT); the same letter
   * every time it is asked for. `owner` undefined: the side of a peer no line names.
   */
  letter(owner: string | undefined, forWhom: string): Seq {
    const key = owner ?? `${forWhom}'s peer`;
    let letter = this.state.unknowns.get(key);
    if (letter === undefined) {
      this.written ??= symbolsWritten(this.statements);
      const taken = new Set([...this.written, ...this.state.unknowns.values()]);
      letter = UNKNOWN_LETTERS.find((l) => !taken.has(l)) ?? `SND_${key.replace(/\W/g, '_')}`;
      this.state.unknowns.set(key, letter);
      this.state.usedSymbols.add(letter);
    }
    return seqSymbol(letter);
  }
}

/** Every symbol a scenario writes: in seq=/ack= and in snd=/rcv=. */
function symbolsWritten(statements: readonly Statement[]): Set<string> {
  const out = new Set<string>();
  const add = (field: SeqField | undefined) => {
    if (field?.value.symbol) out.add(field.value.symbol);
  };
  for (const s of statements) {
    if (s.kind === 'segment') {
      add(s.seq);
      add(s.ack);
    } else if (s.kind === 'participant') {
      add(s.snd);
      add(s.rcv);
    }
  }
  return out;
}

/** Whether `symbol` stands for a number no line has written yet (UnknownNumbers). */
export function isUnknown(symbol: string | null, state: RunState): boolean {
  if (symbol === null) return false;
  for (const letter of state.unknowns.values()) if (letter === symbol) return true;
  return false;
}

/** A letter the line names a number with, and what it stands for (`M = J+101`), for the step's explanation. */
export interface Naming {
  readonly participant: string;
  readonly letter: string;
  /** What it stands for, in the letters before it; undefined when it names a number nothing named before (first contact). */
  readonly was?: string;
}

/**
 * `seg` with its values read through the letters named so far, after naming the numbers
 * its new letters (or first-contact values) stand for. Changes `state` (the TCBs, the
 * in-flight segments, the letters) when the line names something.
 */
export function readLetters(seg: SegmentStatement, state: RunState, namings: Naming[]): SegmentStatement {
  const sender = state.tcbs.get(seg.from);
  let seq = resolved(seg.seq, state);
  let ack = resolved(seg.ack, state);
  // The handshake sets the letters (the SYN's seq, the SYN,ACK's ack of it): there a new letter is a mistake, not a name.
  if (!sender || seg.flags.includes('SYN')) return seq === seg.seq && ack === seg.ack ? seg : { ...seg, seq, ack };
  if (seq && sender.sndNxt) {
    const named = name(seq.value, sender.sndNxt, state) ?? nameNumbers(seq.value, sender.sndNxt, seg.from, seg.to, state);
    if (named) namings.push({ participant: seg.from, ...named });
    seq = resolved(seg.seq, state);
  }
  if (ack && seg.flags.includes('ACK') && sender.rcvNxt && !seg.flags.includes('RST')) {
    const named = name(ack.value, sender.rcvNxt, state) ?? nameNumbers(ack.value, sender.rcvNxt, seg.to, seg.from, state);
    if (named) namings.push({ participant: seg.to, ...named });
    ack = resolved(seg.ack, state);
  }
  return seq === seg.seq && ack === seg.ack ? seg : { ...seg, seq, ack };
}

/**
 * A letter used for the first time in a direction written with numbers (article 5 draws
 * the handshake with 200/500 and the close with u/v/w): it names `owner`'s number there,
 * and `owner`'s space is written with letters from now on. Numbers are not names, so
 * only the fields of that one space change: the owner's send side, the peer's receive side.
 */
function nameNumbers(written: Seq, expected: Seq, owner: string, peer: string, state: RunState): Omit<Naming, 'participant'> | undefined {
  const fresh = written.symbol;
  if (expected.symbol !== null || fresh === null || state.usedSymbols.has(fresh) || state.letters.has(fresh) || isUnknown(fresh, state)) return undefined;
  const move = (value: Seq): Seq => seqSymbol(fresh, written.offset + (seqDiff(value, expected) ?? 0));
  const mine = state.tcbs.get(owner);
  const theirs = state.tcbs.get(peer);
  if (mine) for (const key of ['iss', 'sndUna', 'sndNxt', 'finSeq'] as const) if (mine[key]) mine[key] = move(mine[key]!);
  if (theirs) {
    for (const key of ['irs', 'rcvNxt'] as const) if (theirs[key]) theirs[key] = move(theirs[key]!);
    if (theirs.outOfOrder.length > 0) theirs.outOfOrder = theirs.outOfOrder.map((r) => ({ ...r, start: move(r.start), end: move(r.end) }));
  }
  for (const flight of state.inFlight.values()) {
    const segment = flight.segment;
    if (flight.from === owner && segment.seq) (flight as { segment: typeof segment }).segment = { ...segment, seq: move(segment.seq) };
    if (flight.to === owner && segment.ack) (flight as { segment: typeof segment }).segment = { ...flight.segment, ack: move(segment.ack) };
  }
  state.usedSymbols.add(fresh);
  const kind = state.spaceKinds.get(owner);
  if (kind) state.spaceKinds.set(owner, { symbolic: true, span: kind.span });
  return { letter: fresh, was: formatSeq(seqAdd(expected, -written.offset)) };
}

/** A field read through the letters: `v+1` after `w` renamed v's side reads as `w+1`. */
function resolved(field: SeqField | undefined, state: RunState): SeqField | undefined {
  if (!field) return undefined;
  let value = field.value;
  // Each renaming maps a letter to a newer one: a chain, never a cycle; bounded all the same.
  for (let i = 0; i < 64 && value.symbol !== null && state.letters.has(value.symbol); i++) {
    value = seqAdd(state.letters.get(value.symbol)!, value.offset);
  }
  return value === field.value ? field : { ...field, value };
}

/**
 * If `written` names the number `expected` stands for (a first-contact placeholder, or a
 * letter never used before), renames `expected`'s letter everywhere so that `written`
 * is its name from now on, and returns what was named.
 */
function name(written: Seq, expected: Seq, state: RunState): Omit<Naming, 'participant'> | undefined {
  const letter = expected.symbol;
  if (letter === null || letter === written.symbol) return undefined;
  if (isUnknown(letter, state)) {
    // `expected` is an unknown number: whatever is written first is its value. Its letter
    // may have been shown on an earlier line (a seq left out): say what the new one stands for.
    const was = formatSeq(seqAdd(expected, -written.offset));
    renameEverywhere(state, letter, seqAdd(written, -expected.offset));
    if (written.symbol !== null) state.usedSymbols.add(written.symbol);
    return written.symbol !== null ? { letter: written.symbol, ...(expected.offset !== written.offset ? { was } : {}) } : undefined;
  }
  const fresh = written.symbol;
  if (fresh === null || state.usedSymbols.has(fresh) || state.letters.has(fresh) || isUnknown(fresh, state)) return undefined;
  // fresh + written.offset = expected, so the old letter is fresh + (written.offset - expected.offset).
  const was = formatSeq(seqAdd(expected, -written.offset));
  renameEverywhere(state, letter, seqSymbol(fresh, written.offset - expected.offset));
  state.usedSymbols.add(fresh);
  return { letter: fresh, was };
}

/** Every number written in `letter` becomes one in `base`'s letter: `letter+k` → `base+k`. */
export function renameEverywhere(state: RunState, letter: string, base: Seq): void {
  const has = (value: Seq | undefined): boolean => value?.symbol === letter;
  const move = (value: Seq): Seq => (value.symbol === letter ? seqAdd(base, value.offset) : value);
  // Only fields in `letter` are written: an absent field stays absent (run states are compared key by key).
  const moved = <T extends { seq?: Seq; ack?: Seq }>(o: T): T =>
    has(o.seq) || has(o.ack) ? { ...o, ...(o.seq ? { seq: move(o.seq) } : {}), ...(o.ack ? { ack: move(o.ack) } : {}) } : o;
  for (const tcb of state.tcbs.values()) {
    for (const key of ['iss', 'irs', 'sndUna', 'sndNxt', 'rcvNxt', 'finSeq'] as const) if (has(tcb[key])) tcb[key] = move(tcb[key]!);
    if (tcb.outOfOrder.some((r) => has(r.start))) tcb.outOfOrder = tcb.outOfOrder.map((r) => ({ ...r, start: move(r.start), end: move(r.end) }));
    if (tcb.due) tcb.due = moved(tcb.due);
  }
  for (const flight of state.inFlight.values()) {
    // A new object: the sent segment is also the `~>` line's step, which keeps what it showed.
    (flight as { segment: typeof flight.segment }).segment = moved(flight.segment);
  }
  for (const [old, value] of state.letters) state.letters.set(old, move(value));
  if (!isUnknown(letter, state)) state.letters.set(letter, base);
}
