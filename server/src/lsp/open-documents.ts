/**
 * Langium's document store, with one change: asking for a document that is not loaded
 * never reads it from disk. Langium's request handlers call `getOrCreateDocument` with
 * whatever URI the request names, and the default reads that file and keeps it loaded
 * forever (a 50 MB file: 20.8 s, 2 GB). The protocol gate already answers requests
 * about unopened documents with `null` (protocol-gate.ts); this is the second line:
 * an open document not yet loaded is created from the editor's text, anything else is
 * an InvalidParams error, never a disk read.
 */
import { DefaultLangiumDocuments, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type TextDocumentProvider, type URI } from 'langium';
import { CancellationToken, ErrorCodes, ResponseError } from 'vscode-languageserver';
import { say } from '../i18n/catalogue.js';
import { serverMessages } from '../i18n/messages/server.js';

export class OpenDocumentsOnly extends DefaultLangiumDocuments {
  constructor(services: LangiumSharedCoreServices, private readonly textDocuments: () => TextDocumentProvider | undefined) {
    super(services);
  }

  override async getOrCreateDocument(uri: URI, cancellationToken?: CancellationToken): Promise<LangiumDocument<AstNode>> {
    const loaded = this.getDocument(uri);
    if (loaded) return loaded;
    const open = this.textDocuments()?.get(uri.toString());
    if (!open) throw new ResponseError(ErrorCodes.InvalidParams, say(serverMessages.documentNotOpen, { uri: uri.toString() }));
    const document = await this.langiumDocumentFactory.fromTextDocument(open, uri, cancellationToken ?? CancellationToken.None);
    // Another caller may have loaded it while this one was parsing.
    const raced = this.getDocument(uri);
    if (raced) return raced;
    this.addDocument(document);
    return document;
  }
}
