/**
 * `npm run fuzz`: the fuzz properties of test/fuzz at full length (104,000 cases in all:
 * parser + engine, Mermaid generator, quick fixes, line endings, escaping, and random
 * sessions against the built language server, malformed messages among their actions,
 * one mistake → one error over the examples),
 * the hostile documents at 1 MB, a workspace folder of hostile files, and the 1,000-edit
 * heap check. Records the counts, results, seed, durations, date and
 * machine in docs/reliability.md (between the fuzz markers) and exits 1 on a failure.
 *
 * FUZZ_SEED=n reproduces a run; FUZZ_SCALE=0.1 runs a tenth of the cases.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeText } from '../server/src/language/analyze.js';
import { bigDocuments, ROOT, unterminatedComments } from '../test/fuzz/generators.js';
import { anyDocument } from '../test/fuzz/generators.js';
import { bigDocumentRequests, FuzzServer, hostileWorkspaceRun, runSession, session } from '../test/fuzz/lsp-driver.js';
import { longSession } from '../test/fuzz/lsp-session.js';
import { analyzeChecked, BUDGET_MS, mermaidChecked, PROPERTIES } from '../test/fuzz/properties.js';

const LSP_SESSIONS = 1_000;
const scale = process.env.FUZZ_SCALE !== undefined ? Number(process.env.FUZZ_SCALE) : 1;
const baseSeed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

interface Row { name: string; cases: number; passed: boolean; seed: number; ms: number; detail?: string }

const rows: Row[] = [];
const notes: string[] = [];
const started = Date.now();

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function record(row: Row): void {
  rows.push(row);
  log(`${row.passed ? 'pass' : 'FAIL'}  ${row.name}: ${row.cases.toLocaleString('en')} cases, seed ${row.seed}, ${(row.ms / 1000).toFixed(1)} s${row.detail ? `\n${row.detail}` : ''}`);
}

function firstLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join('\n');
}

async function main(): Promise<void> {
  log(`fuzz: seed ${baseSeed}, scale ${scale}`);

  PROPERTIES.forEach((p, i) => {
    const seed = baseSeed + i;
    const numRuns = Math.max(1, Math.round(p.fuzzRuns * scale));
    const t0 = performance.now();
    const details = fc.check(p.property, { numRuns, seed });
    record({
      name: p.name, cases: details.numRuns, passed: !details.failed, seed, ms: performance.now() - t0,
      detail: details.failed ? firstLines(`counterexample ${fc.stringify(details.counterexample)}\n${String(details.errorInstance)}`, 30) : undefined,
    });
  });

  // The language server: a private copy of the bundle, so a concurrent build cannot swap it mid-run.
  const serverCopy = join(mkdtempSync(join(tmpdir(), 'tcpflow-fuzz-server-')), 'server.js');
  copyFileSync(join(ROOT, 'out', 'server.js'), serverCopy);
  const server = await FuzzServer.start(serverCopy);
  try {
    const seed = baseSeed + PROPERTIES.length;
    const numRuns = Math.max(1, Math.round(LSP_SESSIONS * scale));
    const t0 = performance.now();
    const details = await fc.check(fc.asyncProperty(session, async ({ text, actions }) => runSession(server, text, actions)), { numRuns, seed });
    const s = server.stats;
    record({
      name: 'language server: random sessions over stdio (no internal error, no crash, requests within 2 s, edits agree with a fresh open)',
      cases: details.numRuns, passed: !details.failed, seed, ms: performance.now() - t0,
      detail: details.failed ? firstLines(`counterexample ${fc.stringify(details.counterexample)}\n${String(details.errorInstance)}`, 30) : undefined,
    });
    notes.push(`Language server sessions: ${s.requests.toLocaleString('en')} requests and ${s.edits.toLocaleString('en')} incremental edits, ${s.malformed.toLocaleString('en')} of the messages malformed or about an unopened file; slowest request ${s.slowestMethod} at ${s.slowestMs.toFixed(0)} ms; error answers accepted as correct: ${JSON.stringify(s.acceptedErrors)}.`);

    const tb = performance.now();
    const bigDocs = bigDocuments();
    try {
      for (const doc of bigDocs) await bigDocumentRequests(server, doc.text);
      record({ name: 'language server: every request once on each hostile document (1 MB lines), within 2 s', cases: bigDocs.length, passed: true, seed: 0, ms: performance.now() - tb });
    } catch (error) {
      record({ name: 'language server: every request once on each hostile document (1 MB lines), within 2 s', cases: bigDocs.length, passed: false, seed: 0, ms: performance.now() - tb, detail: firstLines(String(error), 10) });
    }

    const t1 = performance.now();
    // A server of its own, so that documents kept from the sessions above do not inflate the baseline.
    const own = await FuzzServer.start(serverCopy);
    try {
      const heap = await longSession(own, 1_000, baseSeed);
      const mb = (n: number) => (n / 2 ** 20).toFixed(1);
      record({ name: 'language server: 1,000-edit session grows the heap by less than 10%', cases: 1, passed: heap.growth < 0.10, seed: baseSeed, ms: performance.now() - t1 });
      notes.push(`Heap over a 1,000-edit session: ${mb(heap.before.heapUsed)} MB before, ${mb(heap.after.heapUsed)} MB after (${(heap.growth * 100).toFixed(1)}%); RSS ${heap.before.procRssKb ?? '?'} kB before, ${heap.after.procRssKb ?? '?'} kB after; the 1,000 edits took ${(heap.ms / 1000).toFixed(1)} s to send and process, and the server caught up ${(heap.settleMs / 1000).toFixed(1)} s after the last one was sent.`);
    } catch (error) {
      record({ name: 'language server: 1,000-edit session grows the heap by less than 10%', cases: 1, passed: false, seed: baseSeed, ms: performance.now() - t1, detail: String(error) });
    } finally {
      await own.stop();
    }
  } finally {
    await server.stop();
  }

  const tw = performance.now();
  const workspaceName = 'language server: a workspace folder of hostile files (17 MB, 50 MB, binary, FIFO, symlink loop, folder named .tcpflow, unreadable, 4 MB string) beside 200 random documents';
  try {
    const randomTexts = fc.sample(anyDocument, { numRuns: Math.max(1, Math.round(200 * scale)), seed: baseSeed });
    notes.push(`Hostile workspace: ${await hostileWorkspaceRun(serverCopy, randomTexts)}`);
    record({ name: workspaceName, cases: 1, passed: true, seed: baseSeed, ms: performance.now() - tw });
  } catch (error) {
    record({ name: workspaceName, cases: 1, passed: false, seed: baseSeed, ms: performance.now() - tw, detail: firstLines(String(error), 10) });
  }

  // Hostile documents, each held to the budget and timed.
  const t2 = performance.now();
  const timings: string[] = [];
  let bigFailures = '';
  for (const doc of bigDocuments()) {
    const t = performance.now();
    try {
      mermaidChecked(analyzeChecked(doc.text), {});
    } catch (error) {
      bigFailures += `${doc.name}: ${firstLines(String(error), 3)}\n`;
    }
    timings.push(`| ${doc.name} | ${(performance.now() - t).toFixed(0)} |`);
  }
  record({ name: 'hostile documents (1 MB lines, 100,000 comment openers, 10,000 NUL/CR lines)', cases: timings.length, passed: bigFailures === '', seed: 0, ms: performance.now() - t2, detail: bigFailures || undefined });

  const t3 = performance.now();
  analyzeText(unterminatedComments(100_000));
  const commentMs = performance.now() - t3;

  const total = rows.reduce((n, r) => n + r.cases, 0);
  const passed = rows.every((r) => r.passed);
  const seconds = (Date.now() - started) / 1000;
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const section = [
    '<!-- fuzz:begin (written by `npm run fuzz`; do not edit by hand) -->',
    `Last run: **${passed ? 'pass' : 'FAIL'}**, ${total.toLocaleString('en')} cases in ${(seconds / 60).toFixed(1)} min, base seed ${baseSeed}${scale !== 1 ? `, scale ${scale}` : ''}.`,
    `Date: ${date}. Machine: ${machine}.`,
    '',
    '| property | cases | result | seed | seconds |',
    '|---|---:|---|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.cases.toLocaleString('en')} | ${r.passed ? 'pass' : '**FAIL**'} | ${r.seed} | ${(r.ms / 1000).toFixed(1)} |`),
    '',
    ...notes.map((n) => `- ${n}`),
    `- 100,000 unterminated \`/*\` openers (300 KB): ${(commentMs / 1000).toFixed(1)} s (quadratic, about 20 s, before the lexer fix).`,
    '',
    `Hostile documents, one analyzeText + generateMermaid each, each held to the ${BUDGET_MS / 1000} s budget:`,
    '',
    '| document | ms |',
    '|---|---:|',
    ...timings,
    ...rows.filter((r) => !r.passed && r.detail).flatMap((r) => ['', `Failure in "${r.name}":`, '', '```', r.detail!, '```']),
    '<!-- fuzz:end -->',
  ].join('\n');

  const docPath = join(ROOT, 'docs', 'reliability.md');
  const doc = readFileSync(docPath, 'utf8');
  const begin = doc.indexOf('<!-- fuzz:begin');
  const end = doc.indexOf('<!-- fuzz:end -->');
  const updated = begin >= 0 && end > begin ? doc.slice(0, begin) + section + doc.slice(end + '<!-- fuzz:end -->'.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(docPath, updated);
  log(`\n${passed ? 'pass' : 'FAIL'}: ${total.toLocaleString('en')} cases in ${seconds.toFixed(0)} s (seed ${baseSeed}); written to docs/reliability.md`);
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
