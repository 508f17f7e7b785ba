/**
 * Langium's document builder, with one change: once a document is validated, its
 * diagnostics are always published.
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
 */
import { DefaultDocumentBuilder, DocumentState, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

export class TcpflowDocumentBuilder extends DefaultDocumentBuilder {
  protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
    return super.notifyDocumentPhase(document, state, state === DocumentState.Validated ? CancellationToken.None : cancelToken);
  }
}
