/**
 * When the language server starts (client/src/server-on-demand.ts): for a `.tcpflow`
 * document or a command that asks for it, once; never for Markdown alone.
 */
import { describe, expect, it } from 'vitest';
import { isTcpflowDocument, StartOnDemand } from '../../client/src/server-on-demand.js';

const doc = (languageId: string, path: string) => ({ languageId, uri: { path } });
const markdown = doc('markdown', '/repo/README.md');
const scenario = doc('tcpflow', '/repo/handshake.tcpflow');

function counted(result: () => Promise<string> = async () => 'server') {
  let starts = 0;
  const server = new StartOnDemand(() => { starts++; return result(); });
  return { server, starts: () => starts };
}

describe('starting the language server on demand', () => {
  it('Markdown documents alone start nothing', () => {
    const { server, starts } = counted();
    expect(server.startFor([markdown, doc('json', '/repo/.vscode/settings.json'), doc('markdown', '/repo/docs/guide.md')])).toBe(false);
    expect(starts()).toBe(0);
    expect(server.current()).toBeUndefined();
  });

  it('a .tcpflow document starts it, once however many open', async () => {
    const { server, starts } = counted();
    expect(server.startFor([markdown, scenario])).toBe(true);
    expect(server.startFor([doc('tcpflow', '/repo/b.tcpflow')])).toBe(true);
    expect(await server.get()).toBe('server');
    expect(starts()).toBe(1);
  });

  it('a command asking for it starts it, and a later document does not start a second one', async () => {
    const { server, starts } = counted();
    const [a, b] = await Promise.all([server.get(), server.get()]);
    expect([a, b]).toEqual(['server', 'server']);
    server.startFor([scenario]);
    expect(starts()).toBe(1);
  });

  it('after a failed start, the next request tries again', async () => {
    let fail = true;
    const { server, starts } = counted(async () => { if (fail) throw new Error('no node'); return 'server'; });
    await expect(server.get()).rejects.toThrow('no node');
    fail = false;
    expect(await server.get()).toBe('server');
    expect(starts()).toBe(2);
  });

  it('recognises a scenario by its language or, before a language is set, by its extension', () => {
    expect(isTcpflowDocument(scenario)).toBe(true);
    expect(isTcpflowDocument(doc('plaintext', '/repo/x.TCPFLOW'))).toBe(true);
    expect(isTcpflowDocument(doc('tcpflow', 'Untitled-1'))).toBe(true);
    expect(isTcpflowDocument(markdown)).toBe(false);
    expect(isTcpflowDocument(doc('markdown', '/repo/tcpflow.md'))).toBe(false);
  });
});
