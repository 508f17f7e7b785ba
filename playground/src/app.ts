/**
 * playground.js: the page. Starts the language server in a worker, opens the scenario
 * (from a share link, or the first example), draws the diagram, and runs the toolbar:
 * examples, Share, Download, theme. The editor (editor.js) arrives separately and
 * joins through the handoff (handoff.ts).
 */
import examples from 'tcpflow:examples';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { say } from '../../server/src/i18n/catalogue.js';
import { playgroundMessages as m } from '../../server/src/i18n/messages/playground.js';
import { loadMermaid } from '../../client/webview/src/renderer.js';
import type { MermaidApi } from '../../client/src/export/webview-export.js';
import { DiagramPane } from './diagram-pane.js';
import { download, fileNameFor, NoDiagram, type DownloadKind } from './downloads.js';
import { publishHandoff, type PlaygroundHandoff } from './handoff.js';
import { chooseLocale, translatePage } from './page-texts.js';
import { PageTheme } from './page-theme.js';
import { PlaygroundDocument } from './scenario-document.js';
import { connectToServer } from './server-connection.js';
import { scenarioFromFragment, SHARE_LIMIT, shareFragment } from './share.js';

const DEFAULT_EXAMPLE = 'three-way-handshake';

function element<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the playground page has no #${id}`);
  return el as T;
}

const status = element('status');
function showStatus(text: string): void {
  status.textContent = text;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function exampleText(name: string): string {
  return (examples.find((e) => e.name === name) ?? examples[0]).text;
}

/** The scenario to start with: the link's, or the default example (saying so if the link is damaged). */
async function initialText(): Promise<string> {
  const shared = await scenarioFromFragment(location.hash);
  if (typeof shared === 'string') return shared;
  if (shared instanceof Error) showStatus(say(m.sharedUnreadable));
  return exampleText(DEFAULT_EXAMPLE);
}

function fillExamples(select: HTMLSelectElement, scenario: PlaygroundDocument): void {
  for (const example of examples) {
    const option = document.createElement('option');
    option.value = example.name;
    option.textContent = example.name.replace(/-/g, ' ');
    select.appendChild(option);
  }
  select.addEventListener('change', () => {
    if (!select.value) return;
    scenario.setText(exampleText(select.value));
    // The link no longer names what is on screen.
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    select.value = '';
  });
}

async function share(scenario: PlaygroundDocument): Promise<void> {
  const fragment = await shareFragment(scenario.text);
  if (fragment.length > SHARE_LIMIT) {
    showStatus(say(m.shareTooLong, { kilobytes: (fragment.length / 1024).toFixed(0) }));
    return;
  }
  history.replaceState(null, '', `${location.pathname}${location.search}#${fragment}`);
  try {
    await navigator.clipboard.writeText(location.href);
    showStatus(say(m.shareCopied));
  } catch {
    // No clipboard (a file:// page, or permission refused): the address bar has it.
    showStatus(say(m.shareReady));
  }
}

function countProblems(params: PublishDiagnosticsParams): void {
  const errors = params.diagnostics.filter((d) => d.severity === 1).length;
  const warnings = params.diagnostics.filter((d) => d.severity === 2).length;
  element('problems-line').textContent = errors + warnings === 0 ? say(m.noProblems) : say(m.problems, { errors, warnings });
}

async function main(): Promise<void> {
  const locale = chooseLocale();
  translatePage();
  const text = await initialText();
  const scenario = new PlaygroundDocument(text);
  const fallback = document.getElementById('editor-fallback');
  if (fallback) fallback.textContent = text;

  let pane: DiagramPane | undefined;
  const theme = new PageTheme(element<HTMLSelectElement>('theme'), () => pane?.redraw());
  fillExamples(element<HTMLSelectElement>('examples'), scenario);
  element('share').addEventListener('click', () => void share(scenario).catch((e: unknown) => showStatus(errorText(e))));
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-download]'))) {
    button.addEventListener('click', () => {
      element<HTMLDetailsElement>('download-menu').open = false;
      download({
        kind: button.dataset.download as DownloadKind,
        text: scenario.text,
        mermaid: pane?.mermaid,
        theme: theme.name,
        name: fileNameFor(scenario.text),
        mermaidApi: () => loadMermaid() as unknown as Promise<MermaidApi>,
      }).then(
        () => pane?.redraw(), // the export configured Mermaid its own way: the preview's settings back
        (e: unknown) => showStatus(e instanceof NoDiagram ? say(m.noDiagramYet) : say(m.downloadFailed, { reason: errorText(e) })),
      );
    });
  }
  window.addEventListener('hashchange', () => {
    void scenarioFromFragment(location.hash).then((shared) => {
      if (typeof shared === 'string') scenario.setText(shared);
      else if (shared instanceof Error) showStatus(say(m.sharedUnreadable));
    });
  });

  // Mermaid parses while the worker starts.
  void loadMermaid().catch(() => undefined);
  const starting = say(m.serverStarting);
  if (!status.textContent) showStatus(starting);
  const connection = await connectToServer(locale);
  if (status.textContent === starting) showStatus('');
  const diagnosticsListeners: Array<(p: PublishDiagnosticsParams) => void> = [countProblems];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    if (params.uri !== scenario.uri) return;
    for (const listener of diagnosticsListeners) listener(params);
  });
  const handoff: PlaygroundHandoff = {
    connection,
    document: scenario,
    locale,
    onDiagnostics: (listener) => diagnosticsListeners.push(listener),
    cursorLine: (line) => pane?.setCursorLine(line),
  };
  pane = new DiagramPane(connection, scenario, () => theme.mermaid, (line) => handoff.revealLine?.(line));
  scenario.onDidReplace(() => pane?.schedule());
  scenario.open(connection);
  pane.schedule(true);
  publishHandoff(handoff);
}

main().catch((error: unknown) => {
  showStatus(say(m.serverFailed, { reason: errorText(error) }));
  document.body.dataset.failed = 'true';
});
