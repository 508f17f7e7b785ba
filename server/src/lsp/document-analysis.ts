/**
 * One analysis per document version, shared by every feature of the language server.
 *
 * The text is read line by line: a `.tcpflow` statement never spans lines (only a block
 * comment can, and such a comment is kept in one chunk with the lines it covers), so
 * each chunk is parsed and read into the engine's model on its own, and the result is
 * kept by the chunk's line (found again at its new line when an edit moved it). A
 * keystroke re-reads only the lines it touched; the engine then resumes its last run
 * from before the first statement that changed, and takes over the rest of it where the
 * two meet again after the edit (engine/run.ts, runIncrementally; engine/converge.ts).
 * Reading a whole document of 10,000 events takes 50–70 ms (docs/benchmarks.md), most
 * of a keystroke's budget; reading one line costs next to nothing.
 *
 * The reader is the CLI's (language/reader/read-text.ts, through `analyzeText`): a
 * chunk is read exactly as the same lines in a whole file are, only its spans count
 * from the chunk's anchor, its first line (engine/anchor.ts). When an edit moves a chunk
 * without changing it, its anchor is set to its new line and everything read from it
 * (statements, diagnostics, and the engine's steps and texts about them) follows: the
 * chunk's statements stay the same objects, so the engine sees them unchanged.
 * test/lsp/document-analysis.test.ts checks that reading by chunks agrees with analyzeText.
 */
import type { Analysis, Step } from '../engine/analysis.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario, Statement } from '../engine/model.js';
import { runScenario, startIncrementally, type EngineRun, type ResumableRun } from '../engine/run.js';
import { LineAnchor } from '../engine/anchor.js';
import { tight } from '../engine/tight.js';
import { mergeDiagnostics } from '../language/analyze.js';
import { ChunkSplitter, type Chunk } from '../language/reader/chunks.js';
import { readText, sizeDiagnostic, type ReadResult } from '../language/reader/read-text.js';
import type { EditLog } from './edit-log.js';
import { linesAfterEdit } from './lines-after-edit.js';

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

/** A chunk of lines as read: spans count from its anchor, which follows the chunk's first line. */
interface ReadChunk {
  readonly text: string;
  readonly anchor: LineAnchor;
  readonly read: ReadResult;
  /** The last job that placed it: a chunk is placed once per version (its anchor has one line). */
  placedIn: number;
}

/** One document's chunks, by first line. */
interface ChunkCache {
  /** Indexed by a chunk's first line (an array: 10,000 lookups per keystroke cost less than in a Map). */
  readonly placed: ReadonlyArray<ReadChunk | undefined>;
  /** How many lines the version had. */
  readonly lineCount: number;
  /** The version's text and lines: the next version's lines start from them when the edit log tells how it changed. */
  readonly text: string;
  readonly lines: readonly string[];
  /** Every line was a chunk of its own (no block comment spanned lines). */
  readonly lineChunks: boolean;
}

/** A document's chunks in order: as split, or (after an edit the log told) one per line. */
interface ChunkList {
  readonly count: number;
  startLine(index: number): number;
  text(index: number): string;
}

/**
 * Reads documents chunk by chunk, remembering each chunk's result from the document's
 * previous version (keyed by URI), so that an edit costs the lines it changed.
 *
 * The work is an AnalysisJob that can stop between any two chunks or statements
 * (`begin`), so that the language server can read a document of many megabytes in
 * slices and answer for the other documents in between (analyses.ts); `analyze` runs a
 * job to its end at once. A job keeps what it read to itself until it finishes: one
 * dropped half way (a newer version arrived) leaves the previous version's chunks and
 * engine run for the next job to start from. (It did move the anchors of the chunks it
 * found again; the next job places each of those again, by the previous version's lines.)
 */
export class IncrementalReader {
  /** Per URI: the chunks of the document's last version. */
  private readonly caches = new Map<string, ChunkCache>();
  /** Per URI: the engine's last run, which the next one resumes. */
  private readonly lastRuns = new Map<string, EngineRun>();
  /** Counts the jobs begun: a chunk is placed once per job (a dropped job's marks must not count for the next). */
  private jobs = 0;

  /**
   * `checkpointEvery`: how far apart the engine's checkpoints are (engine/run.ts; tests use
   * small values). `edits`: how the editor changed a document (edit-log.ts), so that a new
   * version's lines start from the last version's; without it every version is split whole.
   */
  constructor(private readonly checkpointEvery?: number, private readonly edits?: Pick<EditLog, 'linesChanged' | 'forget'>) {}

  analyze(uri: string, text: string): DocumentAnalysis {
    return this.begin(uri, text).advance(() => false)!;
  }

  /** The analysis of `text` as a job to run in steps. */
  begin(uri: string, text: string): AnalysisJob {
    const tooLarge = sizeDiagnostic(text);
    if (tooLarge) {
      // Not read at all: one diagnostic, and nothing of the document kept.
      return {
        text,
        advance: () => {
          this.forget(uri);
          return buildAnalysis(text, [], { statements: [] }, [tooLarge], []);
        },
      };
    }
    const previous = this.caches.get(uri);
    return new ChunkedAnalysisJob(text, ++this.jobs, previous, this.linesAfterEdit(uri, previous, text), this.lastRuns.get(uri), this.checkpointEvery, (cache, run) => {
      this.caches.set(uri, cache);
      this.lastRuns.set(uri, run);
    });
  }

  /** The lines of `text` from those of the last version, when the edit log tells how it changed. */
  private linesAfterEdit(uri: string, previous: ChunkCache | undefined, text: string): string[] | undefined {
    if (!previous?.lineChunks || !this.edits || previous.text === text) return undefined;
    const edit = this.edits.linesChanged(uri, previous.text, text);
    return edit && linesAfterEdit(previous.lines, previous.text, text, edit);
  }

  /** The engine's last run for `uri` (for tests and benchmarks: whether it took over the one before). */
  engineRun(uri: string): EngineRun | undefined {
    return this.lastRuns.get(uri);
  }

  forget(uri: string): void {
    this.caches.delete(uri);
    this.lastRuns.delete(uri);
    this.edits?.forget(uri);
  }
}

/** An analysis that runs a part at a time. */
export interface AnalysisJob {
  /** The text it analyses. */
  readonly text: string;
  /**
   * Works on until the analysis is done, and returns it, or until `outOfTime()` says
   * so, and returns undefined (call again to go on). `outOfTime` is asked every
   * WORK_PER_CHECK lines or statements, so a slice overruns its time by at most that much.
   */
  advance(outOfTime: () => boolean): DocumentAnalysis | undefined;
}

/** Lines split, chunks read or statements run between two looks at the clock: a few milliseconds at most. */
const WORK_PER_CHECK = 128;

class ChunkedAnalysisJob implements AnalysisJob {
  private readonly splitter?: ChunkSplitter;
  /** The chunks once split (at once when the lines came from the last version's). */
  private chunks?: ChunkList;
  private lines: readonly string[] = [];
  /** The next chunk to read, once split. */
  private nextChunk = 0;
  private engine?: ResumableRun;
  private placedNow: Array<ReadChunk | undefined> = [];
  private readonly statements: Statement[] = [];
  private readonly readDiagnostics: Diagnostic[] = [];
  private readonly previous: ChunkCache;
  private done?: DocumentAnalysis;

  constructor(
    readonly text: string,
    /** This job's number: what `placedIn` marks. */
    private readonly version: number,
    previous: ChunkCache | undefined,
    /** The text's lines, from the last version's (lines-after-edit.ts); undefined: split the text. */
    linesFromEdit: string[] | undefined,
    private readonly lastRun: EngineRun | undefined,
    private readonly checkpointEvery: number | undefined,
    private readonly commit: (cache: ChunkCache, run: EngineRun) => void,
  ) {
    this.previous = previous ?? { placed: [], lineCount: 0, text: '', lines: [], lineChunks: false };
    if (linesFromEdit) this.splitDone(linesFromEdit, lineChunkList(linesFromEdit));
    else this.splitter = new ChunkSplitter(text);
  }

  private splitDone(lines: readonly string[], chunks: ChunkList): void {
    this.lines = lines;
    this.chunks = chunks;
    this.placedNow = new Array<ReadChunk | undefined>(lines.length);
  }

  advance(outOfTime: () => boolean): DocumentAnalysis | undefined {
    while (!this.done) {
      if (!this.chunks) {
        const splitter = this.splitter!;
        if (splitter.advance(WORK_PER_CHECK)) this.splitDone(splitter.lines, splitChunkList(splitter.chunks));
      } else if (!this.engine) {
        this.readChunks(WORK_PER_CHECK);
      } else {
        const run = this.engine.advance(WORK_PER_CHECK);
        if (run) this.finish(run);
      }
      if (!this.done && outOfTime()) return undefined;
    }
    return this.done;
  }

  private readChunks(budget: number): void {
    const { previous, placedNow, version, lines } = this;
    const chunks = this.chunks!;
    // One edit moves every chunk after it by the difference in line count: such a chunk
    // is found where it was, by a number, rather than by hashing its text.
    const moved = lines.length - previous.lineCount;
    const free = (c: ReadChunk | undefined, chunkText: string): c is ReadChunk => c !== undefined && c.placedIn !== version && c.text === chunkText;
    const end = Math.min(chunks.count, this.nextChunk + budget);
    for (; this.nextChunk < end; this.nextChunk++) {
      const startLine = chunks.startLine(this.nextChunk);
      const text = chunks.text(this.nextChunk);
      // The same text at the same line, or moved by the edit: the same chunk, at its new line.
      let found = previous.placed[startLine];
      if (!free(found, text)) {
        found = moved !== 0 ? previous.placed[startLine - moved] : undefined;
        if (!free(found, text)) found = undefined;
      }
      if (found) {
        found.anchor.line = startLine;
        found.placedIn = version;
      } else {
        const anchor = new LineAnchor(startLine);
        found = { text, anchor, read: keptRead(readText(text, anchor)), placedIn: version };
      }
      placedNow[startLine] = found;
      for (const s of found.read.statements) this.statements.push(s);
      for (const d of found.read.diagnostics) this.readDiagnostics.push(d);
    }
    if (this.nextChunk < chunks.count) return;
    // The engine depends on the statements only, and the chunks return the same
    // statement objects for lines an edit did not touch, moved or not. So the run resumes
    // from before the first statement that changed and takes over the previous one where
    // the two meet again; typing inside a comment, or on a line that does not read yet,
    // changes none, and then the last run still holds.
    this.engine = startIncrementally({ statements: this.statements }, this.lastRun, this.checkpointEvery);
  }

  private finish(run: EngineRun): void {
    const { lines, text } = this;
    const blockComments = this.splitter?.blockComments() ?? [];
    // A version read from the last one's lines has, as that one had, no comment over lines and no CR.
    const lineChunks = this.splitter ? blockComments.length === 0 && this.splitter.lfOnly : true;
    this.commit({ placed: this.placedNow, lineCount: lines.length, text, lines, lineChunks }, run);
    this.done = buildAnalysis(text, lines, { statements: this.statements }, this.readDiagnostics, blockComments, run.analysis);
  }
}

function splitChunkList(chunks: readonly Chunk[]): ChunkList {
  return { count: chunks.length, startLine: (i) => chunks[i].startLine, text: (i) => chunks[i].text };
}

/** Every line a chunk of its own. */
function lineChunkList(lines: readonly string[]): ChunkList {
  return { count: lines.length, startLine: (i) => i, text: (i) => lines[i] };
}

/** A chunk's reading as kept until the chunk changes: its lists trimmed (engine/tight.ts). */
function keptRead(read: ReadResult): ReadResult {
  return { statements: tight(read.statements), diagnostics: tight(read.diagnostics) };
}

/** Runs the engine over the read scenario and indexes the result for the features. */
function buildAnalysis(
  text: string,
  lines: readonly string[],
  scenario: Scenario,
  readDiagnostics: readonly Diagnostic[],
  blockComments: ReadonlyArray<readonly [number, number]>,
  engine: Analysis = runScenario(scenario),
): DocumentAnalysis {
  const diagnostics = mergeDiagnostics(readDiagnostics, engine.diagnostics);
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
