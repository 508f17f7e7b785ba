/**
 * The language server also runs in a browser Web Worker (the playground, vscode.dev),
 * which has no `setImmediate`: a document read in more than one slice must still be
 * analysed there. Before server/src/lsp/next-turn.ts it ended in an "internal error"
 * diagnostic ("setImmediate is not defined") whenever a slice ran out of time, which a
 * loaded machine made happen even to the playground's first example.
 */
import { CancellationToken } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { DocumentAnalyses } from '../../server/src/lsp/analyses.js';
import { IncrementalReader } from '../../server/src/lsp/document-analysis.js';
import { nextTurn } from '../../server/src/lsp/next-turn.js';

describe('a turn of the event loop where there is no setImmediate (a Web Worker)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('nextTurn lets a queued timer run first', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await nextTurn();
    order.push('after the turn');
    expect(order).toEqual(['timer', 'after the turn']);
  });

  it('a document read in many slices is analysed as it is at once', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const text = generateScenario(1500);
    // A slice of 0 ms: every unit of work is a slice, so there are turns between them.
    const sliced = new DocumentAnalyses(() => new IncrementalReader(16), 0);
    const parsed = await sliced.analyzeInSlices('file:///sliced.tcpflow', text, CancellationToken.None);
    const atOnce = new DocumentAnalyses(() => new IncrementalReader(16));
    const whole = atOnce.analyze('file:///whole.tcpflow', text);
    const diagnostics = (analyses: DocumentAnalyses, p: typeof parsed) =>
      analyses.get({ parseResult: p } as unknown as LangiumDocument).analysis.diagnostics.map((d) => [d.code, d.span.startLine]);
    expect(diagnostics(sliced, parsed)).toEqual(diagnostics(atOnce, whole));
  });
});
