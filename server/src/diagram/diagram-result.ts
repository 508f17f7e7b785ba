/**
 * The language server's answer to `tcpflow/diagram`, made from an analysed document.
 * The server handler only looks the document up and calls this.
 */
import type { Analysis } from '../engine/analysis.js';
import type { Scenario } from '../engine/model.js';
import type { DiagramParams, DiagramResult } from '../lsp/custom-requests.js';
import { say } from '../i18n/catalogue.js';
import { diagramMessages } from '../i18n/messages/diagram.js';
import { generateMermaid, windowNumbers } from './mermaid.js';

export function diagramResult(
  params: DiagramParams,
  version: number | null,
  scenario: Scenario,
  analysis: Analysis,
): DiagramResult {
  const diagram = generateMermaid(scenario, analysis, {
    stateNames: params.stateNames ?? 'rfc',
    ...(params.line !== undefined ? { focusLine: params.line } : {}),
    ...(params.arrowStyle === 'textbook' || params.arrowStyle === 'flat' ? { arrowStyle: params.arrowStyle } : {}),
  });
  const syntaxErrors = analysis.diagnostics
    .filter((d) => d.code === 'syntax')
    .map((d) => ({ line: d.span.startLine, message: d.message }));
  const w = diagram.window;
  return {
    uri: params.uri,
    version,
    mermaid: diagram.text,
    messages: diagram.messages,
    notes: diagram.notes,
    syntaxErrors,
    ...(w ? {
      banner: say(diagramMessages.previewBanner, windowNumbers(w)),
    } : {}),
  };
}
