/**
 * Driving VS Code's workbench (code-server in headless Chromium) the way a user does:
 * Quick Open, the Command Palette, Go to Line, the mouse. Every helper waits for what
 * the user would see next (a list row, a tab, the status bar), never for a fixed time.
 * The selectors are VS Code's own DOM classes; docs/e2e.md lists them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';
import { testBuild } from '../support/test-build.js';

export const TIMEOUT = 60_000;

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: testBuild().chromium,
    args: [...CHROMIUM_LAUNCH_ARGS],
  });
}

/** Polls `probe` until it returns a value that is not undefined; fails with `what` and the last value seen. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeout = TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error; // e.g. a frame detached while a webview reloads: look again
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // the polling interval, not a wait for a result
  }
}

export class Workbench {
  private shots = 0;

  constructor(readonly page: Page, private readonly shotDir: string) {
    mkdirSync(shotDir, { recursive: true });
  }

  static async open(browser: Browser, url: string, folder: string, shotDir: string): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
    await page.locator('.monaco-workbench').waitFor();
    // The explorer lists the workspace's files once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    return new Workbench(page, shotDir);
  }

  /** Runs one step of a test; when it fails, saves a screenshot named after it and names that in the error. */
  async step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      const shot = await this.screenshot(`${name}-FAILED`).catch(() => undefined);
      const showing = await this.describeWhatIsShowing(true);
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nshowing: ${showing}${shot ? `\nscreenshot: ${shot}` : ''}`, { cause: error });
    }
  }

  /** Saves a numbered screenshot of the whole window; returns its path. */
  async screenshot(name: string): Promise<string> {
    const path = join(this.shotDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Quick Open (Ctrl+P) a workspace file and wait until its editor tab is the active one. */
  async openFile(name: string): Promise<void> {
    await this.typeIntoQuickInput('Control+P', name);
    // Click the file's own row: until the list is filtered, its rows are the recently opened files.
    await this.pick(name);
    await this.tab(name, true).waitFor();
    await this.editor(name).locator('.view-lines').waitFor();
  }

  /**
   * Opens the quick input with `keys` and types `text` into it. In CI (code-server on a
   * loaded machine) a modal dialog once opened just after the palette did: the input
   * became inert, then hidden, and the step timed out with nothing to say why. So each
   * attempt has a short budget; when it fails, what covered the input (a dialog's text,
   * the notifications) is printed and dismissed with Escape, and the input opened again.
   */
  private async typeIntoQuickInput(keys: string, text: string, attempts = 3): Promise<void> {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      try {
        await page.keyboard.press(keys);
        await input.waitFor({ timeout: 20_000 });
        await input.fill(text, { timeout: 20_000 });
        return;
      } catch (error) {
        const blocker = await this.describeWhatIsShowing();
        if (attempt >= attempts) throw new Error(`${error instanceof Error ? error.message : String(error)}\nshowing: ${blocker}`, { cause: error });
        console.warn(`e2e: the quick input (${keys}) did not take "${text}" (attempt ${attempt}); showing: ${blocker}; pressing Escape and trying again`);
        await this.screenshot(`quick-input-retry-${attempt}`).catch(() => undefined);
        await page.keyboard.press('Escape');
      }
    }
  }

  /** The texts of VS Code's modal dialogs and notification toasts on screen, for an error message. */
  private async describeWhatIsShowing(openCentre = false): Promise<string> {
    const dialogs = await this.page.locator('.monaco-dialog-box').allTextContents().catch(() => []);
    const toasts = await this.page.locator('.notification-toast').allTextContents().catch(() => []);
    // Toasts hide themselves after a while; the notification centre keeps them (its rows are in the DOM once it was built).
    if (openCentre && toasts.length === 0) {
      // Open the centre with the status bar's bell (not the palette, which may be what failed).
      await this.page.locator('[id="status.notifications"]').click({ timeout: 5_000 }).catch(() => undefined);
    }
    const kept = await this.page.locator('.notifications-center .notification-list-item').allTextContents().catch(() => []);
    const parts = [
      ...dialogs.map((t) => `dialog "${t.trim()}"`),
      ...toasts.map((t) => `notification "${t.trim()}"`),
      ...kept.map((t) => `in the notification centre "${t.trim()}"`),
    ];
    return parts.join('; ') || 'no dialog or notification';
  }

  /** The editor tab of workspace file `name` (a preview's tab has its own resource name). */
  tab(name: string, active = false) {
    return this.page.locator(`.tabs-container .tab${active ? '.active' : ''}[data-resource-name="${name}"]`).first();
  }

  /** The text editor showing the workspace file `name` (editors carry their document's URI). */
  editor(name: string) {
    return this.page.locator(`.monaco-editor[data-uri$="/${name}"]`).first();
  }

  /**
   * Runs a command from the Command Palette by its exact title, e.g. "TCP Flow: Export
   * Diagram…". The palette closes when something else takes the focus (in CI, an editor
   * that had just opened did, between the palette showing its row and the click): then
   * the palette is opened again, up to three times.
   */
  async runCommand(title: string, attempts = 3): Promise<void> {
    const { page } = this;
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: title }) });
    for (let attempt = 1; ; attempt++) {
      await this.typeIntoQuickInput('Control+Shift+P', `>${title}`);
      try {
        await row.first().waitFor({ timeout: 15_000 });
      } catch {
        const shown = await page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents();
        await page.keyboard.press('Escape');
        throw new Error(`the Command Palette has no command "${title}" (it offers: ${shown.join(' | ') || 'nothing'})`);
      }
      try {
        await row.first().click({ timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        console.warn(`e2e: the Command Palette closed before "${title}" could be clicked (attempt ${attempt}); opening it again`);
        if (await page.locator('.quick-input-widget').isVisible()) await page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Picks the Quick Pick item whose label is exactly `label` (the quick pick must be
   * showing or about to show), with the keyboard as a user can: type the label to filter
   * the list, wait until that item is the highlighted one, press Enter. (A click on the
   * row, under load in CI, could land while the list re-rendered: the click then fell
   * outside, the quick pick closed as cancelled and the command silently did nothing.)
   */
  async pick(label: string): Promise<void> {
    const { page } = this;
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.filter({ has: page.locator('.label-name', { hasText: exact }) }).first().waitFor();
    const input = page.locator('.quick-input-widget input');
    if ((await input.inputValue()) !== label) await input.fill(label);
    await rows.and(page.locator('.focused')).filter({ has: page.locator('.label-name', { hasText: exact }) }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.mouse.move(1, 450); // off the tabs, whose tooltips would cover the next screenshot
  }

  /**
   * Waits until VS Code has shown a notification containing `text`. Toasts hide
   * themselves after some seconds, and on a loaded CI machine one came and went unseen
   * while the test waited for it; the notification centre keeps every notification, so
   * it is looked up there (and closed again) when no toast is on screen.
   */
  async waitForNotification(text: string): Promise<void> {
    const { page } = this;
    const toast = page.locator('.notification-toast', { hasText: text });
    const kept = page.locator('.notifications-center .notification-list-item', { hasText: text });
    await waitUntil(`a notification "${text}"`, async () => {
      if (await toast.isVisible()) return true;
      if (!(await page.locator('.notifications-center').isVisible())) await this.runCommand('Notifications: Show Notifications');
      return (await kept.first().isVisible()) ? true : undefined;
    });
    if (await page.locator('.notifications-center').isVisible()) await this.runCommand('Notifications: Hide Notifications');
  }

  /** The quick input while it shows the title `title` exactly (e.g. a command's second question). */
  quickInputTitled(title: string) {
    return this.page.locator('.quick-input-widget .quick-input-title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  /** Go to Line (Ctrl+G) `line:column` (1-based) in the active editor and wait for the status bar to show it. */
  async goTo(line: number, column: number): Promise<void> {
    const { page } = this;
    await this.typeIntoQuickInput('Control+G', `:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursor(line, column);
  }

  /** The status bar's `Ln X, Col Y` item. */
  cursorItem() {
    return this.page.locator('[id="status.editor.selection"]');
  }

  async waitForCursor(line: number, column?: number): Promise<void> {
    const text = column === undefined ? `Ln ${line},` : `Ln ${line}, Col ${column}`;
    await this.cursorItem().filter({ hasText: text }).waitFor();
  }

  /**
   * The lines the editor shows, by line number: the document's text and the text VS Code
   * injected into the line (inlay hints are rendered as injected spans with a generated
   * `dyn-rule-…` class). Only the lines in view are in the DOM.
   */
  async renderedLines(name: string): Promise<Map<number, { text: string; injected: string }>> {
    const rows = await this.editor(name).evaluate((editor) => {
      const topOf = (el: Element) => Number.parseFloat((el as HTMLElement).style.top);
      const numbers = new Map<number, number>();
      for (const n of Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers'))) {
        const top = topOf(n.parentElement!);
        numbers.set(top, Number(n.textContent));
      }
      return Array.from(editor.querySelectorAll('.view-lines > .view-line')).map((line) => {
        let text = '';
        let injected = '';
        for (const span of Array.from(line.querySelectorAll('span > span'))) {
          if (/\bdyn-rule-/.test(span.className)) injected += span.textContent ?? '';
          else text += span.textContent ?? '';
        }
        return { line: numbers.get(topOf(line)) ?? -1, text, injected };
      });
    });
    const nbsp = /\u00a0/g;
    return new Map(rows.filter((r) => r.line > 0).map((r) => [r.line, { text: r.text.replace(nbsp, ' '), injected: r.injected.replace(nbsp, ' ') }]));
  }

  /** Waits until rendered line `line` of editor `name` satisfies `ok`; returns it. */
  async waitForLine(name: string, line: number, what: string, ok: (l: { text: string; injected: string }) => boolean) {
    return waitUntil(`line ${line} of ${name} to show ${what}`, async () => {
      const l = (await this.renderedLines(name)).get(line);
      return l && ok(l) ? l : undefined;
    });
  }

  /** Moves the mouse over the first occurrence of `word` in rendered line `line` (the line must be in view). */
  async hoverWord(name: string, line: number, word: string): Promise<void> {
    const box = await this.editor(name).evaluate((editor, { line, word }) => {
      const topOf = (el: Element) => Number.parseFloat((el as HTMLElement).style.top);
      const number = Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers'))
        .find((n) => Number(n.textContent) === line);
      if (!number) return undefined;
      const top = topOf(number.parentElement!);
      const view = Array.from(editor.querySelectorAll('.view-lines > .view-line')).find((l) => topOf(l) === top);
      const span = view && Array.from(view.querySelectorAll('span > span')).find((s) => !/\bdyn-rule-/.test(s.className) && s.textContent?.includes(word));
      if (!span?.firstChild) return undefined;
      const start = span.textContent!.indexOf(word);
      const range = document.createRange();
      range.setStart(span.firstChild, start);
      range.setEnd(span.firstChild, start + word.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, { line, word });
    if (!box) throw new Error(`"${word}" is not in view on line ${line} of ${name}`);
    await this.page.mouse.move(box.x, box.y);
  }

  /** The frame (of the nested webview iframes) in which `selector` matches a visible element, once there is one. */
  async waitForFrameWith(selector: string, what: string, timeout = TIMEOUT): Promise<Frame> {
    return waitUntil(what, async () => {
      for (const frame of this.page.frames()) {
        if (frame.isDetached()) continue;
        const element = frame.locator(selector).first();
        if ((await element.count()) === 0) continue;
        // A box in the page: the element is laid out in a frame that is itself shown.
        const box = await element.boundingBox({ timeout: 1_000 });
        if (box && box.width > 0 && box.height > 0 && (await element.isVisible())) return frame;
      }
      return undefined;
    }, timeout);
  }
}

/** Collapses runs of white space (VS Code renders spaces as no-break spaces). */
export function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
