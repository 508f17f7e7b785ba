/**
 * The real VS Code for the end-to-end test: packages the extension as users get it (a
 * VSIX made by vsce), installs code-server if this checkout has none (with the project's
 * scripts/install-code-server.mjs), installs the VSIX into a fresh extensions folder and
 * starts code-server on 127.0.0.1 with a fresh user data folder. Everything it creates
 * lives in one temporary folder that `stop` removes.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { codeServerBin, DEFAULT_DIR, isInstalled } from '../../scripts/install-code-server.mjs';
import { ROOT, withBundleLockAsync } from '../support/bundle-lock.js';

export { ROOT };

const run = promisify(execFile);
const CODE_SERVER_DIR = DEFAULT_DIR;

/**
 * Installs code-server into .cache/code-server with the project's installer
 * (scripts/install-code-server.mjs) unless a finished install of its version is there.
 * The installer runs as a process of its own, so the test process stays responsive
 * during its minutes of work, and its output shows up in the error if it fails.
 */
async function ensureCodeServer(): Promise<string> {
  if (isInstalled(CODE_SERVER_DIR)) return codeServerBin(CODE_SERVER_DIR);
  try {
    await run(process.execPath, [join(ROOT, 'scripts', 'install-code-server.mjs'), CODE_SERVER_DIR], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`installing code-server failed (node scripts/install-code-server.mjs):\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
  if (!isInstalled(CODE_SERVER_DIR)) throw new Error(`scripts/install-code-server.mjs finished but ${CODE_SERVER_DIR} holds no finished install`);
  return codeServerBin(CODE_SERVER_DIR);
}

/**
 * Packages out/ — bundled by this run's global setup from the current sources
 * (test/support/test-build.ts) — with vsce, as `npm run package` does after its build,
 * into `dir`. TCPFLOW_E2E_VSIX names a VSIX made beforehand instead (scripts/e2e.sh
 * passes the one `npm run package` just made).
 */
export async function packageVsix(dir: string): Promise<string> {
  const given = process.env.TCPFLOW_E2E_VSIX;
  if (given) {
    const path = resolve(ROOT, given);
    if (!existsSync(path)) throw new Error(`TCPFLOW_E2E_VSIX=${given}: no such file`);
    return path;
  }
  const vsix = join(dir, 'tcpflow.vsix');
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // Under the bundle lock: nothing rewrites out/ while vsce reads it.
  await withBundleLockAsync(async () => {
    try {
      await run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`vsce package failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
    }
  });
  return vsix;
}

/** VS Code user settings for a quiet, predictable window (no welcome page, no chat, no update checks). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'off',
  'files.simpleDialog.enable': true,
};

export interface CodeServer {
  readonly url: string;
  /** The temporary folder with the workspace, user data, extensions and the VSIX. */
  readonly dir: string;
  readonly workspace: string;
  /** Everything code-server printed so far (for error messages). */
  log(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly vsix: string;
  readonly dir: string;
  /** Fills the workspace folder before code-server starts. */
  readonly populate: (workspace: string) => void;
  /**
   * Workspace trust on, as VS Code ships it, and the workspace folder not trusted (opened
   * in Restricted Mode without the startup question). Default: trust off
   * (--disable-workspace-trust), every folder trusted.
   */
  readonly untrustedWorkspace?: boolean;
}

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tcpflow-e2e-'));
}

/** The command lines of this code-server's Node language servers (out/server.js of the installed extension). */
export function languageServers(dir: string): string[] {
  const extensions = join(dir, 'extensions');
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
    try {
      const command = readFileSync(join('/proc', pid, 'cmdline'), 'utf8').split('\0').join(' ');
      return command.includes(extensions) && /out\/server\.js/.test(command) ? [command] : [];
    } catch {
      return []; // the process ended meanwhile
    }
  });
}

/** The user settings file of a code-server started in `dir` (VS Code reloads it when it changes). */
export function userSettingsPath(dir: string): string {
  return join(dir, 'user-data', 'User', 'settings.json');
}

export async function startCodeServer({ vsix, dir, populate, untrustedWorkspace = false }: StartOptions): Promise<CodeServer> {
  const bin = await ensureCodeServer();
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  const workspace = join(dir, 'workspace');
  const config = join(dir, 'config.yaml');
  for (const d of [userData, extensions, workspace, join(userData, 'User')]) mkdirSync(d, { recursive: true });
  // A config file of our own: the user's ~/.config/code-server/config.yaml (password auth) is not read.
  writeFileSync(config, 'auth: none\n');
  const trust = untrustedWorkspace
    ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
    : {};
  writeFileSync(userSettingsPath(dir), JSON.stringify({ ...USER_SETTINGS, ...trust }, null, 2));
  populate(workspace);

  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  try {
    await run(bin, [...common, '--install-extension', vsix, '--force'], { cwd: dir });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`installing ${vsix} into code-server failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }

  // Port 0: the system picks a free port and code-server prints it, so no other process can take it first.
  const child = spawn(bin, [
    ...common, '--auth', 'none', '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check',
    ...(untrustedWorkspace ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', workspace,
  ], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  // If this worker dies without afterAll, do not leave code-server behind.
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const check = () => {
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) { clearTimeout(timer); resolveUrl(m[1]); }
    };
    child.stdout.on('data', check);
    child.once('exit', (code, signal) => { clearTimeout(timer); reject(new Error(`code-server exited (${code ?? signal}):\n${output}`)); });
  });

  return {
    url,
    dir,
    workspace,
    log: () => output,
    async stop() {
      process.removeListener('exit', killOnExit);
      await stopProcess(child);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: code-server, its VS Code server, extension hosts, language servers
  } catch { /* already gone */ }
}

/** SIGTERM to code-server's process group, SIGKILL if it has not exited after 10 s. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  // Extension hosts and language servers may outlive code-server for a moment; they are in its group.
  try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* the group is empty */ }
}

/**
 * Ends a suite's session: closes the browser and code-server, keeps code-server's and VS
 * Code's logs beside the screenshots (the extension host log has the TCP Flow channel),
 * with `extraLog` appended, and removes the session's folder.
 */
export async function endSession(session: { browser?: { close(): Promise<void> }; server?: CodeServer; dir?: string; shots: string; extraLog?: () => string }): Promise<void> {
  const { browser, server, dir, shots } = session;
  await browser?.close().catch(() => undefined);
  await server?.stop();
  if (server && dir) {
    const logs = join(dir, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(shots, 'logs'), { recursive: true });
    writeFileSync(join(shots, 'code-server.log'), `${server.log()}${session.extraLog?.() ?? ''}`);
  }
  if (dir) removeDir(dir);
}

function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
