/**
 * The language server's answer to `tcpflow/diagram`, made from an analysed document.
 * The server handler only looks the document up and calls this.
 */
import type { Analysis } from '../engine/analysis.js';
import type { Scenario } from '../engine/model.js';
import type { DiagramParams, DiagramResult } from '../lsp/custom-requests.js';
import { generateMermaid } from './mermaid.js';

export function diagramResult(
  params: DiagramParams,
  version: number | null,
  scenario: Scenario,
  analysis: Analysis,
): DiagramResult {
  const diagram = generateMermaid(scenario, analysis, {
    stateNames: params.stateNames ?? 'rfc',
    ...(params.line !== undefined ? { focusLine: params.line } : {}),
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
      banner: `Large scenario (${w.totalMessages} messages): drawing messages ${w.firstMessage + 1}-${w.lastMessage + 1}, lines ${w.firstLine + 1}-${w.lastLine + 1}, around the cursor.`,
    } : {}),
  };
}
