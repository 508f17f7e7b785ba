/**
 * Keystroke → diagnostics + inlay hints through the built language server over stdio,
 * on a scenario of `events` events: type a line into the middle, one character at a time.
 */
import type { InlayHint } from 'vscode-languageserver-protocol';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { LspClient } from '../../test/lsp/lsp-client.js';
import { percentile } from './stats.js';

export async function measureKeystrokes(events: number): Promise<{ p50: number; p95: number; count: number }> {
  const client = await LspClient.start({ configuration: {} });
  try {
    const text = generateScenario(events);
    const uri = 'file:///bench/large.tcpflow';
    await client.open(uri, text);
    const middle = Math.round(events / 2);
    let version = 1;
    const typed = 'client -> server : ACK';
    const times: number[] = [];
    for (let round = 0; round < 4; round++) {
      // A fresh line in the middle, then the characters of a segment typed into it.
      const line = middle + round;
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' }],
      });
      for (let i = 0; i < typed.length; i++) {
        const before = client.publishedCount(uri);
        const t0 = performance.now();
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [{ range: { start: { line, character: i }, end: { line, character: i } }, text: typed[i] }],
        });
        await Promise.all([
          client.request<InlayHint[]>('textDocument/inlayHint', {
            textDocument: { uri },
            range: { start: { line: middle - 30, character: 0 }, end: { line: middle + 30, character: 0 } },
          }),
          client.diagnostics(uri, before),
        ]);
        times.push(performance.now() - t0);
      }
    }
    const measured = times.slice(5);
    return { p50: percentile(measured, 0.5), p95: percentile(measured, 0.95), count: measured.length };
  } finally {
    await client.stop();
  }
}
