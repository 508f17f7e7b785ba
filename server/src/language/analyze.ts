/**
 * Text in, analysis out: parse, read the tree into the engine's model, run the engine.
 * The CLI, the tests and the language server all go through here.
 */
import type { LangiumCoreServices } from 'langium';
import type { Analysis } from '../engine/analysis.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario } from '../engine/model.js';
import { runScenario } from '../engine/run.js';
import { astToModel } from './ast-to-model.js';
import type * as ast from './generated/ast.js';
import { syntaxDiagnostics } from './syntax-errors.js';
import { createTcpflowCoreServices } from './tcpflow-module.js';

export interface TextAnalysis {
  readonly scenario: Scenario;
  /** The engine's analysis; its diagnostics include syntax and reading problems, in source order. */
  readonly analysis: Analysis;
}

let sharedServices: LangiumCoreServices | undefined;

function services(): LangiumCoreServices {
  sharedServices ??= createTcpflowCoreServices().Tcpflow;
  return sharedServices;
}

export function analyzeText(text: string): TextAnalysis {
  const result = services().parser.LangiumParser.parse<ast.Scenario>(text);
  return analyzeTree(result.value, text, syntaxDiagnostics(result.lexerErrors, result.parserErrors, text));
}

/** For a tree already parsed (the language server's documents). */
export function analyzeTree(root: ast.Scenario, text: string, syntax: readonly Diagnostic[]): TextAnalysis {
  const model = astToModel(root, text);
  const analysis = runScenario(model.scenario);
  const diagnostics = [...syntax, ...model.diagnostics, ...analysis.diagnostics]
    .sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn);
  return { scenario: model.scenario, analysis: { ...analysis, diagnostics } };
}
