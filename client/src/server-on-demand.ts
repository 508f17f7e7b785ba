/**
 * When the language server starts. The extension is activated for Markdown too (its
 * markdown-it plugin draws ```tcpflow blocks in VS Code's Markdown preview), and that
 * needs no server: starting one for every Markdown file would spend a process, and read
 * the workspace's `.tcpflow` files, for someone who is only writing a README. So the
 * server starts the first time a `.tcpflow` document is open or a command needs it,
 * and never before.
 */

/** The parts of a vscode.TextDocument this reads. */
export interface DocumentLike {
  readonly languageId: string;
  readonly uri: { readonly path: string };
}

export function isTcpflowDocument(document: DocumentLike): boolean {
  return document.languageId === 'tcpflow' || document.uri.path.toLowerCase().endsWith('.tcpflow');
}

/**
 * Starts something once, the first time it is asked for; later calls get the same
 * start. A start that failed is forgotten, so the next request tries again (the failure
 * has been shown to the user by `start` itself).
 */
export class StartOnDemand<T> {
  private started: Promise<T> | undefined;

  constructor(private readonly start: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.started) {
      const attempt = this.start();
      this.started = attempt;
      attempt.catch(() => { if (this.started === attempt) this.started = undefined; });
    }
    return this.started;
  }

  /** Starts it when one of `documents` is a `.tcpflow` document; true when it did (or had). */
  startFor(documents: Iterable<DocumentLike>): boolean {
    for (const document of documents) {
      if (isTcpflowDocument(document)) {
        this.get().catch(() => undefined);
        return true;
      }
    }
    return this.started !== undefined;
  }

  /** What was started, if it was; nothing is started by asking. */
  current(): Promise<T> | undefined {
    return this.started;
  }
}
