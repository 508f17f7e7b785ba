/**
 * One analysis per document version, shared by every feature of the language server.
 *
 * The text is read line by line: a `.tcpflow` statement never spans lines (only a block
 * comment can, and such a comment is kept in one chunk with the lines it covers), so
 * each chunk is parsed and read into the engine's model on its own, and the result is
 * cached by the chunk's text. A keystroke re-parses only the line it touched; the
 * engine then resumes its last run from before the first statement that changed, and
 * takes over the rest of it where the two meet again after the edit (engine/run.ts,
 * runIncrementally; engine/converge.ts). A whole-document parse of 1,000 events takes
 * ~70 ms, over the editor's budget; one line takes ~0.05 ms.
 *
 * The result is the same as `analyzeText` (language/analyze.ts), which the CLI uses:
 * the same grammar, the same syntax-error wording, the same model reader and engine.
 * test/lsp/document-analysis.test.ts checks the two agree.
 */
import type { LangiumCoreServices } from 'langium';
import type { Analysis, Step } from '../engine/analysis.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario, Statement } from '../engine/model.js';
import { runIncrementally, runScenario, type EngineRun } from '../engine/run.js';
import { junkRuns } from '../language/analyze.js';
import { astToModel } from '../language/ast-to-model.js';
import type * as ast from '../language/generated/ast.js';
import { syntaxDiagnostics } from '../language/syntax-errors.js';
import { shiftDiagnostic, shiftStatement } from '../engine/shift-lines.js';

export interface DocumentAnalysis {
  readonly text: string;
  /** The document's lines, without their line ends. */
  readonly lines: readonly string[];
  readonly scenario: Scenario;
  /** Diagnostics of every kind (syntax, reading, engine), in source order. */
  readonly analysis: Analysis;
  /** Event line → its step. */
  readonly stepByLine: ReadonlyMap<number, Step>;
  /** Step → its index in analysis.steps. */
  readonly stepIndex: ReadonlyMap<Step, number>;
  /** First line of a statement → the statement. */
  readonly statementByLine: ReadonlyMap<number, Statement>;
  /** Block comments that span more than one line, as [first line, last line]. */
  readonly blockComments: ReadonlyArray<readonly [number, number]>;
}

/** What one chunk of lines reads as, with spans relative to the chunk's first line. */
interface ChunkResult {
  readonly statements: readonly Statement[];
  readonly diagnostics: readonly Diagnostic[];
}

/** A chunk's text, its result as read (relative spans) and as placed at its line. */
interface Placed {
  readonly text: string;
  readonly read: ChunkResult;
  readonly result: ChunkResult;
}

/** One document's chunks: by text (relative spans), and by first line as placed there. */
interface ChunkCache {
  /** By text: kept from version to version (a text typed away and back is not read again), pruned when it outgrows the document. */
  readonly read: Map<string, ChunkResult>;
  readonly placed: Map<number, Placed>;
  /** How many lines the version had. */
  readonly lineCount: number;
}

interface Chunk {
  readonly startLine: number;
  readonly lineCount: number;
  readonly text: string;
}

/**
 * Reads documents chunk by chunk, remembering each chunk's result from the document's
 * previous version (keyed by URI), so that an edit costs the lines it changed.
 */
export class IncrementalReader {
  /** Per URI: the chunks of the document's last version. */
  private readonly caches = new Map<string, ChunkCache>();
  /** Per URI: the engine's last run, which the next one resumes. */
  private readonly lastRuns = new Map<string, EngineRun>();

  /** `checkpointEvery`: how far apart the engine's checkpoints are (engine/run.ts; tests use small values). */
  constructor(private readonly services: LangiumCoreServices, private readonly checkpointEvery?: number) {}

  analyze(uri: string, text: string): DocumentAnalysis {
    const previous: ChunkCache = this.caches.get(uri) ?? { read: new Map(), placed: new Map(), lineCount: 0 };
    const { chunks, lines, blockComments } = splitChunks(text);
    const read = previous.read.size > 2 * chunks.length + 16 ? new Map<string, ChunkResult>() : previous.read;
    const next: ChunkCache = { read, placed: new Map(), lineCount: lines.length };
    // One edit moves every chunk after it by the difference in line count: such a chunk
    // is found where it was, by a number, rather than by hashing its text.
    const moved = lines.length - previous.lineCount;
    const statements: Statement[] = [];
    const readDiagnostics: Diagnostic[] = [];
    for (const chunk of chunks) {
      // The same text at the same line: the same result. Keyed by line and compared by
      // text, because a key made of both is a new string to hash for every chunk.
      let placed = previous.placed.get(chunk.startLine);
      if (placed?.text !== chunk.text) {
        const before = moved !== 0 ? previous.placed.get(chunk.startLine - moved) : undefined;
        let result = before?.text === chunk.text ? before.read : previous.read.get(chunk.text);
        if (!result) {
          result = this.readChunk(chunk.text);
          read.set(chunk.text, result);
        } else if (read !== previous.read) {
          read.set(chunk.text, result);
        }
        placed = { text: chunk.text, read: result, result: placeAt(result, chunk.startLine) };
      } else if (read !== previous.read) {
        // Every text of the document is in `read`: when it is started afresh, put the unchanged ones back.
        read.set(chunk.text, placed.read);
      }
      next.placed.set(chunk.startLine, placed);
      for (const s of placed.result.statements) statements.push(s);
      for (const d of placed.result.diagnostics) readDiagnostics.push(d);
    }
    this.caches.set(uri, next);
    // The engine depends on the statements only, and the chunk caches return the same
    // statement objects for lines an edit did not touch. So the run resumes from before
    // the first statement that changed; typing inside a comment, or on a line that does
    // not read yet, changes none, and then the last run still holds. Statements the edit
    // only moved are told apart by the text they were read from (sameReadStatement).
    const run = runIncrementally({ statements }, this.lastRuns.get(uri), this.checkpointEvery, sameReadStatement);
    this.lastRuns.set(uri, run);
    return buildAnalysis(text, lines, { statements }, readDiagnostics, blockComments, run.analysis);
  }

  /** The engine's last run for `uri` (for tests and benchmarks: whether it took over the one before). */
  engineRun(uri: string): EngineRun | undefined {
    return this.lastRuns.get(uri);
  }

  forget(uri: string): void {
    this.caches.delete(uri);
    this.lastRuns.delete(uri);
  }

  private readChunk(text: string): ChunkResult {
    const parsed = this.services.parser.LangiumParser.parse<ast.Scenario>(text);
    const syntax = syntaxDiagnostics(parsed.lexerErrors, parsed.parserErrors, text, junkRuns(parsed.value, text));
    const model = astToModel(parsed.value, text, new Set(syntax.map((d) => d.span.startLine)));
    return { statements: model.scenario.statements, diagnostics: [...syntax, ...model.diagnostics] };
  }
}

/** Runs the engine over the read scenario and indexes the result for the features. */
export function buildAnalysis(
  text: string,
  lines: readonly string[],
  scenario: Scenario,
  readDiagnostics: readonly Diagnostic[],
  blockComments: ReadonlyArray<readonly [number, number]>,
  engine: Analysis = runScenario(scenario),
): DocumentAnalysis {
  // The same order as analyzeTree: by position, syntax and reading problems before the engine's.
  const diagnostics = [...readDiagnostics, ...engine.diagnostics]
    .sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn);
  return new IndexedAnalysis(text, lines, scenario, { ...engine, diagnostics }, blockComments);
}

/**
 * The indexes by line are built when a feature first asks (hover, code actions, the
 * formatter): diagnostics and the preview, which follow every edit, never do, and on
 * 10,000 lines building them took as long as reading the edited line.
 */
class IndexedAnalysis implements DocumentAnalysis {
  private steps?: { byLine: Map<number, Step>; index: Map<Step, number> };
  private statements?: Map<number, Statement>;

  constructor(
    readonly text: string,
    readonly lines: readonly string[],
    readonly scenario: Scenario,
    readonly analysis: Analysis,
    readonly blockComments: ReadonlyArray<readonly [number, number]>,
  ) {}

  get stepByLine(): ReadonlyMap<number, Step> {
    return this.stepMaps().byLine;
  }

  get stepIndex(): ReadonlyMap<Step, number> {
    return this.stepMaps().index;
  }

  get statementByLine(): ReadonlyMap<number, Statement> {
    if (!this.statements) {
      this.statements = new Map();
      for (const statement of this.scenario.statements) this.statements.set(statement.span.startLine, statement);
    }
    return this.statements;
  }

  private stepMaps(): { byLine: Map<number, Step>; index: Map<Step, number> } {
    if (!this.steps) {
      const byLine = new Map<number, Step>();
      const index = new Map<Step, number>();
      this.analysis.steps.forEach((step, i) => {
        byLine.set(step.line, step);
        index.set(step, i);
      });
      this.steps = { byLine, index };
    }
    return this.steps;
  }
}

const LINE_BREAK = /\r\n|\r|\n/g;
const STRING = /"(\\[^\r\n]|[^"\\\r\n])*"/y;

/**
 * Splits text into chunks of whole lines, each ending with its line break, so that no
 * token crosses a chunk boundary. Only a closed block comment can span lines (the
 * grammar's ML_COMMENT; an unclosed `/*` lexes as two symbols), so a chunk ends at a
 * line break outside such a comment.
 */
export function splitChunks(text: string): { chunks: Chunk[]; lines: string[]; blockComments: Array<[number, number]> } {
  const starts: number[] = [0];
  const lines: string[] = [];
  let last = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    starts.push(last);
  }
  lines.push(text.slice(last));

  const chunks: Chunk[] = [];
  const blockComments: Array<[number, number]> = [];
  let line = 0;
  while (line < lines.length) {
    let endLine = line;
    // Scan the chunk's lines for a block comment that continues past the line end.
    let scanLine = line;
    let column = 0;
    while (scanLine <= endLine) {
      const commentEnd = openComment(text, starts[scanLine] + column, starts[scanLine] + lines[scanLine].length);
      if (commentEnd === undefined) {
        scanLine++;
        column = 0;
        continue;
      }
      // The comment closes at `commentEnd` (an offset): find its line, scan on from there.
      let closeLine = scanLine;
      while (closeLine + 1 < starts.length && starts[closeLine + 1] <= commentEnd) closeLine++;
      if (closeLine > scanLine) blockComments.push([scanLine, closeLine]);
      endLine = Math.max(endLine, closeLine);
      column = commentEnd - starts[closeLine];
      scanLine = closeLine;
    }
    const endOffset = endLine + 1 < starts.length ? starts[endLine + 1] : text.length;
    chunks.push({ startLine: line, lineCount: endLine - line + 1, text: text.slice(starts[line], endOffset) });
    line = endLine + 1;
  }
  return { chunks, lines, blockComments };
}

/**
 * Scans one line from `from` to `lineEnd` (offsets) the way the lexer would, skipping
 * strings and line comments. Returns the offset just past the `*\/` of the first block
 * comment that does not close on this line, or undefined if there is none.
 */
function openComment(text: string, from: number, lineEnd: number): number | undefined {
  let i = from;
  while (i < lineEnd) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */) {
      const n = text.charCodeAt(i + 1);
      if (n === 0x2f) return undefined; // `//`: the rest of the line is a comment
      if (n === 0x2a /* * */) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) { i += 1; continue; } // never closed: not a comment, two symbols
        const end = close + 2;
        if (end > lineEnd) return end;
        i = end;
        continue;
      }
    } else if (c === 0x22 /* " */) {
      STRING.lastIndex = i;
      if (STRING.test(text)) { i = STRING.lastIndex; continue; }
    }
    i++;
  }
  return undefined;
}

/** A placed statement → the statement as read from its chunk's text, for statements moved to their line. */
const readAs = new WeakMap<Statement, Statement>();

/**
 * Whether two placed statements were read from the same text, so are the same statement
 * wherever they stand: how the engine tells statements an edit only moved
 * (engine/converge.ts).
 */
function sameReadStatement(a: Statement, b: Statement): boolean {
  return (readAs.get(a) ?? a) === (readAs.get(b) ?? b);
}

/** A chunk's result as read, moved to its first line in the document. */
function placeAt(read: ChunkResult, line: number): ChunkResult {
  if (line === 0) return read;
  return {
    statements: read.statements.map((s) => {
      const placed = shiftStatement(s, line);
      readAs.set(placed, s);
      return placed;
    }),
    diagnostics: read.diagnostics.map((d) => shiftDiagnostic(d, line)),
  };
}
