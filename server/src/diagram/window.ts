/**
 * Large scenarios: which part of the diagram to draw when there are more messages
 * than the preview can lay out quickly. The window is a run of whole blocks (one per
 * source line) holding at most `max` messages, centred on the block at or after the
 * focus line (the cursor).
 */

export interface DiagramWindow {
  /** Indices of the first and last block drawn. */
  readonly first: number;
  readonly last: number;
  /** 0-based indices, among all messages, of the first and last message drawn. */
  readonly firstMessage: number;
  readonly lastMessage: number;
  readonly totalMessages: number;
  /** 0-based source lines of the first and last block drawn. */
  readonly firstLine: number;
  readonly lastLine: number;
}

interface Sized {
  readonly line: number;
  readonly messages: readonly unknown[];
}

/** Undefined when everything fits. */
export function selectWindow(blocks: readonly Sized[], max: number, focusLine: number): DiagramWindow | undefined {
  const counts = blocks.map((b) => b.messages.length);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= max) return undefined;

  // Messages before each block, so a window's message range is a subtraction.
  const before: number[] = [];
  let running = 0;
  for (const c of counts) { before.push(running); running += c; }

  let focus = blocks.findIndex((b) => b.line >= focusLine);
  if (focus === -1) focus = blocks.length - 1;

  // Grow around the focus, one block at a time on alternating sides, while it fits.
  let first = focus;
  let last = focus;
  let size = counts[focus];
  for (let grew = true; grew;) {
    grew = false;
    if (first > 0 && size + counts[first - 1] <= max) { first--; size += counts[first]; grew = true; }
    if (last < blocks.length - 1 && size + counts[last + 1] <= max) { last++; size += counts[last]; grew = true; }
  }
  const firstLine = blocks.slice(first, last + 1).find((b) => b.line >= 0)?.line ?? 0;
  const lastLine = [...blocks.slice(first, last + 1)].reverse().find((b) => b.line >= 0)?.line ?? firstLine;
  return {
    first,
    last,
    firstMessage: before[first],
    lastMessage: before[first] + size - 1,
    totalMessages: total,
    firstLine,
    lastLine,
  };
}
