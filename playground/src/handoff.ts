/**
 * How the two page scripts meet. playground.js (the page) and editor.js (CodeMirror) are
 * separate classic bundles, so the diagram never waits for the editor to download; the
 * page publishes what the editor needs on one global and announces it with an event.
 */
import type { MessageConnection } from 'vscode-jsonrpc/browser';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The one document of the playground, as the language server knows it. */
export interface ScenarioDocument {
  readonly uri: string;
  readonly text: string;
  readonly version: number;
  /** Replaces the text (the editor calls this on every change). */
  setText(text: string): void;
  /** Called after every change, whoever made it (an example chosen, a link opened). */
  onDidReplace(listener: (text: string) => void): void;
}

export interface PlaygroundHandoff {
  readonly connection: MessageConnection;
  readonly document: ScenarioDocument;
  /** The newest diagnostics of the document (the page counts them too). */
  onDiagnostics(listener: (params: PublishDiagnosticsParams) => void): void;
  /** The editor tells the page where the cursor is (0-based line), for large diagrams. */
  cursorLine(line: number): void;
  /** Set by the editor once mounted: moves its cursor to a line (a click on the diagram). */
  revealLine?: (line: number) => void;
  /** The reader's locale ('en' or 'zh-CN'). */
  readonly locale: string;
}

export const HANDOFF_GLOBAL = 'tcpflowPlayground';
export const HANDOFF_EVENT = 'tcpflow-playground-ready';

type WithHandoff = typeof globalThis & { [HANDOFF_GLOBAL]?: PlaygroundHandoff };

export function publishHandoff(handoff: PlaygroundHandoff): void {
  (globalThis as WithHandoff)[HANDOFF_GLOBAL] = handoff;
  window.dispatchEvent(new Event(HANDOFF_EVENT));
}

/** The handoff, now or when the page publishes it. */
export function awaitHandoff(): Promise<PlaygroundHandoff> {
  const now = (globalThis as WithHandoff)[HANDOFF_GLOBAL];
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    window.addEventListener(HANDOFF_EVENT, () => resolve((globalThis as WithHandoff)[HANDOFF_GLOBAL]!), { once: true });
  });
}
