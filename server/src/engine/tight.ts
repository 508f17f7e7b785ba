/**
 * Arrays kept for as long as a document is open, trimmed to their length.
 *
 * V8 gives an array built by `push` (or `filter`) room for 17 elements at its first
 * element: 152 bytes for a list that holds one or two. The language server keeps a
 * statement, a read chunk and an engine step per line of every open document, each with
 * a few such lists, and on a 15 MB document that slack was about a quarter of the heap
 * (docs/benchmarks.md, "Memory per line"), which the garbage collector walks again and
 * again. `slice` allocates exactly the elements, so a kept list costs what it holds.
 */
export function tight<L extends readonly unknown[]>(items: L): L {
  return items.length === 0 ? items : items.slice() as unknown as L;
}
