/**
 * TCP Fast Open (RFC 7413) on a real Linux loopback, for the importer's loopback test:
 * the one kind of traffic whose verdict depends on the profile (Linux takes a SYN's
 * data at once and acknowledges it on the SYN,ACK; RFC 9293 queues it until the
 * handshake ends). A Linux server answers Fast Open only with bit 0x2 of
 * net.ipv4.tcp_fastopen (Debian's default is 1: clients only), so the traffic is made
 * in a network namespace of its own (`unshare --net`, as root), where the sysctl can be
 * set without touching the machine's: 0x403 = client, server, and every listener
 * without the TCP_FASTOPEN socket option (Node's server cannot set it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readlinkSync } from 'node:fs';
import { promisify } from 'node:util';
import { PAGE } from './curl-traffic.js';

const exec = promisify(execFile);

const FAST_OPEN_SYSCTL = '/proc/sys/net/ipv4/tcp_fastopen';
const CLIENT_SERVER_EVERY_LISTENER = 0x403;

/** A network namespace held open by a sleeping process; commands enter it with nsenter. */
export class NetNamespace {
  private constructor(private readonly holder: ChildProcess) {}

  static async create(): Promise<NetNamespace> {
    const holder = spawn('unshare', ['--net', 'sleep', 'infinity'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    holder.stderr!.setEncoding('utf8').on('data', (chunk: string) => { said += chunk; });
    const namespace = new NetNamespace(holder);
    // Entered before unshare has made it, nsenter would run in the machine's namespace: wait until the holder's differs.
    const own = readlinkSync('/proc/self/ns/net');
    for (let tries = 0; ; tries++) {
      if (holder.exitCode !== null) throw new Error(`unshare --net failed (the Fast Open capture needs root): ${said.trim()}`);
      let theirs: string | undefined;
      try {
        theirs = readlinkSync(`/proc/${holder.pid}/ns/net`);
      } catch {
        // not there yet
      }
      if (theirs !== undefined && theirs !== own) break;
      if (tries > 300) throw new Error('unshare --net did not make a network namespace within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await namespace.run('ip', ['link', 'set', 'lo', 'up']);
    await namespace.run('sh', ['-c', `echo ${CLIENT_SERVER_EVERY_LISTENER} > ${FAST_OPEN_SYSCTL}`]);
    const { stdout } = await namespace.run('cat', [FAST_OPEN_SYSCTL]);
    if (Number(stdout) !== CLIENT_SERVER_EVERY_LISTENER) throw new Error(`net.ipv4.tcp_fastopen is ${stdout.trim()} in the namespace, not ${CLIENT_SERVER_EVERY_LISTENER}`);
    return namespace;
  }

  /** The command prefix that runs a program inside the namespace (nsenter becomes the program). */
  get launcher(): string[] {
    return ['nsenter', '-t', String(this.holder.pid), '-n'];
  }

  run(program: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
    const [command, ...before] = this.launcher;
    return exec(command, [...before, program, ...args]);
  }

  /** Starts Node's HTTP server answering PAGE inside the namespace; resolves with its port. */
  async pageServer(): Promise<{ port: number; end: () => Promise<void> }> {
    const code = `const s = require('http').createServer((q, r) => r.end(${JSON.stringify(PAGE)}));
      s.listen(0, '127.0.0.1', () => require('fs').writeSync(1, s.address().port + '\\n'));`;
    const [command, ...before] = this.launcher;
    const child = spawn(command, [...before, process.execPath, '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await once(child.stdout!, 'data') as [Buffer];
    return {
      port: Number(line.toString().trim()),
      async end() {
        if (child.exitCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
    };
  }

  async end(): Promise<void> {
    if (this.holder.exitCode !== null) return;
    const exited = once(this.holder, 'exit');
    this.holder.kill('SIGKILL');
    await exited;
  }
}
