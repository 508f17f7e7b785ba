/**
 * The playground's one scenario, as the language server sees it: opened once, then a
 * whole-text `didChange` for every edit (a scenario is small; whole text keeps the
 * editor and the server from ever disagreeing about offsets).
 */
import type { MessageConnection } from 'vscode-jsonrpc/browser';
import type { ScenarioDocument } from './handoff.js';

export const SCENARIO_URI = 'inmemory://playground/scenario.tcpflow';

export class PlaygroundDocument implements ScenarioDocument {
  readonly uri = SCENARIO_URI;
  private current: string;
  private currentVersion = 1;
  private readonly listeners: Array<(text: string) => void> = [];
  private connection: MessageConnection | undefined;

  constructor(text: string) {
    this.current = text;
  }

  get text(): string { return this.current; }
  get version(): number { return this.currentVersion; }

  /** Opens the document on the server (once connected). */
  open(connection: MessageConnection): void {
    this.connection = connection;
    void connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: 'tcpflow', version: this.currentVersion, text: this.current },
    });
  }

  setText(text: string): void {
    if (text === this.current) return;
    this.current = text;
    this.currentVersion++;
    void this.connection?.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.currentVersion },
      contentChanges: [{ text }],
    });
    for (const listener of this.listeners) listener(text);
  }

  onDidReplace(listener: (text: string) => void): void {
    this.listeners.push(listener);
  }
}
