/**
 * The edit log (server/src/lsp/edit-log.ts) tells the reader which lines an editor's
 * edits replaced, and the reader then takes the other lines from the last version
 * (lines-after-edit.ts). Whatever the edits, the analysis must be the one the whole
 * text gives; and for an ordinary keystroke the untouched lines must really be taken
 * over, not split again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { Analysis } from '../../server/src/engine/analysis.js';
import { analyzeText } from '../../server/src/language/analyze.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';
import { EditLog, recordingTextDocuments } from '../../server/src/lsp/edit-log.js';

const URI = 'file:///edited.tcpflow';

function comparable(a: Analysis) {
  return {
    diagnostics: a.diagnostics,
    steps: a.steps.map((s) => ({ line: s.line, states: s.states, segment: s.segment, replies: s.replies })),
    participants: a.participants,
  };
}

/** An editor: a TextDocument updated through the recording configuration, as Langium's TextDocuments does. */
function editor(text: string) {
  const log = new EditLog();
  const documents = recordingTextDocuments(TextDocument, log);
  let document = documents.create(URI, 'tcpflow', 1, text);
  return {
    log,
    get text() {
      return document.getText();
    },
    apply(changes: TextDocumentContentChangeEvent[]) {
      document = documents.update(document, changes, document.version + 1);
    },
  };
}

const LINES = [
  'participant client', 'participant server starts LISTEN', 'server: listen', 'client: connect',
  'client -> server : SYN seq=J', 'server -> client : SYN ACK seq=K ack=J+1', 'client -> server : ACK seq=J+1 ack=K+1',
  'client -> server : ACK ack=K+9', 'note over client : hi', 'client: close', '))) junk', '',
];
/** Pieces of typing: characters, line breaks, whole lines, and the marks that open and close block comments. */
const TYPED = ['c', ' ', 'A', 'K', '=', '1', '\n', '\n', '\n\n', '/*', '*/', ' /* x */ ', 'client -> server : FIN ACK', 'server: close\n', '', ''];

describe('reading a new version from the lines of the last one', () => {
  it('gives what the whole text gives, after any ranged edits, read after each or after several', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }),
        fc.array(fc.record({ line: fc.nat(1000), character: fc.nat(50), span: fc.nat(3), columns: fc.nat(8), text: fc.constantFrom(...TYPED), read: fc.nat(2) }), { maxLength: 12 }),
        (lines, edits) => {
          const doc = editor(lines.join('\n'));
          const reader = new IncrementalReader(8, doc.log);
          reader.analyze(URI, doc.text);
          for (const e of edits) {
            // Positions inside the document, as an editor sends them (see the last test for others).
            const lines = doc.text.split('\n');
            const line = e.line % lines.length;
            const endLine = Math.min(line + e.span, lines.length - 1);
            const start = { line, character: e.character % (lines[line].length + 1) };
            const end = endLine === line
              ? { line, character: Math.min(lines[line].length, start.character + e.columns) }
              : { line: endLine, character: e.columns % (lines[endLine].length + 1) };
            doc.apply([{ range: { start, end }, text: e.text }]);
            if (e.read !== 0) continue; // several updates between two reads: the log composes them
            const analysis = reader.analyze(URI, doc.text);
            expect(analysis.lines).toEqual(doc.text.split('\n'));
            expect(comparable(analysis.analysis)).toEqual(comparable(analyzeText(doc.text).analysis));
          }
          const last = reader.analyze(URI, doc.text);
          expect(comparable(last.analysis)).toEqual(comparable(analyzeText(doc.text).analysis));
        },
      ),
      { numRuns: Math.max(1, Math.round(300 * Number(process.env.TCPFLOW_PROPERTY_SCALE ?? 1))) },
    );
  });

  it('takes every line outside the span the log names from the last version', () => {
    // A log that names the wrong line shows where the lines come from: the line it leaves
    // out keeps its last version (the log is trusted), the line it names is cut again.
    const text = Array.from({ length: 200 }, (_, i) => (i === 0 ? 'participant a' : `note over a : line ${String(i).padStart(3, '0')}`)).join('\n');
    const edited = text.replace('line 100', 'line 1x0');
    const wrongLog = { linesChanged: () => ({ first: 5, last: 5, delta: 0 }), forget: () => undefined };
    const reader = new IncrementalReader(undefined, wrongLog);
    reader.analyze(URI, text);
    expect(reader.analyze(URI, edited).lines[100]).toBe('note over a : line 100');
    // Without a log the whole text is split: the edit is seen.
    const plain = new IncrementalReader();
    plain.analyze(URI, text);
    expect(plain.analyze(URI, edited).lines[100]).toBe('note over a : line 1x0');
  });

  it('splits the whole text again when the edit opens a block comment', () => {
    const doc = editor('participant a\nnote over a : x\nnote over a : y\nnote over a : z */');
    const reader = new IncrementalReader(undefined, doc.log);
    reader.analyze(URI, doc.text);
    doc.apply([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '/* ' }]);
    const analysis = reader.analyze(URI, doc.text);
    expect(analysis.blockComments).toEqual([[1, 3]]);
    expect(comparable(analysis.analysis)).toEqual(comparable(analyzeText(doc.text).analysis));
  });

  it('composes the updates made between two reads into the lines they replaced together', () => {
    const doc = editor(Array.from({ length: 10 }, (_, i) => `note over a : ${i}`).join('\n'));
    const read = doc.text;
    doc.apply([{ range: { start: { line: 6, character: 3 }, end: { line: 6, character: 3 } }, text: 'x' }]);
    doc.apply([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'participant a\n' }]);
    // Line 6 moved to 7 under the inserted line: lines 2…7 are new, one more than before.
    expect(doc.log.linesChanged(URI, read, doc.text)).toEqual({ first: 2, last: 7, delta: 1 });
    doc.apply([{ range: { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }, text: '' }]);
    expect(doc.log.linesChanged(URI, read, doc.text)).toEqual({ first: 2, last: 8, delta: 0 });
  });

  it('knows nothing of a whole-text change, or of texts it did not see become each other', () => {
    const doc = editor('participant a\n');
    const first = doc.text;
    doc.apply([{ text: 'participant b\n' }]);
    expect(doc.log.linesChanged(URI, first, doc.text)).toBeUndefined();
    const second = doc.text;
    doc.apply([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    expect(doc.log.linesChanged(URI, second, doc.text)).toEqual({ first: 0, last: 1, delta: 1 });
    expect(doc.log.linesChanged(URI, 'some other text', doc.text)).toBeUndefined();
    // A position outside the document (the TextDocument clamps it) is not told by lines either.
    const third = doc.text;
    doc.apply([{ range: { start: { line: 7, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }]);
    expect(doc.log.linesChanged(URI, third, doc.text)).toBeUndefined();
    const fourth = doc.text;
    doc.apply([{ range: { start: { line: 1, character: 99 }, end: { line: 1, character: 99 } }, text: 'x' }]);
    expect(doc.log.linesChanged(URI, fourth, doc.text)).toBeUndefined();
  });
});
