/**
 * Loaded with `node --require` into the language server by `npm run bench`
 * (large-document.ts): a timer that notices its own lateness. It asks to run every
 * PERIOD_MS; when it runs later than that, the event loop was held for about the
 * difference (a slice of work, a message parsed, a garbage collection). Each lateness
 * over REPORT_MS is written to stderr with the wall-clock time, for the benchmark to
 * pick the longest within the window it measures. Every HEAP_EVERY_MS it also writes
 * the heap in use, for the largest in that window (what the garbage collector walks).
 * Nothing of the server is changed.
 */
const PERIOD_MS = 5;
const REPORT_MS = 20;
const HEAP_EVERY_MS = 250;
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = now - last - PERIOD_MS;
  last = now;
  if (late > REPORT_MS) process.stderr.write(`loop-lateness ${Date.now()} ${late.toFixed(1)}\n`);
}, PERIOD_MS).unref();
setInterval(() => {
  process.stderr.write(`loop-heap ${Date.now()} ${process.memoryUsage().heapUsed}\n`);
}, HEAP_EVERY_MS).unref();
