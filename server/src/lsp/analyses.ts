/**
 * Where the language server keeps each document's analysis. Langium's document factory
 * is replaced, through its protected `parse`, so that "parsing" a document is reading it
 * chunk by chunk with tcpflow's reader and running the engine once (document-analysis.ts);
 * the Langium document gets an empty root (nothing in the language is linked or indexed,
 * so the builder's later phases have nothing to walk) and the analysis is stored beside
 * it, keyed by that root: one per version.
 *
 * Langium's builder awaits `parseAsync`: there a document is read in slices of about
 * SLICE_MS, with a turn of the event loop between them, so that a document of many
 * megabytes does not hold up requests and diagnostics for the others (the builder
 * builds those first: document-builder.ts). A document read in one slice, as every
 * ordinary one is, costs no extra turn. Between slices the build's cancellation token is
 * checked: Langium cancels the build whenever any document changes. The half-done job
 * is kept while its text stays the current one, so that an edit to another document
 * only pauses a long read; a newer version of the document itself drops it.
 */
import { DefaultLangiumDocumentFactory, OperationCancelled, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type * as ast from '../language/generated/ast.js';
import { IncrementalReader, type AnalysisJob, type DocumentAnalysis } from './document-analysis.js';
import { nextTurn } from './next-turn.js';

/**
 * How long one slice of an analysis may hold the event loop. The target is that no
 * document holds up the others for more than 200 ms; a slice overruns by at most a few
 * hundred lines' work, and a loaded machine stretches everything.
 */
export const SLICE_MS = 25;

export class DocumentAnalyses {
  private readonly byRoot = new WeakMap<object, DocumentAnalysis>();
  private reader?: IncrementalReader;
  /** Per URI: an analysis begun in slices and not finished yet. */
  private readonly pending = new Map<string, AnalysisJob>();

  /** `sliceMs`: how long a slice of analyzeInSlices may run (tests use 0: each unit of work is a slice). */
  constructor(private readonly readerFactory: () => IncrementalReader, private readonly sliceMs = SLICE_MS) {}

  /** Reads `text` (the document at `uri`) at once and returns the empty root the analysis is stored under. */
  analyze(uri: string, text: string): ParseResult<ast.Scenario> {
    this.pending.delete(uri);
    return this.stored(this.readerOf().analyze(uri, text));
  }

  /**
   * `analyze` a slice at a time, yielding to the event loop between slices. Throws
   * OperationCancelled, between two slices, once `cancelToken` is cancelled (keeping the
   * job for a later call with the same text) or a newer text of the document began.
   */
  async analyzeInSlices(uri: string, text: string, cancelToken: CancellationToken): Promise<ParseResult<ast.Scenario>> {
    let job = this.pending.get(uri);
    if (!job || job.text !== text) {
      job = this.readerOf().begin(uri, text);
      this.pending.set(uri, job);
    }
    for (;;) {
      const started = performance.now();
      const analysis = job.advance(() => performance.now() - started >= this.sliceMs);
      if (analysis) {
        this.pending.delete(uri);
        return this.stored(analysis);
      }
      await nextTurn();
      if (this.pending.get(uri) !== job || cancelToken.isCancellationRequested) throw OperationCancelled;
    }
  }

  private readerOf(): IncrementalReader {
    return (this.reader ??= this.readerFactory());
  }

  private stored(analysis: DocumentAnalysis): ParseResult<ast.Scenario> {
    const root: ast.Scenario = { $type: 'Scenario', lines: [] };
    this.byRoot.set(root, analysis);
    return { value: root, lexerErrors: [], parserErrors: [] };
  }

  /** The analysis of the document's current version. */
  get(document: LangiumDocument): DocumentAnalysis {
    const found = this.byRoot.get(document.parseResult.value);
    if (found) return found;
    // A document created some other way (e.g. fromModel): read it now, once.
    const text = document.textDocument.getText();
    const parsed = this.analyze(document.uri.toString(), text);
    const analysis = this.byRoot.get(parsed.value)!;
    this.byRoot.set(document.parseResult.value, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.pending.delete(uri);
    this.reader?.forget(uri);
  }
}

type AnalysesOf = (uri: URI) => DocumentAnalyses;

/** Langium's document factory, "parsing" through DocumentAnalyses. */
export class TcpflowDocumentFactory extends DefaultLangiumDocumentFactory {
  constructor(services: LangiumSharedCoreServices, private readonly analysesOf: AnalysesOf) {
    super(services);
  }

  protected override parse<T extends AstNode>(uri: URI, text: string): ParseResult<T> {
    return this.analysesOf(uri).analyze(uri.toString(), text) as unknown as ParseResult<T>;
  }

  protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
    return await this.analysesOf(uri).analyzeInSlices(uri.toString(), text, cancellationToken) as unknown as ParseResult<T>;
  }
}
