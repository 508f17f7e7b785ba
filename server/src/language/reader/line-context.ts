/**
 * What a half-typed line is, up to the cursor: the reader's answer to completion
 * (lsp/completion.ts). It reads the text before the cursor with the reader's scanner and
 * the same rule for names as the statement reader (line-shape.ts): a word followed by
 * `:` or an arrow is a participant, whatever the word, so `note: ` gets calls offered like
 * any other participant.
 */
import { isArrow } from './line-shape.js';
import { Scanner, type Token } from './scanner.js';

export type LineContext =
  /** In a comment or a string, or a shape with nothing to offer. */
  | { readonly kind: 'none' }
  /** Typing the line's first word. */
  | { readonly kind: 'line-start' }
  /** `A ->`: the receiver. */
  | { readonly kind: 'peer'; readonly from: string }
  /** `A -> B :`: flags and fields; `rest` is the text after the colon. */
  | { readonly kind: 'segment'; readonly from: string; readonly to: string; readonly rest: string }
  /** `A:`: the call. */
  | { readonly kind: 'call'; readonly participant: string }
  /** `A: timeout`: the timer. */
  | { readonly kind: 'timer'; readonly participant: string }
  /** `expect` or `expect A STATE,`: a participant. */
  | { readonly kind: 'expect-name' }
  /** `expect A` (or `expect A[B]`, a listener's connection): its state. */
  | { readonly kind: 'expect-state'; readonly participant: string }
  /** `deliver`: a tag. */
  | { readonly kind: 'deliver-tag' }
  /** `note`: over, left of, right of. */
  | { readonly kind: 'note-placement' }
  /** `note over`, `note over A,`, `note left of`: a participant. */
  | { readonly kind: 'note-name' }
  /** `participant A … starts`: a state. */
  | { readonly kind: 'start-state' };

const lower = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toLowerCase() : undefined);
const isSymbolText = (t: Token | undefined, text: string) => t?.kind === 'symbol' && t.text === text;

/** What the line is, given the text before the cursor (one line). */
export function lineContext(before: string): LineContext {
  const scanned = new Scanner(before).nextLine();
  if (scanned.endsInLineComment) return { kind: 'none' };
  const all = scanned.tokens;
  // An unclosed quote: the cursor is in a string.
  if (all.some((t) => isSymbolText(t, '"'))) return { kind: 'none' };
  // The word being typed (touching the cursor) is not yet part of the shape.
  const last = all[all.length - 1];
  const typing = last !== undefined && (last.kind === 'word' || last.kind === 'number') && last.end === before.length;
  const done = typing ? all.slice(0, -1) : all;
  const [first, second] = done;
  if (done.length === 0) return typing || before.trim() === '' ? { kind: 'line-start' } : { kind: 'none' };
  if (first.kind === 'word' && isArrow(second)) {
    if (done.length === 2) return { kind: 'peer', from: first.text };
    if (done.length >= 4 && done[2].kind === 'word' && isSymbolText(done[3], ':')) {
      return { kind: 'segment', from: first.text, to: done[2].text, rest: before.slice(done[3].end) };
    }
    return { kind: 'none' };
  }
  if (first.kind === 'word' && isSymbolText(second, ':')) {
    if (done.length === 2) return { kind: 'call', participant: first.text };
    if (done.length === 3 && lower(done[2]) === 'timeout') return { kind: 'timer', participant: first.text };
    return { kind: 'none' };
  }
  switch (lower(first)) {
    case 'expect': {
      // The check after the last comma, the word being typed included.
      const lastComma = all.map((t) => isSymbolText(t, ',')).lastIndexOf(true);
      const check = all.slice(Math.max(1, lastComma + 1));
      if (check.length === 0 || (check.length === 1 && typing)) return { kind: 'expect-name' };
      // `server[c1]`: one connection of a listener, named as the engine names it.
      const connection = isSymbolText(check[1], '[') && check[2]?.kind === 'word' && isSymbolText(check[3], ']');
      const participant = connection ? `${check[0].text}[${check[2].text}]` : check[0].text;
      return check[0].kind === 'word' && isStateBeingTyped(check.slice(connection ? 4 : 1), before) ? { kind: 'expect-state', participant } : { kind: 'none' };
    }
    case 'deliver':
      return done.length === 1 ? { kind: 'deliver-tag' } : { kind: 'none' };
    case 'note': {
      const words = done.map((t) => t.text.toLowerCase());
      if (done.length === 1) return { kind: 'note-placement' };
      if (words[1] === 'over' && (done.length === 2 || (done.length === 4 && words[3] === ','))) return { kind: 'note-name' };
      if ((words[1] === 'left' || words[1] === 'right') && words[2] === 'of' && done.length === 3) return { kind: 'note-name' };
      return { kind: 'none' };
    }
    case 'participant': {
      const starts = all.findIndex((t, i) => i >= 2 && lower(t) === 'starts');
      return starts >= 2 && all[starts].end < before.length && isStateBeingTyped(all.slice(starts + 1), before) ? { kind: 'start-state' } : { kind: 'none' };
    }
    default:
      break; // any other first word: a line completion has nothing to offer for
  }
  return { kind: 'none' };
}

/** Whether `tokens` are a state name being typed at the cursor (`FIN-`, `FIN-WAIT-1`), or nothing yet. */
function isStateBeingTyped(tokens: readonly Token[], before: string): boolean {
  if (tokens.length === 0) return true;
  return tokens[tokens.length - 1].end === before.length
    && tokens.every((t, i) => (i === 0 || t.start === tokens[i - 1].end) && (i % 2 === 0 ? t.kind === 'word' || t.kind === 'number' : isSymbolText(t, '-')));
}
