/**
 * The language server reads a document in slices with a turn of the event loop between
 * them (server/src/lsp/analyses.ts, analyzeInSlices): the same analysis as at once, a
 * cancelled build pauses the work, a newer text drops it, and a document read within
 * one slice costs no turn at all. In process, with a slice of 0 ms (each unit of work,
 * a few hundred lines, is a slice) or of a minute (never out of time), so that nothing depends on the clock.
 * test/lsp/large-document.test.ts shows the same over stdio with 15 MB.
 */
import { isOperationCancelled, type LangiumDocument, type ParseResult } from 'langium';
import { describe, expect, it } from 'vitest';
import { CancellationToken, CancellationTokenSource } from 'vscode-languageserver';
import { generateScenario } from '../../server/src/bench/generate-scenario.js';
import { DocumentAnalyses } from '../../server/src/lsp/analyses.js';
import { IncrementalReader, type AnalysisJob, type DocumentAnalysis } from '../../server/src/lsp/document-analysis.js';
import { FIRST_EXAMPLE } from './documents.js';

/** Counts the jobs begun and the slices they ran. */
class CountingReader extends IncrementalReader {
  begun = 0;
  slices = 0;

  override begin(uri: string, text: string): AnalysisJob {
    this.begun++;
    const job = super.begin(uri, text);
    return {
      text: job.text,
      advance: (outOfTime) => {
        this.slices++;
        return job.advance(outOfTime);
      },
    };
  }
}

function slicedAnalyses(sliceMs: number) {
  const reader = new CountingReader(16);
  return { reader, analyses: new DocumentAnalyses(() => reader, sliceMs) };
}

const analysisOf = (analyses: DocumentAnalyses, parsed: ParseResult): DocumentAnalysis =>
  analyses.get({ parseResult: parsed } as unknown as LangiumDocument);

const codes = (analysis: DocumentAnalysis) => analysis.analysis.diagnostics.map((d) => [d.code, d.span.startLine]);

/** 1,500 events: a dozen units of work for the splitter, the reader and the engine each. */
const LONG = generateScenario(1500);
/** LONG with one more ACK after the close: one error, on the last line. */
const LONG_EDITED = `${LONG}client -> server : ACK seq=J+1 ack=K+5\n`;
const URI = 'file:///sliced.tcpflow';

const rejection = async (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'resolved', (error: unknown) => error);

describe('analysis in slices', () => {
  it('gives the analysis reading at once gives, over many slices', async () => {
    const { reader, analyses } = slicedAnalyses(0);
    const sliced = analysisOf(analyses, await analyses.analyzeInSlices(URI, LONG_EDITED, CancellationToken.None));
    const atOnce = new IncrementalReader(16).analyze(URI, LONG_EDITED);
    expect(codes(sliced)).toEqual(codes(atOnce));
    expect(codes(sliced)).toHaveLength(1);
    expect(JSON.stringify(sliced.analysis)).toBe(JSON.stringify(atOnce.analysis));
    expect(reader.slices).toBeGreaterThan(10);
  });

  it('a cancelled build stops it between slices; the same text later goes on from where it stopped', async () => {
    const { reader, analyses } = slicedAnalyses(0);
    const source = new CancellationTokenSource();
    const first = analyses.analyzeInSlices(URI, LONG, source.token);
    source.cancel();
    expect(isOperationCancelled(await rejection(first))).toBe(true);
    const slicesBefore = reader.slices;
    const done = analysisOf(analyses, await analyses.analyzeInSlices(URI, LONG, CancellationToken.None));
    expect(codes(done)).toEqual([]);
    expect(reader.begun).toBe(1);
    // The first call ran one slice before it was cancelled; the second did not repeat it.
    expect(slicesBefore).toBe(1);
    const fresh = slicedAnalyses(0);
    await fresh.analyses.analyzeInSlices(URI, LONG, CancellationToken.None);
    expect(reader.slices).toBe(fresh.reader.slices);
  });

  it('a newer text of the document drops the analysis of the older one', async () => {
    const { reader, analyses } = slicedAnalyses(0);
    const older = analyses.analyzeInSlices(URI, LONG, CancellationToken.None);
    const newer = analyses.analyzeInSlices(URI, LONG_EDITED, CancellationToken.None);
    expect(isOperationCancelled(await rejection(older))).toBe(true);
    expect(codes(analysisOf(analyses, await newer))).toEqual(codes(new IncrementalReader(16).analyze(URI, LONG_EDITED)));
    expect(reader.begun).toBe(2);
  });

  it('a dropped job leaves the previous version for the next one to start from', async () => {
    const { analyses } = slicedAnalyses(0);
    await analyses.analyzeInSlices(URI, LONG, CancellationToken.None);
    const dropped = analyses.analyzeInSlices(URI, `// an edit at the top\n${LONG}`, CancellationToken.None);
    const kept = analyses.analyzeInSlices(URI, `${LONG}// an edit at the end\n`, CancellationToken.None);
    expect(isOperationCancelled(await rejection(dropped))).toBe(true);
    const analysis = analysisOf(analyses, await kept);
    expect(codes(analysis)).toEqual([]);
    expect(analysis.analysis.steps.at(-1)!.line).toBe(LONG.split('\n').length - 2);
  });

  it('a document read within one slice resolves without a turn of the event loop', async () => {
    const { reader, analyses } = slicedAnalyses(60_000);
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const parsed = await analyses.analyzeInSlices('file:///small.tcpflow', FIRST_EXAMPLE, CancellationToken.None);
    expect(turned).toBe(false);
    expect(reader.slices).toBe(1);
    expect(codes(analysisOf(analyses, parsed))).toEqual([]);
  });
});
