/**
 * Hostile `.tcpflow` documents for the fuzz properties: token soup built from every
 * keyword of the language, grammar-shaped scenarios that drive the engine through its
 * states, the shipped examples with lines deleted, duplicated, swapped and corrupted,
 * random bytes and random Unicode, and text with CRLF/CR line endings, NUL bytes and
 * nested or unterminated comments.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { KEYWORDS as READER_KEYWORDS } from '../../server/src/language/reader/line-shape.js';
import { listExamples } from '../support/examples.js';

/** The project root: found upwards from here, so the same code runs from test/fuzz and bundled in out/. */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'examples'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project root above ${start}`);
  }
}

export const ROOT = findRoot(__dirname);


/** Every shipped example, mistakes included: name and text. */
export const EXAMPLES: ReadonlyArray<{ name: string; text: string }> = listExamples(join(ROOT, 'examples'))
  .map((path) => ({ name: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') }));

// ---------------------------------------------------------------- vocabulary

/** The reader's keywords (the one list, server/src/language/reader/line-shape.ts). */
export const KEYWORDS: readonly string[] = READER_KEYWORDS;
export const CALLS = ['listen', 'connect', 'accept', 'send', 'recv', 'close', 'shutdown', 'abort', 'crash', 'timeout', 'socket', 'bind', 'read', 'write'];
/** What a call may be said to return (`-> RESULT`), right or wrong, and a dangling arrow. */
export const CALL_RESULTS = ['', '', '', ' -> 0', ' -> ECONNREFUSED', ' -> ETIMEDOUT', ' → EPIPE', ' -> 5', ' -> a', ' ->'];
export const TIMERS = ['2MSL', 'RTO', 'USER', '2msl', 'rto'];
export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH', 'URG', 'ECE', 'CWR', 'syn', 'Ack', 'NOPE'];
export const STATES = [
  'CLOSED', 'LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2',
  'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT', 'SYN_RECV', 'FIN_WAIT1', 'TIME_WAIT', 'CLOSE',
  'SYN_SEND', 'SYNC_SENT', 'ESTABLISED', 'BOGUS', 'FIN-WAIT-', 'FIN-WAIT-1-2',
];
export const FIELD_NAMES = ['seq', 'ack', 'len', 'data', 'win', 'mss', 'wscale', 'backlog', 'snd', 'rcv', 'sack', 'ttl'];
export const ARROWS = ['->', '-x', '~>', '-->'];
/** Participant names, Mermaid's own keywords among them. */
export const NAMES = ['a', 'b', 'c', 'client', 'server', 'end', 'x', 'o', 'participant', 'Note', 'rect', 'loop', '_', 'A1', 'sequenceDiagram', 'activate', 'title'];
export const SYMBOLS = ['J', 'K', 'x', 'ISN_A', 'seq', 'ack'];
export const INTS = ['0', '1', '2', '100', '1460', '65535', '4294967295', '4294967296', '99999999999999999999999', '00', '-1'];
/** Quoted strings whose content tries to break out of a Mermaid label or a JSON message. */
export const HOSTILE_STRINGS = [
  '""', '"hi"', '"%%{init: {\'theme\':\'dark\'}}%%"', '"a;b#c"', '"<script>alert(1)</script>"', '"line<br>break"',
  '"\\"quoted\\""', '"\\\\"', '"wrap: text"', '":colon"', '"end"', '"#35;"', '"$$x^2$$"', '"ß ﬂ"', '"🙂 é ü 中文"',
  '"a\\nb"', '"-->> evil: hi"', '"}}%%"', '"\u202Eevil"', '"\u0000"', '"\uFEFF"', '"unterminated',
];
export const PUNCTUATION = [':', ',', '+', '-', '=', '->', '-x', '~>', '-->', '"', '/*', '*/', '//', ';', '#', '%%', '{', '}', '<', '>', '@', '\\', '*', '/'];
export const UNICODE = [
  'é', 'ü', '中', '🙂', '👩‍👩‍👧', 'e\u0301', '\u200B', '\u200D', '\u2028', '\u2029', '\u0085', '\u00A0', '\uFEFF', '\u202E',
  '\uD800', '\uDFFF', '\uFFFD', '\uFFFF', 'ß', 'ﬂ', 'İ', 'Σ', '\u0000', '\u0007', '\u001B[31m', '\t', '\f', '\v',
];
export const COMMENTS = ['// comment', '/* c */', '/* /* /* */', '/* a */ */', '/*', '*/', '/* multi\nline */', '//', '/**/', '/* /* */ */'];

const VOCABULARY = [
  ...KEYWORDS, ...CALLS, ...TIMERS, ...FLAGS, ...STATES, ...FIELD_NAMES, ...ARROWS, ...NAMES, ...SYMBOLS,
  ...INTS, ...HOSTILE_STRINGS, ...PUNCTUATION, ...UNICODE, ...COMMENTS,
];

export const LINE_ENDINGS = ['\n', '\r\n', '\r'] as const;

// ---------------------------------------------------------------- token soup

const separator = fc.constantFrom(' ', ' ', ' ', '', '\t', '  ', '\u00A0');
const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** A line of random tokens from every part of the language, in any order. */
export const soupLine = fc.array(fc.tuple(token, separator), { maxLength: 12 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Every keyword of the language in every position of a line. */
export const keywordLine = fc.tuple(
  fc.constantFrom(...KEYWORDS, ...CALLS, ...FLAGS, ...STATES.slice(0, 11), ...FIELD_NAMES, ...ARROWS, ...TIMERS),
  fc.array(fc.constantFrom(...KEYWORDS, ...CALLS, ...FLAGS, ...NAMES, ':', '=', ','), { maxLength: 8 }),
  fc.nat(),
).map(([keyword, rest, at]) => {
  const words = [...rest];
  words.splice(at % (words.length + 1), 0, keyword);
  return words.join(' ');
});

// ---------------------------------------------------------------- grammar-shaped scenarios

const name = fc.constantFrom('a', 'b', 'c', 'a', 'b', 'client', 'server', 'end', 'x');
const offset = fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 3 }).map((n) => `+${n}`), fc.integer({ min: 100, max: 102 }).map((n) => `+${n}`), fc.constant('-1'));
const seqExpr = fc.oneof(
  fc.tuple(fc.constantFrom('J', 'K', 'x'), offset).map(([s, o]) => s + o),
  fc.constantFrom('0', '1', '100', '101', '300', '301', '4294967295', '4294967296'),
);
const field = fc.oneof(
  seqExpr.map((e) => `seq=${e}`),
  seqExpr.map((e) => `ack=${e}`),
  fc.constantFrom('len=0', 'len=1', 'len=100', 'len=4294967296', 'win=65535', 'mss=1460', 'wscale=7', 'data="hi"', 'data=""', 'data="🙂"', 'foo=1', 'seq=', 'ack="x"'),
  // Options (issue 11): timestamps, SACK, a window above 16 bits, and broken forms of them.
  fc.constantFrom('ts=100,0', 'ts=4294967295,7', 'ts=1', 'ts=1,', 'ts=x,1', 'ts=99999999999,1', 'sack', 'sackOK', 'SACKOK', 'tfo', 'win=70000', 'wscale=15'),
);
const flagSet = fc.oneof(
  fc.constantFrom('SYN', 'SYN ACK', 'SYN,ACK', 'SYN+ACK', 'ACK', 'FIN ACK', 'FIN', 'RST', 'RST ACK', 'PSH ACK', 'ACK URG', 'SYN FIN', 'ECE CWR ACK'),
  fc.uniqueArray(fc.constantFrom(...FLAGS), { minLength: 1, maxLength: 4 }).map((f) => f.join(' ')),
  // No flags (issue 11): `-` in their place, or nothing before the fields.
  fc.constantFrom('-', '', '- -'),
);
const segment = fc.tuple(name, fc.constantFrom(...ARROWS), name, flagSet, fc.array(field, { maxLength: 4 }), fc.option(fc.constantFrom('t1', 't2', 'late'), { nil: undefined }))
  .map(([from, arrow, to, flags, fields, tag]) => `${from} ${arrow} ${to} : ${[flags, ...fields].join(' ')}${tag ? ` as ${tag}` : ''}`);
const call = fc.tuple(name, fc.constantFrom(...CALLS), fc.constantFrom('', '', ' 2MSL', ' RTO', ' USER', ' len=10', ' backlog=5', ' bogus', ' rd', ' rdwr', ' port=80', ' addr="10.0.0.1"'), fc.constantFrom(...CALL_RESULTS))
  .map(([who, c, arg, result]) => `${who}: ${c}${arg}${result}`);
const participant = fc.tuple(name, fc.constantFrom('', ' as "Label"', ' as "%%{init}%%"'), fc.constantFrom('', ' starts ESTABLISHED snd=300 rcv=100', ' starts LISTEN', ' starts SYN_SEND', ' starts FIN-WAIT-2 snd=J rcv=K'))
  .map(([who, label, start]) => `participant ${who}${label}${start}`);
const statement = fc.oneof(
  { weight: 6, arbitrary: segment },
  { weight: 3, arbitrary: call },
  { weight: 1, arbitrary: participant },
  { weight: 1, arbitrary: fc.tuple(name, fc.constantFrom(...STATES)).map(([n, s]) => `expect ${n} ${s}`) },
  // One connection of a listener (issue 12), and broken forms of it.
  { weight: 1, arbitrary: fc.tuple(name, fc.constantFrom('[a]', '[b]', '[client]', '[]', '[a', '[a b]', '[[a]]'), fc.constantFrom(...STATES)).map(([n, c, s]) => `expect ${n}${c} ${s}`) },
  { weight: 1, arbitrary: fc.constantFrom('deliver t1', 'deliver t2', 'deliver late', 'deliver nope') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('note over a', 'note over a, b', 'note left of b', 'note right of c'), soupLine).map(([n, t]) => `${n} : ${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('scenario "Title"', 'scenario "%%{init}%%\\"; evil"', '', '// comment') },
  // Profiles (issue 11), known and not.
  { weight: 1, arbitrary: fc.constantFrom('profile linux', 'profile linux rfc1337', 'profile rfc9293', 'profile bsd', 'profile', 'profile linux fast') },
);

/** A scenario shaped like the grammar, with numbers near the right ones: reaches deep into the engine. */
export const structuredDocument = fc.array(statement, { maxLength: 30 }).map((lines) => lines.join('\n'));

/** A document of token-soup lines, keyword lines and statements mixed. */
export const soupDocument = fc.tuple(
  fc.array(fc.oneof(soupLine, keywordLine, statement), { maxLength: 20 }),
  fc.constantFrom(...LINE_ENDINGS),
).map(([lines, eol]) => lines.join(eol));

// ---------------------------------------------------------------- raw bytes and Unicode

export const randomBytesDocument = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...UNICODE, ...PUNCTUATION, 'a', ' ', '\n', '\r', '"'), maxLength: 200 }),
);

// ---------------------------------------------------------------- mutations of the examples

export type Mutation =
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; with: number }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'delete-text'; at: number; length: number }
  | { kind: 'replace-word'; at: number; text: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert-line' as const), at: fc.nat(), text: fc.oneof(statement, soupLine, keywordLine) }),
  fc.record({ kind: fc.constant('insert-text' as const), at: fc.nat(), text: fc.oneof(token, fc.constantFrom(...UNICODE, ...COMMENTS, '\n', '\r\n', '\r', '\0')) }),
  fc.record({ kind: fc.constant('delete-text' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace-word' as const), at: fc.nat(), text: fc.constantFrom(...VOCABULARY) }),
);

/** Applies one mutation; positions are taken modulo the text's size. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.kind) {
    case 'delete-line':
      lines.splice(m.at % n, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(m.at % n, 0, lines[m.at % n]);
      return lines.join('\n');
    case 'swap-lines': {
      const i = m.at % n;
      const j = m.with % n;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }
    case 'insert-line':
      lines.splice(m.at % (n + 1), 0, m.text);
      return lines.join('\n');
    case 'insert-text': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-text': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'replace-word': {
      const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_-]*/g)];
      if (words.length === 0) return text;
      const w = words[m.at % words.length];
      return text.slice(0, w.index) + m.text + text.slice(w.index! + w[0].length);
    }
  }
}

/** Line endings rewritten: LF, CRLF, CR, or a random mix. */
export function withLineEndings(text: string, style: 'lf' | 'crlf' | 'cr' | 'mixed', seed: number): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\r?\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\r?\n/g, '\r');
  let i = seed;
  let previous = '';
  return text.replace(/\r?\n/g, () => {
    let eol: string = LINE_ENDINGS[(i = (i * 1103515245 + 12345) >>> 0) % 3];
    // A CR then an LF (an empty line between them) would read as one CRLF: one line fewer.
    if (previous === '\r' && eol === '\n') eol = '\r';
    previous = eol;
    return eol;
  });
}

/** A shipped example, mutated one to eight times, with its line endings rewritten. */
export const mutatedExample = fc.tuple(
  fc.constantFrom(...EXAMPLES),
  fc.array(mutation, { minLength: 1, maxLength: 8 }),
  fc.constantFrom('lf', 'lf', 'crlf', 'cr', 'mixed') as fc.Arbitrary<'lf' | 'crlf' | 'cr' | 'mixed'>,
  fc.nat(),
).map(([example, mutations, eol, seed]) => withLineEndings(mutations.reduce(mutate, example.text), eol, seed));

/** Every kind of hostile document, weighted towards the ones that reach the engine. */
export const anyDocument = fc.oneof(
  { weight: 4, arbitrary: mutatedExample },
  { weight: 3, arbitrary: structuredDocument },
  { weight: 2, arbitrary: soupDocument },
  { weight: 1, arbitrary: randomBytesDocument },
);

// ---------------------------------------------------------------- big and deep inputs (fixed cases)

const MB = 1 << 20;

export interface BigDocument {
  readonly name: string;
  readonly text: string;
}

/**
 * Named hostile documents that random generation would rarely reach: huge lines (of
 * long tokens, and of a million one-character tokens, which the lexer's line bound
 * keeps out of the parse), deep comment nesting, thousands of CR-only or NUL lines.
 */
export function bigDocuments(): BigDocument[] {
  const repeatTo = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return [
    { name: '1 MB identifier', text: 'a'.repeat(MB) },
    { name: '1 MB participant name in a segment', text: `${'p'.repeat(MB)} -> b : SYN` },
    { name: '1 MB symbol in seq=', text: `a -> b : SYN seq=${'J'.repeat(MB)}` },
    { name: '1 MB number in seq=', text: `a -> b : SYN seq=${'9'.repeat(MB)}` },
    { name: '1 MB quoted title', text: `scenario "${'t'.repeat(MB)}"` },
    { name: '1 MB data= payload', text: `b: listen\na -> b : SYN seq=1\nb -> a : SYN ACK seq=9 ack=2\na -> b : ACK seq=2 ack=10 data="${repeatTo('payload 🙂 ', MB)}"` },
    { name: '1 MB unterminated string', text: `scenario "${'u'.repeat(MB)}` },
    { name: '1 MB line comment', text: `// ${'c'.repeat(MB)}\na -> b : SYN` },
    { name: '1 MB block comment', text: `/* ${'c'.repeat(MB)} */\na -> b : SYN` },
    { name: '1 MB of spaces', text: ' '.repeat(MB) },
    { name: '1 MB note of long words', text: `note over a : ${repeatTo(`${'w'.repeat(1000)} `, MB)}` },
    { name: '1 MB of NUL bytes', text: '\0'.repeat(MB) },
    { name: '1 MB line of ASCII punctuation', text: repeatTo('!', MB) },
    { name: '1 MB note of short words', text: `note over a : ${repeatTo('w ', MB)}` },
    { name: '1 MB flag list', text: `a -> b : ${repeatTo('SYN ', MB)}` },
    { name: '1 MB seq expression J+1+1+…', text: `a -> b : SYN seq=J${repeatTo('+1', MB)}` },
    { name: '1 MB of quotes', text: repeatTo('"', MB) },
    { name: '100,000 nested comment openers /* /* /* … */', text: `${'/* '.repeat(100_000)}*/\na -> b : SYN` },
    { name: '10,000 lines each opening a comment (no */)', text: '/* x\n'.repeat(10_000) },
    { name: '10,000 lines of /* /* /* */', text: '/* /* /* */\n'.repeat(10_000) },
    { name: '5,000 CR-only lines', text: 'a -> b : SYN\r'.repeat(5_000) },
    { name: '10,000 lines of NUL', text: '\0\n'.repeat(10_000) },
    { name: '10,000 empty CRLF lines', text: '\r\n'.repeat(10_000) },
    { name: '2,000 lines of every unicode oddity', text: `${UNICODE.join(' ')}\n`.repeat(2_000) },
  ];
}

/** Unterminated `/*` openers: with a regex for block comments each one scanned to the end of the text (quadratic, now fixed). */
export function unterminatedComments(count: number): string {
  return '/* '.repeat(count);
}

/** What a hostile document should read as: a check on the diagnostics the reader gives it. */
export interface HostileText extends BigDocument {
  /** The syntax diagnostics expected, by line; undefined when any reading is fine. */
  readonly syntaxLines?: readonly number[];
}

/**
 * One huge token in each slot a statement has (title, label, note, string, comment,
 * field, tag), and unclosed openers at scale (issue 18): `size` is the token's length.
 * Each is a valid scenario but for what the name says, so a reader that is linear in
 * its input and bounded per line reads it with the diagnostics given.
 */
export function hugeTokenDocuments(size: number): HostileText[] {
  const handshake = 'b: listen\na -> b : SYN seq=1\nb -> a : SYN ACK seq=9 ack=2\na -> b : ACK seq=2 ack=10\n';
  const big = (c: string) => c.repeat(size);
  return [
    { name: `a title of ${size} characters`, text: `scenario "${big('t')}"\n${handshake}`, syntaxLines: [] },
    { name: `a label of ${size} characters`, text: `participant a as "${big('l')}"\n${handshake}`, syntaxLines: [] },
    { name: `a note of ${size} characters`, text: `${handshake}note over a, b : ${big('n')}\n`, syntaxLines: [] },
    { name: `a data= string of ${size} bytes`, text: `${handshake}a -> b : PSH ACK seq=10 ack=10 data="${big('d')}"\n`, syntaxLines: [] },
    { name: `a block comment of ${size} characters over two lines`, text: `/* ${big('c')}\n${big('c')} */\n${handshake}`, syntaxLines: [] },
    { name: `a line comment of ${size} characters`, text: `// ${big('c')}\n${handshake}`, syntaxLines: [] },
    { name: `a field name of ${size} characters`, text: `${handshake}a -> b : ACK seq=10 ack=10 ${big('f')}=1\n`, syntaxLines: [] },
    { name: `a tag of ${size} characters`, text: `${handshake}a ~> b : ACK seq=10 ack=10 as ${big('g')}\ndeliver ${big('g')}\n`, syntaxLines: [] },
    { name: `a participant name of ${size} characters`, text: `participant ${big('p')}\n${handshake}`, syntaxLines: [] },
    { name: `an unclosed string of ${size} characters`, text: `scenario "${big('u')}\n${handshake}`, syntaxLines: [0] },
    { name: `${size} unclosed /* on one line`, text: `${'/* '.repeat(size)}\n${handshake}`, syntaxLines: [0] },
    { name: `${size} unclosed /* with spaces, then a closer far below`, text: `${'/* '.repeat(size)}\n${handshake}*/\n`, syntaxLines: [] },
  ];
}

/** Many lines, each cheap: a million comment lines, a million unclosed openers one a line. */
export function manyLineDocuments(lines: number): HostileText[] {
  return [
    { name: `${lines} comment lines`, text: '// a comment\n'.repeat(lines), syntaxLines: [] },
    { name: `${lines} lines each opening a comment`, text: '/* x\n'.repeat(lines) },
    { name: `${lines} block comments, one a line`, text: '/* x */\n'.repeat(lines), syntaxLines: [] },
  ];
}
