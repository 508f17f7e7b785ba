/**
 * The extension in a workspace VS Code does not trust (Restricted Mode), in code-server
 * with workspace trust on, driven by headless Chromium like a user. The repository's
 * `.vscode/settings.json` names a folder outside it for exports: VS Code must ignore that
 * value (package.json `restrictedConfigurations`), and the export must not write outside
 * the workspace folder unless the user picks the place in the Save dialog — here even
 * the user's own setting names an outside folder, so the dialog is asked for. Markdown
 * alone (with its preview drawing a ```tcpflow block) does not start the language server.
 * Screenshots and logs go to test-results/e2e-untrusted/.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSession, languageServers, makeTempDir, packageVsix, ROOT, startCodeServer, userSettingsPath, type CodeServer } from './code-server.js';
import { launchChromium, normalize, waitUntil, Workbench } from './workbench.js';

const SHOTS = join(ROOT, 'test-results', 'e2e-untrusted');
const SCENARIO = 'handshake.tcpflow';
const GUIDE = 'guide.md';

describe('the extension in an untrusted workspace (code-server, Restricted Mode)', () => {
  let dir: string;
  /** Named by the repository's own settings: VS Code must not use it. */
  let repositoryChoice: string;
  /** Named by the user's settings: outside the workspace, so only the Save dialog may send an export there. */
  let userChoice: string;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let wb: Workbench;

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    dir = makeTempDir();
    repositoryChoice = join(dir, 'outside-named-by-the-repository');
    userChoice = join(dir, 'outside-named-by-the-user');
    for (const d of [repositoryChoice, userChoice]) mkdirSync(d);
    const vsix = await packageVsix(dir);
    server = await startCodeServer({
      vsix,
      dir,
      untrustedWorkspace: true,
      populate(workspace) {
        copyFileSync(join(ROOT, 'examples', 'three-way-handshake.tcpflow'), join(workspace, SCENARIO));
        writeFileSync(join(workspace, GUIDE), ['# Guide', '', '```tcpflow', 'scenario "Drawn in the Markdown preview"', 'a -> b : SYN seq=1', '```', ''].join('\n'));
        mkdirSync(join(workspace, '.vscode'));
        writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'tcpflow.export.directory': repositoryChoice }, null, 2));
      },
    });
    const settings = JSON.parse(readFileSync(userSettingsPath(dir), 'utf8')) as Record<string, unknown>;
    writeFileSync(userSettingsPath(dir), JSON.stringify({ ...settings, 'tcpflow.export.directory': userChoice }, null, 2));
    browser = await launchChromium();
    wb = await Workbench.open(browser, server.url, server.workspace, SHOTS);
  }, 15 * 60_000);

  afterAll(async () => {
    await endSession({ browser, server, dir, shots: SHOTS });
  }, 60_000);

  it('opens the folder in Restricted Mode', () => wb.step('restricted', async () => {
    await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    await wb.screenshot('restricted');
  }), 60_000);

  it('draws a ```tcpflow block in the Markdown preview without starting the language server', () => wb.step('markdown', async () => {
    await wb.openFile(GUIDE);
    await wb.runCommand('Markdown: Open Preview to the Side');
    // The block is drawn: the extension is active, its markdown-it plugin and preview script ran.
    const preview = await wb.waitForFrameWith('.tcpflow-diagram .tcpflow-drawing svg', 'the Markdown preview to draw the tcpflow block');
    expect(normalize((await preview.locator('.tcpflow-diagram svg').first().textContent()) ?? '')).toContain('Drawn in the Markdown preview');
    await wb.screenshot('markdown-preview');
    expect(languageServers(dir)).toEqual([]);
  }), 90_000);

  it('starts the language server when a .tcpflow file opens (hints appear)', () => wb.step('server-starts', async () => {
    await wb.openFile(SCENARIO);
    const text = readFileSync(join(server!.workspace, SCENARIO), 'utf8');
    const syn = text.split('\n').findIndex((l) => l.trim().startsWith('client -> server : SYN seq=J')) + 1;
    await wb.waitForLine(SCENARIO, syn, 'a state hint with SYN-RECEIVED', (l) => l.injected.includes('SYN-RECEIVED'));
    expect(languageServers(dir)).toHaveLength(1);
  }), 90_000);

  it('asks for the Save dialog instead of exporting outside the workspace, and ignores the repository\'s folder', () => wb.step('export-outside', async () => {
    await wb.tab(SCENARIO).click();
    await wb.runCommand('TCP Flow: Export Diagram');
    await wb.pick('Markdown');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const said = normalize((await dialog.textContent()) ?? '');
    // The user's folder (the repository's is ignored in Restricted Mode), refused without the Save dialog.
    expect(said).toContain(join(userChoice, 'handshake.md'));
    expect(said).toContain('outside the workspace folder');
    expect(said).not.toContain(repositoryChoice);
    await wb.screenshot('export-outside-asks');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(readdirSync(userChoice)).toEqual([]);
    expect(readdirSync(repositoryChoice)).toEqual([]);
    expect(existsSync(join(server!.workspace, 'handshake.md'))).toBe(false);
  }), 90_000);

  it('writes where the user picks in the Save dialog', () => wb.step('export-save-as', async () => {
    await wb.runCommand('TCP Flow: Export Diagram');
    await wb.pick('Markdown');
    const dialog = wb.page.locator('.monaco-dialog-box');
    await dialog.getByRole('button', { name: 'Save As…' }).click();
    // The simple Save dialog (files.simpleDialog.enable) opens on the workspace folder, with the file's name.
    const input = wb.page.locator('.quick-input-widget input');
    await waitUntil('the Save dialog to offer handshake.md in the workspace', async () => {
      const value = await input.inputValue().catch(() => '');
      return value.endsWith('/handshake.md') && value.includes(server!.workspace) ? value : undefined;
    });
    await wb.screenshot('export-save-dialog');
    await wb.page.keyboard.press('Enter');
    const target = join(server!.workspace, 'handshake.md');
    const written = await waitUntil(`${target} to be written`, async () => (existsSync(target) ? readFileSync(target, 'utf8') : undefined));
    expect(written).toContain('```mermaid');
    expect(readdirSync(userChoice)).toEqual([]);
    expect(readdirSync(repositoryChoice)).toEqual([]);
  }), 90_000);
});
