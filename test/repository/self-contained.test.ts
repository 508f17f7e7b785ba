/**
 * The repository carries everything it needs: no tracked file may point at a path
 * outside it — the team's own `../shared` folder beside a checkout, this workplace's
 * absolute paths — since a clone from the project's public repository has neither
 * (issue 19). Every file git tracks is read, code, scripts, tests and docs alike.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
/** This file, which spells out the paths it looks for. */
const SELF = 'test/repository/self-contained.test.ts';

/** Paths that exist only on the machines this project was written on. */
const OUTSIDE = [
  { what: 'the shared folder beside the checkout', pattern: /\.\.[/\\]shared\b|['"]\.\.['"],\s*['"]shared['"]/ },
  { what: "the workplace's absolute paths", pattern: /(^|[^\w.])\/work\/|(^|[^\w.])\/tmp\/baseline/ },
];

function trackedTextFiles(): string[] {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\0').filter(Boolean);
  return files.filter((f) => !f.endsWith('package-lock.json'));
}

function read(file: string): string | undefined {
  let buffer: Buffer;
  try {
    buffer = readFileSync(join(ROOT, file));
  } catch {
    return undefined; // deleted in the working tree
  }
  return buffer.includes(0) ? undefined : buffer.toString('utf8');
}

/** `file:LINE: text` for every line of `text` that `test` finds. */
function findLines(file: string, text: string, test: (line: string) => boolean): string[] {
  return text.split('\n').flatMap((line, i) => (test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

/** Paths that climb out on purpose: hostile input that a test shows is refused. */
const HOSTILE_INPUT = [
  { file: 'test/preview/protocol.test.ts', path: '../../../etc/passwd' },
  // The export folder an untrusted repository might set, named where the docs say it is refused.
  { file: 'docs/export.md', path: '`../../..`' },
  { file: 'docs/reliability.md', path: '`../../..`' },
];

/** A relative path that climbs out of the repository from the file that names it. */
function climbsOut(file: string, line: string): boolean {
  for (const m of line.matchAll(/(?:^|[\s'"`(=,:])((?:\.\.\/)+)[\w.@-]/g)) {
    if (HOSTILE_INPUT.some((h) => h.file === file && line.includes(h.path))) continue;
    const target = resolve(ROOT, dirname(file), m[1]);
    const rel = relative(ROOT, target);
    if (rel === '..' || rel.startsWith(`..${sep}`)) return true;
  }
  return false;
}

describe('the repository is self-contained', () => {
  const files = trackedTextFiles();

  it('lists the tracked files', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('vitest.config.ts');
  });

  it.each(OUTSIDE)('no tracked file refers to $what', ({ pattern }) => {
    const found = files.flatMap((file) => {
      const text = read(file);
      return text === undefined || file === SELF ? [] : findLines(file, text, (line) => pattern.test(line));
    });
    expect(found).toEqual([]);
  });

  it('no relative path in a tracked file climbs out of the repository', () => {
    const found = files.flatMap((file) => {
      const text = read(file);
      return text === undefined || file === SELF ? [] : findLines(file, text, (line) => climbsOut(file, line));
    });
    expect(found).toEqual([]);
  });

  it('would see such a path (the checks are not blind)', () => {
    expect(climbsOut('README.md', 'see ../shared/tcpflow-language.md')).toBe(true);
    expect(climbsOut('test/lsp/x.ts', "import '../../server/src/main.js'")).toBe(false);
    expect(climbsOut('test/lsp/x.ts', "import '../../../other/file.js'")).toBe(true);
    expect(OUTSIDE.map(({ pattern }) => pattern.test("join(ROOT, '..', 'shared', 'tools')"))).toContain(true);
    expect(OUTSIDE.map(({ pattern }) => pattern.test('cat /work/shared/x'))).toContain(true);
  });
});
