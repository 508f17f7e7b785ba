/**
 * Over `--stdio` the server builds its own message reader (lsp/stdio-transport.ts), so
 * what vscode-languageserver did when it was handed stdin is done there: the server
 * exits when stdin ends, with 0 after a `shutdown` request and 1 without one (the LSP's
 * exit codes). That a large message decoded over several turns still arrives whole and
 * in order is large-document.test.ts's: a 15 MB `didOpen` and the `didChange` sent right
 * after it.
 */
import { once } from 'node:events';
import { afterEach, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

let client: LspClient | undefined;
afterEach(async () => {
  await client?.stop();
  client = undefined;
});

async function exitCodeAfterStdinEnds(client: LspClient): Promise<number | null> {
  const exited = once(client.process, 'exit');
  client.process.stdin!.end();
  const [code] = await exited as [number | null];
  return code;
}

it('the server exits 0 when stdin ends after a shutdown request', async () => {
  client = await LspClient.start();
  expect(await client.open('file:///stdio/a.tcpflow', 'client: connect server\n')).toBeDefined();
  await client.connection.sendRequest('shutdown');
  expect(await exitCodeAfterStdinEnds(client)).toBe(0);
});

it('the server exits 1 when stdin ends without a shutdown request', async () => {
  client = await LspClient.start();
  expect(await client.open('file:///stdio/b.tcpflow', 'client: connect server\n')).toBeDefined();
  expect(await exitCodeAfterStdinEnds(client)).toBe(1);
});
