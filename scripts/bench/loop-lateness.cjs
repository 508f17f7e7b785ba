/**
 * Loaded with `node --require` into the language server by `npm run bench`
 * (large-document.ts): a timer that notices its own lateness. It asks to run every
 * PERIOD_MS; when it runs later than that, the event loop was held for about the
 * difference (a slice of work, a message parsed, a garbage collection). Each lateness
 * over REPORT_MS is written to stderr with the wall-clock time, for the benchmark to
 * pick the longest within the window it measures, and when it began. Every HEAP_EVERY_MS it also writes
 * the heap in use, for the largest in that window (what the garbage collector walks).
 * It also reports each garbage collection over REPORT_MS (kind, start, length). Nothing of
 * the server is changed.
 */
const PERIOD_MS = 5;
const REPORT_MS = 20;
const HEAP_EVERY_MS = 250;
let last = performance.now();
let lastCpu = process.cpuUsage();
setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage();
  const late = now - last - PERIOD_MS;
  const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
  last = now;
  lastCpu = cpu;
  // After the hold's length: when it began on the monotonic clock, in microseconds (the
  // clock of `--cpu-prof`'s timestamps, to find in a profile what held the loop), and the
  // CPU time the process spent in that while, all its threads. On a loaded machine a hold
  // is also the time the process waited for a core: a CPU time much below the hold says so.
  if (late > REPORT_MS) {
    const startUs = Math.round(Number(process.hrtime.bigint() / 1000n) - late * 1000);
    process.stderr.write(`loop-lateness ${Date.now()} ${late.toFixed(1)} ${startUs} ${cpuMs.toFixed(1)}\n`);
  }
}, PERIOD_MS).unref();
setInterval(() => {
  process.stderr.write(`loop-heap ${Date.now()} ${process.memoryUsage().heapUsed}\n`);
}, HEAP_EVERY_MS).unref();
// Each garbage collection over REPORT_MS, with its kind (minor: the young generation
// scavenged; major: the whole heap marked and compacted), when it began on the monotonic
// clock in microseconds and how long it took: to tell which holds were collections.
const { PerformanceObserver, constants } = require('node:perf_hooks');
const GC_KINDS = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak-callbacks' };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.duration <= REPORT_MS) continue;
    const startUs = Math.round(Number(process.hrtime.bigint() / 1000n) - (performance.now() - entry.startTime) * 1000);
    process.stderr.write(`loop-gc ${GC_KINDS[entry.detail?.kind] ?? 'other'} ${startUs} ${entry.duration.toFixed(1)}\n`);
  }
}).observe({ entryTypes: ['gc'] });
