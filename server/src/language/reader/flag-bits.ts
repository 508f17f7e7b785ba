/**
 * A segment's flags while its line is read: a bit per flag of FLAGS, and one shared array
 * per combination for the statement. A scenario has a handful of combinations (SYN,
 * SYN ACK, ACK, FIN ACK…) over thousands of lines, so sharing them saves a Set and an
 * array per line (the reader's allocations were most of its time) and their memory for as
 * long as the document is open. The arrays are frozen: they are shared.
 */
import { FLAGS, type Flag } from '../../engine/model.js';

/** The bit of `flag`, 0 when it is not a flag's name (upper case). */
export function flagBit(name: string): number {
  const index = (FLAGS as readonly string[]).indexOf(name);
  return index < 0 ? 0 : 1 << index;
}

const byBits = new Map<number, readonly Flag[]>();

/** The flags of `bits`, in canonical order (FLAGS). */
export function flagsOfBits(bits: number): readonly Flag[] {
  let flags = byBits.get(bits);
  if (!flags) {
    flags = Object.freeze(FLAGS.filter((_, i) => (bits & (1 << i)) !== 0));
    byBits.set(bits, flags);
  }
  return flags;
}
