/**
 * "TCP Flow: Open Capture as Scenario…": a file picker for a capture (pcap, pcapng) or
 * a packetdrill script; for a capture of several connections, a quick pick of them (and
 * of the listeners that several of them went to, as one scenario each); then
 * the scenario in a new untitled editor, with the preview beside it. The importing is
 * the command line's own (server/src/import/import-file.ts), so both give the same text.
 * It reads the file in the extension host: a 100 MB capture takes a second or two.
 */
import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { setLocale } from '../../../server/src/i18n/catalogue.js';
import { localeFromTag } from '../../../server/src/i18n/locale.js';
import { summarizeCapture, type Connection } from '../../../server/src/import/connections.js';
import { CaptureError } from '../../../server/src/import/frame.js';
import { captureConnectionScenario, captureListenerScenario, DEFAULT_CAPTURE_NAMES, isPacketdrillScript, packetdrillScenario } from '../../../server/src/import/import-file.js';
import { defaultListenerNames } from '../../../server/src/import/listener-scenario.js';
import { PreviewCommands } from '../preview/preview-manager.js';
import { connectionItems } from './connection-items.js';

export const IMPORT_COMMAND = 'tcpflow.importCapture';

export function registerImportCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(IMPORT_COMMAND, (uri?: unknown) => openAsScenario(uri instanceof vscode.Uri ? uri : undefined)));
}

async function openAsScenario(given: vscode.Uri | undefined): Promise<void> {
  const uri = given ?? (await vscode.window.showOpenDialog({
    canSelectMany: false,
    title: vscode.l10n.t('Open Capture as Scenario'),
    openLabel: vscode.l10n.t('Import'),
    filters: { [vscode.l10n.t('Captures and packetdrill scripts')]: ['pcap', 'pcapng', 'cap', 'pkt'], [vscode.l10n.t('All files')]: ['*'] },
  }))?.[0];
  if (!uri) return;
  if (uri.scheme !== 'file') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Only files on this computer can be imported ({0}).', uri.toString()));
    return;
  }
  // The scenario's comments and the reader's errors come from the catalogue: in the editor's language.
  setLocale(localeFromTag(vscode.env.language) ?? 'en');
  const path = uri.fsPath;
  const file = basename(path);
  try {
    let text: string;
    if (isPacketdrillScript(path, file)) {
      text = packetdrillScenario(readFileSync(path, 'utf8'), file).text;
    } else {
      const { connections } = summarizeCapture(path, file);
      if (connections.length === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('{0} holds no TCP connection.', file));
        return;
      }
      const chosen = connections.length === 1 ? connections : await pickConnections(connections, file);
      if (!chosen) return;
      text = chosen.length === 1
        ? captureConnectionScenario(path, chosen[0], { file, names: DEFAULT_CAPTURE_NAMES, relative: true, times: false })
        : captureListenerScenario(path, chosen, { file, names: defaultListenerNames(chosen.length), relative: true, times: false });
    }
    const document = await vscode.workspace.openTextDocument({ language: 'tcpflow', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand(PreviewCommands.openToSide);
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error;
    void vscode.window.showErrorMessage(error.message);
  }
}

async function pickConnections(connections: readonly Connection[], file: string): Promise<readonly Connection[] | undefined> {
  const items = connectionItems(connections, {
    packets: (count) => vscode.l10n.t('{0} packets', count),
    handshake: vscode.l10n.t('handshake captured'),
    noHandshake: vscode.l10n.t('no handshake'),
    reset: vscode.l10n.t('reset'),
    closed: vscode.l10n.t('closed'),
    open: vscode.l10n.t('not closed'),
    listener: (count, server) => vscode.l10n.t('All {0} connections to {1}', count, server),
    listenerScenario: vscode.l10n.t('one scenario: the server listens once, each client its own participant'),
  });
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Connections in {0}', file),
    placeHolder: vscode.l10n.t('The connection to open as a scenario'),
    matchOnDescription: true,
  });
  return chosen?.connections;
}
