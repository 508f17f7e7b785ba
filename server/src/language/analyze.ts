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
import { syntaxDiagnostics, type JunkRun } from './syntax-errors.js';
import { spanOfCst } from './spans.js';
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
  return analyzeTree(result.value, text, syntaxDiagnostics(result.lexerErrors, result.parserErrors, text, junkRuns(result.value, text)));
}

/** The runs of tokens that cannot start a statement, for syntaxDiagnostics. */
export function junkRuns(root: ast.Scenario, text: string): JunkRun[] {
  return root.junk.flatMap((junk) => {
    const cst = junk.$cstNode;
    return cst ? [{ span: spanOfCst(cst), text: text.slice(cst.offset, cst.end) }] : [];
  });
}

/** For a tree already parsed (the language server's documents); `syntax` from syntaxDiagnostics. */
export function analyzeTree(root: ast.Scenario, text: string, syntax: readonly Diagnostic[]): TextAnalysis {
  const model = astToModel(root, text, new Set(syntax.map((d) => d.span.startLine)));
  const analysis = runScenario(model.scenario);
  const diagnostics = [...syntax, ...model.diagnostics, ...analysis.diagnostics]
    .sort((a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn);
  return { scenario: model.scenario, analysis: { ...analysis, diagnostics } };
}
