/**
 * Formatting: consecutive segment lines get their arrows and colons aligned, and
 * trailing whitespace goes. Only whitespace between tokens changes, so the meaning is
 * kept; a second run changes nothing. A segment in the articles' notation
 * (`FIN=1, ACK=1, seq=u`) is written in the canonical one (`FIN ACK seq=u`).
 *
 *     client -> server : SYN seq=J           client -> server : SYN seq=J
 *     server ->client: SYN ACK        →      server -> client : SYN ACK
 *     client  -x server : ACK                client -x  server : ACK
 */
import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import type { SegmentStatement } from '../engine/model.js';
import { canonicalNotation } from './canonical-notation.js';
import type { DocumentAnalyses } from './analyses.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { displayWidth, padToWidth } from '../language/display-width.js';

interface SegmentLine {
  readonly line: number;
  readonly indent: string;
  readonly from: string;
  readonly arrow: string;
  readonly to: string;
  /** Everything after the colon, without its leading whitespace. */
  readonly rest: string;
}

export class TcpflowFormatter implements Formatter {
  constructor(private readonly analyses: DocumentAnalyses) {}

  formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
    return formatEdits(this.analyses.get(document));
  }

  formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
    return formatEdits(this.analyses.get(document), params.range);
  }

  formatDocumentOnType(): TextEdit[] {
    return [];
  }

  get formatOnTypeOptions(): undefined {
    return undefined;
  }
}

/** The edits that format the document (or the lines `range` touches): whole-line replacements. */
export function formatEdits(doc: DocumentAnalysis, range?: Range): TextEdit[] {
  const formatted = formatLines(doc);
  const edits: TextEdit[] = [];
  const first = range ? range.start.line : 0;
  const last = range ? range.end.line : doc.lines.length - 1;
  for (let line = first; line <= last && line < doc.lines.length; line++) {
    const before = doc.lines[line];
    const after = formatted[line];
    if (before === after) continue;
    edits.push({ range: { start: { line, character: 0 }, end: { line, character: before.length } }, newText: after });
  }
  return edits;
}

/** Every line, formatted. */
export function formatLines(doc: DocumentAnalysis): string[] {
  const out = doc.lines.map((l, i) => (insideBlockComment(doc, i) ? l : l.replace(/[ \t]+$/, '')));
  let run: SegmentLine[] = [];
  const flush = () => {
    if (run.length > 0) alignRun(run, out);
    run = [];
  };
  for (let line = 0; line < doc.lines.length; line++) {
    const statement = doc.statementByLine.get(line);
    const parsed = statement?.kind === 'segment' ? readSegmentLine(doc.lines[line], statement) : undefined;
    if (!parsed || (run.length > 0 && run[run.length - 1].line !== line - 1)) flush();
    if (parsed) run.push(parsed);
  }
  flush();
  return out;
}

function insideBlockComment(doc: DocumentAnalysis, line: number): boolean {
  return doc.blockComments.some(([a, b]) => line > a && line <= b);
}

/**
 * The parts of a one-line segment statement, if only whitespace separates
 * `FROM ARROW TO :` (a comment in between, or a statement over several lines, is left alone).
 */
function readSegmentLine(text: string, s: SegmentStatement): SegmentLine | undefined {
  const line = s.span.startLine;
  if (s.span.endLine !== line || s.fromSpan.startLine !== line || s.toSpan.endLine !== line) return undefined;
  const indent = text.slice(0, s.fromSpan.startColumn);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const gap1 = text.slice(s.fromSpan.endColumn, s.arrowSpan.startColumn);
  const gap2 = text.slice(s.arrowSpan.endColumn, s.toSpan.startColumn);
  const afterTo = text.slice(s.toSpan.endColumn);
  const colon = /^[ \t]*:/.exec(afterTo);
  if (!/^[ \t]*$/.test(gap1) || !/^[ \t]*$/.test(gap2) || !colon) return undefined;
  return {
    line,
    indent,
    from: text.slice(s.fromSpan.startColumn, s.fromSpan.endColumn),
    arrow: text.slice(s.arrowSpan.startColumn, s.arrowSpan.endColumn),
    to: text.slice(s.toSpan.startColumn, s.toSpan.endColumn),
    rest: canonicalNotation(afterTo.slice(colon[0].length).replace(/^[ \t]+/, '').replace(/[ \t]+$/, ''), s),
  };
}

/** Aligns by display columns, not characters: `客户端` is six columns wide on screen, like `client`. */
function alignRun(run: readonly SegmentLine[], out: string[]): void {
  const indent = run[0].indent;
  const width = (key: 'from' | 'arrow' | 'to') => Math.max(...run.map((r) => displayWidth(r[key])));
  const [wFrom, wArrow, wTo] = [width('from'), width('arrow'), width('to')];
  for (const r of run) {
    const head = `${indent}${padToWidth(r.from, wFrom)} ${padToWidth(r.arrow, wArrow)} ${padToWidth(r.to, wTo)} :`;
    out[r.line] = r.rest ? `${head} ${r.rest}` : head;
  }
}
