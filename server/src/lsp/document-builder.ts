/**
 * Langium's document builder, with two changes.
 *
 * 1. Once a document is validated, its diagnostics are always published.
 *
 * Langium 4.2 sends diagnostics from a listener of the Validated phase, and checks
 * for cancellation before each listener. Any document update cancels the build in
 * progress, even one of another document. So if another document was opened or
 * edited just as this one finished validating, the build stopped between the
 * validation and the publish; the document was already marked Validated and
 * complete, so no later build validated it again, and the editor kept the previous
 * version's diagnostics until the next keystroke. The fuzz run in CI caught it: an
 * edit followed at once by opening another file, on a loaded machine.
 * test/lsp/publish-race.test.ts reproduces it.
 *
 * Publishing is cheap (the diagnostics are computed by then), so the Validated
 * phase's listeners run whatever the token says; the build still stops right after.
 *
 * 2. A document whose reading or checking throws fails alone.
 *
 * Langium runs each phase over all documents in one loop: one throw rejected the whole
 * build, so no other document got diagnostics, and the startup build's throw left the
 * server deaf for good (a 4 MB string in one workspace file did it). Here a throw is
 * caught per document and phase: that document gets one diagnostic saying so (kept
 * until its next version), the error goes to the log, and the build goes on.
 * test/lsp/isolation.test.ts shows it.
 *
 * 3. A large document is built after the others, alone.
 *
 * Langium runs each phase over all documents before the next phase, so every document
 * of a build waited for the parse of the largest before its diagnostics went out or a
 * request on it was answered. A large document is read in slices (analyses.ts), and
 * documents are checked each on its own (nothing links across them), so the small ones
 * are built first, then each large one: they get their answers while it is read.
 * test/lsp/large-document.test.ts shows it.
 */
import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { say } from '../i18n/catalogue.js';
import { serverMessages } from '../i18n/messages/server.js';
import { UnreadableFile } from './unreadable-file.js';

/** The code of the one diagnostic a document whose check failed gets. */
export const CHECK_FAILED_CODE = 'internal-error';

/** The code of the one diagnostic a file the server would not read gets. */
export const NOT_CHECKED_CODE = 'not-checked';

/** Above this many characters (about 5,000 events) a document is read in more than one slice and built apart. */
export const LARGE_DOCUMENT = 256 * 1024;

export class TcpflowDocumentBuilder extends DefaultDocumentBuilder {
  /** Documents whose current version failed, with the diagnostic that says so. */
  private readonly failures = new WeakMap<LangiumDocument, Diagnostic>();
  private readonly log: (line: string) => void;

  constructor(services: LangiumSharedCoreServices) {
    super(services);
    this.log = (line) => (services as Partial<LangiumSharedServices>).lsp?.Connection?.console.error(line);
  }

  protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
    const large = documents.filter((document) => this.isLarge(document));
    if (large.length === 0 || (large.length === 1 && documents.length === 1)) return super.buildDocuments(documents, options, cancelToken);
    const groups = [documents.filter((document) => !large.includes(document)), ...large.map((document) => [document])].filter((group) => group.length > 0);
    for (const [i, group] of groups.entries()) {
      await super.buildDocuments(group, options, cancelToken);
      // The builder's state is the phase the last group reached; the next group is not
      // there yet, and a request on one of its documents must wait for it, not be refused
      // (Langium refuses a request when the builder is past the phase its document is in).
      if (i < groups.length - 1) this.currentState = DocumentState.Changed;
    }
  }

  private isLarge(document: LangiumDocument): boolean {
    return (this.textDocuments?.get(document.uri)?.getText().length ?? 0) > LARGE_DOCUMENT;
  }

  protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
    return super.notifyDocumentPhase(document, state, state === DocumentState.Validated ? CancellationToken.None : cancelToken);
  }

  protected override runCancelable(
    documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken, callback: (document: LangiumDocument) => unknown,
  ): Promise<void> {
    return super.runCancelable(documents, targetState, cancelToken, async (document) => {
      try {
        await callback(document);
      } catch (error) {
        if (isOperationCancelled(error)) throw error;
        this.fail(document, error);
      }
    });
  }

  protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
    const failure = this.failures.get(document);
    if (failure) document.diagnostics = [failure];
    else await super.validate(document, cancelToken);
  }

  override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
    // Diagnostics are dropped from IndexedReferences down: the failure goes with them.
    if (state <= DocumentState.IndexedReferences) this.failures.delete(document);
    super.resetToState(document, state);
  }

  private fail(document: LangiumDocument, error: unknown): void {
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      source: 'tcpflow',
      ...this.failureWording(document, error),
    };
    this.failures.set(document, diagnostic);
    document.diagnostics = [diagnostic];
  }

  private failureWording(document: LangiumDocument, error: unknown): Pick<Diagnostic, 'severity' | 'code' | 'message'> {
    if (error instanceof UnreadableFile) {
      // A watched file that changed on disk into something the server does not read
      // (a FIFO, over 16 MB, binary, gone): say so on the file, not as an internal error.
      return { severity: DiagnosticSeverity.Warning, code: NOT_CHECKED_CODE, message: say(serverMessages.fileNotChecked, { reason: error.reason }) };
    }
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.log(say(serverMessages.documentFailedLog, { uri: document.uri.toString(), error: error instanceof Error && error.stack ? error.stack : text }));
    return { severity: DiagnosticSeverity.Error, code: CHECK_FAILED_CODE, message: say(serverMessages.documentFailed, { error: text.slice(0, 200) }) };
  }
}
