/**
 * "TCP Flow: Export Diagram…" (`tcpflow.export`). The lead calls
 * `registerExportCommands(context, deps)` from extension.ts.
 *
 * Markdown and Mermaid source are made here, from the document's text, by the same
 * pure functions as `synack export`. SVG and PNG are drawn by `deps.render`, which
 * draws in the preview webview (see webview-protocol.ts), so no browser needs to be
 * installed; what comes back is checked again here (drawing-check.ts) before it is
 * written. Files are written atomically; an existing file is replaced only after a
 * modal confirmation, and a place outside the workspace folder (export-target.ts) only
 * when the user picks it in the Save dialog.
 */
import { diagramStyle } from './diagram-style.js';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../../server/src/export/atomic-write.js';
import { defaultStateStyle, drawScenario, FORMAT_EXTENSION, markdownDocument, stampSvg, svgKey, type ExportFormat } from '../../../server/src/export/formats.js';
import { analyzeText } from '../../../server/src/language/analyze.js';
import type { ExportTheme } from '../../../server/src/export/mermaid-config.js';
import { defaultOutputName } from '../../../server/src/export/output-path.js';
import { checkPng, DrawingRefused, MAX_DRAWING_BYTES, MAX_PNG_SIDE, sanitizeSvg } from './drawing-check.js';
import { exportPanelRenderer } from './export-panel.js';
import { mayExportWithoutAsking, type ExportPlaces } from './export-target.js';
import type { WebviewRender } from './webview-protocol.js';

export const EXPORT_COMMAND = 'tcpflow.export';

export interface ExportDeps {
  /**
   * Draws SVG/PNG in the open preview's webview (see webview-protocol.ts). When it is
   * missing or fails, a short-lived export panel draws instead (export-panel.ts).
   */
  readonly render?: WebviewRender;
  /** Where to log what was written (an output channel's appendLine). */
  readonly log?: (line: string) => void;
}

interface FormatChoice extends vscode.QuickPickItem {
  readonly format: ExportFormat;
  readonly scale: number;
  readonly key: string;
}

/** A function, not a constant: the texts are looked up in VS Code's display language when asked. */
function formatChoices(): readonly FormatChoice[] {
  return [
    { key: 'svg', label: 'SVG', description: vscode.l10n.t('vector image'), format: 'svg', scale: 1 },
    { key: 'png1', label: 'PNG 1×', description: vscode.l10n.t('bitmap, natural size'), format: 'png', scale: 1 },
    { key: 'png2', label: 'PNG 2×', description: vscode.l10n.t('bitmap, twice the size (sharp on high-DPI screens)'), format: 'png', scale: 2 },
    { key: 'png3', label: 'PNG 3×', description: vscode.l10n.t('bitmap, three times the size'), format: 'png', scale: 3 },
    { key: 'md', label: 'Markdown', description: vscode.l10n.t('a ```mermaid block (GitHub and GitLab draw it)'), format: 'md', scale: 1 },
    { key: 'mmd', label: vscode.l10n.t('Mermaid source'), description: '.mmd', format: 'mmd', scale: 1 },
  ];
}
const LAST_CHOICE = 'tcpflow.export.lastFormat';

export function registerExportCommands(context: vscode.ExtensionContext, deps: ExportDeps = {}): void {
  const panel = exportPanelRenderer(context);
  const render: WebviewRender = async (request) => {
    if (deps.render) {
      try {
        return await deps.render(request);
      } catch (error) {
        deps.log?.(`export: the preview could not draw (${error instanceof Error ? error.message : String(error)}); using the export panel`);
      }
    }
    return panel(request);
  };
  const withRender: ExportDeps = { ...deps, render };
  context.subscriptions.push(
    vscode.commands.registerCommand(EXPORT_COMMAND, (uri?: unknown) => exportDiagram(context, withRender, uri instanceof vscode.Uri ? uri : undefined)),
  );
}

async function exportDiagram(context: vscode.ExtensionContext, deps: ExportDeps, uri: vscode.Uri | undefined): Promise<void> {
  const document = await targetDocument(uri);
  if (!document) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TCP Flow: open a .tcpflow file to export its diagram.'));
    return;
  }
  const stateNames = vscode.workspace.getConfiguration('tcpflow', document.uri).get<'rfc' | 'linux'>('stateNames', 'rfc');
  const options = { stateNames, arrowStyle: diagramStyle(document.uri) };
  // One analysis of the text as it is now: what the error question counted is what is exported.
  const analyzed = analyzeText(document.getText());
  const diagram = drawScenario(analyzed, options);
  const name = path.basename(document.uri.path);
  if (diagram.hasErrors) {
    const errors = diagram.diagnostics.filter((d) => d.severity === 'error').length;
    const anyway = vscode.l10n.t('Export Anyway');
    const go = await vscode.window.showWarningMessage(
      errors === 1
        ? vscode.l10n.t('{0} has 1 error. Export it anyway, with the errors marked in the diagram?', name)
        : vscode.l10n.t('{0} has {1} errors. Export it anyway, with the errors marked in the diagram?', name, errors),
      { modal: true }, anyway);
    if (go !== anyway) return;
  }

  const choice = await pickFormat(context, deps);
  if (!choice) return;
  let theme: ExportTheme = 'light';
  if (choice.format === 'svg' || choice.format === 'png') {
    const dark = vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.Dark || vscode.window.activeColorTheme.kind === vscode.ColorThemeKind.HighContrast;
    const themes = [
      { label: vscode.l10n.t('Light'), description: vscode.l10n.t('white background'), theme: 'light' as const },
      { label: vscode.l10n.t('Dark'), description: vscode.l10n.t('dark background'), theme: 'dark' as const },
    ];
    if (dark) themes.reverse();
    const picked = await vscode.window.showQuickPick(themes, { title: vscode.l10n.t('Export Diagram: theme'), placeHolder: vscode.l10n.t('Light or dark?') });
    if (!picked) return;
    theme = picked.theme;
  }

  const target = await chooseTarget(document, choice);
  if (!target) return;

  try {
    const bytes = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0} as {1}…', name, choice.label) },
      // Mermaid text (md, mmd) is drawn by other renderers: a note per state change (formats.ts).
      () => contents(defaultStateStyle(choice.format) === 'notes'
        ? drawScenario(analyzed, { ...options, states: 'notes' }).mermaid
        : diagram.mermaid, name, choice, theme, deps),
    );
    await writeAtomically(target, bytes);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('TCP Flow: export failed: {0}', failureText(error)));
    return;
  }
  const shown = vscode.workspace.asRelativePath(target);
  deps.log?.(`exported ${document.uri.fsPath} -> ${target.fsPath}`);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', shown), open).then((action) => {
    if (action === open) void vscode.commands.executeCommand('vscode.open', target);
  });
}

/**
 * The file to write: the default place when the trust rule allows it (export-target.ts)
 * and it is new or the user agrees to replace it; otherwise the place the user picks in
 * the Save dialog (which asks about replacing itself). Undefined: the user cancelled.
 */
async function chooseTarget(document: vscode.TextDocument, choice: FormatChoice): Promise<vscode.Uri | undefined> {
  const target = defaultTarget(document, choice.format);
  const saveAs = vscode.l10n.t('Save As…');
  const pick = () => vscode.window.showSaveDialog({ defaultUri: safeDefault(document, target), filters: { [choice.label]: [FORMAT_EXTENSION[choice.format].slice(1)] } });
  const places = exportPlaces(document);
  // An untitled scenario with no workspace folder has no place of its own: straight to the dialog.
  if (!places.workspaceFolder && !places.scenarioFolder) return pick();
  if (!mayExportWithoutAsking(target, places)) {
    // With a folder to compare with, only the setting can have named a place outside it.
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is outside the workspace folder. TCP Flow writes there only if you choose it in the Save dialog.', target.fsPath || target.toString(true)),
      { modal: true, detail: vscode.l10n.t('The folder comes from the setting tcpflow.export.directory.') }, saveAs);
    return answer === saveAs ? pick() : undefined;
  }
  if (!(await exists(target))) return target;
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)), { modal: true }, replace, saveAs);
  if (answer === saveAs) return pick();
  return answer === replace ? target : undefined;
}

function exportPlaces(document: vscode.TextDocument): ExportPlaces<vscode.Uri> {
  return {
    workspaceFolder: settingsFolder(document)?.uri,
    scenarioFolder: document.isUntitled ? undefined : vscode.Uri.joinPath(document.uri, '..'),
  };
}

/** Where the Save dialog opens: the refused default's name, in a place that is not refused. */
function safeDefault(document: vscode.TextDocument, target: vscode.Uri): vscode.Uri {
  const name = path.posix.basename(target.path);
  const places = exportPlaces(document);
  const folder = places.workspaceFolder ?? places.scenarioFolder;
  return folder ? vscode.Uri.joinPath(folder, name) : target;
}

/** A refused drawing is named for what is wrong with it; anything else by its own message. */
function failureText(error: unknown): string {
  if (error instanceof DrawingRefused) {
    switch (error.problem) {
      case 'too-large': return vscode.l10n.t('the drawing is larger than {0} MB', MAX_DRAWING_BYTES / (1024 * 1024));
      case 'not-png': return vscode.l10n.t('the drawing is not a whole PNG image');
      case 'png-too-large': return vscode.l10n.t('the PNG image is larger than {0} pixels on a side', MAX_PNG_SIDE);
      case 'not-svg': return vscode.l10n.t('the drawing is not a plain SVG document');
    }
  }
  return error instanceof Error ? error.message : String(error);
}

async function targetDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'tcpflow') return editor.document;
  return vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'tcpflow')?.document;
}

async function pickFormat(context: vscode.ExtensionContext, deps: ExportDeps): Promise<FormatChoice | undefined> {
  const last = context.workspaceState.get<string>(LAST_CHOICE);
  const available = formatChoices().filter((c) => deps.render || (c.format !== 'svg' && c.format !== 'png'));
  const items = [...available].sort((a, b) => Number(b.key === last) - Number(a.key === last));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Export Diagram'),
    placeHolder: deps.render ? vscode.l10n.t('Format') : vscode.l10n.t('Format (SVG and PNG need the preview to draw them)'),
  });
  if (picked) await context.workspaceState.update(LAST_CHOICE, picked.key);
  return picked;
}

/** The workspace folder `tcpflow.export.directory` is relative to: the scenario's, else the first. */
function settingsFolder(document: vscode.TextDocument): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
}

/**
 * `tcpflow.export.directory` (relative to the workspace folder), else beside the scenario.
 * Not yet checked: chooseTarget applies the trust rule to what this returns.
 */
export function defaultTarget(document: vscode.TextDocument, format: ExportFormat): vscode.Uri {
  const file = defaultOutputName(document.uri.path, FORMAT_EXTENSION[format]);
  const folder = settingsFolder(document);
  const setting = vscode.workspace.getConfiguration('tcpflow', document.uri).get<string>('export.directory', '').trim();
  if (setting && folder) {
    return path.isAbsolute(setting) ? vscode.Uri.file(path.join(setting, file)) : vscode.Uri.joinPath(folder.uri, setting, file);
  }
  if (document.isUntitled) return vscode.Uri.joinPath(folder?.uri ?? vscode.Uri.file(process.cwd()), file);
  return vscode.Uri.joinPath(document.uri, '..', file);
}

async function contents(mermaid: string, name: string, choice: FormatChoice, theme: ExportTheme, deps: ExportDeps): Promise<Uint8Array> {
  switch (choice.format) {
    case 'mmd':
      return new TextEncoder().encode(mermaid);
    case 'md':
      return new TextEncoder().encode(markdownDocument(mermaid, name));
    case 'svg': {
      if (!deps.render) throw new Error(vscode.l10n.t('SVG needs the preview to draw it'));
      const drawn = await deps.render({ mermaid, theme, format: 'svg', scale: 1 });
      if (drawn.length > MAX_DRAWING_BYTES) throw new DrawingRefused('too-large', `${drawn.length} bytes`);
      // The webview cleaned it already; the host cleans it again before it reaches the disk.
      const svg = sanitizeSvg(new TextDecoder().decode(drawn));
      return new TextEncoder().encode(stampSvg(svg, svgKey(mermaid, theme)));
    }
    case 'png':
      if (!deps.render) throw new Error(vscode.l10n.t('PNG needs the preview to draw it'));
      return checkPng(await deps.render({ mermaid, theme, format: 'png', scale: choice.scale }));
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** On disk: temp file + fsync + rename. Elsewhere (remote, virtual): temp file + rename through the workspace file system. */
async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  if (target.scheme === 'file') {
    writeFileAtomic(target.fsPath, bytes, vscode.workspace.asRelativePath(target));
    return;
  }
  const temp = vscode.Uri.joinPath(target, '..', `.${path.posix.basename(target.path)}.${Date.now()}.tcpflow-tmp`);
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
