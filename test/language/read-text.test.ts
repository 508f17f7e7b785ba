/**
 * The reader (server/src/language/reader/read-text.ts): values as written, one statement
 * or one syntax error per line, lines read on their own.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../server/src/language/reader/read-text.js';

const syntax = (text: string) => readText(text).diagnostics.filter((d) => d.code === 'syntax').map((d) => `${d.span.startLine + 1}:${d.span.startColumn + 1} ${d.message}`);

describe('quoted strings', () => {
  it.each([
    ['"plain"', 'plain'],
    ['"a\\"b"', 'a"b'],
    ['"tab\\there"', 'tab\there'],
    ['"back\\\\slash"', 'back\\slash'],
    ['"\\q unknown escape"', 'q unknown escape'],
    ['"é 中 🙂"', 'é 中 🙂'],
  ])('%s reads as %j', (written, value) => {
    expect(readText(`scenario ${written}\n`).statements[0]).toMatchObject({ kind: 'title', text: value });
  });
});

describe('one statement or one syntax error per line', () => {
  it('a word after a complete statement is an error of that line, and the statement is not read', () => {
    const read = readText('participant a x\nparticipant b\n');
    expect(syntax('participant a x\n')).toEqual(['1:15 Cannot read this line: `x` comes after a complete statement; write one statement per line.']);
    expect(read.statements.map((s) => s.kind === 'participant' && s.name)).toEqual(['b']);
  });

  it('an unreadable line never takes the next one with it', () => {
    const read = readText('CLOSING ~>\nb: listen\n/* open\na -> b : SYN\n');
    expect(read.diagnostics.map((d) => d.span.startLine)).toEqual([0, 2]);
    expect(read.statements.map((s) => s.span.startLine)).toEqual([1, 3]);
  });

  it('a block comment joins the lines it spans into one statement', () => {
    const read = readText('a /* the\nsender */ -> b : SYN\n');
    expect(read.diagnostics).toEqual([]);
    expect(read.statements[0]).toMatchObject({ kind: 'segment', from: 'a', to: 'b', span: { startLine: 0, startColumn: 0, endLine: 1, endColumn: 20 } });
  });

  it('says what is unclosed', () => {
    expect(syntax('scenario "open\n')).toEqual(['1:10 Cannot read this line: this `"` is never closed: end the string with `"` on the same line.']);
    expect(syntax('/* open\n')).toEqual(['1:1 Cannot read this line: this `/*` is never closed: end the comment with `*/`.']);
  });

  it('keywords are case-insensitive, names keep their case', () => {
    const read = readText('PARTICIPANT Note AS "N"\nNote: Listen\n');
    expect(read.diagnostics).toEqual([]);
    expect(read.statements.map((s) => s.kind)).toEqual(['participant', 'call']);
  });
});

describe('surrogates', () => {
  it('a lone high surrogate before a line break is a symbol of its own: the line break still ends the line', () => {
    const read = readText('note over a : \ud800\na: listen\n');
    expect(read.statements.map((s) => s.kind)).toEqual(['note', 'call']);
    expect(readText('a: listen\ud800\nb: listen\n').diagnostics.map((d) => d.span.startLine)).toEqual([0]);
  });

  it('a pair is one symbol', () => {
    expect(readText('🙂\n').diagnostics[0].message).toContain('`🙂` does not start');
  });
});

describe('messages quote a long token cut short', () => {
  it.each([
    [`participant a ${'x'.repeat(100)}`],
    [`${'w'.repeat(100)} garbage`],
    [`a -> b : ${'Q'.repeat(100)}`],
    [`a: ${'c'.repeat(100)}`],
  ])('%s', (line) => {
    const [d] = readText(line).diagnostics;
    expect(d.message).toContain(`${line.match(/(\w)\1{99}/)![1].repeat(40)}…`);
    expect(d.message).not.toContain(line.match(/(\w)\1{99}/)![0]);
  });
});
