/**
 * The live preview beside the editor: one webview panel that shows the diagram of the
 * active `.tcpflow` document and follows the editor (the document it shows, the line
 * the cursor is on). The text document is the single source of truth: every render
 * asks the language server for the diagram of the document as it is now.
 */
import { diagramStyle } from '../export/diagram-style.js';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { DiagramRequest, type DiagramParams, type DiagramResult } from '../../../server/src/lsp/custom-requests.js';
import { buildPreviewHtml } from './html.js';
import { readPreloadManifest } from '../../../server/src/export/preload-manifest.js';
import { isTcpflowDocument } from '../server-on-demand.js';
import { reviveDecision } from './revive-target.js';
import { readFromWebview, readPreviewState, THEMES, type PreviewTheme, type RenderMessage, type ToWebview } from './messages.js';

export const PREVIEW_VIEW_TYPE = 'tcpflow.preview';

export const PreviewCommands = {
  openToSide: 'tcpflow.preview.openToSide',
} as const;

/** Milliseconds of quiet typing before the diagram is redrawn. */
export const RENDER_DEBOUNCE_MS = 200;

/** What the preview needs from the language client. */
export interface DiagramClient {
  sendRequest(type: typeof DiagramRequest, params: DiagramParams, token?: vscode.CancellationToken): Promise<DiagramResult>;
}

export class PreviewManager implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private preview: Preview | undefined;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: DiagramClient) {
    this.disposables.push(
      vscode.commands.registerCommand(PreviewCommands.openToSide, (uri?: vscode.Uri) => this.openToSide(uri)),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isTcpflowDocument(editor.document)) this.preview?.show(editor.document, editor.selection.active.line);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.preview?.shows(e.document)) this.preview.scheduleRender();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.preview?.shows(e.textEditor.document)) this.preview.cursorMoved(e.selections[0].active.line);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tcpflow.preview') || e.affectsConfiguration('tcpflow.diagram')) this.preview?.scheduleRender(true);
      }),
    );
    context.subscriptions.push(this);
  }

  /** Opens the preview beside the editor for `uri` (default: the active editor), or brings it forward. */
  async openToSide(uri?: vscode.Uri): Promise<void> {
    const document = uri
      ? await vscode.workspace.openTextDocument(uri)
      : vscode.window.activeTextEditor?.document;
    if (!document || !isTcpflowDocument(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a .tcpflow file to preview its diagram.'));
      return;
    }
    const line = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.selection.active.line : 0;
    if (this.preview) {
      this.preview.panel.reveal(vscode.ViewColumn.Beside, true);
      this.preview.show(document, line);
      return;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'TCP Flow preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
    this.adopt(panel, document, line);
  }

  /** Restores a panel VS Code kept across a reload: only for a `.tcpflow` document (revive-target.ts). */
  private async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = readPreviewState(state);
    // No saved state (an old or damaged one): the active .tcpflow editor, if there is one.
    const active = vscode.window.activeTextEditor?.document;
    const document = saved ? await this.savedDocument(saved.uri) : active && isTcpflowDocument(active) ? active : undefined;
    if (!document) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.adopt(panel, document, 0);
  }

  private async savedDocument(saved: string): Promise<vscode.TextDocument | undefined> {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(saved, true);
    } catch {
      return undefined;
    }
    const decision = reviveDecision(uri);
    if (decision === 'only-if-open-as-tcpflow') {
      return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'tcpflow');
    }
    if (decision === 'refuse') {
      void vscode.window.showWarningMessage(vscode.l10n.t('The TCP Flow preview was not restored: {0} is not a .tcpflow file.', uri.toString(true)));
      return undefined;
    }
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      return isTcpflowDocument(document) ? document : undefined;
    } catch {
      return undefined; // deleted or moved since: nothing to show
    }
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument, line: number): void {
    this.preview?.panel.dispose();
    const preview = new Preview(panel, this.context.extensionUri, this.client, document, line);
    this.preview = preview;
    preview.onDidDispose(() => { if (this.preview === preview) this.preview = undefined; });
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'out', 'webview')],
      retainContextWhenHidden: false,
    };
  }

  dispose(): void {
    this.preview?.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** One panel and the document it shows. */
class Preview {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeListeners: Array<() => void> = [];
  private document: vscode.TextDocument;
  private cursorLine: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Grows with every request; an answer to an older request is dropped. */
  private requestSeq = 0;
  private renderVersion = 0;
  private lastRender: RenderMessage | undefined;
  /** True when the last diagram is a window of a large scenario, so moving the cursor may move the window. */
  private windowed = false;
  private cancel: vscode.CancellationTokenSource | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly client: DiagramClient,
    document: vscode.TextDocument,
    line: number,
  ) {
    this.document = document;
    this.cursorLine = line;
    panel.webview.html = this.html();
    this.updateTitle();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((data: unknown) => this.onMessage(data)),
    );
    this.scheduleRender(true);
  }

  shows(document: vscode.TextDocument): boolean {
    return document.uri.toString() === this.document.uri.toString();
  }

  show(document: vscode.TextDocument, line: number): void {
    this.cursorLine = line;
    if (this.shows(document)) return;
    this.document = document;
    this.updateTitle();
    this.scheduleRender(true);
  }

  cursorMoved(line: number): void {
    this.cursorLine = line;
    void this.post({ type: 'highlight', line });
    if (this.windowed) this.scheduleRender();
  }

  scheduleRender(now = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.render(); }, now ? 0 : RENDER_DEBOUNCE_MS);
  }

  onDidDispose(listener: () => void): void {
    this.disposeListeners.push(listener);
  }

  private async render(): Promise<void> {
    const seq = ++this.requestSeq;
    this.cancel?.cancel();
    this.cancel = new vscode.CancellationTokenSource();
    const config = vscode.workspace.getConfiguration('tcpflow.preview', this.document.uri);
    // One state-name setting for hints, hovers and the diagram alike.
    const stateNames = vscode.workspace.getConfiguration('tcpflow', this.document.uri).get<string>('stateNames') === 'linux' ? 'linux' : 'rfc';
    const themeSetting = config.get<string>('theme') ?? 'auto';
    const theme: PreviewTheme = (THEMES as readonly string[]).includes(themeSetting) ? themeSetting as PreviewTheme : 'auto';
    let result: DiagramResult;
    try {
      result = await this.client.sendRequest(DiagramRequest, { uri: this.document.uri.toString(), line: this.cursorLine, stateNames, arrowStyle: diagramStyle(this.document.uri) }, this.cancel.token);
    } catch (error) {
      if (seq !== this.requestSeq) return;
      void this.post({ type: 'problem', message: `The language server did not return a diagram: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (seq !== this.requestSeq) return; // a newer request is on its way
    this.windowed = result.banner !== undefined;
    const firstError = result.syntaxErrors[0];
    const message: RenderMessage = {
      type: 'render',
      version: ++this.renderVersion,
      uri: this.document.uri.toString(),
      mermaid: result.mermaid,
      messages: result.messages,
      notes: result.notes,
      theme,
      ...(result.banner !== undefined ? { banner: result.banner } : {}),
      ...(firstError ? { syntaxError: { line: firstError.line, message: firstError.message } } : {}),
    };
    this.lastRender = message;
    await this.post(message);
    await this.post({ type: 'highlight', line: this.cursorLine });
  }

  private onMessage(data: unknown): void {
    const message = readFromWebview(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        // A (re)loaded page: give it the current diagram at once.
        if (this.lastRender) void this.post({ ...this.lastRender, version: ++this.renderVersion }).then(() => this.post({ type: 'highlight', line: this.cursorLine }));
        else this.scheduleRender(true);
        break;
      case 'reveal':
        void this.reveal(message.line);
        break;
      case 'rendered':
        break;
    }
  }

  /** Shows `line` in the editor of the previewed document. */
  private async reveal(line: number): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find((e) => this.shows(e.document));
    const target = Math.min(line, this.document.lineCount - 1);
    const range = new vscode.Range(target, 0, target, 0);
    const shown = await vscode.window.showTextDocument(this.document, {
      viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One,
      selection: range,
      preserveFocus: false,
    });
    shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const root = vscode.Uri.joinPath(this.extensionUri, 'out', 'webview');
    return buildPreviewHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString(),
      preloadUris: readPreloadManifest(root.fsPath).map((module) => webview.asWebviewUri(vscode.Uri.joinPath(root, module)).toString()),
    });
  }

  private updateTitle(): void {
    const name = this.document.uri.path.split('/').pop() ?? 'diagram';
    this.panel.title = `Preview ${name}`;
  }

  private dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.cancel?.cancel();
    this.cancel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const listener of this.disposeListeners.splice(0)) listener();
  }
}
