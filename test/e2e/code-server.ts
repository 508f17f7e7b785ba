/**
 * The real VS Code for the end-to-end test: packages the extension as users get it (a
 * VSIX made by vsce), installs code-server if this checkout has none, installs the VSIX
 * into a fresh extensions folder and starts code-server on 127.0.0.1 with a fresh user
 * data folder. Everything it creates lives in one temporary folder that `stop` removes.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { withBundleLockAsync } from '../support/bundle-lock.js';

const run = promisify(execFile);

export const ROOT = resolve(__dirname, '../..');
export const CODE_SERVER_DIR = join(ROOT, '.cache', 'code-server');
const CODE_SERVER = join(CODE_SERVER_DIR, 'bin', 'code-server');

/** The shared installer (see docs/e2e.md); TCPFLOW_CODE_SERVER_INSTALLER overrides where it is. */
export function findInstaller(): string | undefined {
  const candidates = [process.env.TCPFLOW_CODE_SERVER_INSTALLER, join(ROOT, '..', 'shared', 'tools', 'install-code-server.sh')];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** Installs code-server into .cache/code-server unless a finished install is there. */
export async function ensureCodeServer(): Promise<string> {
  if (existsSync(join(CODE_SERVER_DIR, '.done')) && existsSync(CODE_SERVER)) return CODE_SERVER;
  const installer = findInstaller();
  if (!installer) {
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR} and the installer was not found `
      + '(looked for ../shared/tools/install-code-server.sh; set TCPFLOW_CODE_SERVER_INSTALLER to its path).');
  }
  // Not npm's environment: run from `npm test`, npm's npm_* variables make the installer's
  // nested `npm install` run code-server's postinstall on this Node 20 (it needs Node 24).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
  await run('bash', [installer, CODE_SERVER_DIR], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  if (!existsSync(CODE_SERVER)) throw new Error(`${installer} finished but ${CODE_SERVER} does not exist`);
  return CODE_SERVER;
}


/**
 * Bundles the current sources and packages them with vsce, the way `npm run package`
 * does after its build, into `dir`. TCPFLOW_E2E_VSIX names a VSIX made beforehand
 * instead (scripts/e2e.sh passes the one `npm run package` just made).
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
  await withBundleLockAsync(async () => {
    await run(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT });
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

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
