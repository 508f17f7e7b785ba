/**
 * The TextMate grammar (syntaxes/tcpflow.tmLanguage.json), tokenized as VS Code does it:
 * each construct of the language gets the scope that docs/editor-highlighting.md lists.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYWORDS, type Keyword } from '../../server/src/language/reader/line-shape.js';
import { readText } from '../../server/src/language/reader/read-text.js';
import { TIMERS } from '../../server/src/engine/model.js';
import { scopeOf, scopesOf, tokenizeLine, tokenizeLines } from './tokenize.js';

const PARTICIPANT = 'entity.name.type.participant.tcpflow';
const STATE = 'constant.language.state.tcpflow';
const FIELD = 'entity.other.attribute-name.field.tcpflow';
const NUMBER = 'constant.numeric.integer.tcpflow';
const SYMBOL = 'variable.other.symbol.tcpflow';
const TAG = 'entity.name.tag.tcpflow';
const CALL = 'support.function.call.tcpflow';
const STRING = 'string.quoted.double.tcpflow';

describe('participants', () => {
  it('are scoped in a declaration, before a call, on both sides of an arrow, after expect and in notes', async () => {
    expect(scopeOf(await tokenizeLine('participant client as "Client 10.0.0.1:51000"'), 'client')).toBe(PARTICIPANT);
    expect(scopeOf(await tokenizeLine('server: listen'), 'server')).toBe(PARTICIPANT);
    expect(scopeOf(await tokenizeLine('server:listen'), 'server')).toBe(PARTICIPANT);
    const segment = await tokenizeLine('client -> server : SYN seq=J');
    expect(scopeOf(segment, 'client')).toBe(PARTICIPANT);
    expect(scopeOf(segment, 'server')).toBe(PARTICIPANT);
    const assertion = await tokenizeLine('expect client ESTABLISHED, Server_2 LISTEN');
    expect(scopeOf(assertion, 'client')).toBe(PARTICIPANT);
    expect(scopeOf(assertion, 'Server_2')).toBe(PARTICIPANT);
    const note = await tokenizeLine('note over a, b : both sides');
    expect(scopeOf(note, 'a')).toBe(PARTICIPANT);
    expect(scopeOf(note, 'b')).toBe(PARTICIPANT);
    expect(scopeOf(await tokenizeLine('note right of _peer1: x'), '_peer1')).toBe(PARTICIPANT);
  });

  it('are the name after `participant`, not the keywords as/starts', async () => {
    const tokens = await tokenizeLine('participant as "x"');
    expect(scopeOf(tokens, 'as')).toBe('keyword.control.as.tcpflow');
  });
});

/**
 * Each of the reader's keywords (server/src/language/reader/line-shape.ts, the one list)
 * in a line where it is a keyword. A keyword added to the reader is a type error here
 * until it has a line, and then a failure until the TextMate grammar highlights it.
 */
const KEYWORD_LINES: Record<Keyword, string> = {
  scenario: 'scenario "T"',
  participant: 'participant a',
  as: 'participant a as "A"',
  starts: 'participant a starts LISTEN',
  deliver: 'deliver t1',
  note: 'note over a : x',
  over: 'note over a : x',
  left: 'note left of a : x',
  right: 'note right of a : x',
  of: 'note right of a : x',
  expect: 'expect a CLOSED',
  profile: 'profile linux',
};

describe('keywords', () => {
  it.each([...KEYWORDS.map((word) => [KEYWORD_LINES[word], word]), ['a ~> b : SYN as t1', 'as']])('%s: %s', async (line, word) => {
    // The line is one the reader reads, with the word as a keyword.
    expect(readText(line).diagnostics).toEqual([]);
    expect(scopeOf(await tokenizeLine(line), word)).toBe(`keyword.control.${word}.tcpflow`);
  });

  it('a profile line: its name and option (issue 11)', async () => {
    const tokens = await tokenizeLine('profile linux rfc1337 // Linux with tcp_rfc1337');
    expect(scopeOf(tokens, 'linux')).toBe('constant.language.profile.tcpflow');
    expect(scopeOf(tokens, 'rfc1337')).toBe('constant.language.profile-option.tcpflow');
  });

  it('the grammar highlights no keyword the reader does not know', () => {
    const grammar = readFileSync(join(__dirname, '../../syntaxes/tcpflow.tmLanguage.json'), 'utf8');
    const named = new Set([...grammar.matchAll(/keyword\.control\.([a-z]+)\.tcpflow/g)].map((m) => m[1]));
    for (const word of named) expect(KEYWORDS).toContain(word);
  });
});

describe('arrows', () => {
  it.each([
    ['->', 'delivered'],
    ['-x', 'lost'],
    ['~>', 'inflight'],
    ['-->', 'duplicate'],
  ])('%s is keyword.operator.arrow.%s', async (arrow, kind) => {
    for (const line of [`a ${arrow} b : SYN`, `a${arrow}b: SYN`]) {
      const tokens = await tokenizeLine(line);
      expect(scopeOf(tokens, arrow)).toBe(`keyword.operator.arrow.${kind}.tcpflow`);
      expect(scopeOf(tokens, 'a')).toBe(PARTICIPANT);
      expect(scopeOf(tokens, 'b')).toBe(PARTICIPANT);
    }
  });
});

describe('flags', () => {
  it('each flag has its own scope, in any case', async () => {
    const tokens = await tokenizeLine('a -> b : SYN ack FIN Rst PSH URG ECE CWR');
    for (const flag of ['SYN', 'ack', 'FIN', 'Rst', 'PSH', 'URG', 'ECE', 'CWR']) {
      expect(scopeOf(tokens, flag)).toBe(`constant.language.flag.${flag.toLowerCase()}.tcpflow`);
    }
  });

  it.each(['SYN ACK', 'SYN,ACK', 'SYN+ACK', 'SYN , ACK'])('%s: two flags', async (flags) => {
    const tokens = await tokenizeLine(`server -> client : ${flags} win=100`);
    expect(scopeOf(tokens, 'SYN')).toBe('constant.language.flag.syn.tcpflow');
    expect(scopeOf(tokens, 'ACK')).toBe('constant.language.flag.ack.tcpflow');
    const separator = flags.replace(/SYN|ACK|\s/g, '');
    if (separator) expect(scopeOf(tokens, separator)).toBe('punctuation.separator.flag.tcpflow');
  });

  it('the articles\' FLAG=1 and FLAG=0 are flags, with commas between flags and fields', async () => {
    const tokens = await tokenizeLine('server -> client : SYN=1, ACK=1, FIN=0, seq=500, ack=201');
    expect(scopeOf(tokens, 'SYN')).toBe('constant.language.flag.syn.tcpflow');
    expect(scopeOf(tokens, 'ACK')).toBe('constant.language.flag.ack.tcpflow');
    expect(scopeOf(tokens, 'FIN')).toBe('constant.language.flag.fin.tcpflow');
    expect(scopeOf(tokens, 'ack')).toBe(FIELD);
    expect(scopesOf(tokens, ',')).toEqual(Array(4).fill('punctuation.separator.flag.tcpflow'));
  });

  it('a word that is not a flag gets no flag scope', async () => {
    const tokens = await tokenizeLine('a -> b : SYNACK');
    expect(scopeOf(tokens, 'SYNACK')).toBe('');
  });
});

describe('fields, numbers and sequence symbols', () => {
  it('known field names, = and values', async () => {
    const tokens = await tokenizeLine('a -> b : PSH ACK seq=J+1 ack=K+1 len=100 win=65535 mss=1460 wscale=7 data="hi"');
    for (const name of ['seq', 'ack', 'len', 'win', 'mss', 'wscale', 'data']) expect(scopeOf(tokens, name)).toBe(FIELD);
    for (const scope of scopesOf(tokens, '=')) expect(scope).toBe('keyword.operator.assignment.tcpflow');
    expect(scopeOf(tokens, 'J')).toBe(SYMBOL);
    expect(scopeOf(tokens, 'K')).toBe(SYMBOL);
    expect(scopesOf(tokens, '1')).toEqual([NUMBER, NUMBER]);
    expect(scopesOf(tokens, '+')).toEqual(['keyword.operator.arithmetic.tcpflow', 'keyword.operator.arithmetic.tcpflow']);
    for (const n of ['100', '65535', '1460', '7']) expect(scopeOf(tokens, n)).toBe(NUMBER);
    expect(scopeOf(tokens, 'hi')).toBe(STRING);
  });

  it('ts=VAL,ECR, the bare options sack and sackOK, and `-` for no flags (issue 11)', async () => {
    const tokens = await tokenizeLine('a -> b : SYN seq=1 ts=100,0 sackOK wscale=7');
    expect(scopeOf(tokens, 'ts')).toBe(FIELD);
    expect(scopeOf(tokens, '100')).toBe(NUMBER);
    expect(scopeOf(tokens, ',')).toBe('punctuation.separator.comma.tcpflow');
    expect(scopeOf(tokens, 'sackOK')).toBe('entity.other.attribute-name.option.tcpflow');
    const flagless = await tokenizeLine('peer -> linux : - seq=1 len=1000 sack');
    expect(scopeOf(flagless, '-')).toBe('constant.language.flag.none.tcpflow');
    expect(scopeOf(flagless, 'sack')).toBe('entity.other.attribute-name.option.tcpflow');
    expect(scopeOf(flagless, 'seq')).toBe(FIELD);
  });

  it('the ack field is not the ACK flag, whatever the case', async () => {
    const tokens = await tokenizeLine('a -> b : ACK ACK=5');
    expect(scopesOf(tokens, 'ACK')).toEqual(['constant.language.flag.ack.tcpflow', FIELD]);
  });

  it('an unknown name= is a field of its own scope', async () => {
    const tokens = await tokenizeLine('a -> b : SYN seq=100 sackOK=1');
    expect(scopeOf(tokens, 'sackOK')).toBe('entity.other.attribute-name.field.unknown.tcpflow');
    expect(scopeOf(tokens, '100')).toBe(NUMBER);
  });

  it('expressions with spaces, minus and several terms', async () => {
    const tokens = await tokenizeLine('a -> b : ACK seq = ISN_A + 1 - 2 ack=4294967295');
    expect(scopeOf(tokens, 'ISN_A')).toBe(SYMBOL);
    expect(scopeOf(tokens, '-')).toBe('keyword.operator.arithmetic.tcpflow');
    expect(scopeOf(tokens, '2')).toBe(NUMBER);
    expect(scopeOf(tokens, '4294967295')).toBe(NUMBER);
  });

  it('snd= and rcv= of a participant that starts mid-connection', async () => {
    const tokens = await tokenizeLine('participant b starts ESTABLISHED snd=300 rcv=x+100');
    expect(scopeOf(tokens, 'snd')).toBe(FIELD);
    expect(scopeOf(tokens, 'rcv')).toBe(FIELD);
    expect(scopeOf(tokens, '300')).toBe(NUMBER);
    expect(scopeOf(tokens, 'x')).toBe(SYMBOL);
  });
});

describe('states', () => {
  const spellings = [
    'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2',
    'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT',
    'CLOSE', 'SYN_SENT', 'SYN_RECV', 'SYN_RCVD', 'FIN_WAIT1', 'FIN_WAIT_1', 'FIN_WAIT2', 'CLOSE_WAIT',
    'LAST_ACK', 'TIME_WAIT', 'time-wait', 'Syn_Recv',
  ];
  it.each(spellings)('%s after expect and after starts', async (state) => {
    expect(scopeOf(await tokenizeLine(`expect a ${state}`), state)).toBe(STATE);
    expect(scopeOf(await tokenizeLine(`participant a starts ${state} snd=1`), state)).toBe(STATE);
  });

  it('several checks in one expect', async () => {
    const tokens = await tokenizeLine('expect client FIN-WAIT-1, server CLOSE_WAIT // after the FIN');
    expect(scopeOf(tokens, 'FIN-WAIT-1')).toBe(STATE);
    expect(scopeOf(tokens, 'CLOSE_WAIT')).toBe(STATE);
    expect(scopeOf(tokens, ',')).toBe('punctuation.separator.comma.tcpflow');
    expect(scopeOf(tokens, 'after the FIN')).toBe('comment.line.double-slash.tcpflow');
  });

  it('a misspelt or unknown state is a state of another scope', async () => {
    for (const state of ['SYN_SEND', 'SYNC_RCVD', 'FIN-WAIT-3']) {
      expect(scopeOf(await tokenizeLine(`expect a ${state}`), state)).toBe('constant.other.state.unrecognized.tcpflow');
    }
  });
});

describe('calls and timers', () => {
  it.each(['listen', 'connect', 'accept', 'send', 'recv', 'close', 'shutdown', 'abort', 'crash', 'timeout', 'CLOSE', 'socket', 'bind', 'read', 'write'])(
    '%s', async (call) => {
      expect(scopeOf(await tokenizeLine(`a: ${call}`), call)).toBe(CALL);
    });

  it('an unknown call is not support.function', async () => {
    expect(scopeOf(await tokenizeLine('a: bond'), 'bond')).toBe('');
  });

  // Every timer the engine knows (model.ts), so a new one cannot be left uncoloured.
  it.each([...TIMERS, '2msl', 'keepalive'])('timeout %s', async (timer) => {
    const tokens = await tokenizeLine(`client: timeout ${timer}`);
    expect(scopeOf(tokens, timer)).toBe('constant.language.timer.tcpflow');
    expect(scopeOf(tokens, ':')).toBe('punctuation.separator.colon.tcpflow');
  });

  it('call options', async () => {
    const tokens = await tokenizeLine('server: listen backlog=5');
    expect(scopeOf(tokens, 'backlog')).toBe(FIELD);
    expect(scopeOf(tokens, '5')).toBe(NUMBER);
    expect(scopeOf(await tokenizeLine('client: send len=100'), 'len')).toBe(FIELD);
    expect(scopeOf(await tokenizeLine('server: bind port=80'), 'port')).toBe(FIELD);
    expect(scopeOf(await tokenizeLine('client: shutdown rdwr'), 'rdwr')).toBe('constant.language.shutdown-how.tcpflow');
  });

  it('a stated result: the arrow, an errno, a count', async () => {
    const failing = await tokenizeLine('client: connect -> ECONNREFUSED');
    expect(scopeOf(failing, '->')).toBe('keyword.operator.result.tcpflow');
    expect(scopeOf(failing, 'ECONNREFUSED')).toBe('constant.language.errno.tcpflow');
    expect(scopeOf(await tokenizeLine('client: connect → 0'), '→')).toBe('keyword.operator.result.tcpflow');
    expect(scopeOf(await tokenizeLine('server: read -> 5'), '5')).toBe('constant.other.result.tcpflow');
  });
});

describe('tags', () => {
  it('after as on a segment line and after deliver', async () => {
    expect(scopeOf(await tokenizeLine('a ~> b : SYN seq=100 as synA'), 'synA')).toBe(TAG);
    expect(scopeOf(await tokenizeLine('deliver synA // late'), 'synA')).toBe(TAG);
  });
});

describe('strings and notes', () => {
  it('title and label strings, with escapes', async () => {
    const title = await tokenizeLine('scenario "Connect, \\"exchange\\", close"');
    expect(scopeOf(title, 'Connect,')).toBe(STRING);
    expect(scopesOf(title, '\\"')).toEqual(['constant.character.escape.tcpflow', 'constant.character.escape.tcpflow']);
    expect(scopeOf(title, 'scenario')).toBe('keyword.control.scenario.tcpflow');
    const label = await tokenizeLine('participant server as "Server 10.0.0.2:80"');
    expect(scopeOf(label, 'Server 10.0.0.2:80')).toBe(STRING);
  });

  it('an unterminated string ends at the end of its line', async () => {
    const lines = await tokenizeLines('scenario "oops\nclient: connect');
    expect(scopeOf(lines[1], 'client')).toBe(PARTICIPANT);
    expect(scopeOf(lines[1], 'connect')).toBe(CALL);
  });

  it('note text is free text: keywords and arrows in it are not highlighted', async () => {
    const tokens = await tokenizeLine('note over client, server : expect SYN -> over here');
    expect(scopeOf(tokens, 'expect SYN -> over here')).toBe('string.unquoted.note.tcpflow');
    expect(scopeOf(tokens, ':')).toBe('punctuation.separator.colon.tcpflow');
  });

  it('a // comment ends note text, unless it is inside quotes', async () => {
    const tokens = await tokenizeLine('note left of a : see "http://x" // why');
    expect(scopeOf(tokens, 'http://x')).toBe(STRING);
    expect(scopeOf(tokens, 'why')).toBe('comment.line.double-slash.tcpflow');
  });
});

describe('comments', () => {
  it('line comments, alone and after a statement', async () => {
    const alone = await tokenizeLine('// client -> server : SYN');
    expect(alone.map((t) => t.scopes[0])).toEqual(['comment.line.double-slash.tcpflow', 'comment.line.double-slash.tcpflow']);
    const after = await tokenizeLine('server -> client : ACK ack=J+101 // seq omitted');
    expect(scopeOf(after, 'seq omitted')).toBe('comment.line.double-slash.tcpflow');
    expect(scopeOf(after, 'ACK')).toBe('constant.language.flag.ack.tcpflow');
  });

  it('block comments over several lines, then a statement after */', async () => {
    const lines = await tokenizeLines('/* first\nclient -> server : SYN\n*/ client: close');
    expect(lines[0].every((t) => t.scopes[0] === 'comment.block.tcpflow')).toBe(true);
    expect(lines[1].every((t) => t.scopes[0] === 'comment.block.tcpflow')).toBe(true);
    expect(scopeOf(lines[2], '*/')).toBe('punctuation.definition.comment.end.tcpflow');
    expect(scopeOf(lines[2], 'client')).toBe(PARTICIPANT);
    expect(scopeOf(lines[2], 'close')).toBe(CALL);
  });

  it('a block comment inside a segment line', async () => {
    const tokens = await tokenizeLine('a -> b : SYN /* retransmitted */ seq=J');
    expect(scopeOf(tokens, 'retransmitted')).toBe('comment.block.tcpflow');
    expect(scopeOf(tokens, 'seq')).toBe(FIELD);
  });
});

describe('the example of the language contract', () => {
  it('every non-blank token has a scope', async () => {
    const text = [
      '// Three-way handshake and the four-way close',
      'scenario "Connect, exchange, close"',
      '',
      'participant client as "Client 10.0.0.1:51000"',
      'participant server as "Server 10.0.0.2:80"',
      '',
      'server: listen',
      'client: connect',
      'client -> server : SYN seq=J mss=1460 win=65535',
      'server -> client : SYN ACK seq=K ack=J+1 mss=1460',
      'client -> server : ACK seq=J+1 ack=K+1',
      'server: accept',
      'expect client ESTABLISHED, server ESTABLISHED',
      'client -> server : PSH ACK seq=J+1 ack=K+1 len=100',
      'server -> client : ACK ack=J+101                 // seq omitted: inferred (K+1)',
      'client: close',
      'client: timeout 2MSL',
    ].join('\n');
    for (const tokens of await tokenizeLines(text)) {
      const bare = tokens.filter((t) => t.text.trim() !== '' && t.scopes.length === 0);
      expect(bare).toEqual([]);
    }
  });
});

describe('words the language uses, as names (contract §2)', () => {
  it('are participants before a colon or an arrow, after an arrow, in a note head and after expect', async () => {
    const call = await tokenizeLine('note: connect');
    expect(scopeOf(call, 'note')).toBe(PARTICIPANT);
    expect(scopeOf(call, 'connect')).toBe(CALL);
    const segment = await tokenizeLine('left -> right : SYN seq=1 as over');
    expect(scopeOf(segment, 'left')).toBe(PARTICIPANT);
    expect(scopeOf(segment, 'right')).toBe(PARTICIPANT);
    expect(scopeOf(segment, 'over')).toBe(TAG);
    const note = await tokenizeLine('note over left, right : over and out');
    expect(scopesOf(note, 'left')).toContain(PARTICIPANT);
    expect(scopesOf(note, 'right')).toContain(PARTICIPANT);
    expect(scopeOf(note, 'over')).toBe('keyword.control.over.tcpflow');
    const beside = await tokenizeLine('note left of of : x');
    expect(scopeOf(beside, 'left')).toBe('keyword.control.left.tcpflow');
    expect(scopesOf(beside, 'of')).toEqual(['keyword.control.of.tcpflow', PARTICIPANT]);
    expect(scopeOf(await tokenizeLine('expect left LISTEN'), 'left')).toBe(PARTICIPANT);
    expect(scopesOf(await tokenizeLine('participant as as "A"'), 'as')).toEqual([PARTICIPANT, 'keyword.control.as.tcpflow']);
    expect(scopeOf(await tokenizeLine('participant starts'), 'starts')).toBe(PARTICIPANT);
    expect(scopeOf(await tokenizeLine('deliver note'), 'note')).toBe(TAG);
  });
});

/** Names are Unicode identifiers (server/src/language/reader/scanner.ts): Chinese names get the same scopes as English ones. */
describe('Chinese names', () => {
  it('participants everywhere a name stands, and tags', async () => {
    expect(scopeOf(await tokenizeLine('participant 客户端 as "浏览器"'), '客户端')).toBe(PARTICIPANT);
    expect(scopeOf(await tokenizeLine('服务器: listen'), '服务器')).toBe(PARTICIPANT);
    expect(scopeOf(await tokenizeLine('服务器: listen'), 'listen')).toBe(CALL);
    const segment = await tokenizeLine('客户端 ~> 服务器 : SYN seq=J as 第一次握手');
    expect(scopeOf(segment, '客户端')).toBe(PARTICIPANT);
    expect(scopeOf(segment, '服务器')).toBe(PARTICIPANT);
    expect(scopeOf(segment, 'SYN')).toContain('flag');
    expect(scopeOf(segment, '第一次握手')).toBe(TAG);
    expect(scopeOf(await tokenizeLine('deliver 第一次握手'), '第一次握手')).toBe(TAG);
    const assertion = await tokenizeLine('expect 客户端 ESTABLISHED, 服务器2 LISTEN');
    expect(scopeOf(assertion, '客户端')).toBe(PARTICIPANT);
    expect(scopeOf(assertion, '服务器2')).toBe(PARTICIPANT);
    expect(scopeOf(assertion, 'ESTABLISHED')).toBe(STATE);
    expect(scopeOf(await tokenizeLine('note over 客户端, 服务器 : 三次握手'), '服务器')).toBe(PARTICIPANT);
  });

  it('a flag glued to a Chinese word is not a flag', async () => {
    const tokens = await tokenizeLine('a -> b : 甲SYN');
    expect(tokens.some((t) => t.text === 'SYN' && t.scopes.some((s) => s.includes('flag')))).toBe(false);
  });
});
