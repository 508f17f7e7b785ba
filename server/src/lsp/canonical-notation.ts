/**
 * A segment line's flags and fields as the language writes them: `SYN=1, ACK=1,
 * seq=500, ack=201` (the articles' notation) becomes `SYN ACK seq=500 ack=201` — flags
 * first in their canonical order, `FLAG=0` dropped, fields in the order written, no
 * commas. Only for lines the reader read in that notation (SegmentStatement.flagBits).
 */
import { FLAGS, type SegmentStatement } from '../engine/model.js';

/** A field (`key=value`, `key="text"`), or a word; commas and spaces separate them. */
const ITEM = /[A-Za-z_][A-Za-z0-9_]*\s*=\s*"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*\s*=\s*[A-Za-z0-9_]+(?:\s*[-+]\s*[0-9]+)*|[^\s,]+/g;

/** `rest` (what follows the colon) in the canonical notation; as it is when the line was not in the articles' notation or holds a comment. */
export function canonicalNotation(rest: string, s: SegmentStatement): string {
  if (!s.flagBits || rest.includes('//') || rest.includes('/*')) return rest;
  const flagNames: ReadonlySet<string> = new Set(FLAGS);
  const fields: string[] = [];
  let tail = '';
  const items = rest.match(ITEM) ?? [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.toLowerCase() === 'as') {
      tail = items.slice(i).join(' ');
      break;
    }
    const bit = /^([A-Z]+)\s*=\s*[0-9]+$/.exec(item);
    if (bit && flagNames.has(bit[1])) continue; // read into s.flags (or left out: FLAG=0)
    if (!item.includes('=') && flagNames.has(item.toUpperCase())) continue; // a flag word, also in s.flags
    fields.push(item.includes('"') ? item : item.replace(/\s+/g, ''));
  }
  return [...s.flags, ...fields, ...(tail ? [tail] : [])].join(' ');
}
