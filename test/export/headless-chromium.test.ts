/**
 * The CLI's own Chromium driver (server/src/export/headless-chromium.ts) and the pages the
 * renderer writes for it, in the real browser of this test run: what happens when the
 * program is not a browser or never answers, when a page crashes or the browser is
 * killed mid-drawing, that nothing is left behind, and that the export page reaches
 * nothing outside its bundle.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeadlessChromium } from '../../server/src/export/headless-chromium.js';
import { DiagramRenderer, RenderError, webviewBundleDir, writeExportPages } from '../../server/src/export/renderer.js';
import { chromiumPath, EXAMPLES, finished, startCli } from './support.js';

/** Every profile folder goes into a fresh TMPDIR, so a test can see that none is left. */
const systemTmp = tmpdir();
let profiles: string;
let savedTmpdir: string | undefined;
beforeEach(() => {
  savedTmpdir = process.env.TMPDIR;
  profiles = mkdtempSync(join(tmpdir(), 'tcpflow-profiles-'));
  process.env.TMPDIR = profiles;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(profiles, { recursive: true, force: true });
});

const plainPage = (profileDir: string): string => {
  writeFileSync(join(profileDir, 'plain.html'), '<!doctype html><p>plain</p>');
  return `file://${profileDir}/plain.html`;
};

describe('starting', () => {
  const scripts = mkdtempSync(join(tmpdir(), 'tcpflow-not-a-browser-'));
  afterAll(() => rmSync(scripts, { recursive: true, force: true }));

  it('a program that exits at once: the launch fails with how it exited, and its profile folder is gone', async () => {
    const launch = HeadlessChromium.launch({ executablePath: '/bin/true', firstPage: plainPage, timeoutMs: 30_000 });
    await expect(launch).rejects.toThrow(/^Chromium exited \(code 0\)$/);
    expect(readdirSync(profiles)).toEqual([]);
  });

  it('a program that never answers: the launch gives up after its timeout and kills it', async () => {
    const silent = join(scripts, 'silent.sh');
    writeFileSync(silent, '#!/bin/sh\necho "starting, never answering" >&2\nexec sleep 60\n');
    chmodSync(silent, 0o755);
    const started = Date.now();
    await expect(HeadlessChromium.launch({ executablePath: silent, firstPage: plainPage, timeoutMs: 500 })).rejects.toThrow('Browser.getVersion: no answer from the browser in 1 s');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readdirSync(profiles)).toEqual([]);
  });

  it('the renderer says which browser would not start, in one line', async () => {
    const attempt = DiagramRenderer.launch('/bin/false', 30_000);
    await expect(attempt).rejects.toBeInstanceOf(RenderError);
    await expect(attempt).rejects.toThrow(/^could not start Chromium at \/bin\/false: Chromium exited \(code 1\)$/);
  });
});

describe('a running browser', () => {
  it('shows its first page, opens more, and leaves no profile folder when closed', async () => {
    const browser = await HeadlessChromium.launch({ executablePath: chromiumPath(), firstPage: plainPage, timeoutMs: 60_000 });
    try {
      expect(readdirSync(profiles)).toEqual([expect.stringMatching(/^tcpflow-chromium-/)]);
      const first = await browser.firstPage();
      await first.waitUntil(() => document.body?.textContent === 'plain', 30_000);
      const second = await browser.newPage(`file://${browser.profileDir}/plain.html`);
      await second.waitUntil(() => document.readyState === 'complete' && document.body?.textContent === 'plain', 30_000);
      await expect(second.run((n: number) => n * 2, 21)).resolves.toBe(42);
      await expect(second.run(() => { throw new Error('thrown in the page'); }, undefined)).rejects.toThrow('thrown in the page');
    } finally {
      await browser.close();
    }
    expect(readdirSync(profiles)).toEqual([]);
    expect(browser.connection.closedReason).toBeDefined();
  });

  it('a crashed page fails its waiting call at once, and its later calls; the browser goes on', async () => {
    const browser = await HeadlessChromium.launch({ executablePath: chromiumPath(), firstPage: plainPage, timeoutMs: 60_000 });
    try {
      const page = await browser.firstPage();
      await page.waitUntil(() => document.readyState === 'complete' && document.body?.textContent === 'plain', 30_000);
      const started = Date.now();
      const waiting = page.run(() => new Promise(() => undefined), undefined, { timeoutMs: 50_000 });
      page.send('Page.crash').catch(() => undefined);
      await expect(waiting).rejects.toThrow(/crashed|destroyed|closed/);
      expect(Date.now() - started).toBeLessThan(40_000);
      await expect(page.run(() => 1, undefined)).rejects.toThrow(/crashed|closed/);
      const other = await browser.newPage(`file://${browser.profileDir}/plain.html`);
      await other.waitUntil(() => document.body?.textContent === 'plain', 30_000);
    } finally {
      await browser.close();
    }
  });

  it('a browser killed in the middle of a drawing: the drawing fails with one line, and closing still cleans up', async () => {
    const renderer = await DiagramRenderer.launch(chromiumPath());
    // A diagram big enough to keep Mermaid busy while the browser is killed.
    const big = `sequenceDiagram\n${Array.from({ length: 3000 }, (_, i) => `  a->>b: message ${i}`).join('\n')}\n`;
    const drawing = renderer.svg(big, 'light');
    setTimeout(() => process.kill(renderer.browser.pid!, 'SIGKILL'), 200);
    await expect(drawing).rejects.toBeInstanceOf(RenderError);
    await expect(drawing).rejects.toThrow(/Chromium exited \(signal SIGKILL\)/);
    await renderer.close();
    expect(readdirSync(profiles)).toEqual([]);
  }, 120_000);
});

describe('an export interrupted by Ctrl-C', () => {
  it('ends as interrupted, and neither the browser nor its profile folder outlives it', async () => {
    const out = mkdtempSync(join(systemTmp, 'tcpflow-interrupted-'));
    try {
      const child = startCli(['export', join(EXAMPLES, 'three-way-handshake.tcpflow'), '--format', 'png', '--out-dir', out], out, { TMPDIR: profiles });
      const run = finished(child);
      // Interrupted once the browser has its profile folder, that is, while it starts or draws.
      while (!readdirSync(profiles).some((name) => name.startsWith('tcpflow-chromium-'))) await new Promise((r) => setTimeout(r, 10));
      const profile = join(profiles, readdirSync(profiles).find((name) => name.startsWith('tcpflow-chromium-'))!);
      child.kill('SIGINT');
      const ended = await run;
      expect(ended.signal).toBe('SIGINT');
      expect(ended.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(profiles)).toEqual([]);
      expect(browsersUsing(profile)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** Processes whose command line names the profile folder (the browser and its helpers). */
function browsersUsing(profile: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', profile], { encoding: 'utf8' }).split('\n').filter((l) => l !== '');
  } catch {
    return []; // pgrep exits 1 when nothing matches.
  }
}

describe('the export page', () => {
  let server: Server;
  let requests = 0;
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('draws, but its scripts reach nothing outside the bundle: not a local server, not a file', async () => {
    server = createServer((_, res) => {
      requests++;
      res.end('reached');
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const browser = await HeadlessChromium.launch({ executablePath: chromiumPath(), firstPage: (dir) => writeExportPages(dir, webviewBundleDir()), timeoutMs: 60_000 });
    try {
      const page = await browser.firstPage();
      await page.waitUntil(() => (globalThis as unknown as { tcpflowExportHost?: { ready: Promise<boolean> } }).tcpflowExportHost?.ready ?? false, 60_000);
      const tries = await page.run(async (target: string) => {
        const attempt = (go: () => Promise<unknown>): Promise<string> => go().then(() => 'reached', () => 'refused');
        const image = new Promise<string>((settle) => {
          const img = document.createElement('img');
          img.onload = () => settle('reached');
          img.onerror = () => settle('refused');
          img.src = target;
          document.body.appendChild(img);
        });
        return {
          server: await attempt(() => fetch(target)),
          file: await attempt(() => fetch('file:///etc/hostname')),
          image: await image,
        };
      }, url);
      expect(tries).toEqual({ server: 'refused', file: 'refused', image: 'refused' });
    } finally {
      await browser.close();
    }
    expect(requests).toBe(0);
    // The control: the server does answer a request made from outside the page.
    expect(await (await fetch(url)).text()).toBe('reached');
    expect(requests).toBe(1);
  });
});
