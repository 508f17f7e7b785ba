/**
 * The bounds on what the reader reads, shared by the CLI and the language server, so a
 * hostile or mistaken file costs bounded time and memory wherever it is opened.
 */

/** Larger documents are refused with one diagnostic rather than read (a scenario is a drawing). */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * Far above any real line (a segment line has about 10–30 tokens). A line over it is
 * skipped with one diagnostic: the statements around it still count.
 */
export const MAX_TOKENS_PER_LINE = 10_000;
