/**
 * Sequence numbers (RFC 9293 §3.4): 32-bit numbers compared modulo 2^32, or symbolic
 * ones such as `J+1` that stand for an unknown initial sequence number plus an offset.
 * Two values can be compared only when they share a base: both plain numbers, or the
 * same symbol.
 */

const MODULUS = 2 ** 32;

export interface Seq {
  /** The unknown ISN this value is relative to, or null for a plain 32-bit number. */
  readonly symbol: string | null;
  /** For a number, its value in [0, 2^32); for a symbol, the offset from it. */
  readonly offset: number;
}

export function seqNumber(value: number): Seq {
  return { symbol: null, offset: mod32(value) };
}

export function seqSymbol(symbol: string, offset = 0): Seq {
  return { symbol, offset };
}

function mod32(value: number): number {
  return ((value % MODULUS) + MODULUS) % MODULUS;
}

export function seqAdd(seq: Seq, n: number): Seq {
  return seq.symbol === null ? seqNumber(seq.offset + n) : seqSymbol(seq.symbol, seq.offset + n);
}

/**
 * `a - b` as a signed distance (the modular comparison of §3.4), or undefined when
 * the two values live in different spaces and cannot be compared.
 */
export function seqDiff(a: Seq, b: Seq): number | undefined {
  if (a.symbol !== b.symbol) return undefined;
  if (a.symbol !== null) return a.offset - b.offset;
  const d = mod32(a.offset - b.offset);
  return d >= MODULUS / 2 ? d - MODULUS : d;
}

export function seqEquals(a: Seq, b: Seq): boolean {
  return seqDiff(a, b) === 0;
}

/** a < b modulo 2^32; false when not comparable. */
export function seqLess(a: Seq, b: Seq): boolean {
  const d = seqDiff(a, b);
  return d !== undefined && d < 0;
}

/** a <= b modulo 2^32; false when not comparable. */
export function seqLessOrEqual(a: Seq, b: Seq): boolean {
  const d = seqDiff(a, b);
  return d !== undefined && d <= 0;
}

/** As written in source: `J`, `J+1`, `J-2`, `100`. */
export function formatSeq(seq: Seq): string {
  if (seq.symbol === null) return String(seq.offset);
  if (seq.offset === 0) return seq.symbol;
  return seq.offset > 0 ? `${seq.symbol}+${seq.offset}` : `${seq.symbol}${seq.offset}`;
}

export function isSymbolic(seq: Seq): boolean {
  return seq.symbol !== null;
}
