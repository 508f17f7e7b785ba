/**
 * Hostile text (issue 18): a 4 MB token in every slot a statement has, a line of a
 * million unclosed `/*`, a million comment lines, a 1 MB line of one-character tokens,
 * a document over the size bound. The reader is linear and bounded, so each is read with
 * the diagnostics it deserves — in process, by the built CLI and by the language server
 * over stdio. No timing is asserted: a regression shows as a test that does not finish
 * within vitest's (generous) budget.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/src/language/analyze.js';
import { MAX_SOURCE_BYTES, MAX_TOKENS_PER_LINE } from '../../server/src/language/reader/limits.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';
import { testBuild } from '../support/test-build.js';
import { hugeTokenDocuments, manyLineDocuments, type HostileText } from '../fuzz/generators.js';
import { LspClient } from '../lsp/lsp-client.js';

const MB = 1 << 20;
const HUGE = hugeTokenDocuments(4 * MB);
const MANY = manyLineDocuments(1_000_000);
/** Fewer lines for comparing two readings diagnostic by diagnostic (a million error lines make a million diagnostics to compare). */
const MANY_COMPARED = manyLineDocuments(200_000);
const ONE_CHAR_TOKENS: HostileText = { name: 'a 1 MB line of one-character tokens', text: `b: listen\n${'!'.repeat(MB)}\nb: close\n`, syntaxLines: [1] };
const WORDS_LINE: HostileText = { name: 'a 1 MB line of one-letter words', text: `b: listen\n${'w '.repeat(MB / 2)}\nb: close\n`, syntaxLines: [1] };
const TOO_LARGE = `// ${'x'.repeat(MAX_SOURCE_BYTES)}\nb: listen\n`;

const syntaxLinesOf = (diagnostics: ReadonlyArray<{ code?: unknown; line: number }>) =>
  [...new Set(diagnostics.filter((d) => d.code === 'syntax').map((d) => d.line))];

describe('the reader, in process', () => {
  it.each([...HUGE, ...MANY_COMPARED, ONE_CHAR_TOKENS, WORDS_LINE].map((d) => [d.name, d]))('%s', (_, doc) => {
    const { analysis } = analyzeText(doc.text);
    if (doc.syntaxLines) expect(syntaxLinesOf(analysis.diagnostics.map((d) => ({ code: d.code, line: d.span.startLine })))).toEqual(doc.syntaxLines);
    // The reader quotes a huge token cut short: no message carries megabytes.
    for (const d of analysis.diagnostics.filter((x) => x.code === 'syntax' || x.code === 'unknown-option')) expect(d.message.length).toBeLessThan(500);
    // The language server's chunk reader reads it the same way.
    const incremental = new IncrementalReader().analyze('file:///hostile', doc.text).analysis;
    expect(incremental.diagnostics).toEqual(analysis.diagnostics);
  });

  it.each(MANY.map((d) => [d.name, d]))('%s, read whole', (_, doc) => {
    const lines = doc.text.split('\n').length - 1;
    const { analysis } = analyzeText(doc.text);
    expect(analysis.diagnostics.length).toBe(doc.syntaxLines ? 0 : lines);
  });

  it('a line over the token bound gets one diagnostic that says why', () => {
    const { analysis } = analyzeText(ONE_CHAR_TOKENS.text);
    expect(analysis.diagnostics).toHaveLength(1);
    expect(analysis.diagnostics[0].message).toContain(`${MB.toLocaleString('en')} words and symbols`);
    expect(analysis.diagnostics[0].message).toContain(MAX_TOKENS_PER_LINE.toLocaleString('en'));
    expect(analysis.steps.map((s) => s.line)).toEqual([0, 2]);
  });

  it('a huge token keeps its value whole', () => {
    const title = HUGE.find((d) => d.name.startsWith('a title'))!;
    expect(analyzeText(title.text).analysis.title).toHaveLength(4 * MB);
  });

  it('a document over the size bound is not read: one diagnostic says so', () => {
    for (const analysis of [analyzeText(TOO_LARGE).analysis, new IncrementalReader().analyze('file:///big', TOO_LARGE).analysis]) {
      expect(analysis.diagnostics).toHaveLength(1);
      expect(analysis.diagnostics[0]).toMatchObject({ code: 'syntax', span: { startLine: 0 } });
      expect(analysis.diagnostics[0].message).toContain(`${MAX_SOURCE_BYTES / MB} MB`);
      expect(analysis.steps).toEqual([]);
    }
  });
});

const THROUGH_PROCESSES = [HUGE.find((d) => d.name.startsWith('a data='))!, HUGE.find((d) => d.name.includes('unclosed /* on one line'))!, MANY[0], ONE_CHAR_TOKENS];

describe('the built CLI', () => {
  let cli: string;
  let dir: string;
  beforeAll(() => {
    cli = testBuild().cli;
    dir = mkdtempSync(join(tmpdir(), 'tcpflow-hostile-'));
  });

  it.each(THROUGH_PROCESSES.map((d) => [d.name, d]))('%s', (_, doc) => {
    writeFileSync(join(dir, 'doc.tcpflow'), doc.text);
    const r = spawnSync(process.execPath, [cli, 'check', '--json', 'doc.tcpflow'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * MB });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.status);
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ line: number; code: string }> };
    expect(syntaxLinesOf(report.diagnostics.map((d) => ({ code: d.code, line: d.line - 1 })))).toEqual(doc.syntaxLines);
  });
});

describe('the language server over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = await LspClient.start();
  });
  afterAll(async () => {
    await client.stop();
  });

  it.each(THROUGH_PROCESSES.map((d, i) => [d.name, d, i] as const))('%s', async (_, doc, i) => {
    const uri = `file:///hostile/doc-${i}.tcpflow`;
    const diagnostics = await client.open(uri, doc.text);
    expect(syntaxLinesOf(diagnostics.map((d) => ({ code: d.code, line: d.range.start.line })))).toEqual(doc.syntaxLines);
    // Still answering: a hover on the last line.
    const lines = doc.text.split('\n').length;
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lines - 2, character: 0 } });
  });

  it('a document over the size bound gets one diagnostic, and the server goes on', async () => {
    const diagnostics = await client.open('file:///hostile/too-large.tcpflow', TOO_LARGE);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toContain(`${MAX_SOURCE_BYTES / MB} MB`);
    expect(await client.open('file:///hostile/after.tcpflow', 'b: listen\nb: frobnicate\n')).toHaveLength(1);
  });
});
