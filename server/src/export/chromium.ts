/**
 * Finding a Chromium to draw with. Nothing is downloaded: the browser is the one
 * `TCPFLOW_CHROMIUM` names, else the system's, else — as a fallback — the one the
 * optional npm dependency @sparticuz/chromium carried in at `npm install`
 * (bundled-chromium.ts).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../i18n/catalogue.js';
import { browserMessages } from '../i18n/messages/browser.js';
import { findBundledChromiumPackage, unpackBundledChromium } from './bundled-chromium.js';

export const CHROMIUM_ENV = 'TCPFLOW_CHROMIUM';

/** The usual places, in the order they are tried. */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((r) => [
      join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(r, 'Chromium', 'Application', 'chrome.exe'),
      join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
  ];
}

export type ChromiumLookup = { readonly path: string } | { readonly problem: string };

const fix = (): string => say(browserMessages.fix, { variable: CHROMIUM_ENV });

/** The browser to use, or one line that says what is missing and how to fix it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ChromiumLookup {
  const named = env[CHROMIUM_ENV];
  if (named !== undefined && named !== '') {
    return isExecutable(named)
      ? { path: named }
      : { problem: say(browserMessages.envNotExecutable, { variable: CHROMIUM_ENV, value: named, fix: fix() }) };
  }
  const found = chromiumCandidates(env, platform).find(isExecutable);
  return found
    ? { path: found }
    : { problem: say(browserMessages.noneFound, { variable: CHROMIUM_ENV, fix: fix() }) };
}

/**
 * findChromium, then the browser of the optional npm dependency (unpacked on first use).
 * A TCPFLOW_CHROMIUM that names no browser stays an error: the user asked for that one.
 */
export async function findOrUnpackChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<ChromiumLookup> {
  const found = findChromium(env, platform);
  if ('path' in found || (env[CHROMIUM_ENV] ?? '') !== '') return found;
  const pkg = findBundledChromiumPackage(platform);
  if (!pkg) return found;
  try {
    return { path: await unpackBundledChromium(pkg) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: say(browserMessages.unpackFailed, { dir: pkg.dir, reason, fix: fix() }) };
  }
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
