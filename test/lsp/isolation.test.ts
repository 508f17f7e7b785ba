/**
 * One document's failure stays with it, and no document's diagnostics are unbounded
 * (server/src/lsp/document-builder.ts, validator.ts), against the built server.
 *
 * No known input makes the checker throw once the reader is fixed, so the server is
 * started with its test hook TCPFLOW_TEST_FAIL_ON: checking a document whose text
 * contains that string throws. The 4 MB string that did throw (issue 18) is tested too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { BAD_ACK, FIRST_EXAMPLE } from './documents.js';
import { LspClient, positionOf } from './lsp-client.js';

const POISON = 'poison-pill-7c1f';

let client: LspClient;
beforeAll(async () => {
  client = await LspClient.start({ env: { TCPFLOW_TEST_FAIL_ON: POISON } });
});
afterAll(async () => {
  await client?.stop();
});

async function hoverText(uri: string, text: string, needle: string): Promise<string> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle) });
  return JSON.stringify(hover?.contents ?? null);
}

describe('a document whose check throws', () => {
  const poisoned = 'file:///isolation/poisoned.tcpflow';
  const healthy = 'file:///isolation/healthy.tcpflow';

  it('gets one diagnostic saying so; the others keep their diagnostics and hovers', async () => {
    const failed = await client.open(poisoned, `${BAD_ACK}// ${POISON}\n`);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ code: 'internal-error', severity: 1, source: 'tcpflow' });
    expect(failed[0].message).toContain('could not check this document');
    expect(failed[0].message).toContain(POISON);
    expect(client.logs.some((l) => l.includes(poisoned) && l.includes(POISON))).toBe(true);

    expect((await client.open(healthy, BAD_ACK)).map((d) => d.code)).toEqual(['bad-ack']);
    expect(await hoverText(healthy, BAD_ACK, 'server: listen')).toContain('LISTEN');
  });

  it('edits of the other documents are checked while it stays broken', async () => {
    const edited = BAD_ACK.replace('ack=K+5', 'ack=K+1');
    expect(await client.change(healthy, edited)).toEqual([]);
    expect(client.lastPublished(poisoned)?.map((d) => d.code)).toEqual(['internal-error']);
  });

  it('is checked normally again once its text no longer fails', async () => {
    expect((await client.change(poisoned, BAD_ACK)).map((d) => d.code)).toEqual(['bad-ack']);
  });
});

describe('the 4 MB quoted string that threw in the reader', () => {
  it('never takes the server or another document down', async () => {
    const uri = 'file:///isolation/long-string.tcpflow';
    await client.open(uri, `scenario "${'x'.repeat(4 * 1024 * 1024)}"\nclient: connect\n`);
    const other = 'file:///isolation/after-long-string.tcpflow';
    expect(await client.open(other, FIRST_EXAMPLE)).toEqual([]);
    expect(await hoverText(other, FIRST_EXAMPLE, 'server: accept')).toContain('ESTABLISHED');
    expect(client.process.exitCode).toBeNull();
  }, 60_000);
});

describe('a document with more problems than an editor shows', () => {
  const failingLines = 5000;
  const text = `client: connect\n${'expect client ESTABLISHED\n'.repeat(failingLines)}`;

  it('publishes the first 1,000 and one information diagnostic with the count', async () => {
    const published: Diagnostic[] = await client.open('file:///isolation/many.tcpflow', text);
    expect(published).toHaveLength(1001);
    expect(published.slice(0, 1000).every((d) => d.severity === 1)).toBe(true);
    const more = published[1000];
    expect(more).toMatchObject({ severity: 3, code: 'more-diagnostics', data: { shown: 1000, total: failingLines } });
    expect(more.message).toContain('first 1,000 of 5,000');
    expect(more.message).toContain('synack check');
    // It sits where the first problem left out is.
    expect(more.range.start.line).toBe(published[999].range.start.line + 1);
  });

  it('the problems not published still have their quick fixes, and hovers', async () => {
    const uri = 'file:///isolation/many.tcpflow';
    const line = 4000;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics: [] },
    });
    const edits = actions.flatMap((a) => a.edit?.changes?.[uri] ?? []);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((e) => e.range.start.line === line)).toBe(true);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 'expect client ESTAB'.length } });
    expect(JSON.stringify(hover.contents)).toContain('SYN-SENT');
  });

  it('publishes all of them when there are 1,000 or fewer', async () => {
    const exactly = `client: connect\n${'expect client ESTABLISHED\n'.repeat(1000)}`;
    const published = await client.open('file:///isolation/thousand.tcpflow', exactly);
    expect(published).toHaveLength(1000);
    expect(published.some((d) => d.code === 'more-diagnostics')).toBe(false);
  });
});

describe('what the server sends back is bounded too', () => {
  it('a hover on a line with a 1 MB participant name is short (it was 7 MB)', async () => {
    const uri = 'file:///isolation/long-name.tcpflow';
    const text = `${'p'.repeat(1024 * 1024)} -> b : SYN`;
    await client.open(uri, text);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 } });
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain(`${'p'.repeat(80)}…`);
    expect(value).toContain('(participant)');
    expect(value.length).toBeLessThanOrEqual(20_001);
  });
});
