/**
 * The issue's own example for the importer's loopback tests: a real `curl` fetching a
 * page from a local HTTP server (Node's), with what curl itself says it sent and
 * received, so that the imported scenario's `len=` can be held against curl's own count.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { packetsOf, summarizeCapture } from '../../server/src/import/connections.js';
import type { TcpPacket } from '../../server/src/import/packets.js';
import { FLAG } from '../../server/src/import/tcp.js';

const exec = promisify(execFile);

/** The page the server answers every request with. */
export const PAGE = 'hello from the local server\n';

/** curl on the PATH (Debian: /usr/bin/curl); a test that needs it fails with how to get it, never skips. */
export function curlPath(): string {
  for (const folder of (process.env.PATH ?? '/usr/bin').split(delimiter)) {
    const path = join(folder, 'curl');
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // next folder
    }
  }
  throw new Error('curl is not installed: the importer\'s loopback test runs the issue\'s example with it (.ci/run installs it: apt-get install curl)');
}

export function pageServer(): Server {
  return createServer((_request, response) => response.end(PAGE));
}

export interface CurlCount {
  /** The bytes of the request curl sent (`%{size_request}`). */
  readonly sent: number;
  /** The bytes of the answer curl received: headers and body (`%{size_header}` + `%{size_download}`). */
  readonly received: number;
}

export interface CurlOptions {
  /** A command that runs curl elsewhere and becomes it (nsenter into a network namespace). */
  readonly launcher?: readonly string[];
  /** `--tcp-fastopen`: the request goes on the SYN when the kernel has a cookie for the server. */
  readonly fastOpen?: boolean;
}

/** `curl http://127.0.0.1:PORT/`: checks the page and returns curl's own byte counts. */
export async function curlGet(port: number, options: CurlOptions = {}): Promise<CurlCount> {
  const marker = '\n--curl-count--';
  const [program, ...before] = [...(options.launcher ?? []), curlPath()];
  const args = ['-sS', '--fail', ...(options.fastOpen ? ['--tcp-fastopen'] : []), '-w', `${marker} %{size_request} %{size_header} %{size_download}`, `http://127.0.0.1:${port}/`];
  const { stdout } = await exec(program, [...before, ...args]);
  const at = stdout.lastIndexOf(marker);
  if (stdout.slice(0, at) !== PAGE) throw new Error(`curl got ${JSON.stringify(stdout)}`);
  const [sent, header, body] = stdout.slice(at + marker.length).trim().split(' ').map(Number);
  return { sent, received: header + body };
}

/**
 * True once `file` holds `count` connections to `port` closed by both FINs and the ACK
 * of the later FIN: the last packet of an orderly close. Until then a tcpdump stopped on
 * a loaded machine could still lose packets it has not read from the kernel.
 */
export function closeCaptured(file: string, port: number, count = 1): boolean {
  let connections;
  try {
    connections = summarizeCapture(file, file).connections;
  } catch {
    return false; // a record half written by tcpdump at this instant: read again later
  }
  const closed = connections.filter((c) => c.server.port === port && c.finFromClient && c.finFromServer);
  return closed.filter((c) => lastFinAcked(packetsOf(file, file, c, 10_000).packets)).length >= count;
}

function lastFinAcked(packets: readonly TcpPacket[]): boolean {
  let lastFin = packets.length - 1;
  while ((packets[lastFin].tcp.flags & FLAG.FIN) === 0) lastFin--;
  const fin = packets[lastFin];
  const finAcked = (fin.tcp.seq + fin.tcp.payloadLength + 1) >>> 0;
  return packets.slice(lastFin + 1).some((p) => p.tcp.sourcePort !== fin.tcp.sourcePort && (p.tcp.flags & FLAG.ACK) !== 0 && p.tcp.ack === finAcked);
}
