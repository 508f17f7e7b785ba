/**
 * Which lines the editor's edits touched, so that reading a new version of a document
 * can start from the lines of the one before (document-analysis.ts) instead of
 * splitting the whole text again.
 *
 * The editor says where each edit is (`didChange` with ranges), and Langium applies
 * those edits through the TextDocuments configuration the module gives it
 * (tcpflow-lsp-module.ts): `recordingTextDocuments` wraps that configuration, so every
 * applied update is seen here with its ranges, and kept by the text before and after it.
 * The reader later asks how one text it read became another; the answer is the span of
 * lines the updates between them replaced, or undefined (full text replaced, a line
 * break other than LF, a chain that is not kept any more), and then the reader splits
 * the text as before. Nothing here is needed for correctness: it only tells the reader
 * where not to look.
 *
 * On 10,000 lines, splitting every line again, and comparing each with the line it
 * was, cost a millisecond per keystroke and made 10,000 new strings that outlived the
 * keystroke, which the young-generation collector then copied (docs/benchmarks.md).
 */
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Lines of a new text that may differ from the text before it: lines `first`…`last`
 * (0-based, inclusive) of the new text replace lines `first`…`last - delta` of the old
 * one; every line before `first` is the same, and line `i > last` is the old line `i - delta`.
 */
export interface LineEdit {
  readonly first: number;
  readonly last: number;
  /** New line count minus old. */
  readonly delta: number;
}

interface Update {
  readonly before: string;
  readonly after: string;
  /** Undefined when the update cannot be told by lines (a whole-text change, a CR). */
  readonly edit?: LineEdit;
}

/**
 * How many updates are kept per document. The reader asks after every version it reads
 * and the updates before that one are then dropped, so this bounds only the texts kept
 * while builds are cancelled by faster typing: each update holds its document's texts.
 */
const KEPT_UPDATES = 8;

export class EditLog {
  private readonly updates = new Map<string, Update[]>();
  /** Per document, its last text known to hold no CR: the next update need not scan it again. */
  private readonly withoutCr = new Map<string, string>();

  /** Whether `text`, the current text of `uri`, has no CR (scanned only when not known). */
  hasNoCr(uri: string, text: string): boolean {
    return this.withoutCr.get(uri) === text || !text.includes('\r');
  }

  /** The text `before` of `uri` became `after`, by replacing the lines `edit` names (undefined: not known). */
  record(uri: string, before: string, after: string, edit: LineEdit | undefined): void {
    let list = this.updates.get(uri);
    if (!list) this.updates.set(uri, (list = []));
    list.push({ before, after, edit });
    if (list.length > KEPT_UPDATES) list.shift();
    // Edits told by lines insert no CR, so a text without CR stays without.
    if (edit) this.withoutCr.set(uri, after);
    else this.withoutCr.delete(uri);
  }

  forget(uri: string): void {
    this.updates.delete(uri);
    this.withoutCr.delete(uri);
  }

  /** How `from` became `to` (both texts of `uri`), by lines; undefined if not known. */
  linesChanged(uri: string, from: string, to: string): LineEdit | undefined {
    const list = this.updates.get(uri);
    if (!list) return undefined;
    // The last update that ends in `to`, then back through the ones that led to it.
    let end = list.length - 1;
    while (end >= 0 && list[end].after !== to) end--;
    let start = end;
    while (start >= 0 && list[start].before !== from) {
      if (start === 0 || list[start - 1].after !== list[start].before) return undefined;
      start--;
    }
    if (start < 0) return undefined;
    // The reader reads on from `to`: what led to `from` will not be asked for again.
    list.splice(0, start);
    end -= start;
    start = 0;
    let edit: LineEdit | undefined;
    for (let i = start; i <= end; i++) {
      const next = list[i].edit;
      if (!next) return undefined;
      edit = edit ? followedBy(edit, next) : next;
    }
    return edit;
  }
}

/**
 * The lines `change` replaces in `document` (before it is applied), or undefined if
 * they cannot be told: a whole-text change, a CR, or a position that is not in the
 * document. (TextDocument clamps such a position to the text, but moves its own line
 * offsets by the position as given; editors never send one.)
 */
function lineEditOf(document: TextDocument, change: TextDocumentContentChangeEvent): LineEdit | undefined {
  if (!('range' in change) || change.text.includes('\r')) return undefined;
  const { start, end } = change.range;
  if (!inDocument(document, start) || !inDocument(document, end) || end.line < start.line || (end.line === start.line && end.character < start.character)) return undefined;
  const inserted = lineBreaks(change.text);
  // Lines start…end become start…start + inserted.
  return { first: start.line, last: start.line + inserted, delta: inserted - (end.line - start.line) };
}

function inDocument(document: TextDocument, position: Position): boolean {
  if (position.line < 0 || position.line >= document.lineCount || position.character < 0) return false;
  const at = document.positionAt(document.offsetAt(position));
  return at.line === position.line && at.character === position.character;
}

/** `a`, then `b` (whose lines count in the text after `a`): the lines both replaced. */
function followedBy(a: LineEdit, b: LineEdit): LineEdit {
  const bOldLast = b.last - b.delta; // b's last replaced line, before b
  const first = Math.min(a.first, b.first);
  // a's replaced lines after b: moved by b when wholly below it, else inside b's.
  const aLast = a.last > bOldLast ? a.last + b.delta : b.last;
  return { first, last: Math.max(aLast, b.last), delta: a.delta + b.delta };
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A TextDocuments configuration (what vscode-languageserver's TextDocuments, and
 * Langium's NormalizedTextDocuments, create and update documents with) that records
 * every update in `log`.
 */
export function recordingTextDocuments(
  base: { create: typeof TextDocument.create; update: typeof TextDocument.update },
  log: EditLog,
): { create: typeof TextDocument.create; update: typeof TextDocument.update } {
  return {
    create: base.create,
    update(document, changes, version) {
      const before = document.getText();
      // One change at a time (as TextDocument.update applies them), each read against the text it applies to.
      let edit: LineEdit | undefined;
      let known = log.hasNoCr(document.uri, before);
      for (const change of changes) {
        const next = known ? lineEditOf(document, change) : undefined;
        known = next !== undefined;
        edit = next && (edit ? followedBy(edit, next) : next);
        document = base.update(document, [change], version);
      }
      log.record(document.uri, before, document.getText(), known ? edit : undefined);
      return document;
    },
  };
}
