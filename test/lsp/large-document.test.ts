/**
 * A document of 15 MB does not hold up the others (issue 18), against the built server
 * over stdio: it is read in slices with turns of the event loop between them
 * (lsp/analyses.ts), built after the small documents (lsp/document-builder.ts), and a
 * newer version of it drops the analysis of the older one.
 *
 * Nothing here is timed: the tests assert the order of what the server sends. How long
 * the event loop is held at a time is measured by `npm run bench` (docs/benchmarks.md).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver-protocol';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { FIRST_EXAMPLE } from './documents.js';
import { LspClient, positionOf } from './lsp-client.js';

/** About 15 MB of valid events: under the 16 MB a document may be, far over one slice's work. */
const BIG = generateScenario(270_000);
/** The same, with one more ACK sent after the close: one `send-not-allowed`, on the last line. */
const BIG_EDITED = `${BIG}client -> server : ACK seq=J+1 ack=K+999999\n`;
/** The analysis of 15 MB takes seconds alone and far longer on a loaded machine: a budget against hangs. */
const BUDGET_MS = 600_000;

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start();
});
afterAll(async () => {
  await client?.stop();
});

it('the big document is about 15 MB and valid, so one slice cannot hold its analysis', () => {
  expect(BIG.length).toBeGreaterThan(15_000_000);
  expect(BIG.length).toBeLessThan(16 * 1024 * 1024);
});

it('a small document opened after a 15 MB one gets its diagnostics and a hover before the big one is published', async () => {
  const big = 'file:///large/big.tcpflow';
  const small = 'file:///large/small.tcpflow';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: big, languageId: 'tcpflow', version: 1, text: BIG } });
  const smallDiagnostics = await client.open(small, FIRST_EXAMPLE);
  expect(smallDiagnostics).toEqual([]);
  expect(client.publishedCount(big)).toBe(0);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: positionOf(FIRST_EXAMPLE, 'SYN seq=J') });
  expect(JSON.stringify(hover?.contents)).toContain('SYN-SENT');
  // Answered while the big document was still being read.
  expect(client.publishedCount(big)).toBe(0);

  // The big one is checked in the end, and valid.
  expect(await client.until(() => client.lastPublished(big), 'the big document\'s diagnostics', BUDGET_MS)).toEqual([]);
  expect(client.publishedCount(big)).toBe(1);
}, BUDGET_MS);

it('a change to the big document during its analysis drops the stale run: only the newest version is published', async () => {
  const uri = 'file:///large/edited.tcpflow';
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'tcpflow', version: 1, text: BIG } });
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: BIG_EDITED }] });
  const first = await client.until(() => client.lastPublished(uri), 'the edited document\'s diagnostics', BUDGET_MS);
  // The first diagnostics published are version 2's (version 1 is valid and would have none).
  expect(first.map((d) => d.code)).toEqual(['send-not-allowed']);
  expect(first[0].range.start.line).toBe(BIG_EDITED.split('\n').length - 2);
  // Version 1's would have come first; a request answered since shows nothing came later either.
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  expect(client.publishedCount(uri)).toBe(1);
}, BUDGET_MS);
