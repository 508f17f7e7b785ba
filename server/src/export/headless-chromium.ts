/**
 * One headless Chromium, started and driven over its DevTools pipe (cdp-connection.ts),
 * and the pages it shows. Each browser gets a profile folder of its own, removed when it
 * closes, also when this process exits without closing it; no two exports share a profile.
 *
 * A browser starts with its first page already loading (LaunchOptions.firstPage): opening a tab
 * and navigating it would cost another few hundred milliseconds of every export.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpConnection, CdpError } from './cdp-connection.js';
import { CHROMIUM_LAUNCH_ARGS } from './chromium-args.js';
import { say } from '../i18n/catalogue.js';
import { browserMessages } from '../i18n/messages/browser.js';

/** The flags only a browser driven over the pipe needs, after the shared ones. */
const PIPE_ARGS: readonly string[] = [
  '--remote-debugging-pipe',
  '--no-first-run',
  '--no-default-browser-check',
  '--hide-scrollbars',
  '--mute-audio',
  // Pages are read from files beside the bundle: module scripts and fonts from file:// URLs.
  '--allow-file-access-from-files',
  // No name resolves: whatever a page asked for could not reach the network.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** How often a page that is still loading is asked again whether it is ready. */
const RETRY_MS = 20;
/** How long a broken pipe waits for the browser's exit status to explain it. */
const EXIT_AFTER_PIPE_MS = 1_000;
/** How much of the browser's stderr is kept to explain a failed start. */
const STDERR_KEPT = 4096;
/** The signals that end this process by default: the browser and its profile go first. */
const CLEANUP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** How long a closing browser is given to exit before it is killed. */
const CLOSE_GRACE_MS = 5_000;

export interface EvaluateOptions {
  readonly timeoutMs?: number;
}

/** A page (tab) of the browser, attached to by one session of the pipe. */
export class ChromiumPage {
  constructor(private readonly connection: CdpConnection, readonly sessionId: string) {}

  send<T = Record<string, unknown>>(method: string, params: object = {}, timeoutMs?: number): Promise<T> {
    return this.connection.send<T>(method, params, this.sessionId, timeoutMs);
  }

  /**
   * Runs `fn(arg)` in the page and returns its value (awaited, JSON-copied). `fn` is sent
   * as source text, so it must refer to nothing outside itself; `arg` goes as JSON.
   */
  /**
   * Runs `test` in the page until it gives true (its promise is awaited), for when the
   * page may still be loading: a call into a document that is being replaced fails and is
   * tried again. Gives up after `timeoutMs`, or at once when the browser has gone.
   */
  async waitUntil(test: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new CdpError(say(browserMessages.pageNotReady, { seconds: Math.ceil(timeoutMs / 1000) }));
      try {
        if (await this.run(test, undefined, { timeoutMs: left }) === true) return;
      } catch (error) {
        if (this.connection.closedReason !== undefined) throw error;
      }
      await new Promise((resume) => setTimeout(resume, RETRY_MS));
    }
  }

  async run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A, options: EvaluateOptions = {}): Promise<R> {
    const expression = `(${fn.toString()})(${JSON.stringify(arg)})`;
    const answer = await this.send<EvaluateAnswer>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, options.timeoutMs);
    if (answer.exceptionDetails) throw new CdpError(exceptionText(answer.exceptionDetails));
    return answer.result?.value as R;
  }
}

interface EvaluateAnswer {
  readonly result?: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text?: string; readonly exception?: { readonly description?: string } };
}

function exceptionText(details: NonNullable<EvaluateAnswer['exceptionDetails']>): string {
  return details.exception?.description ?? details.text ?? say(browserMessages.pageThrew);
}

export interface LaunchOptions {
  readonly executablePath: string;
  /**
   * Writes what the first tab shows into the browser's profile folder, before the browser
   * starts, and gives its URL: the tab opens it at start.
   */
  readonly firstPage: (profileDir: string) => string;
  readonly timeoutMs: number;
}

/**
 * Cleans up when this process ends without closing a browser it started. It is set up
 * before the profile folder exists: a signal with no listener ends a process at once,
 * and one arriving between the folder and the browser would leave the folder behind.
 */
class ExitGuard {
  /** On the way out (an uncaught error, process.exit): nothing can be awaited there. */
  now: () => void = () => undefined;
  /** When interrupted (Ctrl-C, a kill): may wait for the browser to be gone. */
  interrupted: () => Promise<void> = async () => this.now();

  private readonly onExit = (): void => this.now();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.forget();
    // Then the signal does what it would have done.
    void this.interrupted().finally(() => process.kill(process.pid, signal));
  };

  constructor() {
    process.once('exit', this.onExit);
    for (const signal of CLEANUP_SIGNALS) process.once(signal, this.onSignal);
  }

  forget(): void {
    process.removeListener('exit', this.onExit);
    for (const signal of CLEANUP_SIGNALS) process.removeListener(signal, this.onSignal);
  }
}

export class HeadlessChromium {
  private exited: Promise<void>;

  private constructor(private readonly child: ChildProcess, readonly connection: CdpConnection, readonly profileDir: string, private readonly stderrTail: () => string, private readonly guard: ExitGuard) {
    // A browser that could not be started emits 'error' and maybe never 'exit'.
    this.exited = new Promise((done) => {
      child.once('exit', () => done());
      child.once('error', () => done());
    });
    // Best effort on the way out: a browser not yet dead may write a file again.
    guard.now = () => {
      this.killGroup();
      removeProfile(profileDir);
    };
    guard.interrupted = () => this.shutDown(0);
  }

  /** The browser's process id (the tests kill it to see what a crash does). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Starts the browser; rejects with one line that says why it could not. */
  static async launch(options: LaunchOptions): Promise<HeadlessChromium> {
    const guard = new ExitGuard();
    const profileDir = mkdtempSync(join(tmpdir(), 'tcpflow-chromium-'));
    guard.now = () => removeProfile(profileDir);
    let firstPageUrl: string;
    try {
      firstPageUrl = options.firstPage(profileDir);
    } catch (error) {
      guard.forget();
      removeProfile(profileDir);
      throw error;
    }
    const child = spawn(options.executablePath, [...CHROMIUM_LAUNCH_ARGS, ...PIPE_ARGS, `--user-data-dir=${profileDir}`, firstPageUrl], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      // Its own process group, so the browser's helper processes can be ended with it
      // (killGroup); on Windows a detached child would get a console window instead.
      detached: process.platform !== 'win32',
      // A headless Chromium also writes below XDG_CONFIG_HOME and XDG_CACHE_HOME, and its
      // shared memory into TMPDIR (--disable-dev-shm-usage): all of it goes into the
      // profile, so nothing is left behind even when the browser is killed.
      env: { ...process.env, XDG_CONFIG_HOME: profileDir, XDG_CACHE_HOME: profileDir, TMPDIR: profileDir },
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-STDERR_KEPT);
    });
    // The pipe breaks a moment before the exit is seen: the exit status says more, so it
    // is waited for (briefly) before the connection closes with the pipe's own reason.
    const connection = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable, (reason) => {
      setTimeout(() => connection.close(reason), EXIT_AFTER_PIPE_MS).unref();
    });
    const browser = new HeadlessChromium(child, connection, profileDir, () => stderr, guard);
    const failedToStart = new Promise<never>((_, reject) => {
      child.once('error', (error) => reject(new CdpError(error.message)));
      child.once('exit', (code, signal) => reject(new CdpError(browser.exitReason(code, signal))));
    });
    child.once('exit', (code, signal) => connection.close(browser.exitReason(code, signal)));
    try {
      // The first answer says the browser is up and listening on the pipe.
      await Promise.race([connection.send('Browser.getVersion', {}, undefined, options.timeoutMs), failedToStart]);
    } catch (error) {
      // Nothing to close gracefully in a browser that never answered.
      await browser.shutDown(0);
      throw error;
    }
    failedToStart.catch(() => undefined);
    return browser;
  }

  /** The tab the browser opened at start (LaunchOptions.firstPage). */
  async firstPage(): Promise<ChromiumPage> {
    const { targetInfos } = await this.connection.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
    const first = targetInfos.find((t) => t.type === 'page');
    if (!first) throw new CdpError(say(browserMessages.noPage));
    return this.attach(first.targetId);
  }

  /** A new tab showing `url`. */
  async newPage(url: string): Promise<ChromiumPage> {
    const { targetId } = await this.connection.send<{ targetId: string }>('Target.createTarget', { url });
    return this.attach(targetId);
  }

  /** Closes the browser (killing it if it does not go), then removes its profile folder. */
  close(): Promise<void> {
    return this.shutDown(CLOSE_GRACE_MS);
  }

  /** Asks the browser to close, kills it after `graceMs`, and removes its profile folder once it has gone. */
  private async shutDown(graceMs: number): Promise<void> {
    if (this.child.pid !== undefined && this.child.exitCode === null && this.child.signalCode === null) {
      if (graceMs > 0) this.connection.send('Browser.close', {}, undefined, graceMs).catch(() => undefined);
      const timer = setTimeout(() => this.killGroup(), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    // Helpers of a browser that was killed outlive it for a moment, writing to its profile.
    this.killGroup();
    this.connection.close(say(browserMessages.closed));
    this.guard.forget();
    removeProfile(this.profileDir);
  }

  /** Kills the browser and every helper process it started (its process group). */
  private killGroup(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      if (process.platform === 'win32') this.child.kill('SIGKILL');
      else process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  private async attach(targetId: string): Promise<ChromiumPage> {
    const { sessionId } = await this.connection.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    // A crashed or closed page answers nothing more: its waiting calls fail at once.
    const forget = this.connection.onEvent((event) => {
      if (event.method === 'Inspector.targetCrashed' && event.sessionId === sessionId) {
        this.connection.failSession(sessionId, say(browserMessages.pageCrashed));
      } else if (event.method === 'Target.detachedFromTarget' && event.params.sessionId === sessionId) {
        this.connection.failSession(sessionId, say(browserMessages.pageClosed));
        forget();
      }
    });
    return new ChromiumPage(this.connection, sessionId);
  }

  private exitReason(code: number | null, signal: NodeJS.Signals | null): string {
    const how = signal ? say(browserMessages.exitSignal, { signal }) : say(browserMessages.exitCode, { code: String(code ?? '?') });
    const lastWords = this.stderrTail().split('\n').map((l) => l.trim()).filter((l) => l !== '').pop() ?? '';
    return say(browserMessages.exited, { how, lastWords });
  }
}

function removeProfile(dir: string): void {
  try {
    // Files a dying helper process still writes make a folder briefly not empty: retried.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  } catch {
    // Left in the temporary folder: not worth failing an export that is already written.
  }
}
