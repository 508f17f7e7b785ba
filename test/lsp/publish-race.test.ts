/**
 * An edit, then other documents opened at once: the edited document's new diagnostics
 * must still be published (server/src/lsp/document-builder.ts).
 *
 * Langium cancels the build in progress on any document update. When the cancel landed
 * between a document's validation and the publishing of its diagnostics, the publish was
 * skipped and never retried, and the editor kept showing the previous version's
 * problems. To land the cancel there, the edited document has many diagnostics (its
 * validation takes longer than Langium's 10 ms interruption period, so the builder
 * yields right after it) and two more documents are opened in the same burst (the
 * first cancels the edit's build early, the second arrives just as the rebuild has
 * validated the edited document). Before the fix, 3 of 10 rounds lost their publish.
 *
 * Only the first 1,000 diagnostics are published (validator.ts), which made validation
 * too quick to land the cancel there: the server is started with its test hook
 * TCPFLOW_TEST_VALIDATION_DELAY_MS to make each validation take 20 ms, as converting
 * 20,000 diagnostics did. The last diagnostic published says how many there are in
 * all, which tells the versions apart.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start({ env: { TCPFLOW_TEST_VALIDATION_DELAY_MS: '20' } });
});
afterAll(async () => {
  await client?.stop();
});

const FAILING_EXPECTS = 20_000;
const base = `client: connect\n${'expect client ESTABLISHED\n'.repeat(FAILING_EXPECTS)}`;

it('publishes an edited document\'s diagnostics when other documents are opened right after the edit', async () => {
  const edited = 'file:///race/edited.tcpflow';
  await client.open(edited, base);
  for (let version = 2; version <= 11; version++) {
    // Each version adds one more failing line, so its diagnostics tell the versions apart.
    const text = base + 'expect client LISTEN\n'.repeat(version);
    const others = [`file:///race/other-${version}-a.tcpflow`, `file:///race/other-${version}-b.tcpflow`];
    // Sent together, without waiting in between, as an editor restoring tabs would.
    await Promise.all([
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited, version }, contentChanges: [{ text }] }),
      ...others.map((uri) => client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'tcpflow', version: 1, text: 'client: connect\n' } })),
    ]);
    const published = await client.until(
      () => { const last = client.lastPublished(edited); return (last?.at(-1)?.data as { total?: number } | undefined)?.total === FAILING_EXPECTS + version && last; },
      `the diagnostics of version ${version} of the edited document`,
      10_000,
    );
    expect(published.at(-1)!.code).toBe('more-diagnostics');
    for (const uri of others) await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
}, 240_000);
