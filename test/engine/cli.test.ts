/**
 * `synack check` as a process (contract §5): the JSON document's exact shape, the
 * text format, and exit codes 0 (no errors), 1 (errors) and 2 (bad usage, unreadable
 * input: missing file, directory, binary data, too large, a pipe or a device), the
 * encodings it reads, and how it stops when its reader goes away (141, quietly).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { testBuild } from '../support/test-build.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tcpflow-cli-test-'));
});

function run(...args: string[]) {
  return runCli(args, dir);
}

function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

const HANDSHAKE = [
  'participant client as "Client"',
  'participant server',
  'server: listen',
  'client -> server : SYN seq=J',
  'server -> client : SYN ACK seq=K ack=J+2',
  'client -> server : ACK seq=J+1 ack=K+1',
  'expect client ESTABLISHED',
  '',
].join('\n');

describe('check --json', () => {
  it('has exactly the fields of contract §5, with 1-based lines and columns', () => {
    const name = file('handshake.tcpflow', HANDSHAKE);
    const r = run('check', '--json', name);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['file', 'participants', 'diagnostics', 'steps']);
    expect(json.file).toBe(name);
    expect(json.participants).toEqual(['client', 'server']);
    // One mistake (ack=J+2), one error: the run goes on as if its fix were applied.
    expect(json.diagnostics).toHaveLength(1);
    for (const d of json.diagnostics) {
      expect(Object.keys(d)).toEqual(['line', 'column', 'severity', 'code', 'message']);
      expect(typeof d.message).toBe('string');
      expect(d.message.length).toBeGreaterThan(0);
    }
    expect(json.diagnostics.map((d: { line: number; column: number; severity: string; code: string }) => [d.line, d.column, d.severity, d.code])).toEqual([
      [5, 34, 'error', 'bad-ack'],
    ]);
    // `returns` only on a line where a call returns: here the implied connect, on line 5.
    for (const s of json.steps) expect(Object.keys(s)).toEqual(['line', 'states', 'explanations', 'owes', ...('returns' in s ? ['returns'] : [])]);
    expect(json.steps.filter((s: { returns?: unknown }) => s.returns).map((s: { line: number }) => s.line)).toEqual([5]);
    expect(json.steps.map((s: { line: number; states: unknown }) => ({ line: s.line, states: s.states }))).toEqual([
      { line: 3, states: { client: 'CLOSED', server: 'LISTEN' } },
      { line: 4, states: { client: 'SYN-SENT', server: 'SYN-RECEIVED' } },
      // Continuing as if ack=J+1: the SYN,ACK completes the client's open.
      { line: 5, states: { client: 'ESTABLISHED', server: 'SYN-RECEIVED' } },
      { line: 6, states: { client: 'ESTABLISHED', server: 'ESTABLISHED' } },
    ]);
  });

  // Issue 11: per step, what the hover explains (with the RFC section) and the replies owed after it.
  it('gives each step\'s explanations with their RFC sections, and what each endpoint owes after it', () => {
    const name = file('explained.tcpflow', HANDSHAKE.replace('ack=J+2', 'ack=J+1'));
    const json = JSON.parse(run('check', '--json', name).stdout);
    const syn = json.steps[1];
    expect(syn.explanations).toContainEqual({ participant: 'server', rule: 'RFC 9293 §3.10.7.2', text: expect.stringContaining('SYN in LISTEN') });
    expect(syn.owes).toEqual([{ participant: 'server', flags: ['SYN', 'ACK'], ack: 'J+1', reason: expect.stringContaining('LISTEN answers a SYN') }]);
    const synAck = json.steps[2];
    expect(synAck.owes).toEqual([{ participant: 'client', flags: ['ACK'], seq: 'J+1', ack: 'K+1', reason: expect.any(String) }]);
    expect(json.steps[0].owes).toEqual([]);
  });

  it('keeps a reply in `owes` on every later step until its endpoint sends it', () => {
    const name = file('still-owed.tcpflow', [
      'participant client',
      'participant server',
      'server: listen',
      'client -> server : SYN seq=J',
      'server -> client : SYN ACK seq=K ack=J+1',
      'server: accept',
      'client -> server : ACK seq=J+1 ack=K+1',
      '',
    ].join('\n'));
    const r = run('check', '--json', name);
    expect(r.status).toBe(0);
    const owes = JSON.parse(r.stdout).steps.map((s: { line: number; owes: unknown }) => [s.line, s.owes]);
    const clientAck = { participant: 'client', flags: ['ACK'], seq: 'J+1', ack: 'K+1', reason: expect.any(String) };
    expect(owes).toEqual([
      [3, []],
      [4, [{ participant: 'server', flags: ['SYN', 'ACK'], ack: 'J+1', reason: expect.any(String) }]],
      // The SYN,ACK settled the server's; the client's ACK is owed from here…
      [5, [clientAck]],
      // …still owed after a line that made nothing due…
      [6, [clientAck]],
      // …and gone once sent.
      [7, []],
    ]);
  });

  it('a clean file: exit 0, empty diagnostics, one step per event line', () => {
    const name = file('clean.tcpflow', HANDSHAKE.replace('ack=J+2', 'ack=J+1'));
    const r = run('check', '--json', name);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.diagnostics).toEqual([]);
    expect(json.steps.map((s: { line: number }) => s.line)).toEqual([3, 4, 5, 6]);
    expect(json.steps.at(-1).states).toEqual({ client: 'ESTABLISHED', server: 'ESTABLISHED' });
  });

  it('warnings alone exit 0', () => {
    const name = file('warn.tcpflow', 'a: connect\nexpect a SYN_SEND\n');
    const r = run('check', '--json', name);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.severity} ${d.code}`)).toEqual(['warning state-spelling']);
  });

  it('an empty file is a valid, empty scenario', () => {
    const r = run('check', '--json', file('empty.tcpflow', ''));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: 'empty.tcpflow', participants: [], diagnostics: [], steps: [] });
  });

  it('columns count characters after multi-byte text', () => {
    const name = file('utf8.tcpflow', 'note over a : héllo wörld\nb: listen\na -> b : SYN seq=J data="é" foo=1\n');
    const json = JSON.parse(run('check', '--json', name).stdout);
    expect(json.diagnostics.map((d: { line: number; column: number; code: string }) => [d.line, d.column, d.code])).toEqual([[3, 1, 'owed-reply'], [3, 29, 'unknown-option']]);
  });
});

describe('check (text)', () => {
  it('prints FILE:LINE:COLUMN: SEVERITY CODE: MESSAGE, one per line', () => {
    const name = file('text.tcpflow', HANDSHAKE);
    const r = run('check', name);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // One mistake, one error: the lines after it are checked as if its fix were applied.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^text\.tcpflow:5:34: error bad-ack: .+/);
  });

  it('several files: exit 1 if any has an error', () => {
    const ok = file('ok.tcpflow', 'a: listen\n');
    const bad = file('bad.tcpflow', 'a: close\n');
    expect(run('check', ok).status).toBe(0);
    expect(run('check', ok, bad).status).toBe(1);
  });
});

describe('exit code 2', () => {
  it('a missing file', () => {
    const r = run('check', 'nope.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.tcpflow: no such file/);
    expect(r.stdout).toBe('');
  });

  it('a directory', () => {
    mkdirSync(join(dir, 'adir.tcpflow'), { recursive: true });
    const r = run('check', 'adir.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a directory/);
  });

  it('a binary file', () => {
    const r = run('check', file('bin.tcpflow', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff])));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/binary/);
  });

  it('invalid UTF-8', () => {
    const r = run('check', file('latin1.tcpflow', Buffer.from('note over a : caf\xe9\n', 'latin1')));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/UTF-8/);
  });

  it('a missing file among good ones still exits 2, after checking the others', () => {
    const bad = file('bad2.tcpflow', 'a: close\n');
    const r = run('check', bad, 'missing.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/bad2\.tcpflow:1:4: error call-not-allowed/);
  });

  it('no file, or an unknown option', () => {
    expect(run('check').status).toBe(2);
    expect(run('check', '--frobnicate', 'x.tcpflow').status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
  });

  it('a file larger than the limit', () => {
    const r = run('check', file('huge.tcpflow', `/*${'x'.repeat(17 * 1024 * 1024)}*/\n`));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/MB/);
  });
});

describe('a 10 MB file', () => {
  it('is read and checked: a long comment and a scenario around it', () => {
    const body = `/*${'lorem ipsum '.repeat((10 * 1024 * 1024) / 12)}*/`;
    const ok = file('big-ok.tcpflow', `a: listen\n${body}\nexpect a LISTEN\n`);
    const r = run('check', '--json', ok);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).steps.map((s: { line: number; states: unknown }) => ({ line: s.line, states: s.states }))).toEqual([{ line: 1, states: { a: 'LISTEN' } }]);
    const bad = file('big-bad.tcpflow', `a: listen\n//${'x'.repeat(10 * 1024 * 1024)}\nexpect a CLOSED\n`);
    const rb = run('check', bad);
    expect(rb.status).toBe(1);
    expect(rb.stdout).toMatch(/^big-bad\.tcpflow:3:10: error expect-failed/);
  });
});

/** What a failure must never look like: a stack frame, or the catch-all line. */
function expectNoCrash(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
}

describe('inputs that are not regular files', () => {
  it('a named pipe is refused at once with one line, not waited on', () => {
    const fifo = join(dir, 'pipe.tcpflow');
    spawnSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = spawnSync(process.execPath, [testBuild().cli, 'check', 'pipe.tcpflow'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal, `still blocked after ${Date.now() - started} ms`).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('synack: pipe.tcpflow: is a named pipe (FIFO), not a file; synack reads regular files only (save the text to a file first)\n');
  });

  it.each(['/dev/zero', '/dev/null', '/dev/urandom'])('%s is refused as a device, without reading it', (device) => {
    const r = spawnSync(process.execPath, [testBuild().cli, 'check', device], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`synack: ${device}: is a device, not a file; synack reads regular files only (save the text to a file first)\n`);
  });

  it('a symbolic link to a device is refused the same way', () => {
    spawnSync('ln', ['-sf', '/dev/zero', join(dir, 'zero.tcpflow')]);
    const r = run('check', 'zero.tcpflow');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/zero\.tcpflow: is a device/);
  });
});

describe('encodings', () => {
  const text = 'note over a : héllo\na: close\n';
  const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

  it.each([['UTF-16 LE', utf16le], ['UTF-16 BE', utf16be], ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]])(
    '%s with a byte-order mark is read like UTF-8', (_name, bytes) => {
      const plain = run('check', '--json', file('plain8.tcpflow', text));
      const r = run('check', '--json', file('encoded.tcpflow', bytes));
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      expect({ ...JSON.parse(r.stdout), file: '' }).toEqual({ ...JSON.parse(plain.stdout), file: '' });
      expect(JSON.parse(r.stdout).diagnostics.map((d: { line: number; column: number; code: string }) => [d.line, d.column, d.code])).toEqual([[2, 4, 'call-not-allowed']]);
    });

  it('UTF-16 without a byte-order mark: says so and how to fix it', () => {
    const r = run('check', file('nobom.tcpflow', Buffer.from(text, 'utf16le')));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('synack: nobom.tcpflow: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or as UTF-16 with a BOM)\n');
  });

  it('UTF-32 is named and refused', () => {
    const utf32 = Buffer.alloc(4 + text.length * 4);
    utf32.writeUInt32LE(0xfeff, 0);
    [...text].forEach((c, i) => utf32.writeUInt32LE(c.codePointAt(0)!, 4 + i * 4));
    const r = run('check', file('u32.tcpflow', utf32));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('synack: u32.tcpflow: is UTF-32 text; save it as UTF-8\n');
  });

  it('a UTF-16 BOM before bytes that are not UTF-16 (a lone surrogate, an odd byte)', () => {
    for (const bytes of [Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]), Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62])]) {
      const r = run('check', file('bad16.tcpflow', bytes));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/bad16\.tcpflow: starts with a UTF-16 byte-order mark but is not valid UTF-16/);
    }
  });
});

describe('check --json output', () => {
  it('is exactly JSON.stringify(document, null, 2), though written element by element', () => {
    const name = file('fmt.tcpflow', `${HANDSHAKE}note over client : "quotes", \\ and \u2028 and 中文\n`);
    const r = run('check', '--json', name);
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
    const empty = run('check', '--json', file('empty2.tcpflow', ''));
    expect(empty.stdout).toBe(`${JSON.stringify(JSON.parse(empty.stdout), null, 2)}\n`);
  });

  it('several file names give an array, in order, whatever could be read', () => {
    const a = file('arr-a.tcpflow', 'a: listen\n');
    const b = file('arr-b.tcpflow', 'a: close\n');
    const r = run('check', '--json', a, 'missing.tcpflow', b);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('synack: missing.tcpflow: no such file\n');
    const docs = JSON.parse(r.stdout);
    expect(docs.map((d: { file: string }) => d.file)).toEqual([a, b]);
    expect(r.stdout).toBe(`${JSON.stringify(docs, null, 2)}\n`);
    const none = run('check', '--json', 'missing.tcpflow', 'missing2.tcpflow');
    expect(none.stdout).toBe('[]\n');
  });
});

describe('a reader that goes away (synack check FILE | head -2)', () => {
  /** Runs check on a file of many error lines, reads two lines of its output, and closes the pipe. */
  function headTwo(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; lines: string[] }> {
    return new Promise((resolveRun) => {
      const child = spawn(process.execPath, [testBuild().cli, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let stderr = '';
      let lines: string[] = [];
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (lines.length === 0 && out.split('\n').length > 2) {
          lines = out.split('\n').slice(0, 2);
          child.stdout.destroy();
        }
      });
      child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      child.on('close', (code, signal) => resolveRun({ code, signal, stderr, lines }));
    });
  }

  // 20,000 errors are about 2.5 MB of output, far more than a pipe holds.
  const many = () => file('many-errors.tcpflow', 'a: close\n'.repeat(20_000));

  it('text: stops quietly with 141, no stack trace', async () => {
    const r = await headTwo(['check', many()]);
    expect(r.lines[0]).toMatch(/^many-errors\.tcpflow:1:4: error call-not-allowed/);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(141);
  }, 120_000);

  it('--json: stops quietly with 141 too (the document is streamed, so the reader gets it before the end)', async () => {
    const r = await headTwo(['check', '--json', many()]);
    expect(r.lines).toEqual(['{', '  "file": "many-errors.tcpflow",']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(141);
  }, 120_000);
});

describe('never a stack trace, never "internal error"', () => {
  it.each([
    ['a file name of 300 bytes', ['check', `${'n'.repeat(300)}.tcpflow`], /name is too long/],
    ['a path through a file', ['check', 'plain.txt/x.tcpflow'], /plain\.txt\/x\.tcpflow: cannot read \(a part of the path is a file, not a folder\)/],
    ['a loop of symbolic links', ['check', 'loop.tcpflow'], /loop\.tcpflow: cannot read \(a loop of symbolic links\)/],
    ['a dangling symbolic link', ['check', 'dangling.tcpflow'], /dangling\.tcpflow: no such file/],
    ['an empty file name', ['check', ''], /: is a directory/],
    ['a file of only a BOM', ['check', 'bom-only.tcpflow'], /^$/],
    ['a file of only a UTF-16 BOM', ['check', 'bom16-only.tcpflow'], /^$/],
    ['a folder for export', ['export', 'adir2', '--format', 'mmd'], /adir2: is a directory/],
    ['a pipe for md', ['md', 'pipe.md'], /pipe\.md: is a named pipe/],
  ])('%s: one line', (_name, args, message) => {
    writeFileSync(join(dir, 'plain.txt'), 'x');
    spawnSync('ln', ['-sfn', 'loop.tcpflow', join(dir, 'loop.tcpflow')]);
    spawnSync('ln', ['-sfn', 'nowhere.tcpflow', join(dir, 'dangling.tcpflow')]);
    writeFileSync(join(dir, 'bom-only.tcpflow'), Buffer.from([0xef, 0xbb, 0xbf]));
    writeFileSync(join(dir, 'bom16-only.tcpflow'), Buffer.from([0xff, 0xfe]));
    mkdirSync(join(dir, 'adir2'), { recursive: true });
    spawnSync('mkfifo', [join(dir, 'pipe.md')]);
    const r = spawnSync(process.execPath, [testBuild().cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expectNoCrash(r.stderr);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2); // the reason, and "nothing exported"
    expect([0, 2]).toContain(r.status);
  });

  it('run from a folder that was deleted: one line', () => {
    const gone = mkdtempSync(join(tmpdir(), 'tcpflow-gone-'));
    const r = spawnSync('sh', ['-c', 'cd "$1" && rmdir "$1" && exec "$2" "$3" check x.tcpflow', 'sh', gone, process.execPath, testBuild().cli], { encoding: 'utf8', timeout: 60_000 });
    expectNoCrash(r.stderr);
    expect(r.stderr).toBe('synack: the current folder no longer exists (it was deleted or moved); cd into a folder and run synack again\n');
    expect(r.status).toBe(2);
  });
});
