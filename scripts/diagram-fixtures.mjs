// Captures Mermaid's own SVG (what `mermaid.render` returns, before tcpflow touches it)
// for a few golden diagrams, as fixtures for the unit tests of the arrow post-processing
// (test/diagram/slope.test.ts) and the state labels (test/diagram/state-labels.test.ts). Run again after a Mermaid upgrade:
//   node scripts/diagram-fixtures.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const NAMES = ['simultaneous-open', 'simultaneous-close', 'old-duplicate-syn', 'lost-syn-retransmission', 'three-way-handshake', 'syn-queue-and-accept-queue'];
const require = createRequire(import.meta.url);
const browser = await chromium.launch({ executablePath: process.env.TCPFLOW_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  for (const name of NAMES) {
    const text = readFileSync(`test/diagram/golden/${name}.mmd`, 'utf8');
    const svg = await page.evaluate(async (t) => {
      globalThis.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default', htmlLabels: false, sequence: { useMaxWidth: false, mirrorActors: true } });
      return (await globalThis.mermaid.render('fixture', t)).svg;
    }, text);
    // The stylesheet is the largest part and plays no part in where arrows go.
    writeFileSync(`test/diagram/fixtures/${name}.svg`, `${svg.replace(/<style>[\s\S]*?<\/style>/, '<style></style>')}\n`);
  }
} finally {
  await browser.close();
}
