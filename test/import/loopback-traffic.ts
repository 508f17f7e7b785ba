/**
 * Real TCP on 127.0.0.1 for the importer's tests, captured by a real `tcpdump`: a
 * request and answer with an orderly close, a connection reset by the client
 * (SO_LINGER 0, Node's resetAndDestroy), a connect to a closed port (refused), and a SYN
 * retransmitted because the listener's accept queue is full (a listener in a process
 * that never accepts, backlog 1: Linux drops the third SYN and the client sends it again
 * after its 1 s initial RTO).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { accessSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

export function tcpdumpPath(): string {
  for (const path of ['/usr/bin/tcpdump', '/usr/sbin/tcpdump']) {
    try {
      accessSync(path);
      return path;
    } catch {
      // next
    }
  }
  return 'tcpdump';
}

export interface Capture {
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts tcpdump writing `file` and resolves once it says it is listening (before that,
 * packets would be missed). `-Z root`: tcpdump would otherwise drop to its own user,
 * who may not write into the test's private folder; `-U` writes each packet at once.
 */
export async function startCapture(file: string, iface: string, linkType: string | undefined, filter: string, launcher: readonly string[] = []): Promise<Capture> {
  const args = ['-i', iface, '-U', '-Z', 'root', '-w', file, ...(linkType ? ['-y', linkType] : []), filter];
  // `launcher`: a command that runs tcpdump elsewhere (nsenter into a network namespace) and becomes it.
  const [program, ...before] = [...launcher, tcpdumpPath()];
  const child = spawn(program, [...before, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      said += chunk;
      if (said.includes('listening on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`tcpdump ${args.join(' ')} ended (${code}): ${said}`)));
    child.on('error', reject);
  });
  return {
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      await exited;
    },
  };
}

export async function listen(server: Server, backlog?: number): Promise<number> {
  server.listen({ port: 0, host: '127.0.0.1', backlog });
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: one that was just free. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  server.close();
  await once(server, 'close');
  return port;
}

/** Answers each request with `pong:` and the request, and closes when the client does. */
export function echoServer(): Server {
  return createServer((socket) => {
    socket.on('data', (data) => socket.write(`pong:${data.toString()}`));
    socket.on('end', () => socket.end());
    socket.on('error', () => undefined);
  });
}

async function connected(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  await once(socket, 'connect');
  return socket;
}

/** Request, answer, the client closes, the server closes. */
export async function orderlyExchange(port: number): Promise<void> {
  const socket = await connected(port);
  socket.write('ping');
  await once(socket, 'data');
  socket.end();
  await once(socket, 'close');
}

/** Request, answer, then the client resets the connection. */
export async function resetExchange(port: number): Promise<void> {
  const socket = await connected(port);
  socket.write('hello');
  await once(socket, 'data');
  socket.resetAndDestroy();
  await once(socket, 'close');
}

/** A SYN to a closed port: RST ACK, ECONNREFUSED. */
export async function refused(port: number): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  const [error] = await once(socket, 'error') as [NodeJS.ErrnoException];
  if (error.code !== 'ECONNREFUSED') throw error;
}

/**
 * A listener whose accept queue fills: a child process listens with backlog 1 and then
 * blocks, so it never accepts. Returns its port and a way to end it.
 */
export async function fullListener(): Promise<{ port: number; end: () => Promise<void> }> {
  const code = `const s = require('net').createServer(); s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
    require('fs').writeSync(1, s.address().port + '\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  });`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout!, 'data') as [Buffer];
  return {
    port: Number(line.toString().trim()),
    async end() {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * Connects to the full listener until one SYN is dropped and sent again: the first two
 * connections fill the queue; the third client's SYN waits. Resolves after its
 * retransmission (1 s initial RTO) has gone out.
 */
export async function retransmittedSyn(port: number): Promise<Socket[]> {
  const sockets = [await connected(port), await connected(port)];
  const third = connect(port, '127.0.0.1');
  third.on('error', () => undefined);
  sockets.push(third);
  await new Promise((resolve) => setTimeout(resolve, 1600));
  return sockets;
}
