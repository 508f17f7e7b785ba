/**
 * Reading a packetdrill script (github.com/google/packetdrill) into statements: a
 * timing (`0`, `+0.1`, `*`, `0.1~0.2`, `~+.1`), then an inbound packet (`<`, injected
 * from the remote peer), an outbound one (`>`, what the kernel must send), a system call
 * with its expected result, or a `%{ … }%` Python block (tcpi_* assertions). Shell
 * commands in backquotes, option lines (`--tolerance_usecs=…`) and anything else are
 * kept as `other`, so the importer can say it did not import them.
 */

export interface PacketStatement {
  readonly kind: 'packet';
  readonly inbound: boolean;
  /** packetdrill's flag letters: S F R P . (ACK) E W U. */
  readonly flags: string;
  readonly start: number;
  readonly end: number;
  readonly length: number;
  readonly ack?: number;
  readonly window?: number;
  readonly options: string[];
  /** `[ect0]`, `[ce]`, `urg N`… what the language has no field for. */
  readonly extras: string[];
}

export interface SyscallStatement {
  readonly kind: 'syscall';
  readonly name: string;
  /** The argument list as written, without the parentheses. */
  readonly args: string;
  /** What follows `=`: `0`, `4`, `-1 EINPROGRESS (…)`. */
  readonly result: string;
}

export interface AssertStatement {
  readonly kind: 'python';
  /** The TCP_* state of a `tcpi_state == …` assertion, if there is one. */
  readonly tcpiState?: string;
}

export interface OtherStatement {
  readonly kind: 'other';
  readonly what: 'shell' | 'option' | 'unreadable';
}

export type Statement = (PacketStatement | SyscallStatement | AssertStatement | OtherStatement) & {
  /** 1-based line of the script where the statement starts. */
  readonly line: number;
  readonly timing: string;
  /** The statement's text, on one line. */
  readonly text: string;
};

export interface ScriptLine {
  readonly line: number;
  readonly comment?: string;
  readonly statement?: Statement;
}

const TIMING = /^(\*|~?\+?(?:\d+(?:\.\d*)?|\.\d+)(?:~\+?(?:\d+(?:\.\d*)?|\.\d+))?)\s+/;
const PACKET = /^([<>])\s+(?:\[(\w+)\]\s+)?([SFRP.EWU]+)\s+(\d+):(\d+)\((\d+)\)(.*)$/;
const SYSCALL = /^(\w+)\((.*)\)\s*=\s*(.+)$/;

/** The script's lines, with each statement joined onto the line it starts on. */
export function readScript(text: string): ScriptLine[] {
  const out: ScriptLine[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    let body = lines[i];
    // A C comment may span lines; `//` ends one.
    let comment: string | undefined;
    const slash = body.indexOf('//');
    const block = body.indexOf('/*');
    if (block >= 0 && (slash < 0 || block < slash)) {
      let rest = body.slice(block + 2);
      const parts = [];
      while (!rest.includes('*/') && i + 1 < lines.length) {
        parts.push(rest.trim());
        rest = lines[++i];
      }
      parts.push(rest.slice(0, rest.includes('*/') ? rest.indexOf('*/') : undefined).trim());
      comment = parts.filter((p) => p !== '').join(' ');
      body = body.slice(0, block);
    } else if (slash >= 0) {
      comment = body.slice(slash + 2).trim();
      body = body.slice(0, slash);
    }
    body = body.trim();
    // A Python block may span lines: join them until `}%`.
    if (body.includes('%{') && !body.includes('}%')) {
      while (i + 1 < lines.length && !body.includes('}%')) body += ` ${lines[++i].trim()}`;
    }
    out.push({ line: number, comment, statement: body === '' ? undefined : readStatement(body, number) });
  }
  return out;
}

function readStatement(text: string, line: number): Statement {
  if (text.startsWith('`')) return { kind: 'other', what: 'shell', line, timing: '', text };
  if (text.startsWith('--')) return { kind: 'other', what: 'option', line, timing: '', text };
  const timing = TIMING.exec(text);
  const rest = timing ? text.slice(timing[0].length).trim() : text;
  const time = timing ? timing[1] : '';
  if (rest.startsWith('`')) return { kind: 'other', what: 'shell', line, timing: time, text };
  if (rest.startsWith('%{')) {
    const state = /tcpi_state\s*==\s*(TCP_\w+|\d+)/.exec(rest);
    return { kind: 'python', tcpiState: state?.[1], line, timing: time, text };
  }
  const packet = PACKET.exec(rest);
  if (packet) return { ...readPacket(packet), line, timing: time, text };
  const call = SYSCALL.exec(rest);
  if (call) return { kind: 'syscall', name: call[1], args: call[2].trim(), result: call[3].trim(), line, timing: time, text };
  return { kind: 'other', what: 'unreadable', line, timing: time, text };
}

function readPacket(m: RegExpExecArray): PacketStatement {
  const extras: string[] = m[2] ? [`[${m[2]}]`] : [];
  let tail = m[7];
  const options: string[] = [];
  const bracket = /<([^>]*)>/.exec(tail);
  if (bracket) {
    options.push(...bracket[1].split(',').map((o) => o.trim()).filter((o) => o !== ''));
    tail = tail.slice(0, bracket.index) + tail.slice(bracket.index + bracket[0].length);
  }
  let ack: number | undefined;
  let window: number | undefined;
  const words = tail.trim().split(/\s+/).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'ack' && /^\d+$/.test(words[i + 1] ?? '')) ack = Number(words[++i]);
    else if (words[i] === 'win' && /^\d+$/.test(words[i + 1] ?? '')) window = Number(words[++i]);
    else extras.push(words[i]);
  }
  return { kind: 'packet', inbound: m[1] === '<', flags: m[3], start: Number(m[4]), end: Number(m[5]), length: Number(m[6]), ack, window, options, extras };
}
