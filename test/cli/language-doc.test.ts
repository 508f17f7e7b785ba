/**
 * docs/language.md is checked, not just read: every ```tcpflow block is analysed; a block
 * whose info string is `tcpflow mistake CODE…` must give exactly those diagnostics (in
 * order), every other block none. Every diagnostic code the engine can report has a
 * row and a mistake example there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTcpflowBlocks, splitLines } from '../../server/src/export/markdown-blocks.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { ROOT } from '../support/bundle-lock.js';

const doc = readFileSync(join(ROOT, 'docs/language.md'), 'utf8');
const raw = splitLines(doc);
const blocks = findTcpflowBlocks(doc).map((block) => {
  const info = raw[block.openLine].trim().replace(/^`{3,}|^~{3,}/, '').trim().split(/\s+/);
  return { block, mistake: info[1] === 'mistake', expected: info.slice(2), name: `line ${block.openLine + 1}` };
});

/** Every code of the DiagnosticCode union, read from the engine's source. */
const engineCodes = [...readFileSync(join(ROOT, 'server/src/engine/diagnostics.ts'), 'utf8')
  .match(/export type DiagnosticCode =([\s\S]*?);/)![1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);

describe('docs/language.md', () => {
  it('has examples, and mistakes that name what they show', () => {
    expect(blocks.filter((b) => !b.mistake).length).toBeGreaterThanOrEqual(8);
    for (const b of blocks.filter((x) => x.mistake)) expect(b.expected.length, b.name).toBeGreaterThan(0);
  });

  it.each(blocks.filter((b) => !b.mistake).map((b) => [b.name, b] as const))('%s: a clean scenario', (_name, { block }) => {
    const { analysis } = analyzeText(block.text);
    expect(analysis.diagnostics.map((d) => `${d.span.startLine + 1} ${d.code}: ${d.message}`)).toEqual([]);
    expect(analysis.steps.length).toBeGreaterThan(0);
  });

  it.each(blocks.filter((b) => b.mistake).map((b) => [`${b.name} (${b.expected.join(', ')})`, b] as const))('%s: exactly the diagnostic it names', (_name, { block, expected }) => {
    const { analysis } = analyzeText(block.text);
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(expected);
  });

  it('has a table row and a mistake example for every diagnostic code of the engine', () => {
    expect(engineCodes.length).toBeGreaterThanOrEqual(20);
    const shown = new Set(blocks.filter((b) => b.mistake).flatMap((b) => b.expected));
    for (const code of engineCodes) {
      expect(doc, code).toContain(`| \`${code}\` |`);
      expect(shown.has(code), code).toBe(true);
    }
  });
});
