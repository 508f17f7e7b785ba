/**
 * The importer on a 100 MB capture: the built CLI as a process, `import --list` (one
 * streamed pass over every frame) and `import --conn N -o` (the second pass that
 * collects one connection, its scenario and the check), timed from outside, with the
 * process's peak resident memory sampled from /proc while it runs: reading in chunks
 * keeps it flat whatever the capture's size. The capture is generated once into .cache/:
 * thousands of connections of a handshake, 20 full-size segments with their ACKs and
 * the close, in classic pcap with Ethernet headers as tcpdump writes on Linux.
 *
 * `npm run bench` writes this section with the rest; `vite-node scripts/bench/capture-main.ts`
 * measures only this and replaces its section of docs/benchmarks.md.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats.js';

const TARGET_BYTES = 100 * 1024 * 1024;
const FILE = join('.cache', 'bench-capture-100mb.pcap');
export const CAPTURE_SECTION = 'Importing a 100 MB capture';
/** A handshake, 20 data segments and their ACKs, the close. */
const FRAMES_PER_CONNECTION = 3 + 2 * 20 + 3;

/** One Ethernet/IPv4/TCP frame with a payload of `length` bytes (all zero: only the headers are read). */
function frame(client: number, fromClient: boolean, seq: number, ack: number, flags: number, length: number): Buffer {
  const bytes = Buffer.alloc(14 + 20 + 20 + length);
  bytes.writeUInt16BE(0x0800, 12);
  bytes[14] = 0x45;
  bytes.writeUInt16BE(40 + length, 16);
  bytes[22] = 64;
  bytes[23] = 6;
  const clientAddress = [10, 1, (client >> 8) & 0xff, client & 0xff];
  const serverAddress = [10, 0, 0, 1];
  Buffer.from(fromClient ? clientAddress : serverAddress).copy(bytes, 26);
  Buffer.from(fromClient ? serverAddress : clientAddress).copy(bytes, 30);
  const clientPort = 30000 + (client % 30000);
  bytes.writeUInt16BE(fromClient ? clientPort : 80, 34);
  bytes.writeUInt16BE(fromClient ? 80 : clientPort, 36);
  bytes.writeUInt32BE(seq >>> 0, 38);
  bytes.writeUInt32BE(ack >>> 0, 42);
  bytes[46] = 5 << 4;
  bytes[47] = flags;
  bytes.writeUInt16BE(502, 48);
  return bytes;
}

/** Writes the capture unless a file of the size is there already; returns its connection count. */
function generateCapture(): { connections: number } {
  const connectionsFor = (bytes: number): number => Math.ceil(bytes / 31_500);
  if (existsSync(FILE) && statSync(FILE).size >= TARGET_BYTES) return { connections: Number(readFileSync(`${FILE}.count`, 'utf8')) };
  mkdirSync('.cache', { recursive: true });
  const fd = openSync(FILE, 'w');
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(262144, 16);
  header.writeUInt32LE(1, 20);
  writeSync(fd, header);
  let written = 24;
  let time = 1_700_000_000 * 1e6;
  let connections = 0;
  const pending: Buffer[] = [];
  const push = (bytes: Buffer): void => {
    const record = Buffer.alloc(16);
    record.writeUInt32LE(Math.floor(time / 1e6), 0);
    record.writeUInt32LE(time % 1e6, 4);
    record.writeUInt32LE(bytes.length, 8);
    record.writeUInt32LE(bytes.length, 12);
    pending.push(record, bytes);
    written += 16 + bytes.length;
    time += 37;
  };
  for (let c = 0; c < connectionsFor(TARGET_BYTES) || written < TARGET_BYTES; c++) {
    const a = (c * 2_654_435_761) >>> 0;
    const b = (c * 40_503 + 7) >>> 0;
    const S = 0x02;
    const A = 0x10;
    const F = 0x01;
    const P = 0x08;
    push(frame(c, true, a, 0, S, 0));
    push(frame(c, false, b, a + 1, S | A, 0));
    push(frame(c, true, a + 1, b + 1, A, 0));
    for (let i = 0; i < 20; i++) {
      push(frame(c, true, a + 1 + i * 1448, b + 1, P | A, 1448));
      push(frame(c, false, b + 1, a + 1 + (i + 1) * 1448, A, 0));
    }
    const end = a + 1 + 20 * 1448;
    push(frame(c, true, end, b + 1, F | A, 0));
    push(frame(c, false, b + 1, end + 1, F | A, 0));
    push(frame(c, true, end + 1, b + 2, A, 0));
    connections++;
    if (pending.length > 2000) writeSync(fd, Buffer.concat(pending.splice(0)));
  }
  writeSync(fd, Buffer.concat(pending.splice(0)));
  closeSync(fd);
  writeFileSync(`${FILE}.count`, String(connections));
  return { connections };
}

interface Run {
  readonly ms: number;
  /** Peak resident set size, MB, as /proc showed it while the process ran. */
  readonly peakMb: number;
  readonly status: number | null;
}

/** Runs the CLI to the end, sampling its VmHWM (the kernel's own peak RSS) every 20 ms. */
function timeCli(cli: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let peakKb = 0;
    const sample = (): void => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // the process has ended
      }
    };
    const timer = setInterval(sample, 20);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - t0, peakMb: peakKb / 1024, status });
    });
  });
}

export interface CaptureTiming {
  readonly megabytes: number;
  readonly frames: number;
  readonly connections: number;
  readonly list: Run;
  readonly importOne: Run;
  /** The same import of a capture of one connection only (~50 frames): the cost that is not reading. */
  readonly baseline: Run;
}

export async function measureCapture(cli: string): Promise<CaptureTiming> {
  const { connections } = generateCapture();
  const bytes = statSync(FILE).size;
  const runs = async (args: string[]): Promise<Run> => {
    const all: Run[] = [];
    for (let i = 0; i < 3; i++) all.push(await timeCli(cli, args));
    const failed = all.find((r) => r.status !== 0);
    if (failed) throw new Error(`${args.join(' ')} exited ${failed.status}`);
    return { ms: median(all.map((r) => r.ms)), peakMb: Math.max(...all.map((r) => r.peakMb)), status: 0 };
  };
  const out = join('.cache', 'bench-capture-import.tcpflow');
  const small = join('.cache', 'bench-capture-one.pcap');
  // The first connection alone: the 24-byte header and its records.
  const head = Buffer.alloc(24 + FRAMES_PER_CONNECTION * (16 + 54) + 20 * 1448);
  const fd = openSync(FILE, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  writeFileSync(small, head);
  return {
    megabytes: bytes / 1024 / 1024,
    frames: connections * FRAMES_PER_CONNECTION,
    connections,
    list: await runs(['import', FILE, '--list']),
    importOne: await runs(['import', FILE, '--conn', String(Math.ceil(connections / 2)), '-o', out, '--force']),
    baseline: await runs(['import', small, '-o', out, '--force']),
  };
}

export function captureSectionLines(t: CaptureTiming): string[] {
  const fmt = (n: number): string => n.toFixed(0);
  return [
    `## ${CAPTURE_SECTION}`,
    '',
    `\`synack import\` as a process (the built CLI) on a generated classic pcap of ${t.megabytes.toFixed(0)} MB: ${t.connections.toLocaleString('en')} connections, ${t.frames.toLocaleString('en')} frames (a handshake, 20 segments of 1,448 bytes with their ACKs, the close), scripts/bench/capture.ts. Medians of 3 runs; peak memory is the process's peak resident set (VmHWM), the highest of the 3.`,
    '',
    '| run | wall ms | peak memory MB |',
    '|---|---:|---:|',
    `| \`import --list\` (one pass over every frame) | ${fmt(t.list.ms)} | ${fmt(t.list.peakMb)} |`,
    `| \`import --conn N -o FILE\` (connection in the middle: two passes, scenario, check) | ${fmt(t.importOne.ms)} | ${fmt(t.importOne.peakMb)} |`,
    `| the same import from a capture of that one connection only (start-up and check, no reading to speak of) | ${fmt(t.baseline.ms)} | ${fmt(t.baseline.peakMb)} |`,
    '',
    `Reading rate: about ${fmt(t.megabytes / ((t.list.ms - t.baseline.ms) / 1000))} MB/s for the list pass (its time less the one-connection run's). Peak memory of the list pass is ${fmt(t.list.peakMb - t.baseline.peakMb)} MB above the one-connection run's for a ${t.megabytes.toFixed(0)} MB file: the file is read in 1 MB chunks (server/src/import/byte-source.ts) and only a summary of each connection is kept, never the file.`,
    '',
  ];
}
