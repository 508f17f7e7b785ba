/**
 * What a test's LSP client keeps of the server's messages: the diagnostics published
 * for each URI, in order, and a way to wait for the next message of any kind. Shared by
 * the test client (test/lsp/lsp-client.ts) and the fuzz driver (test/fuzz/lsp-driver.ts).
 */
import type { Diagnostic, ProtocolConnection } from 'vscode-languageserver-protocol/node';

export class ServerMessages {
  private readonly published = new Map<string, Diagnostic[][]>();
  private readonly waiters: Array<() => void> = [];

  constructor(connection: ProtocolConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      const list = this.published.get(p.uri) ?? [];
      list.push(p.diagnostics);
      this.published.set(p.uri, list);
      this.arrived();
    });
  }

  /** Something came from the server (or happened to it): wake everyone waiting. */
  arrived(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Calls `callback` once, at the next message. */
  onNext(callback: () => void): void {
    this.waiters.push(callback);
  }

  /** Resolves at the next message, or after `pollMs` at the latest. */
  next(pollMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.onNext(resolve);
      setTimeout(resolve, pollMs).unref();
    });
  }

  /** How many times diagnostics were published for `uri`. */
  count(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** The `index`-th diagnostics published for `uri` (0-based), if there were that many. */
  at(uri: string, index: number): Diagnostic[] | undefined {
    return this.published.get(uri)?.[index];
  }

  last(uri: string): Diagnostic[] | undefined {
    return this.at(uri, this.count(uri) - 1);
  }
}
