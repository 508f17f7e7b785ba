/**
 * Finding a Chromium to draw with. Nothing is downloaded: the browser is the one the
 * system has, or the one `TCPFLOW_CHROMIUM` names.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { join } from 'node:path';

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

const FIX = `install it (e.g. apt-get install chromium) or set ${CHROMIUM_ENV} to the browser's path; --format md and mmd need no browser`;

/** The browser to use, or one line that says what is missing and how to fix it. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ChromiumLookup {
  const named = env[CHROMIUM_ENV];
  if (named !== undefined && named !== '') {
    return isExecutable(named)
      ? { path: named }
      : { problem: `drawing SVG and PNG needs Chromium, but ${CHROMIUM_ENV}=${named} is not an executable file: ${FIX}` };
  }
  const found = chromiumCandidates(env, platform).find(isExecutable);
  return found
    ? { path: found }
    : { problem: `drawing SVG and PNG needs Chromium, and none was found (${CHROMIUM_ENV} is not set): ${FIX}` };
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
