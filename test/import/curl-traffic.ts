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

/** `curl http://127.0.0.1:PORT/`: checks the page and returns curl's own byte counts. */
export async function curlGet(port: number): Promise<CurlCount> {
  const marker = '\n--curl-count--';
  const { stdout } = await exec(curlPath(), ['-sS', '--fail', '-w', `${marker} %{size_request} %{size_header} %{size_download}`, `http://127.0.0.1:${port}/`]);
  const at = stdout.lastIndexOf(marker);
  if (stdout.slice(0, at) !== PAGE) throw new Error(`curl got ${JSON.stringify(stdout)}`);
  const [sent, header, body] = stdout.slice(at + marker.length).trim().split(' ').map(Number);
  return { sent, received: header + body };
}

/**
 * True once `file` holds a connection to `port` closed by both FINs and the ACK of the
 * later FIN: the last packet of an orderly close. Until then a tcpdump stopped on a
 * loaded machine could still lose packets it has not read from the kernel.
 */
export function closeCaptured(file: string, port: number): boolean {
  let connections;
  try {
    connections = summarizeCapture(file, file).connections;
  } catch {
    return false; // a record half written by tcpdump at this instant: read again later
  }
  const connection = connections.find((c) => c.server.port === port && c.finFromClient && c.finFromServer);
  if (!connection) return false;
  const { packets } = packetsOf(file, file, connection, 10_000);
  let lastFin = packets.length - 1;
  while ((packets[lastFin].tcp.flags & FLAG.FIN) === 0) lastFin--;
  const fin = packets[lastFin];
  const finAcked = (fin.tcp.seq + fin.tcp.payloadLength + 1) >>> 0;
  return packets.slice(lastFin + 1).some((p) => p.tcp.sourcePort !== fin.tcp.sourcePort && (p.tcp.flags & FLAG.ACK) !== 0 && p.tcp.ack === finAcked);
}
