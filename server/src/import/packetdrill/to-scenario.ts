/**
 * A packetdrill script as a scenario. The kernel under test is one participant; the
 * remote peer, whose segments packetdrill injects (`<`), is the other, and its segments
 * are written `-->`: nothing sent them from a TCP state, so only the kernel's reaction
 * is checked. The kernel's segments (`>`) are ordinary sends, checked against its state.
 * System calls become the calls they are (listen, accept, connect, send, recv, close,
 * shutdown; SO_LINGER {1,0} then close is abort), `tcpi_state` assertions become
 * `expect`, and every statement that has no counterpart is kept as a comment that says
 * so. packetdrill numbers each side relative to its ISN, the SYN's own number absolute;
 * here the remote's ISN is J and the kernel's K.
 */
import { say } from '../../i18n/catalogue.js';
import { importMessages as m } from '../../i18n/messages/import.js';
import { FLAG_ORDER, type FlagName } from '../tcp.js';
import type { PacketStatement, ScriptLine, Statement, SyscallStatement } from './statements.js';

export interface PacketdrillOptions {
  readonly file: string;
  /** The kernel under test, then the remote peer. */
  readonly names: readonly [string, string];
}

export interface PacketdrillScenario {
  readonly lines: string[];
  readonly statements: number;
  readonly imported: number;
}

const LETTERS: Record<string, FlagName> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK', E: 'ECE', W: 'CWR', U: 'URG' };

/** Linux's TCP_* states (include/net/tcp_states.h), by name and by number. */
const LINUX_STATES: Record<string, string> = {
  TCP_ESTABLISHED: 'ESTABLISHED', TCP_SYN_SENT: 'SYN-SENT', TCP_SYN_RECV: 'SYN-RECEIVED', TCP_FIN_WAIT1: 'FIN-WAIT-1',
  TCP_FIN_WAIT2: 'FIN-WAIT-2', TCP_TIME_WAIT: 'TIME-WAIT', TCP_CLOSE: 'CLOSED', TCP_CLOSE_WAIT: 'CLOSE-WAIT',
  TCP_LAST_ACK: 'LAST-ACK', TCP_LISTEN: 'LISTEN', TCP_CLOSING: 'CLOSING', TCP_NEW_SYN_RECV: 'SYN-RECEIVED',
  1: 'ESTABLISHED', 2: 'SYN-SENT', 3: 'SYN-RECEIVED', 4: 'FIN-WAIT-1', 5: 'FIN-WAIT-2', 6: 'TIME-WAIT', 7: 'CLOSED',
  8: 'CLOSE-WAIT', 9: 'LAST-ACK', 10: 'LISTEN', 11: 'CLOSING',
};

const SENDS = new Set(['write', 'writev', 'send', 'sendto', 'sendmsg']);
const RECEIVES = new Set(['read', 'readv', 'recv', 'recvfrom', 'recvmsg']);

/**
 * How one side's numbers are written in the script: relative to its ISN (the usual
 * way: the SYN says 0 and the rest count from it), or absolute (the SYN says X ≠ 0 and
 * every later number of that side is at least X).
 */
class SequenceSpace {
  private synValue?: number;
  private readonly values: number[] = [];

  constructor(private readonly symbol: string) {}

  noteSyn(value: number): void {
    this.synValue ??= value;
  }

  note(value: number): void {
    this.values.push(value);
  }

  private get base(): number {
    const syn = this.synValue ?? 0;
    return syn !== 0 && this.values.every((v) => v >= syn) ? syn : 0;
  }

  /** `value` as J+n; the SYN's own number is always the ISN itself. */
  write(value: number, isSyn = false): string {
    const offset = isSyn ? 0 : value - this.base;
    if (offset === 0) return this.symbol;
    return offset > 0 ? `${this.symbol}+${offset}` : `${this.symbol}-${-offset}`;
  }
}

export function packetdrillToScenario(script: readonly ScriptLine[], options: PacketdrillOptions): PacketdrillScenario {
  const [kernel, remote] = options.names;
  const remoteSpace = new SequenceSpace('J');
  const kernelSpace = new SequenceSpace('K');
  for (const { statement: s } of script) {
    if (s?.kind !== 'packet') continue;
    const own = s.inbound ? remoteSpace : kernelSpace;
    const peer = s.inbound ? kernelSpace : remoteSpace;
    if (s.flags.includes('S')) own.noteSyn(s.start);
    else own.note(s.start);
    if (s.ack !== undefined) peer.note(s.ack);
  }

  const converter = new Converter(kernel, remote, remoteSpace, kernelSpace);
  const body: string[] = [];
  let statements = 0;
  let imported = 0;
  for (const line of script) {
    if (!line.statement) {
      if (line.comment !== undefined) body.push(line.comment === '' ? '//' : `// ${line.comment}`);
      else body.push('');
      continue;
    }
    statements++;
    const converted = converter.convert(line.statement);
    if (converted.imported) imported++;
    const notes = [converted.note, timingNote(line.statement.timing), line.comment].filter((n): n is string => n !== undefined && n !== '');
    const text = converted.text ?? `// ${line.statement.text}`;
    body.push(notes.length > 0 ? `${text}${converted.text ? '   //' : ' —'} ${notes.join('; ')}` : text);
  }
  const header = [
    `// ${say(m.packetdrillHeader, { file: options.file, kernel, remote })}`,
    `// ${say(m.packetdrillCoverage, { imported, statements })}`,
    `scenario "${options.file.replace(/["\\]/g, '')}"`,
    '',
    `participant ${kernel} as "${say(m.kernelLabel)}"`,
    `participant ${remote} as "${say(m.remoteLabel)}"`,
    '',
  ];
  return { lines: [...header, ...trimBlankLines(body)], statements, imported };
}

function timingNote(timing: string): string | undefined {
  return timing === '' || timing === '0' || timing === '+0' ? undefined : say(m.timing, { timing });
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  while (start < lines.length && lines[start] === '') start++;
  let end = lines.length;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end);
}

interface Converted {
  /** The scenario line, or undefined when the statement stays a comment. */
  readonly text?: string;
  readonly imported: boolean;
  /** Why it was not imported, or what the line leaves out. */
  readonly note?: string;
}

class Converter {
  private connectionFd?: string;
  private readonly lingerZero = new Set<string>();

  constructor(
    private readonly kernel: string,
    private readonly remote: string,
    private readonly remoteSpace: SequenceSpace,
    private readonly kernelSpace: SequenceSpace,
  ) {}

  convert(s: Statement): Converted {
    switch (s.kind) {
      case 'packet': return this.packet(s);
      case 'syscall': return this.syscall(s);
      case 'python':
        if (s.tcpiState && LINUX_STATES[s.tcpiState]) return { text: `expect ${this.kernel} ${LINUX_STATES[s.tcpiState]}`, imported: true, note: s.tcpiState };
        return { imported: false, note: say(m.notImportedPython) };
      case 'other':
        return { imported: false, note: say(s.what === 'shell' ? m.notImportedShell : s.what === 'option' ? m.notImportedOption : m.notImportedUnreadable) };
    }
  }

  private packet(s: PacketStatement): Converted {
    const names = FLAG_ORDER.filter((name) => [...s.flags].some((letter) => LETTERS[letter] === name));
    const own = s.inbound ? this.remoteSpace : this.kernelSpace;
    const peer = s.inbound ? this.kernelSpace : this.remoteSpace;
    const isSyn = s.flags.includes('S');
    const fields = [`seq=${own.write(s.start, isSyn)}`];
    if (s.ack !== undefined && s.flags.includes('.')) fields.push(`ack=${peer.write(s.ack)}`);
    if (s.window !== undefined) fields.push(`win=${s.window}`);
    const notes: string[] = [];
    for (const option of s.options) {
      const [name, value] = option.split(/\s+/, 2);
      if (name === 'mss' && /^\d+$/.test(value ?? '')) fields.push(`mss=${value}`);
      else if (name === 'wscale' && /^\d+$/.test(value ?? '') && Number(value) <= 14) fields.push(`wscale=${value}`);
      else if (name !== 'nop' && name !== 'eol') notes.push(option);
    }
    if (s.length > 0) fields.push(`len=${s.length}`);
    notes.push(...s.extras);
    const [from, to, arrow] = s.inbound ? [this.remote, this.kernel, '-->'] : [this.kernel, this.remote, '->'];
    return { text: `${from} ${arrow} ${to} : ${names.join(' ')} ${fields.join(' ')}`, imported: true, note: notes.length > 0 ? notes.join(', ') : undefined };
  }

  private syscall(s: SyscallStatement): Converted {
    const args = splitArgs(s.args);
    const fd = args[0];
    const failed = /^-1\b/.test(s.result);
    const call = (text: string, note?: string): Converted => ({ text: `${this.kernel}: ${text}`, imported: true, note: note ?? `${s.name}(${s.args}) = ${s.result}` });
    const skip = (note: string): Converted => ({ imported: false, note });
    switch (s.name) {
      case 'listen':
        if (failed) return skip(say(m.notImportedFailed));
        return call(/^\d+$/.test(args[1] ?? '') ? `listen backlog=${args[1]}` : 'listen');
      case 'accept':
      case 'accept4':
        if (failed) return skip(say(m.notImportedFailed));
        this.connectionFd = s.result.split(/\s/)[0];
        return call('accept');
      case 'connect':
        // A non-blocking connect returns EINPROGRESS having sent its SYN: the call happened.
        if (failed && !/EINPROGRESS/.test(s.result)) return skip(say(m.notImportedFailed));
        this.connectionFd = fd;
        return call('connect');
      case 'close':
        if (this.lingerZero.has(fd)) return call('abort', say(m.lingerAbort));
        if (fd === this.connectionFd || this.connectionFd === undefined) return call('close');
        return skip(say(m.notImportedListenerClose));
      case 'shutdown':
        if (/SHUT_WR|SHUT_RDWR|^[12]$/.test(args[1] ?? '')) return call('shutdown');
        return skip(say(m.notImportedShutRd));
      case 'setsockopt':
        if (args[2] === 'SO_LINGER' && /onoff\s*=\s*1/.test(args[3] ?? '') && /linger\s*=\s*0\b/.test(args[3] ?? '')) {
          this.lingerZero.add(fd);
          return skip(say(m.lingerNoted));
        }
        return skip(say(m.notImportedSyscall));
      case 'getsockopt': {
        const state = /tcpi_state\s*=\s*(TCP_\w+|\d+)/.exec(s.args)?.[1];
        if (state && LINUX_STATES[state]) return { text: `expect ${this.kernel} ${LINUX_STATES[state]}`, imported: true, note: state };
        return skip(say(m.notImportedSyscall));
      }
      default:
        break;
    }
    const count = /^(\d+)/.exec(s.result)?.[1];
    if (SENDS.has(s.name)) return failed || count === undefined ? skip(say(m.notImportedFailed)) : call(`send len=${count}`);
    if (RECEIVES.has(s.name)) return failed || count === undefined ? skip(say(m.notImportedFailed)) : call('recv');
    return skip(say(m.notImportedSyscall));
  }
}

/** A call's arguments split at the top-level commas (`{onoff=1, linger=0}` stays one). */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    if (ch === '}' || ch === ']' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}
