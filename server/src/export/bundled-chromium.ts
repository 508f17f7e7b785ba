/**
 * The browser of last resort: the headless Chromium that the optional dependency
 * `@sparticuz/chromium` carries inside its npm package (brotli-compressed, Linux x64),
 * for machines with no Chromium of their own. Only its files are used, never its code
 * (that package's code aims at AWS Lambda and unpacks into the shared /tmp).
 *
 * On first use the files are unpacked once into node_modules/.cache/tcpflow-chromium/
 * VERSION (about 230 MB, ten seconds or so), beside the package they came from, and a
 * small `chrome` script there starts the browser with the libraries it brought (NSS,
 * which a machine without a browser usually lacks) and a font set-up that reads the
 * system's fonts first. docs/browser.md has the evaluation: same SVG and PNG as
 * Debian's chromium, and what it costs.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

export const BUNDLED_CHROMIUM_PACKAGE = '@sparticuz/chromium';

export interface BundledChromiumPackage {
  /** The package's folder (node_modules/@sparticuz/chromium). */
  readonly dir: string;
  readonly version: string;
}

/** The installed package, if npm installed it (it is optional, and Linux x64 only). */
export function findBundledChromiumPackage(platform: NodeJS.Platform = process.platform, arch: string = process.arch): BundledChromiumPackage | undefined {
  if (platform !== 'linux' || arch !== 'x64') return undefined;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(BUNDLED_CHROMIUM_PACKAGE);
  } catch {
    return undefined;
  }
  // The package's folder, wherever inside it its entry lies (versions move it around);
  // its package.json is not exported, so it is read as a file.
  const marker = join('node_modules', ...BUNDLED_CHROMIUM_PACKAGE.split('/'));
  const at = entry.lastIndexOf(marker);
  if (at < 0) return undefined;
  const dir = entry.slice(0, at + marker.length);
  try {
    const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    return existsSync(join(dir, 'bin', 'chromium.br')) ? { dir, version } : undefined;
  } catch {
    return undefined;
  }
}

/** Where a package's browser is unpacked: node_modules/.cache/tcpflow-chromium/VERSION. */
export function bundledChromiumCacheDir(pkg: BundledChromiumPackage): string {
  return join(pkg.dir, '..', '..', '.cache', 'tcpflow-chromium', pkg.version);
}

/** The script that starts an unpacked browser. */
export function bundledChromiumLauncher(cacheDir: string): string {
  return join(cacheDir, 'chrome');
}

/**
 * The path of the package's browser, unpacked into `cacheDir` first if it is not there
 * yet. Several processes may unpack at once: each into a folder of its own, renamed into
 * place at the end, so no one ever starts a half-written browser.
 */
export async function unpackBundledChromium(pkg: BundledChromiumPackage, cacheDir = bundledChromiumCacheDir(pkg)): Promise<string> {
  const launcher = bundledChromiumLauncher(cacheDir);
  if (existsSync(launcher)) return launcher;
  const partial = `${cacheDir}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(partial, { recursive: true });
  try {
    const bin = join(pkg.dir, 'bin');
    await Promise.all([
      pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(partial, 'chromium'), { mode: 0o755 })),
      // NSS and the other libraries Amazon Linux lacks are the ones a machine without a browser lacks too.
      untarBrotli(join(bin, 'al2023.tar.br'), partial),
      untarBrotli(join(bin, 'fonts.tar.br'), partial),
      untarBrotli(join(bin, 'swiftshader.tar.br'), partial),
    ]);
    writeFileSync(join(partial, 'fonts.conf'), FONTS_CONF);
    writeFileSync(bundledChromiumLauncher(partial), LAUNCHER, { mode: 0o755 });
    try {
      renameSync(partial, cacheDir);
    } catch (error) {
      // Another process finished first: its copy is as good as ours.
      if (!existsSync(launcher)) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return launcher;
}

/**
 * Unpacks a brotli-compressed tar archive: brotli by Node, the tar by the system's tar
 * (always there on Linux) from a file, since tar stops reading at the archive's end and
 * a pipe into it would break.
 */
async function untarBrotli(archive: string, into: string): Promise<void> {
  const tarFile = join(into, `${basename(archive, '.br')}.tmp`);
  await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(tarFile));
  try {
    await new Promise<void>((resolve, reject) => {
      const tar = spawn('tar', ['-x', '-f', tarFile, '-C', into], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      tar.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
      tar.once('error', reject);
      tar.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar could not unpack ${archive}: ${stderr.trim() || `exit ${code}`}`))));
    });
  } finally {
    rmSync(tarFile, { force: true });
  }
}

/**
 * The system's fonts first, so that a diagram measures its text exactly as the system's
 * Chromium would; the package's Open Sans only where a machine has no fonts at all.
 */
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir prefix="relative">fonts</dir>
</fontconfig>
`;

/** Starts the unpacked browser with the libraries and font set-up beside it. */
const LAUNCHER = `#!/bin/sh
# Written by tcpflow (server/src/export/bundled-chromium.ts): starts the headless
# Chromium of the npm package @sparticuz/chromium with the libraries it carries.
here="$(cd "$(dirname "$0")" && pwd)"
export LD_LIBRARY_PATH="$here/lib:$here\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export FONTCONFIG_FILE="$here/fonts.conf"
exec "$here/chromium" "$@"
`;
