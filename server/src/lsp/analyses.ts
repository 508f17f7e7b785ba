/**
 * Where the language server keeps each document's analysis. Langium's document factory
 * is replaced, through its protected `parse`, so that "parsing" a document is reading it
 * chunk by chunk with tcpflow's reader and running the engine once (document-analysis.ts);
 * the Langium document gets an empty root (nothing in the language is linked or indexed,
 * so the builder's later phases have nothing to walk) and the analysis is stored beside
 * it, keyed by that root: one per version.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type * as ast from '../language/generated/ast.js';
import { IncrementalReader, type DocumentAnalysis } from './document-analysis.js';

export class DocumentAnalyses {
  private readonly byRoot = new WeakMap<object, DocumentAnalysis>();
  private reader?: IncrementalReader;

  constructor(private readonly readerFactory: () => IncrementalReader) {}

  /** Reads `text` (the document at `uri`) and returns the empty root the analysis is stored under. */
  analyze(uri: string, text: string): ParseResult<ast.Scenario> {
    this.reader ??= this.readerFactory();
    const analysis = this.reader.analyze(uri, text);
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
    void cancellationToken;
    return this.parse<T>(uri, text);
  }
}
