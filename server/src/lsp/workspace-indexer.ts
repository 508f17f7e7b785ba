/**
 * Langium's workspace manager, made lazy and fault-tolerant. Langium 4.2 reads every
 * `.tcpflow` file of the workspace folders during startup, before it answers anything,
 * all at once, and one failure (an unreadable file, a parse that throws) rejects the
 * whole startup: the server stays alive but never builds again, so one hostile file
 * in a cloned repository disabled checking everywhere.
 *
 * Here startup only lists the files (Langium's traversal: regular files by their
 * directory entry, symbolic links not followed, `.`-folders, `node_modules` and `out`
 * skipped) and is ready at once. The files are then checked in the background, one at
 * a time, each in its own read turn of the workspace lock, so an edit or an opened
 * document waits for at most one workspace file. A file is read through the
 * BoundedFileSystemProvider (stat first, regular files of at most 16 MB, text only);
 * one it refuses is skipped with a log line. A checked file's diagnostics are published
 * like an open document's; one whose check throws gets the one diagnostic that says so
 * (document-builder.ts), and the next file goes on either way.
 */
import { DefaultWorkspaceManager, DocumentState, type LangiumDocument, type LangiumDocumentFactory, type Stream, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, WorkspaceFolder } from 'vscode-languageserver';
import { say } from '../i18n/catalogue.js';
import { serverMessages } from '../i18n/messages/server.js';
import { UnreadableFile } from './unreadable-file.js';
import { nextTurn } from './next-turn.js';

export class LazyWorkspaceManager extends DefaultWorkspaceManager {
  private readonly documentFactory: LangiumDocumentFactory;
  private readonly log: (line: string) => void;
  private listed: URI[] = [];

  constructor(services: LangiumSharedServices) {
    super(services);
    this.documentFactory = services.workspace.LangiumDocumentFactory;
    this.log = (line) => services.lsp.Connection?.console.warn(line);
  }

  protected override async performStartup(folders: WorkspaceFolder[]): Promise<LangiumDocument[]> {
    try {
      return await super.performStartup(folders);
    } catch (error) {
      this.log(say(serverMessages.documentFailedLog, { uri: folders.map((f) => f.uri).join(', '), error: String(error) }));
      return [];
    } finally {
      // Whatever happened, requests stop waiting for the workspace.
      this._ready.resolve();
    }
  }

  /** Startup lists the files only; they are read after it (indexInBackground). */
  protected override async loadWorkspaceDocuments(uris: Stream<URI>): Promise<void> {
    this.listed = uris.toArray();
  }

  override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken?: CancellationToken): Promise<void> {
    try {
      await super.initializeWorkspace(folders, cancelToken);
    } finally {
      // Not awaited: the indexing takes read turns of the lock this startup holds.
      const uris = this.listed;
      this.listed = [];
      void this.indexInBackground(uris);
    }
  }

  private async indexInBackground(uris: readonly URI[]): Promise<void> {
    for (const uri of uris) {
      // A turn of the event loop between files: queued edits and requests go first.
      await nextTurn();
      await this.mutex.read(() => this.indexOne(uri));
    }
  }

  private async indexOne(uri: URI): Promise<void> {
    try {
      // Opened (or indexed) meanwhile: the editor's text is what counts.
      if (this.langiumDocuments.hasDocument(uri)) return;
      // Refused files (not a file, too large, binary, unreadable) stop here, with a log line.
      await this.fileSystemProvider.readFile(uri);
      // The document is read again and checked inside the build, like a changed file,
      // so a check that throws fails this document alone, with a diagnostic saying so
      // (document-builder.ts); the file's size was bounded by the read above.
      const document = this.documentFactory.fromModel({ $type: 'Scenario' }, uri);
      document.state = DocumentState.Changed;
      if (this.langiumDocuments.hasDocument(uri)) return;
      this.langiumDocuments.addDocument(document);
      await this.documentBuilder.build([document], { validation: true });
    } catch (error) {
      this.log(error instanceof UnreadableFile
        ? say(serverMessages.workspaceFileSkipped, { file: uri.fsPath, reason: error.reason })
        : say(serverMessages.documentFailedLog, { uri: uri.toString(), error: String(error) }));
    }
  }
}
