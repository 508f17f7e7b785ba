/**
 * Issue 18's target for the language server: a 15 MB valid scenario is checked
 * "without blocking other documents for more than 200 ms at a time". The built server
 * is started over stdio with a timer inside that notices its own lateness
 * (loop-lateness.cjs); the 15 MB document is opened, then a small one, and the figures
 * are: the longest the event loop was held while the big one was read, how many holds
 * passed 200 ms, how long the small one waited for its diagnostics, and how long the big
 * one took in all.
 */
import { join } from 'node:path';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { LspClient } from '../../test/lsp/lsp-client.js';
import { median } from './stats.js';

export interface LargeDocumentTiming {
  readonly megabytes: number;
  /** The longest hold of the server's event loop between sending the big document and its diagnostics. */
  readonly longestBlockMs: number;
  /** The CPU time the server used during that hold (all its threads): far below it, the server was waiting for a core. */
  readonly longestBlockCpuMs: number;
  /** The next four longest. */
  readonly nextLongestMs: readonly number[];
  /** Holds over 200 ms in that window. */
  readonly blocksOver200: number;
  /** Holds over 20 ms (the ones the timer reports), and their median. */
  readonly holds: number;
  readonly medianHoldMs: number;
  readonly smallDiagnosticsMs: number;
  readonly bigDiagnosticsMs: number;
  /** The largest heap in use the server reported in that window, MB. */
  readonly peakHeapMb: number;
  /**
   * Each hold over 100 ms: when it began on the monotonic clock (µs, as in a `--cpu-prof`
   * profile), how long it was, and the CPU time the server used meanwhile (all threads).
   */
  readonly longHolds: ReadonlyArray<{ readonly startUs: number; readonly ms: number; readonly cpuMs: number }>;
  /** Each garbage collection over 20 ms in that window: its kind and length. */
  readonly collections: ReadonlyArray<{ readonly kind: string; readonly startUs: number; readonly ms: number }>;
}

const MONITOR = join(__dirname, 'loop-lateness.cjs');

/** The machine's monotonic clock, the one loop-lateness.cjs reports in (the same in every process). */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * `serverPath`: another build of the server, to measure side by side with an older commit
 * (default: the test build). `nodeArgs`: more options for the server's Node, e.g.
 * `--cpu-prof`, to see what each hold in `longHolds` was (not `--trace-gc`: it writes to
 * stdout, which carries the protocol; `collections` says the same).
 */
export async function measureLargeDocument(serverPath?: string, nodeArgs: readonly string[] = []): Promise<LargeDocumentTiming> {
  const big = generateScenario(270_000);
  const small = generateScenario(20);
  const client = await LspClient.start({ nodeArgs: ['--require', MONITOR, ...nodeArgs], serverPath });
  try {
    // Warm up: the first document also loads the server's lazily loaded parts.
    await client.open('file:///bench/warm.tcpflow', small);
    const bigUri = 'file:///bench/big.tcpflow';
    const from = Date.now();
    const fromUs = monotonicUs();
    const stderrBefore = client.stderr.length;
    const t0 = performance.now();
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'tcpflow', version: 1, text: big } });
    await client.open('file:///bench/small.tcpflow', small);
    const smallDiagnosticsMs = performance.now() - t0;
    const diagnostics = await client.until(() => client.lastPublished(bigUri), 'the big document', 600_000);
    const bigDiagnosticsMs = performance.now() - t0;
    const to = Date.now();
    const toUs = monotonicUs();
    if (diagnostics.length > 0) throw new Error(`the generated 15 MB scenario has ${diagnostics.length} diagnostics`);
    const reported = client.stderr.slice(stderrBefore).join('').split('\n');
    const peakHeap = Math.max(0, ...reported
      .map((line) => /^loop-heap (\d+) (\d+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null && Number(m[1]) >= from && Number(m[1]) <= to + 50)
      .map((m) => Number(m[2])));
    const holds = reported
      .map((line) => /^loop-lateness (\d+) ([\d.]+) (\d+) ([\d.]+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      // A hold is reported when it ends: it belongs to the window if it ended inside it.
      .map((m) => ({ at: Number(m[1]), ms: Number(m[2]), startUs: Number(m[3]), cpuMs: Number(m[4]) }))
      .filter((h) => h.at >= from && h.at <= to + 50);
    const collections = reported
      .map((line) => /^loop-gc (\S+) (\d+) ([\d.]+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ kind: m[1]!, startUs: Number(m[2]), ms: Number(m[3]) }))
      .filter((c) => c.startUs >= fromUs && c.startUs <= toUs);
    const sorted = holds.map((h) => h.ms).sort((a, b) => b - a);
    const longest = holds.find((h) => h.ms === sorted[0]);
    return {
      megabytes: big.length / 1e6,
      longestBlockMs: sorted[0] ?? 0,
      longestBlockCpuMs: longest?.cpuMs ?? 0,
      nextLongestMs: sorted.slice(1, 5),
      blocksOver200: sorted.filter((ms) => ms > 200).length,
      holds: sorted.length,
      medianHoldMs: median(sorted),
      smallDiagnosticsMs,
      bigDiagnosticsMs,
      peakHeapMb: peakHeap / 1e6,
      collections,
      longHolds: holds.filter((h) => h.ms > 100).map((h) => ({ startUs: h.startUs, ms: h.ms, cpuMs: h.cpuMs })),
    };
  } finally {
    await client.stop();
  }
}
