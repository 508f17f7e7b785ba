/**
 * `synack export` end to end: the CLI bundle spawned as users run it, drawing in real
 * headless Chromium. Browser tests are skipped (with the reason printed) only when the
 * machine has no Chromium; CI installs one.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwright, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSvgKey, scenarioDiagram, svgKey } from '../../server/src/export/formats.js';
import {
  arrowLines, chromiumPath, EXAMPLES, exampleFiles, finished, pngSize, read, runCliProcess, scratch, startCli,
} from './support.js';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';
import { PROGRAM_NAME } from '../../server/src/cli/program.js';

const examples = exampleFiles();

/** A folder holding a copy of every example. */
function examplesCopy(): string {
  const dir = scratch();
  for (const f of examples) copyFileSync(join(EXAMPLES, f), join(dir, f));
  return dir;
}

describe('text formats (no browser)', () => {
  it('md holds exactly the mmd text, for every example', async () => {
    const dir = examplesCopy();
    const mmd = await runCliProcess(['export', ...examples, '--format', 'mmd'], dir);
    expect(mmd.stderr).toBe('');
    expect(mmd.code).toBe(0);
    const md = await runCliProcess(['export', ...examples, '--format', 'md', '--out-dir', 'md'], dir);
    expect(md.code).toBe(0);
    for (const f of examples) {
      const base = f.replace(/\.tcpflow$/, '');
      const source = read(join(dir, base + '.mmd'));
      // Text for other renderers keeps a note per state change.
      expect(source).toBe(scenarioDiagram(read(join(EXAMPLES, f)), { states: 'notes' }).mermaid);
      expect(source).not.toContain('tcpflow-states');
      const markdown = read(join(dir, 'md', base + '.md'));
      const block = /^```mermaid\n([\s\S]*?)^```$/m.exec(markdown);
      expect(block?.[1], f).toBe(source);
      expect(markdown.match(/^```/gm)).toHaveLength(2);
    }
  });

  it('-o - writes the diagram to standard output', async () => {
    const run = await runCliProcess(['export', join(EXAMPLES, examples[0]), '--format', 'mmd', '-o', '-'], scratch());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(scenarioDiagram(read(join(EXAMPLES, examples[0])), { states: 'notes' }).mermaid);
  });

  it('--states: mmd keeps a note per state change unless asked for labels; another value is a usage error', async () => {
    const file = join(EXAMPLES, 'three-way-handshake.tcpflow');
    const plain = await runCliProcess(['export', file, '--format', 'mmd', '-o', '-'], scratch());
    const labels = await runCliProcess(['export', file, '--format', 'mmd', '-o', '-', '--states', 'labels'], scratch());
    const notes = await runCliProcess(['export', file, '--format', 'mmd', '-o', '-', '--states=notes'], scratch());
    expect(plain.stdout).toContain('Note right of server: SYN-RECEIVED\n');
    expect(notes.stdout).toBe(plain.stdout);
    expect(labels.code).toBe(0);
    expect(labels.stdout).toBe(scenarioDiagram(read(file)).mermaid);
    expect(labels.stdout).not.toContain('Note right of server: SYN-RECEIVED');
    expect(labels.stdout).toMatch(/\n%% tcpflow-states .* m0:server:\d+:SYN-RECEIVED /);
    const wrong = await runCliProcess(['export', file, '--format', 'mmd', '--states', 'boxes'], scratch());
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`${PROGRAM_NAME}: export: --states is labels or notes, not 'boxes'\n`);
  });

  it('--style textbook (the default) and flat choose the arrow plan written into the Mermaid text; another style is a usage error', async () => {
    const file = join(EXAMPLES, 'three-way-handshake.tcpflow');
    const textbook = await runCliProcess(['export', file, '--format', 'mmd', '-o', '-'], scratch());
    const flat = await runCliProcess(['export', file, '--format', 'mmd', '-o', '-', '--style', 'flat'], scratch());
    const explicit = await runCliProcess(['export', file, '--format', 'mmd', '-o', '-', '--style=textbook'], scratch());
    // mmd keeps a note per state change (other renderers draw it): no state plan after the arrow plan.
    expect(textbook.stdout).toMatch(/\n%% tcpflow-arrows textbook p p p\n$/);
    expect(explicit.stdout).toBe(textbook.stdout);
    expect(flat.code).toBe(0);
    expect(flat.stdout).not.toContain('tcpflow-arrows');
    expect(flat.stdout).toBe(scenarioDiagram(read(file), { arrowStyle: 'flat', states: 'notes' }).mermaid);
    const wrong = await runCliProcess(['export', file, '--format', 'mmd', '--style', 'sideways'], scratch());
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`${PROGRAM_NAME}: export: --style is textbook or flat, not 'sideways'\n`);
  });

  it('refuses to overwrite without --force, naming the file and --force; replaces with --force', async () => {
    const dir = examplesCopy();
    writeFileSync(join(dir, 'three-way-handshake.mmd'), 'old\n');
    const refused = await runCliProcess(['export', 'three-way-handshake.tcpflow', 'four-way-close.tcpflow', '--format', 'mmd'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('three-way-handshake.mmd: already exists; add --force to overwrite it');
    expect(read(join(dir, 'three-way-handshake.mmd'))).toBe('old\n');
    expect(existsSync(join(dir, 'four-way-close.mmd'))).toBe(false); // a refused batch writes nothing
    const forced = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'mmd', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(read(join(dir, 'three-way-handshake.mmd'))).toMatch(/^sequenceDiagram\n/);
  });

  it('refuses a path outside the current folder unless it is given with -o', async () => {
    const dir = examplesCopy();
    const inner = join(dir, 'inner');
    mkdirSync(inner);
    const byDefault = await runCliProcess(['export', '../three-way-handshake.tcpflow', '--format', 'mmd'], inner);
    expect(byDefault.code).toBe(2);
    expect(byDefault.stderr).toMatch(/three-way-handshake\.mmd: outside the current folder; name it with -o/);
    expect(existsSync(join(dir, 'three-way-handshake.mmd'))).toBe(false);
    const outDir = await runCliProcess(['export', '../three-way-handshake.tcpflow', '--format', 'mmd', '--out-dir', '../out'], inner);
    expect(outDir.code).toBe(2);
    const explicit = await runCliProcess(['export', '../three-way-handshake.tcpflow', '--format', 'mmd', '-o', '../explicit.mmd'], inner);
    expect(explicit.code).toBe(0);
    expect(existsSync(join(dir, 'explicit.mmd'))).toBe(true);
  });

  it('a scenario with errors exports nothing, prints its diagnostics like check and exits 1; --allow-errors exports it', async () => {
    const dir = scratch();
    copyFileSync(join(EXAMPLES, 'mistakes', 'common-mistakes.tcpflow'), join(dir, 'bad.tcpflow'));
    const refused = await runCliProcess(['export', 'bad.tcpflow', '--format', 'mmd'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^bad\.tcpflow:\d+:\d+: error [a-z-]+: /m);
    expect(refused.stderr).toContain('add --allow-errors');
    expect(existsSync(join(dir, 'bad.mmd'))).toBe(false);
    // With -o too: the refusal is the only complaint (not "-o names one output file, but 0 scenarios were given").
    const named = await runCliProcess(['export', 'bad.tcpflow', '--format', 'svg', '-o', 'bad.svg'], dir);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('add --allow-errors');
    expect(named.stderr).toContain('nothing exported');
    expect(named.stderr).not.toContain('scenarios were given');
    expect(existsSync(join(dir, 'bad.svg'))).toBe(false);
    const allowed = await runCliProcess(['export', 'bad.tcpflow', '--format', 'mmd', '--allow-errors'], dir);
    expect(allowed.code).toBe(0);
    expect(read(join(dir, 'bad.mmd'))).toMatch(/Error [a-z-]+ - /);
    // Compact marks: a ✗N on the line, the messages in a list at the end; warnings only with --diagnostics all.
    const marked = read(join(dir, 'bad.mmd'));
    expect(marked).toMatch(/->>[a-z]+: [^\n]* ✗\d+\n/);
    expect(marked).toMatch(/wrap:#10007;1 line \d+: Error /);
    expect(marked).not.toContain('Warning');
    const all = await runCliProcess(['export', 'bad.tcpflow', '--format', 'mmd', '-o', 'all.mmd', '--allow-errors', '--diagnostics', 'all'], dir);
    expect(all.code).toBe(0);
    expect(read(join(dir, 'all.mmd'))).toMatch(/#10007;\d+ line \d+: Warning /);
    const none = await runCliProcess(['export', 'bad.tcpflow', '--format', 'mmd', '-o', 'none.mmd', '--allow-errors', '--diagnostics=none'], dir);
    expect(none.code).toBe(0);
    expect(read(join(dir, 'none.mmd'))).not.toMatch(/✗|#10007;|Error|Warning|rect /);
    // Errors still refuse without --allow-errors, whatever is marked.
    const stillRefused = await runCliProcess(['export', 'bad.tcpflow', '--format', 'mmd', '-o', 'x.mmd', '--diagnostics', 'none'], dir);
    expect(stillRefused.code).toBe(1);
    const wrong = await runCliProcess(['export', 'bad.tcpflow', '--format', 'mmd', '--diagnostics', 'some'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("--diagnostics is none, errors or all, not 'some'");
  });

  it('usage errors exit 2', async () => {
    const dir = examplesCopy();
    for (const args of [
      ['export', 'three-way-handshake.tcpflow'],
      ['export', 'three-way-handshake.tcpflow', '--format', 'gif'],
      ['export', 'three-way-handshake.tcpflow', 'four-way-close.tcpflow', '--format', 'mmd', '-o', 'x.mmd'],
      ['export', 'three-way-handshake.tcpflow', '--format', 'svg', '--scale', '2'],
      ['export', 'missing.tcpflow', '--format', 'mmd'],
    ]) {
      const run = await runCliProcess(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim(), args.join(' ')).not.toBe('');
    }
  });

  it('a path through a file is a clear write error (exit 2)', async () => {
    const dir = examplesCopy();
    writeFileSync(join(dir, 'plain.txt'), 'not a folder');
    const run = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'mmd', '-o', 'plain.txt/x.mmd'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plain\.txt\/x\.mmd: .*is a file, not a folder/);
  });

  it('a read-only folder is a clear write error (exit 2)', async (context) => {
    const dir = examplesCopy();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    let writable = false;
    try {
      writeFileSync(join(locked, 'probe'), '');
      writable = true;
    } catch { /* read-only, as wanted */ }
    if (writable) {
      context.skip('running as root: chmod does not stop writes (the path-under-a-file test covers the error path)');
      return;
    }
    const run = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'mmd', '--out-dir', 'locked'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write into locked \(permission denied\)/);
  });

  it('without a browser, svg and png fail with one line naming the fix (exit 2); md and mmd still work', async () => {
    const dir = examplesCopy();
    const run = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'svg'], dir, { TCPFLOW_CHROMIUM: '/nonexistent' });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('TCPFLOW_CHROMIUM=/nonexistent');
    expect(run.stderr).toContain('apt-get install chromium');
    expect(existsSync(join(dir, 'three-way-handshake.svg'))).toBe(false);
    const text = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'md'], dir, { TCPFLOW_CHROMIUM: '/nonexistent' });
    expect(text.code).toBe(0);
  });
});

describe('svg and png in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await playwright.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_LAUNCH_ARGS] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Parses an SVG with the browser's DOMParser and reports what the tests check. */
  async function inspectSvg(svg: string): Promise<{ parseError: boolean; root: string; messages: number; scripts: number; handlers: string[]; width: string | null; height: string | null }> {
    const page = await browser.newPage();
    try {
      return await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        const handlers: string[] = [];
        for (const el of Array.from(doc.getElementsByTagName('*'))) {
          for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) handlers.push(attr.name);
        }
        return {
          parseError: doc.getElementsByTagName('parsererror').length > 0,
          root: root.localName,
          messages: doc.querySelectorAll('.messageText').length,
          scripts: doc.getElementsByTagName('script').length,
          handlers,
          width: root.getAttribute('width'),
          height: root.getAttribute('height'),
        };
      }, svg);
    } finally {
      await page.close();
    }
  }

  it('exports every example to SVG in one batch: each parses, has one message per segment line, no script', async () => {
    const dir = examplesCopy();
    const started = Date.now();
    const run = await runCliProcess(['export', ...examples, '--format', 'svg', '--out-dir', 'svg'], dir);
    const ms = Date.now() - started;
    console.log(`export of ${examples.length} examples to SVG (one browser session, including launch): ${ms} ms`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const f of examples) {
      const text = read(join(EXAMPLES, f));
      const svg = read(join(dir, 'svg', f.replace(/\.tcpflow$/, '.svg')));
      expect(svg).not.toMatch(/<script/i);
      expect(svg).not.toMatch(/\son[a-z]+\s*=/i);
      expect(readSvgKey(svg)).toBe(svgKey(scenarioDiagram(text).mermaid, 'light'));
      const info = await inspectSvg(svg);
      expect(info.parseError, f).toBe(false);
      expect(info.root).toBe('svg');
      expect(info.scripts).toBe(0);
      expect(info.handlers).toEqual([]);
      expect(info.messages, f).toBe(arrowLines(text));
      expect(Number(info.width)).toBeGreaterThan(0);
    }
  }, 120_000);

  it('re-exporting an unchanged SVG leaves the file untouched without a browser; --force draws it again', async () => {
    const dir = examplesCopy();
    expect((await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'svg'], dir)).code).toBe(0);
    const before = statSync(join(dir, 'three-way-handshake.svg')).mtimeMs;
    const again = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'svg'], dir, { TCPFLOW_CHROMIUM: '/nonexistent' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('(unchanged)');
    expect(statSync(join(dir, 'three-way-handshake.svg')).mtimeMs).toBe(before);
    const forced = await runCliProcess(['export', 'three-way-handshake.tcpflow', '--format', 'svg', '--force'], dir, { TCPFLOW_CHROMIUM: '/nonexistent' });
    expect(forced.code).toBe(2); // it needed the browser: --force redraws
    expect(forced.stderr).toContain('TCPFLOW_CHROMIUM=/nonexistent');
  }, 60_000);

  it('PNG has the SVG size times the scale: every example at 2x, three of them at 1x and 3x', async () => {
    const dir = examplesCopy();
    const svg = await runCliProcess(['export', ...examples, '--format', 'svg', '--out-dir', 'svg', '--theme', 'dark'], dir);
    expect(svg.code).toBe(0);
    for (const scale of [2, 1, 3]) {
      const some = scale === 2 ? examples : examples.slice(0, 3);
      const png = await runCliProcess(['export', ...some, '--format', 'png', '--out-dir', `png${scale}`, '--scale', String(scale), '--theme', 'dark'], dir);
      expect(png.stderr).toBe('');
      expect(png.code).toBe(0);
      for (const f of some) {
        const base = f.replace(/\.tcpflow$/, '');
        const info = await inspectSvg(read(join(dir, 'svg', base + '.svg')));
        const size = pngSize(readFileSync(join(dir, `png${scale}`, base + '.png')));
        expect(size, `${f} at ${scale}x`).toEqual({ width: Number(info.width) * scale, height: Number(info.height) * scale });
      }
    }
  }, 600_000); // four CLI runs and 20 PNGs: minutes on a loaded 2-core machine

  it('an export killed while writing leaves the old file whole under the final name', async () => {
    const dir = examplesCopy();
    const target = join(dir, 'data-transfer.png');
    const old = Buffer.from('the old export, whole\n');
    writeFileSync(target, old);
    const child = startCli(['export', 'data-transfer.tcpflow', '--format', 'png', '--scale', '3', '--force'], dir, { TCPFLOW_TEST_WRITE_PAUSE_MS: '300' });
    const done = finished(child);
    // Kill as soon as the temporary file holds some bytes (the pause keeps the write open).
    const temp = await new Promise<string | undefined>((resolveTemp) => {
      const poll = setInterval(() => {
        const t = readdirSync(dir).find((n) => n.endsWith('.tmp'));
        if (t && statSync(join(dir, t)).size > 0) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolveTemp(t);
        }
      }, 10);
      void done.then(() => { clearInterval(poll); resolveTemp(undefined); });
    });
    const run = await done;
    expect(temp, 'the export finished before it could be killed').toBeDefined();
    expect(run.signal).toBe('SIGKILL');
    expect(readFileSync(target)).toEqual(old);
    expect(temp).toMatch(/^\.tcpflow-\d+-[0-9a-f]{8}\.tmp$/);
    // The next export replaces it whole.
    const again = await runCliProcess(['export', 'data-transfer.tcpflow', '--format', 'png', '--force'], dir);
    expect(again.code).toBe(0);
    expect(pngSize(readFileSync(target)).width).toBeGreaterThan(0);
  }, 180_000); // two PNG exports at 3x: about 30 s each on a loaded 2-core machine
});
