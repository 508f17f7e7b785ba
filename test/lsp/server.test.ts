/**
 * The built language server (out/server.js --stdio), driven over LSP as an editor
 * drives it. Every test asserts content: the states in a hint, the text a fix makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, LocationLink,
  SemanticTokens, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { BAD_ACK, FIRST_EXAMPLE, SYN_TO_CLOSED, SYNTAX_ERRORS } from './documents.js';
import { applyEdits, decodeSemanticTokens, dedent, lineOf, LspClient, positionOf } from './lsp-client.js';

let client: LspClient;
let counter = 0;
const newUri = (name: string) => `file:///test/${name}-${++counter}.tcpflow`;

beforeAll(async () => {
  client = await LspClient.start({ configuration: {} });
});
afterAll(async () => {
  await client?.stop();
});

const all = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

async function hints(uri: string): Promise<InlayHint[]> {
  return client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: all });
}

function label(h: InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

/** Hint labels by 0-based line. */
async function hintsByLine(uri: string): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const h of await hints(uri)) out.set(h.position.line, [...(out.get(h.position.line) ?? []), label(h)]);
  return out;
}

async function codeActions(uri: string, line: number, diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics },
  });
}

function applyAction(text: string, uri: string, action: CodeAction): string {
  return applyEdits(text, action.edit!.changes![uri]);
}

async function complete(uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const result = await client.request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  return Array.isArray(result) ? result : result.items;
}

function sorted(items: CompletionItem[]): CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

describe('initialize', () => {
  it('announces the features', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.inlayHintProvider).toBeTruthy();
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toBe(true);
    expect(caps.completionProvider?.triggerCharacters).toEqual(expect.arrayContaining([':', '=']));
    expect(caps.documentFormattingProvider).toBe(true);
    expect(caps.renameProvider).toBeTruthy();
    expect(caps.semanticTokensProvider?.legend.tokenTypes).toEqual(['variable', 'parameter', 'event', 'enumMember', 'macro', 'function']);
  });
});

describe('diagnostics', () => {
  it('the contract\'s first example has none', async () => {
    expect(await client.open(newUri('first'), FIRST_EXAMPLE)).toEqual([]);
  });

  it('a bad ack: code, severity, source, and the fix in data', async () => {
    const [d, ...rest] = await client.open(newUri('bad-ack'), BAD_ACK);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'bad-ack', severity: 1, source: 'tcpflow', range: { start: positionOf(BAD_ACK, 'ack=K+5') } });
    expect(d.message).toContain('K+1');
    expect(d.data).toMatchObject({ code: 'bad-ack', fixes: [{ title: 'Set ack=K+1', preferred: true }] });
  });

  it('syntax errors: one `syntax` diagnostic per unreadable line, not repeated by Langium; the lines after still checked', async () => {
    const diagnostics = await client.open(newUri('syntax'), SYNTAX_ERRORS);
    // The last line is checked: its SYN leaves the client waiting for the SYN,ACK the server owes.
    expect(diagnostics.map((d) => [d.range.start.line, d.code])).toEqual([[1, 'syntax'], [2, 'syntax'], [3, 'owed-reply']]);
    expect(diagnostics.every((d) => d.source === 'tcpflow' && d.severity === (d.code === 'syntax' ? 1 : 3))).toBe(true);
  });

  it('follows edits: fixing the line clears the error', async () => {
    const uri = newUri('edit');
    expect((await client.open(uri, BAD_ACK)).map((d) => d.code)).toEqual(['bad-ack']);
    expect(await client.change(uri, BAD_ACK.replace('ack=K+5', 'ack=K+1'))).toEqual([]);
    expect((await client.change(uri, BAD_ACK.replace('SYN seq=J', 'SYN seq=J ack=J'))).map((d) => d.code)).toContain('ack-without-flag');
  });

  it('a state misspelling is a warning', async () => {
    const [d] = await client.open(newUri('spelling'), 'client: connect\nexpect client SYN_SEND\n');
    expect(d).toMatchObject({ code: 'state-spelling', severity: 2 });
  });
});

describe('inlay hints', () => {
  it('show every participant\'s state after each event line, the changed ones marked, and inferred seq', async () => {
    const uri = newUri('hints');
    await client.open(uri, FIRST_EXAMPLE);
    const byLine = await hintsByLine(uri);
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'server: listen'))).toEqual(['⟶ client CLOSED · ● server LISTEN']);
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'client: connect'))).toEqual(['⟶ ● client SYN-SENT · server LISTEN']);
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'SYN seq=J'))).toEqual(['⟶ client SYN-SENT · ● server SYN-RECEIVED']);
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'SYN ACK'))).toEqual(['⟶ ● client ESTABLISHED · server SYN-RECEIVED']);
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'ACK ack=J+101'))).toEqual(['seq=K+1', '⟶ client ESTABLISHED · server ESTABLISHED']);
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'timeout 2MSL'))).toEqual(['⟶ ● client CLOSED · server CLOSED']);
    // Not on non-event lines.
    expect(byLine.has(lineOf(FIRST_EXAMPLE, 'expect client'))).toBe(false);
    expect(byLine.has(lineOf(FIRST_EXAMPLE, 'participant client'))).toBe(false);

    const all = await hints(uri);
    const inferred = all.find((h) => label(h) === 'seq=K+1')!;
    // In place: right after the last field of `server -> client : ACK ack=J+101`.
    const line = FIRST_EXAMPLE.split('\n')[inferred.position.line];
    expect(line.slice(0, inferred.position.character)).toBe('server -> client : ACK ack=J+101');
    const state = all.find((h) => h.position.line === lineOf(FIRST_EXAMPLE, 'SYN ACK') && label(h).startsWith('⟶'))!;
    expect(state.tooltip).toBe('client: SYN-SENT → ESTABLISHED');
  });

  it('only the requested range', async () => {
    const uri = newUri('range');
    await client.open(uri, FIRST_EXAMPLE);
    const line = lineOf(FIRST_EXAMPLE, 'client: connect');
    const result = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
    expect(result.map(label)).toEqual(['⟶ ● client SYN-SENT · server LISTEN']);
  });
});

describe('settings', () => {
  it('compact and Linux names from workspace/configuration, refreshed on didChangeConfiguration, off when disabled', async () => {
    const uri = newUri('settings');
    await client.open(uri, FIRST_EXAMPLE);
    const synLine = lineOf(FIRST_EXAMPLE, 'SYN seq=J');
    const refreshes = client.refreshRequests;

    client.configuration = { inlayHints: { enabled: true, compact: true }, stateNames: 'linux' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tcpflow: client.configuration } });
    await client.until(() => client.refreshRequests > refreshes, 'an inlay hint refresh');
    let byLine = await hintsByLine(uri);
    expect(byLine.get(synLine)).toEqual(['⟶ ● server SYN_RECV']);
    // Compact: nothing on a line that changes no state.
    expect(byLine.get(lineOf(FIRST_EXAMPLE, 'PSH ACK'))).toBeUndefined();

    client.configuration = { inlayHints: { enabled: false } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tcpflow: client.configuration } });
    expect(await hints(uri)).toEqual([]);

    client.configuration = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tcpflow: {} } });
    byLine = await hintsByLine(uri);
    expect(byLine.get(synLine)).toEqual(['⟶ client SYN-SENT · ● server SYN-RECEIVED']);
  });

  // Issue 11: tcpflow.profile re-checks open documents. A connection reset before accept:
  // RFC 9293 deletes it (accept is refused), Linux keeps it in the accept queue.
  const RESET_BEFORE_ACCEPT = ['participant a', 'participant b', 'a: listen', 'b -> a : SYN seq=300', 'a -> b : SYN ACK seq=100 ack=301', 'b -> a : ACK seq=301 ack=101', 'b -> a : RST seq=301', 'a: accept', ''].join('\n');

  it('tcpflow.profile from workspace/configuration: a change re-checks open documents', async () => {
    const uri = newUri('profile');
    expect((await client.open(uri, RESET_BEFORE_ACCEPT)).map((d) => d.code)).toEqual(['call-not-allowed']);
    try {
      const before = client.publishedCount(uri);
      client.configuration = { profile: 'linux' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tcpflow: client.configuration } });
      expect(await client.diagnostics(uri, before)).toEqual([]);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(RESET_BEFORE_ACCEPT, 'RST') });
      expect(JSON.stringify(hover?.contents)).toContain('accept queue');
    } finally {
      const before = client.publishedCount(uri);
      client.configuration = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tcpflow: {} } });
      expect((await client.diagnostics(uri, before)).map((d) => d.code)).toEqual(['call-not-allowed']);
    }
  });

  it('tcpflow.profile from initializationOptions; a profile line in the file wins', async () => {
    const other = await LspClient.start({ initializationOptions: { tcpflow: { profile: 'linux' } } });
    try {
      expect(await other.open(newUri('profile-init'), RESET_BEFORE_ACCEPT)).toEqual([]);
      expect((await other.open(newUri('profile-line'), `profile rfc9293\n${RESET_BEFORE_ACCEPT}`)).map((d) => d.code)).toEqual(['call-not-allowed']);
    } finally {
      await other.stop();
    }
  });

  it('initializationOptions, for clients without workspace/configuration', async () => {
    const other = await LspClient.start({ initializationOptions: { tcpflow: { stateNames: 'linux', inlayHints: { compact: true } } } });
    try {
      const uri = newUri('init');
      await other.open(uri, FIRST_EXAMPLE);
      const result = await other.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: all });
      expect(result.map(label)).toContain('⟶ ● client FIN_WAIT1');
    } finally {
      await other.stop();
    }
  });
});

describe('hover', () => {
  const hover = async (uri: string, text: string, needle: string, offset = 0) => {
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset) });
    return result ? (result.contents as { value: string }).value : '';
  };

  it('an event line: states before → after, the rules, the reply due, the socket effect, the variables', async () => {
    const uri = newUri('hover');
    await client.open(uri, FIRST_EXAMPLE);
    const text = await hover(uri, FIRST_EXAMPLE, 'server -> client : SYN ACK', 2);
    expect(text).toContain('| ● client | SYN-SENT | **ESTABLISHED** |');
    expect(text).toContain('| server | SYN-RECEIVED | SYN-RECEIVED |');
    expect(text).toContain('RFC 9293 §3.10.7.3');
    expect(text).toContain('client owes `ACK seq=J+1 ack=K+1`');
    expect(text).toContain('client: connect() returns');
    expect(text).toContain('client RCV.NXT: — → K+1');
  });

  it('a flag, a state name, a call', async () => {
    const uri = newUri('hover-words');
    await client.open(uri, FIRST_EXAMPLE);
    expect(await hover(uri, FIRST_EXAMPLE, 'FIN ACK seq=J+101', 1)).toMatch(/^\*\*FIN\*\* \(flag\)\n\nNo more data from the sender/);
    const state = await hover(uri, FIRST_EXAMPLE, 'ESTABLISHED, server', 3);
    expect(state).toContain('**ESTABLISHED**');
    expect(state).toContain('the peer\'s FIN leads to CLOSE-WAIT');
    expect(await hover(uri, FIRST_EXAMPLE, 'timeout 2MSL', 2)).toContain('**timeout** (call)');
  });

  it('a participant: its label, where it is declared, its state there', async () => {
    const uri = newUri('hover-participant');
    await client.open(uri, FIRST_EXAMPLE);
    const text = await hover(uri, FIRST_EXAMPLE, 'client: close', 1);
    expect(text).toContain('**client** (participant) — Client 10.0.0.1:51000');
    expect(text).toContain(`Declared on line ${lineOf(FIRST_EXAMPLE, 'participant client') + 1}; starts CLOSED.`);
    expect(text).toContain(`After line ${lineOf(FIRST_EXAMPLE, 'client: close') + 1}: FIN-WAIT-1.`);
  });

  it('a diagnostic: the message and what would be valid', async () => {
    const uri = newUri('hover-diag');
    await client.open(uri, BAD_ACK);
    const text = await hover(uri, BAD_ACK, 'ack=K+5', 5);
    expect(text).toMatch(/^\*\*error\*\* `bad-ack`: ack=K\+5 differs from client's RCV\.NXT = K\+1/);
    expect(text).toContain('- Set ack=K+1');
  });

  it('an error the run went on from: "continuing as if" the line its fix makes', async () => {
    const uri = newUri('hover-continuing');
    const text = dedent(`
      participant client starts ESTABLISHED
      participant server starts ESTABLISHED
      client: close
      client -> server : FIN seq=u
      server -> client : ACK ack=u+1 seq=v
    `);
    await client.open(uri, text);
    const hovered = await hover(uri, text, 'FIN seq=u');
    expect(hovered).toContain('`send-not-allowed`');
    expect(hovered).toContain('Continuing as if the line read `client -> server : FIN ACK seq=u`');
  });

  it('a simultaneous close drawn in order and expected CLOSING: the hover says the FINs must cross, the fix redraws them', async () => {
    const uri = newUri('hover-crossing');
    const text = dedent(`
      participant a starts ESTABLISHED snd=100 rcv=300
      participant b starts ESTABLISHED snd=300 rcv=100
      a: close
      b: close
      a -> b : FIN ACK seq=100 ack=300
      b -> a : FIN ACK seq=300 ack=101
      expect a CLOSING, b CLOSING
      a -> b : ACK seq=101 ack=301
      b -> a : ACK seq=301 ack=101
    `);
    const diagnostics = await client.open(uri, text);
    expect(diagnostics.map((d) => d.code)).toEqual(['expect-failed']);
    const hovered = await hover(uri, text, 'CLOSING, b');
    expect(hovered).toContain('Both sides reach CLOSING only when the two FINs cross');
    const line = lineOf(text, 'expect a CLOSING');
    const crossing = (await codeActions(uri, line, diagnostics)).find((a) => a.title === 'Draw the two FINs crossing (~> … deliver)')!;
    expect(crossing.isPreferred).toBe(true);
    const fixed = applyAction(text, uri, crossing);
    expect(fixed).toContain('deliver fin_a\ndeliver fin_b\nexpect a CLOSING, b CLOSING');
    expect(await client.change(uri, fixed)).toEqual([]);
  });

  it('a reply owed when the scenario ends: an information on its line, and the fix that draws it at the end', async () => {
    const uri = newUri('owed-reply');
    const text = 'server: listen\nclient -> server : SYN seq=100\nserver -> client : SYN ACK seq=300 ack=101\nexpect server SYN-RECEIVED\n';
    const diagnostics = await client.open(uri, text);
    expect(diagnostics.map((d) => [d.code, d.severity, d.range.start.line])).toEqual([['owed-reply', 3, 2]]);
    expect(diagnostics[0].message).toContain('client owes ACK seq=101 ack=301 for line 3');
    const add = (await codeActions(uri, 2, diagnostics)).find((a) => a.title === 'Draw the reply client owes at the end: ACK seq=101 ack=301')!;
    expect(add.isPreferred).toBe(true);
    const fixed = applyAction(text, uri, add);
    expect(fixed).toBe('server: listen\nclient -> server : SYN seq=100\nserver -> client : SYN ACK seq=300 ack=101\nexpect server SYN-RECEIVED\nclient -> server : ACK seq=101 ack=301\n');
    expect(await client.change(uri, fixed)).toEqual([]);
  });

  it('a SYN that reaches a CLOSED endpoint: the RST,ACK it makes due and why', async () => {
    const uri = newUri('hover-closed');
    await client.open(uri, SYN_TO_CLOSED);
    const text = await hover(uri, SYN_TO_CLOSED, 'client -> server');
    expect(text).toContain('server owes `RST ACK seq=0 ack=J+1`');
    expect(text).toContain('RFC 9293 §3.10.7.1');
  });
});

describe('code actions', () => {
  it('the engine\'s fix for a bad ack, applied', async () => {
    const uri = newUri('fix-ack');
    const diagnostics = await client.open(uri, BAD_ACK);
    const actions = await codeActions(uri, 3, diagnostics);
    const fix = actions.find((a) => a.title === 'Set ack=K+1')!;
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics?.[0].code).toBe('bad-ack');
    const fixed = applyAction(BAD_ACK, uri, fix);
    expect(fixed.split('\n')[3]).toBe('client -> server : ACK seq=J+1 ack=K+1');
    expect(await client.change(uri, fixed)).toEqual([]);
  });

  it('works without the client sending diagnostics (the fixes of the line)', async () => {
    const uri = newUri('fix-ack-no-context');
    await client.open(uri, BAD_ACK);
    const titles = (await codeActions(uri, 3)).map((a) => a.title);
    expect(titles).toContain('Set ack=K+1');
  });

  it('state spelling and a failed expect', async () => {
    const text = 'client: connect\nexpect client SYN_SEND\nexpect client ESTABLISHED\n';
    const uri = newUri('fix-states');
    const diagnostics = await client.open(uri, text);
    expect(diagnostics.map((d) => d.code)).toEqual(['state-spelling', 'expect-failed']);
    let fixed = applyAction(text, uri, (await codeActions(uri, 1, [diagnostics[0]]))[0]);
    fixed = applyAction(fixed, uri, (await codeActions(uri, 2, [diagnostics[1]]))[0]);
    expect(fixed).toBe('client: connect\nexpect client SYN-SENT\nexpect client SYN-SENT\n');
    expect(await client.change(uri, fixed)).toEqual([]);
  });

  it('a FIN with ack= but without the ACK flag: one error, whose fix adds the flag', async () => {
    const text = 'server: listen\nclient -> server : SYN seq=J\nserver -> client : SYN ACK seq=K ack=J+1\nclient -> server : ACK seq=J+1 ack=K+1\nclient -> server : FIN seq=J+1 ack=K+1\n';
    const uri = newUri('fix-ack-flag');
    const diagnostics = await client.open(uri, text);
    // One mistake, one error: the refused FIN carries the fix (no second ack-without-flag for it).
    expect(diagnostics.map((d) => d.code)).toEqual(['send-not-allowed']);
    const action = (await codeActions(uri, 4, diagnostics)).find((a) => a.title === 'Add the ACK flag')!;
    const fixed = applyAction(text, uri, action);
    expect(fixed.split('\n')[4]).toBe('client -> server : FIN ACK seq=J+1 ack=K+1');
    // No error left; the scenario ends with the client in FIN-WAIT-1, owed the server's ACK.
    expect((await client.change(uri, fixed)).map((d) => d.code)).toEqual(['owed-reply']);
  });

  it('an in-flight segment never delivered: add deliver', async () => {
    const text = 'server: listen\nclient ~> server : SYN seq=J as s1\n';
    const uri = newUri('fix-deliver');
    const diagnostics = await client.open(uri, text);
    const action = (await codeActions(uri, 1, diagnostics)).find((a) => a.title.includes('deliver s1'))!;
    const fixed = applyAction(text, uri, action);
    expect(fixed).toBe('server: listen\nclient ~> server : SYN seq=J as s1\ndeliver s1\n');
    // No warning left; the client waits in SYN-SENT for the SYN,ACK the server owes.
    expect((await client.change(uri, fixed)).map((d) => d.code)).toEqual(['owed-reply']);
  });

  it('a SYN to a CLOSED endpoint: insert `server: listen` before it', async () => {
    const uri = newUri('fix-listen');
    await client.open(uri, SYN_TO_CLOSED);
    const line = lineOf(SYN_TO_CLOSED, 'client -> server');
    const action = (await codeActions(uri, line)).find((a) => a.title.startsWith('Add `server: listen`'))!;
    const fixed = applyAction(SYN_TO_CLOSED, uri, action);
    expect(fixed.split('\n').slice(2, 5)).toEqual(['client: connect', 'server: listen', 'client -> server : SYN seq=J']);
    await client.change(uri, fixed);
    const byLine = await hintsByLine(uri);
    expect(byLine.get(line + 1)).toEqual(['⟶ client SYN-SENT · ● server SYN-RECEIVED']);
  });

  it('…and on the error that follows from it: a SYN,ACK sent from CLOSED', async () => {
    const text = SYN_TO_CLOSED + 'server -> client : SYN ACK seq=K ack=J+1\n';
    const uri = newUri('fix-listen-error');
    const diagnostics = await client.open(uri, text);
    const error = diagnostics.find((d) => d.code === 'send-not-allowed')!;
    const action = (await codeActions(uri, error.range.start.line, [error])).find((a) => a.title.startsWith('Add `server: listen`'))!;
    expect(action.isPreferred).toBe(true);
    const fixed = applyAction(text, uri, action);
    expect(fixed.split('\n')[lineOf(SYN_TO_CLOSED, 'client -> server')]).toBe('server: listen');
    // Now the SYN,ACK is allowed: no error left (the server waits in SYN-RECEIVED for the client's ACK).
    expect((await client.change(uri, fixed)).map((d) => d.code)).toEqual(['owed-reply']);
  });

  it('the reply a line made due, inserted as the next line', async () => {
    const uri = newUri('fix-reply');
    await client.open(uri, SYN_TO_CLOSED);
    const line = lineOf(SYN_TO_CLOSED, 'client -> server');
    const action = (await codeActions(uri, line)).find((a) => a.title.startsWith('Add the reply server owes'))!;
    const fixed = applyAction(SYN_TO_CLOSED, uri, action);
    expect(fixed.split('\n')[line + 1]).toBe('server -> client : RST ACK seq=0 ack=J+1');
    // The client takes the RST: connect fails, CLOSED; the expect now fails with a fix.
    const diagnostics = await client.change(uri, fixed);
    expect(diagnostics.map((d) => d.code)).toEqual(['expect-failed']);
    const byLine = await hintsByLine(uri);
    expect(byLine.get(line + 1)).toEqual(['⟶ ● client CLOSED · server CLOSED']);
  });

  it('the SYN,ACK a listening server owes, with a fresh ISS', async () => {
    const text = 'server: listen\nclient -> server : SYN seq=J\n';
    const uri = newUri('fix-synack');
    await client.open(uri, text);
    const action = (await codeActions(uri, 1)).find((a) => a.title.startsWith('Add the reply'))!;
    const fixed = applyAction(text, uri, action);
    expect(fixed).toBe('server: listen\nclient -> server : SYN seq=J\nserver -> client : SYN ACK seq=K ack=J+1\n');
    // Drawn; now the client owes the last ACK of the handshake.
    expect((await client.change(uri, fixed)).map((d) => d.code)).toEqual(['owed-reply']);
    // Once drawn, it is no longer offered.
    expect((await codeActions(uri, 1)).filter((a) => a.title.startsWith('Add the reply'))).toEqual([]);
  });
});

describe('completion', () => {
  const text = dedent(`
    participant client
    participant server
    server: listen
    client -> server : SYN seq=J
    server -> client : SYN ACK seq=K ack=J+1
    client ~> server : ACK seq=J+1 ack=K+1 as a1

  `);
  let uri: string;
  beforeAll(async () => {
    uri = newUri('completion');
    await client.open(uri, text);
  });
  const at = (line: string) => {
    const full = text.replace(/\n\n$/, `\n${line}\n`);
    return { full, line: full.split('\n').length - 2, character: line.length };
  };
  const completeAfter = async (line: string) => {
    const p = at(line);
    await client.change(uri, p.full);
    return sorted(await complete(uri, p.line, p.character));
  };

  it('at a line start: participants, deliver + in-flight tags, keywords', async () => {
    const labels = (await completeAfter('')).map((i) => i.label);
    expect(labels.slice(0, 3)).toEqual(['client', 'server', 'deliver a1']);
    expect(labels).toEqual(expect.arrayContaining(['participant', 'expect', 'note over', 'deliver']));
  });

  it('after `NAME:`: the calls valid in its state first', async () => {
    const items = await completeAfter('server: ');
    // server is SYN-RECEIVED here.
    expect(items[0]).toMatchObject({ label: 'accept', detail: 'valid in SYN-RECEIVED' });
    const labels = items.map((i) => i.label);
    expect(labels.indexOf('close')).toBeLessThan(labels.indexOf('listen'));
    expect(items.find((i) => i.label === 'listen')!.detail).toBe('server is SYN-RECEIVED: refused');
    const client2 = await completeAfter('client: ');
    expect(client2[0].detail).toBe('valid in ESTABLISHED');
  });

  it('after `A -> B :`: the segment A sends now, fully filled, then single flags', async () => {
    const items = await completeAfter('client -> server : ');
    expect(items[0]).toMatchObject({ label: 'ACK seq=J+1 ack=K+1' });
    expect(items.slice(1).map((i) => i.label)).toEqual(expect.arrayContaining(['SYN', 'ACK', 'FIN', 'RST', 'PSH']));
    const server = await completeAfter('server -> client : ');
    expect(server[0].label).toBe('ACK seq=K+1 ack=J+1');
  });

  it('after a flag: the options too, ts= as a TSval,TSecr snippet (issue 11)', async () => {
    const items = await completeAfter('server -> client : ACK ');
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['ts=', 'sack', 'sackOK', 'wscale=']));
    const ts = items.find((i) => i.label === 'ts=')!;
    expect(ts.textEdit?.newText).toBe('ts=${1:TSVAL},${2:TSECR}');
    expect(ts.insertTextFormat).toBe(2); // InsertTextFormat.Snippet
    expect((await completeAfter('server -> client : ACK sack ')).map((i) => i.label)).not.toContain('sack');
  });

  it('after `seq=` / `ack=`: the expected value', async () => {
    expect((await completeAfter('server -> client : ACK seq='))[0].label).toBe('K+1');
    expect((await completeAfter('server -> client : ACK seq=K+1 ack='))[0].label).toBe('J+1');
  });

  it('after `expect NAME `: the computed state first', async () => {
    const items = await completeAfter('expect server ');
    expect(items[0]).toMatchObject({ label: 'SYN-RECEIVED', preselect: true });
    expect(items).toHaveLength(11);
  });

  it('after `deliver `: the tags in flight', async () => {
    expect((await completeAfter('deliver ')).map((i) => i.label)).toEqual(['a1']);
  });

  it('the owed reply comes first: RST,ACK from a CLOSED receiver', async () => {
    const u = newUri('completion-rst');
    const t = SYN_TO_CLOSED.replace('expect client SYN-SENT\n', 'server -> client : \n');
    await client.open(u, t);
    const line = lineOf(t, 'server -> client');
    const items = sorted(await complete(u, line, 'server -> client : '.length));
    expect(items[0].label).toBe('RST ACK seq=0 ack=J+1');
    const fixed = applyEdits(t, [items[0].textEdit as TextEdit]);
    expect(fixed.split('\n')[line]).toBe('server -> client : RST ACK seq=0 ack=J+1');
    expect(await client.change(u, fixed)).toEqual([]);
  });
});

describe('navigation', () => {
  const text = dedent(`
    participant client as "Client"
    server: listen
    client ~> server : SYN seq=J as syn1
    deliver syn1
    expect client SYN-SENT, server SYN-RECEIVED
  `);

  it('definition and references of a participant and a tag', async () => {
    const uri = newUri('nav');
    await client.open(uri, text);
    const defs = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'client SYN-SENT') });
    expect(defs[0].targetRange).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 18 } });
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(text, 'server: listen'), context: { includeDeclaration: true } });
    expect(refs.map((r) => r.range.start.line)).toEqual([1, 2, 4]);
    const tagDef = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'deliver syn1', 9) });
    expect(tagDef[0].targetRange.start).toEqual({ line: 2, character: 32 });
  });

  /** Renames `server` and the tag `syn1` in a fresh copy of `text`, as an editor applies the answers; returns the document's URI and new text. */
  async function renameServerAndTag(name: string, participant: string, tag: string): Promise<{ uri: string; renamed: string }> {
    const uri = newUri(name);
    await client.open(uri, text);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'server: listen'), newName: participant });
    const tagEdit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'syn1'), newName: tag });
    return { uri, renamed: applyEdits(text, [...edit.changes![uri], ...tagEdit.changes![uri]]) };
  }

  it('rename a participant and a tag everywhere; refuse a name already used', async () => {
    const { uri, renamed } = await renameServerAndTag('rename', 'web', 'first');
    expect(renamed).toBe(dedent(`
      participant client as "Client"
      web: listen
      client ~> web : SYN seq=J as first
      deliver first
      expect client SYN-SENT, web SYN-RECEIVED
    `));
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'server: listen'), newName: 'client' })).rejects.toThrow(/already used/);
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: positionOf(text, 'server: listen'), newName: '9lives' })).rejects.toThrow(/not/);
    // Still reads, no error: only the SYN,ACK web owes at the end, the client waiting in SYN-SENT.
    expect((await client.change(uri, renamed)).map((d) => d.code)).toEqual(['owed-reply']);
  });

  it('renames to a word the language uses (`note`, `as`): it still reads as a name', async () => {
    const { uri, renamed } = await renameServerAndTag('rename-keyword', 'note', 'as');
    expect(renamed).toBe(dedent(`
      participant client as "Client"
      note: listen
      client ~> note : SYN seq=J as as
      deliver as
      expect client SYN-SENT, note SYN-RECEIVED
    `));
    expect((await client.change(uri, renamed)).map((d) => d.code)).toEqual(['owed-reply']);
  });
});

describe('formatting', () => {
  it('aligns arrows and colons of consecutive segment lines, keeps the rest, is idempotent', async () => {
    const text = [
      'server: listen   ',
      'client -> server : SYN seq=J',
      'server ->client: SYN ACK seq=K ack=J+1   // reply',
      'client  -x server :ACK',
      '',
      'a --> b : SYN seq=7',
    ].join('\n') + '\n';
    const uri = newUri('format');
    const before = await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyEdits(text, edits);
    expect(formatted).toBe([
      'server: listen',
      'client -> server : SYN seq=J',
      'server -> client : SYN ACK seq=K ack=J+1   // reply',
      'client -x server : ACK',
      '',
      'a --> b : SYN seq=7',
    ].join('\n') + '\n');
    // Same meaning: the same diagnostics; and a second run changes nothing.
    expect((await client.change(uri, formatted)).map((d) => [d.range.start.line, d.code])).toEqual(before.map((d) => [d.range.start.line, d.code]));
    expect(await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it('writes a segment in the articles\' notation (FLAG=1, commas) in the canonical one, with the same meaning', async () => {
    const text = [
      'server: listen',
      'client -> server : SYN=1, seq=200',
      'server -> client : seq=500, ack=201, SYN=1, ACK=1',
      'client -> server : ACK=1, FIN=0, seq=201, ack=501 as t',
      'deliver t',
    ].join('\n') + '\n';
    const uri = newUri('format-article');
    const before = await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = applyEdits(text, edits);
    expect(formatted.split('\n').slice(1, 4)).toEqual([
      'client -> server : SYN seq=200',
      'server -> client : SYN ACK seq=500 ack=201',
      'client -> server : ACK seq=201 ack=501 as t',
    ]);
    expect((await client.change(uri, formatted)).map((d) => [d.range.start.line, d.code])).toEqual(before.map((d) => [d.range.start.line, d.code]));
  });

  it('pads to the longest arrow and name in a run', async () => {
    const text = 'alice -> b : SYN seq=J\nb --> alice : SYN ACK seq=K ack=J+1\n';
    const uri = newUri('format-pad');
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(text, edits)).toBe('alice ->  b     : SYN seq=J\nb     --> alice : SYN ACK seq=K ack=J+1\n');
  });
});

describe('structure', () => {
  it('symbols: title, participants, phases', async () => {
    const uri = newUri('symbols');
    await client.open(uri, FIRST_EXAMPLE);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.name)).toEqual(['Connect, exchange, close', 'client', 'server', 'Handshake', 'Data transfer', 'Close']);
    const close = symbols.find((s) => s.name === 'Close')!;
    expect(close.range.start.line).toBe(lineOf(FIRST_EXAMPLE, 'client: close'));
    expect(close.range.end.line).toBe(lineOf(FIRST_EXAMPLE, 'timeout 2MSL'));
    expect(symbols.find((s) => s.name === 'client')!.detail).toBe('Client 10.0.0.1:51000');
  });

  it('folding: block comments and phases', async () => {
    const text = '/* a note\n   over lines */\n' + FIRST_EXAMPLE;
    const uri = newUri('folding');
    await client.open(uri, text);
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(ranges).toContainEqual({ startLine: 0, endLine: 1, kind: 'comment' });
    expect(ranges).toContainEqual(expect.objectContaining({ startLine: lineOf(text, 'client: close'), endLine: lineOf(text, 'timeout 2MSL'), kind: 'region' }));
  });

  it('semantic tokens: participant, sequence symbol, tag, state, flag, call', async () => {
    const text = 'participant c starts ESTABLISHED snd=100 rcv=300\nc ~> s : PSH ACK seq=J+1 as t1\ndeliver t1\nexpect c ESTABLISHED\ns: close\n';
    const uri = newUri('tokens');
    await client.open(uri, text);
    const { data } = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const decoded = decodeSemanticTokens(data, client.initializeResult.capabilities.semanticTokensProvider!.legend.tokenTypes, text);
    expect(decoded).toEqual([
      'c:variable+decl', 'ESTABLISHED:enumMember',
      'c:variable', 's:variable+decl', 'PSH:macro', 'ACK:macro', 'J:parameter', 't1:event+decl',
      't1:event',
      'c:variable', 'ESTABLISHED:enumMember',
      's:variable', 'close:function',
    ]);
  });
});

describe('robustness', () => {
  it('survives random bytes, a huge line and deep nesting, and answers afterwards', async () => {
    const uri = newUri('garbage');
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const bytes = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(random() * 0x2fff))).join('');
    await client.open(uri, bytes);
    await client.change(uri, 'x'.repeat(200_000) + '\n' + '/*'.repeat(5000) + '\n' + '"'.repeat(3000) + '\n' + 'a -> b : '.repeat(5000));
    await client.change(uri, '\u0000\uffff\ud800 -> : seq= ack= ~> as\r\r\n\n/* never closed');
    for (const [method, extra] of [
      ['textDocument/hover', { position: { line: 0, character: 3 } }],
      ['textDocument/completion', { position: { line: 0, character: 5 } }],
      ['textDocument/inlayHint', { range: all }],
      ['textDocument/formatting', { options: { tabSize: 2, insertSpaces: true } }],
      ['textDocument/semanticTokens/full', {}],
      ['textDocument/documentSymbol', {}],
    ] as const) {
      await client.request(method, { textDocument: { uri }, ...extra });
    }
    // Still alive and correct.
    expect(await client.change(uri, BAD_ACK)).toMatchObject([{ code: 'bad-ack' }]);
    expect(client.process.exitCode).toBeNull();
  });

  it('a request for a position past the end, or an unknown document', async () => {
    const uri = newUri('past-end');
    await client.open(uri, 'server: listen\n');
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 99, character: 99 } })).toBeNull();
    expect(await complete(uri, 99, 0)).toBeDefined();
  });
});

describe('tcpflow/diagram', () => {
  it('returns the Mermaid source of the open document', async () => {
    const uri = newUri('diagram');
    await client.open(uri, FIRST_EXAMPLE);
    const result = await client.request<{ mermaid: string; version: number; syntaxErrors: unknown[] }>('tcpflow/diagram', { uri });
    expect(result.mermaid).toMatch(/^sequenceDiagram/);
    expect(result.version).toBe(1);
    expect(result.syntaxErrors).toEqual([]);
  });
});
