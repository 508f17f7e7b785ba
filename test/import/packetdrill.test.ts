/**
 * The packetdrill importer on scripts written for it (test/import/packetdrill/*.pkt),
 * in packetdrill's syntax: every construct becomes its scenario line or a comment that
 * says why not, the numbering is made consistent (relative and absolute), and the
 * scenarios are checked by the engine: clean where the script is right, `expect-failed`
 * where its assertion is wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/cli/import.js';
import { CliError } from '../../server/src/cli/io.js';
import { readScript } from '../../server/src/import/packetdrill/statements.js';
import { packetdrillToScenario } from '../../server/src/import/packetdrill/to-scenario.js';
import { analyzeText } from '../../server/src/language/analyze.js';

const DIR = join(__dirname, 'packetdrill');

function imported(name: string): { text: string; statements: number; imported: number } {
  const scenario = packetdrillToScenario(readScript(readFileSync(join(DIR, name), 'utf8')), { file: name, names: ['kernel', 'remote'] });
  return { text: scenario.lines.join('\n'), statements: scenario.statements, imported: scenario.imported };
}

function codes(text: string): string[] {
  return analyzeText(text).analysis.diagnostics.map((d) => `${d.span.startLine + 1}: ${d.code}`);
}

/** The scenario's lines that are statements, without their trailing comments. */
function events(text: string): string[] {
  return text.split('\n').filter((l) => l !== '' && !l.startsWith('//') && !l.startsWith('participant') && !l.startsWith('scenario')).map((l) => l.replace(/\s+\/\/.*$/, ''));
}

describe('packetdrill scripts as scenarios', () => {
  it('a passive open, data both ways, the remote closes: every line, and it checks clean', () => {
    const { text, statements, imported: count } = imported('passive-open.pkt');
    expect(events(text)).toEqual([
      'kernel: listen backlog=1',
      'remote --> kernel : SYN seq=J win=32792 mss=1000 wscale=7',
      'kernel -> remote : SYN ACK seq=K ack=J+1 mss=1460 wscale=8',
      'remote --> kernel : ACK seq=J+1 ack=K+1 win=257',
      'kernel: accept',
      'expect kernel ESTABLISHED',
      'kernel: send len=1000',
      'kernel -> remote : PSH ACK seq=K+1 ack=J+1 len=1000',
      'remote --> kernel : ACK seq=J+1 ack=K+1001 win=257',
      'remote --> kernel : PSH ACK seq=J+1 ack=K+1001 win=257 len=100',
      'kernel -> remote : ACK seq=K+1001 ack=J+101',
      'kernel: recv',
      'remote --> kernel : FIN ACK seq=J+101 ack=K+1001 win=257',
      'kernel -> remote : ACK seq=K+1001 ack=J+102',
      'expect kernel CLOSE-WAIT',
      'kernel: close',
      'kernel -> remote : FIN ACK seq=K+1001 ack=J+102',
      'remote --> kernel : ACK seq=J+102 ack=K+1002 win=257',
      'expect kernel CLOSED',
    ]);
    expect([count, statements]).toEqual([19, 24]);
    expect(text).toContain('// `sysctl -q net.ipv4.tcp_timestamps=0` — not imported: a shell command');
    expect(text).toContain('// +0  fcntl(4, F_SETFL, O_RDWR|O_NONBLOCK) = 0 — not imported: a system call the language has no call for');
    expect(text).toContain('remote --> kernel : ACK seq=J+1 ack=K+1 win=257   // at +.1 s');
    expect(text).toContain('// the remote closes');
    expect(codes(text)).toEqual([]);
  });

  it('an active open aborted with SO_LINGER {1, 0}: connect, options kept, TCP_INFO and a multi-line assertion; clean', () => {
    const { text } = imported('active-open-abort.pkt');
    expect(events(text)).toEqual([
      'kernel: connect',
      'kernel -> remote : SYN seq=K mss=1460 wscale=8',
      'remote --> kernel : SYN ACK seq=J ack=K+1 win=5792 mss=1460 wscale=7',
      'kernel -> remote : ACK seq=K+1 ack=J+1',
      'expect kernel ESTABLISHED',
      'kernel: abort',
      'kernel -> remote : RST ACK seq=K+1 ack=J+1',
      'expect kernel CLOSED',
    ]);
    expect(text).toContain('kernel -> remote : SYN seq=K mss=1460 wscale=8   // sackOK, TS val 100 ecr 0');
    expect(text).toContain('— not imported: a packetdrill option');
    expect(text).toContain('— SO_LINGER {1, 0}: the next close of this socket is an abort (RST)');
    expect(codes(text)).toEqual([]);
  });

  it('absolute numbers made relative, shutdown, a closed listener, a timing range, what cannot be read; clean', () => {
    const { text } = imported('half-close-absolute.pkt');
    expect(events(text)).toEqual([
      'kernel: listen backlog=5',
      'remote --> kernel : SYN seq=J win=65535 mss=1460',
      'kernel -> remote : SYN ACK seq=K ack=J+1 mss=1460',
      'remote --> kernel : ACK seq=J+1 ack=K+1 win=65535',
      'kernel: accept',
      'kernel: shutdown',
      'kernel -> remote : FIN ACK seq=K+1 ack=J+1',
      'remote --> kernel : ACK seq=J+1 ack=K+2 win=65535',
      'expect kernel FIN-WAIT-2',
      'remote --> kernel : PSH ACK seq=J+1 ack=K+2 win=65535 len=10',
      'kernel -> remote : ACK seq=K+2 ack=J+11',
      'kernel: recv',
      'remote --> kernel : FIN ACK seq=J+11 ack=K+2 win=65535',
      'kernel -> remote : ACK seq=K+2 ack=J+12',
      'expect kernel TIME-WAIT',
    ]);
    expect(text).toContain('// The remote\'s SYN written with an absolute number, its later numbers absolute too; the kernel half-closes with shutdown(SHUT_WR).');
    expect(text).toContain('close(3) = 0 — not imported: closes the listening socket');
    expect(text).toContain('remote --> kernel : FIN ACK seq=J+11 ack=K+2 win=65535   // at 0.1~0.2 s');
    expect(text).toContain('print(tcpi_rtt) }% — not imported: a Python block that asserts no tcpi_state');
    expect(text).toContain('poll([{fd=4, events=POLLIN, revents=POLLIN}], 1, 0) = 1 — not imported: a system call');
    expect(text).toContain('// this line is not packetdrill — not imported: not a statement this importer reads');
    expect(codes(text)).toEqual([]);
  });

  it('an assertion that RFC 9293 contradicts: expect-failed on its line', () => {
    const { text } = imported('wrong-expectation.pkt');
    const line = text.split('\n').indexOf('expect kernel CLOSE-WAIT   // TCP_CLOSE_WAIT') + 1;
    expect(line).toBeGreaterThan(0);
    expect(codes(text)).toEqual([`${line}: expect-failed`]);
  });
});

describe('import of a script by the command', () => {
  function run(...args: string[]): { status: number; stdout: string; stderr: string } {
    let stdout = '';
    let stderr = '';
    try {
      const status = runImport(args, { cwd: DIR, out: (t) => { stdout += t; }, err: (t) => { stderr += t; } });
      return { status, stdout, stderr };
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      return { status: error.exitCode, stdout, stderr: error.message };
    }
  }

  it('a .pkt file is read as a script; --names renames the sides; exit 1 with the diagnostic when an assertion fails', () => {
    const clean = run('passive-open.pkt', '--names', 'linux,peer');
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('peer --> linux : SYN seq=J');
    const wrong = run('wrong-expectation.pkt');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^\(standard output\):\d+:\d+: error expect-failed: kernel is FIN-WAIT-1 here, not CLOSE-WAIT/);
  });

  it('--list, --conn and --filter are for captures', () => {
    expect(run('passive-open.pkt', '--list')).toEqual({ status: 2, stdout: '', stderr: '--list is for captures; a packetdrill script has one connection' });
  });
});

describe('docs/import.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'import.md'), 'utf8');
  const blocks = (language: string): string[] => [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

  it('its packetdrill example becomes exactly the scenario it shows', () => {
    const [script] = blocks('packetdrill');
    const shown = blocks('tcpflow').find((b) => b.includes('packetdrill script s.pkt'));
    const scenario = packetdrillToScenario(readScript(script), { file: 's.pkt', names: ['kernel', 'remote'] });
    expect(`${scenario.lines.join('\n')}\n`).toBe(shown);
  });

  it('its scenarios check clean; the Fast Open one only under linux, with the bad-ack its command shows under RFC 9293', () => {
    const scenarios = blocks('tcpflow');
    const fastOpen = scenarios.filter((text) => / tfo\b/.test(text));
    // The capture's, the listener's, the script's; and the Fast Open capture's.
    expect(scenarios.length - fastOpen.length).toBe(3);
    for (const text of scenarios.filter((t) => !fastOpen.includes(t))) expect(codes(text)).toEqual([]);
    expect(fastOpen).toHaveLength(1);
    expect(analyzeText(fastOpen[0], { profile: { name: 'linux' } }).analysis.diagnostics).toEqual([]);
    const shown = doc.match(/^# tfo\.tcpflow:(\d+):(\d+): error bad-ack: (.*?): …/m)!;
    const [found] = analyzeText(fastOpen[0]).analysis.diagnostics;
    expect(codes(fastOpen[0])).toEqual([`${shown[1]}: bad-ack`]);
    expect(found.span.startColumn + 1).toBe(Number(shown[2]));
    expect(found.message.startsWith(shown[3])).toBe(true);
  });
});
