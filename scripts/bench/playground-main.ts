/** `npm run bench:playground`: only the playground's section of docs/benchmarks.md, measured anew. */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH_ARGS } from '../../server/src/export/chromium-args.js';
import { playgroundSection, writePlaygroundSection } from './playground.js';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_LAUNCH_ARGS] });
try {
  const section = await playgroundSection(browser);
  const path = 'docs/benchmarks.md';
  writeFileSync(path, writePlaygroundSection(readFileSync(path, 'utf8'), section));
  console.log(section.join('\n'));
} finally {
  await browser.close();
}
