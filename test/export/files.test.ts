/**
 * How `synack export` and `synack md --write` treat the files they write, through the
 * CLI run as a process: symbolic links are written through, mode and owner are kept, a
 * dangling link exists, a file that appears (or changes) while tcpflow works is not
 * overwritten, temporary names are short and their leftovers swept, folders, pipes and
 * devices are never outputs. None of these needs a browser: they export `mmd`, or give
 * `md --write` SVGs that are already current, so only the Markdown is written. (Where a
 * drawing is the point, the test is in the browser block at the end.)
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync, chownSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync,
  utimesSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioDiagram, stampSvg, svgKey, readSvgKey } from '../../server/src/export/formats.js';
import { EXAMPLES, finished, read, runCliProcess, scratch, startCli, type Run } from './support.js';

const HANDSHAKE = read(join(EXAMPLES, 'three-way-handshake.tcpflow'));
const MMD = scenarioDiagram(HANDSHAKE).mermaid;
/** What an `.mmd` export holds: the text with a note per state change (drawn elsewhere, no labels: formats.ts). */
const MMD_FILE = scenarioDiagram(HANDSHAKE, { states: 'notes' }).mermaid;
const BLOCK = 'a -> b : SYN seq=1\n';
const GUIDE = `# Guide\n\n\`\`\`tcpflow\n${BLOCK}\`\`\`\n`;

/** A folder with the handshake scenario in it. */
function withScenario(): string {
  const dir = scratch('tcpflow-files-');
  copyFileSync(join(EXAMPLES, 'three-way-handshake.tcpflow'), join(dir, 'h.tcpflow'));
  return dir;
}

/** A folder with guide.md and its block's SVG already drawn (stamped as current), so `md --write` only adds the link. */
function withGuide(markdownName = 'guide.md'): string {
  const dir = scratch('tcpflow-files-');
  writeFileSync(join(dir, markdownName), GUIDE);
  writeFileSync(join(dir, markdownName.replace(/\.md$/, '.tcpflow-1.svg')), stampSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', svgKey(scenarioDiagram(BLOCK).mermaid, 'light')));
  return dir;
}

const NO_BROWSER = { TCPFLOW_CHROMIUM: '/nonexistent' };

function expectOneLineFailure(run: Run): void {
  expect(run.code).toBe(2);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toContain('internal error');
}

function temporaries(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

/** Starts a command whose every write pauses, and runs `meanwhile` as soon as its temporary file has bytes. */
async function interfere(args: string[], dir: string, meanwhile: () => void): Promise<Run> {
  const child = await startCli(args, dir, { ...NO_BROWSER, TCPFLOW_TEST_WRITE_PAUSE_MS: '3000' });
  const done = finished(child);
  let acted = false;
  await new Promise<void>((resolvePoll) => {
    const poll = setInterval(() => {
      const temp = temporaries(dir)[0];
      if (temp && statSync(join(dir, temp)).size > 0) {
        clearInterval(poll);
        meanwhile();
        acted = true;
        resolvePoll();
      }
    }, 10);
    void done.then(() => { clearInterval(poll); resolvePoll(); });
  });
  expect(acted, 'the command finished before the test could interfere').toBe(true);
  return done;
}

describe('symbolic links', () => {
  it('md --write README.md, a link to docs/index.md, writes docs/index.md and keeps the link', async () => {
    const dir = withGuide();
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'index.md'), GUIDE);
    // The SVG goes beside the path as given: README.tcpflow-1.svg.
    copyFileSync(join(dir, 'guide.tcpflow-1.svg'), join(dir, 'README.tcpflow-1.svg'));
    symlinkSync('docs/index.md', join(dir, 'README.md'));
    const run = await runCliProcess(['md', 'README.md', '--write'], dir, NO_BROWSER);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'README.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'README.md'))).toBe('docs/index.md');
    expect(read(join(dir, 'docs', 'index.md'))).toContain('](README.tcpflow-1.svg)');
    expect(temporaries(dir)).toEqual([]);
    expect(temporaries(join(dir, 'docs'))).toEqual([]);
  });

  it('export --force through a link writes the file it points to', async () => {
    const dir = withScenario();
    writeFileSync(join(dir, 'real.mmd'), 'old\n');
    symlinkSync('real.mmd', join(dir, 'h.mmd'));
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '--force'], dir);
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, 'h.mmd')).isSymbolicLink()).toBe(true);
    expect(read(join(dir, 'real.mmd'))).toBe(MMD_FILE);
  });

  it('a dangling link exists: refused without --force; with --force the link itself is replaced, nothing is created where it pointed', async () => {
    const dir = withScenario();
    const elsewhere = scratch('tcpflow-elsewhere-');
    symlinkSync(join(elsewhere, 'planted.mmd'), join(dir, 'h.mmd'));
    const refused = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('h.mmd: already exists; add --force to overwrite it');
    expect(lstatSync(join(dir, 'h.mmd')).isSymbolicLink()).toBe(true);
    const forced = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(lstatSync(join(dir, 'h.mmd')).isFile()).toBe(true);
    expect(read(join(dir, 'h.mmd'))).toBe(MMD_FILE);
    expect(existsSync(join(elsewhere, 'planted.mmd'))).toBe(false);
  });

  it('md --write will not replace a dangling link where an SVG goes, without --force', async () => {
    const dir = scratch('tcpflow-files-');
    writeFileSync(join(dir, 'guide.md'), GUIDE);
    symlinkSync('nowhere.svg', join(dir, 'guide.tcpflow-1.svg'));
    const run = await runCliProcess(['md', 'guide.md', '--write'], dir, NO_BROWSER);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('guide.tcpflow-1.svg: already exists and was not drawn by synack; add --force');
    expect(read(join(dir, 'guide.md'))).toBe(GUIDE);
  });
});

describe('encodings written back', () => {
  it.each([
    ['UTF-16 LE', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), (b: Buffer) => b.subarray(2).toString('utf16le')],
    ['UTF-16 BE', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]), (b: Buffer) => Buffer.from(b.subarray(2)).swap16().toString('utf16le')],
    ['UTF-8 with a BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), (b: Buffer) => b.subarray(3).toString('utf8')],
  ])('md --write keeps a %s Markdown file in its encoding, BOM included', async (_name, encode, decode) => {
    const dir = withGuide();
    writeFileSync(join(dir, 'guide.md'), encode(GUIDE));
    const run = await runCliProcess(['md', 'guide.md', '--write'], dir, NO_BROWSER);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const bytes = readFileSync(join(dir, 'guide.md'));
    expect(bytes.subarray(0, 2)).toEqual(encode('').subarray(0, 2));
    const text = decode(bytes);
    expect(text.startsWith(GUIDE)).toBe(true);
    expect(text).toContain('](guide.tcpflow-1.svg)');
  });
});

describe('mode and owner', () => {
  it('a 0640 file stays 0640 through export --force and md --write', async () => {
    const dir = withScenario();
    writeFileSync(join(dir, 'h.mmd'), 'old\n');
    chmodSync(join(dir, 'h.mmd'), 0o640);
    expect((await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '--force'], dir)).code).toBe(0);
    expect(statSync(join(dir, 'h.mmd')).mode & 0o7777).toBe(0o640);
    expect(read(join(dir, 'h.mmd'))).toBe(MMD_FILE);

    const md = withGuide();
    chmodSync(join(md, 'guide.md'), 0o600);
    expect((await runCliProcess(['md', 'guide.md', '--write'], md, NO_BROWSER)).code).toBe(0);
    expect(read(join(md, 'guide.md'))).toContain('](guide.tcpflow-1.svg)');
    expect(statSync(join(md, 'guide.md')).mode & 0o7777).toBe(0o600);
  });

  it('the owner is kept (when running as root, the only user who may give a file away)', async (context) => {
    if (process.getuid?.() !== 0) {
      context.skip('not root: a file of another owner cannot be made to test with');
      return;
    }
    const dir = withScenario();
    writeFileSync(join(dir, 'h.mmd'), 'old\n');
    chownSync(join(dir, 'h.mmd'), 4321, 4322);
    expect((await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '--force'], dir)).code).toBe(0);
    const stats = statSync(join(dir, 'h.mmd'));
    expect([stats.uid, stats.gid]).toEqual([4321, 4322]);
    expect(read(join(dir, 'h.mmd'))).toBe(MMD_FILE);
  });
});

describe('races: what appears or changes while tcpflow works is kept', () => {
  it('a file created at the output path meanwhile is not overwritten (link(), not rename)', async () => {
    const dir = withScenario();
    const run = await interfere(['export', 'h.tcpflow', '--format', 'mmd'], dir, () => writeFileSync(join(dir, 'h.mmd'), 'mine\n'));
    expectOneLineFailure(run);
    expect(run.stderr).toContain('h.mmd: was created by someone else while synack worked; left as it is (add --force to replace it)');
    expect(read(join(dir, 'h.mmd'))).toBe('mine\n');
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);

  it('with --force it is replaced, as asked', async () => {
    const dir = withScenario();
    const run = await interfere(['export', 'h.tcpflow', '--format', 'mmd', '--force'], dir, () => writeFileSync(join(dir, 'h.mmd'), 'mine\n'));
    expect(run.code).toBe(0);
    expect(read(join(dir, 'h.mmd'))).toBe(MMD_FILE);
  }, 60_000);

  it('md --write: a Markdown file edited meanwhile is not written back; the edit is kept', async () => {
    const dir = withGuide();
    const edited = `${GUIDE}\nA paragraph typed while synack worked.\n`;
    const run = await interfere(['md', 'guide.md', '--write'], dir, () => writeFileSync(join(dir, 'guide.md'), edited));
    expectOneLineFailure(run);
    expect(run.stderr).toContain('guide.md: changed while synack worked; not replaced, nothing lost (run synack again)');
    expect(read(join(dir, 'guide.md'))).toBe(edited);
    expect(temporaries(dir)).toEqual([]);
    // Run again, as it says: the edit and the link are both there.
    const again = await runCliProcess(['md', 'guide.md', '--write'], dir, NO_BROWSER);
    expect(again.code).toBe(0);
    expect(read(join(dir, 'guide.md'))).toContain('A paragraph typed while synack worked.');
    expect(read(join(dir, 'guide.md'))).toContain('](guide.tcpflow-1.svg)');
  }, 60_000);
});

describe('temporary files', () => {
  it('a 240-byte output name works (the temporary name is short whatever the target is called)', async () => {
    const dir = withScenario();
    const name = `${'x'.repeat(236)}.mmd`;
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '-o', name], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(read(join(dir, name))).toBe(MMD_FILE);
    expect(temporaries(dir)).toEqual([]);
  });

  it('a name too long for the file system is one clear line', async () => {
    const dir = withScenario();
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '-o', `${'x'.repeat(300)}.mmd`], dir);
    expectOneLineFailure(run);
    expect(run.stderr).toMatch(/x\.mmd: (cannot look at it|cannot replace it) \(the name is too long for the file system\)/);
  });

  it('leftovers of a killed run are swept when they are old; young ones and other files are left', async () => {
    const dir = withScenario();
    const old = '.tcpflow-99999-0badcafe.tmp';
    const oldOfEarlierVersion = '.h.png.99997-0defaced.tcpflow-tmp';
    const young = '.tcpflow-99998-00c0ffee.tmp';
    const lookalike = '.tcpflow-notours.tmp';
    for (const n of [old, oldOfEarlierVersion, young, lookalike]) writeFileSync(join(dir, n), 'half a file');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const n of [old, oldOfEarlierVersion, lookalike]) utimesSync(join(dir, n), hourAgo, hourAgo);
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd'], dir);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).filter((n) => /tmp$/.test(n)).sort()).toEqual([lookalike, young].sort());
  });
});

describe('outputs that are not files', () => {
  it('a folder where md --write puts an SVG: one line, nothing written', async () => {
    const dir = scratch('tcpflow-files-');
    writeFileSync(join(dir, 'guide.md'), GUIDE);
    mkdirSync(join(dir, 'guide.tcpflow-1.svg'));
    for (const force of [[], ['--force']]) {
      const run = await runCliProcess(['md', 'guide.md', '--write', ...force], dir, NO_BROWSER);
      expectOneLineFailure(run);
      expect(run.stderr).toBe('synack: guide.tcpflow-1.svg: is a folder, not a file\nsynack: guide.md: not written\n');
      expect(read(join(dir, 'guide.md'))).toBe(GUIDE);
    }
  });

  it('a named pipe where an output goes: refused at once, even with --force, never opened (it would block)', async () => {
    const dir = withScenario();
    spawnSync('mkfifo', [join(dir, 'h.mmd'), join(dir, 'h.svg')]);
    for (const args of [['--format', 'mmd'], ['--format', 'mmd', '--force'], ['--format', 'svg']]) {
      const run = await runCliProcess(['export', 'h.tcpflow', ...args], dir, NO_BROWSER);
      expectOneLineFailure(run);
      expect(run.stderr).toMatch(/h\.(mmd|svg): is a named pipe \(FIFO\), not a file; synack writes regular files only/);
      expect(lstatSync(join(dir, 'h.mmd')).isFIFO()).toBe(true);
    }
    const md = scratch('tcpflow-files-');
    writeFileSync(join(md, 'guide.md'), GUIDE);
    spawnSync('mkfifo', [join(md, 'guide.tcpflow-1.svg')]);
    const run = await runCliProcess(['md', 'guide.md', '--write'], md, NO_BROWSER);
    expectOneLineFailure(run);
    expect(run.stderr).toContain('guide.tcpflow-1.svg: is a named pipe (FIFO), not a file');
  }, 60_000);

  it('a device named with -o is never replaced, even with --force', async () => {
    const dir = withScenario();
    symlinkSync('/dev/null', join(dir, 'null.mmd'));
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'mmd', '-o', 'null.mmd', '--force'], dir);
    expectOneLineFailure(run);
    expect(run.stderr).toContain('null.mmd: is a device, not a file');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readdirSync('/dev').filter((n) => n.startsWith('.tcpflow-'))).toEqual([]);
  });
});

describe('what already held, still held', () => {
  it('an existing SVG stamped as drawn from this very source is left alone without --force, and no browser starts', async () => {
    const dir = withScenario();
    const stamped = stampSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', svgKey(MMD, 'light'));
    writeFileSync(join(dir, 'h.svg'), stamped);
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'svg'], dir, NO_BROWSER);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('h.tcpflow -> h.svg (unchanged)\n');
    expect(read(join(dir, 'h.svg'))).toBe(stamped);
    // A stamp of another source is an existing file like any other.
    writeFileSync(join(dir, 'h.svg'), stampSvg('<svg/>', svgKey(`${MMD}x`, 'light')));
    const refused = await runCliProcess(['export', 'h.tcpflow', '--format', 'svg'], dir, NO_BROWSER);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('h.svg: already exists; add --force to overwrite it');
  });
});

describe('--force always redraws (Chromium)', () => {
  it('a damaged SVG whose stamp line still matches is redrawn by export --force and by md --write --force', async () => {
    const dir = withScenario();
    const damaged = `${stampSvg('<svg xmlns="http://www.w3.org/2000/svg"/>', svgKey(MMD, 'light')).split('\n')[0]}\n<svg><broken`;
    writeFileSync(join(dir, 'h.svg'), damaged);
    const run = await runCliProcess(['export', 'h.tcpflow', '--format', 'svg', '--force'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('h.tcpflow -> h.svg\n');
    const svg = read(join(dir, 'h.svg'));
    expect(svg).not.toBe(damaged);
    expect(readSvgKey(svg)).toBe(svgKey(MMD, 'light'));
    expect(svg).toMatch(/<\/svg>\n$/);

    const md = withGuide();
    const svgPath = join(md, 'guide.tcpflow-1.svg');
    const before = readFileSync(svgPath, 'utf8');
    const mdRun = await runCliProcess(['md', 'guide.md', '--write', '--force'], md);
    expect(mdRun.code).toBe(0);
    expect(mdRun.stdout).toContain('guide.md -> guide.tcpflow-1.svg');
    expect(readFileSync(svgPath, 'utf8')).not.toBe(before);
    expect(readFileSync(svgPath, 'utf8')).toMatch(/<\/svg>\n$/);
  }, 120_000);
});
