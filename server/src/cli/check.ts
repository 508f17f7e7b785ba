/**
 * `synack check FILE…` and `synack check --json FILE` (contract §5).
 *
 * Output is streamed: a diagnostic line, or one element of the JSON arrays, at a time,
 * in writes of about 64 KB. A scenario with a million errors never becomes one string
 * (JSON.stringify of it ran V8 out of heap). `--json` with one file prints one object;
 * with several file names, an array of them (decided by the command line, so the shape
 * is known before the first file is read).
 */
import type { Diagnostic } from '../engine/diagnostics.js';
import type { TextAnalysis } from '../language/analyze.js';
import { analyzeText } from '../language/analyze.js';
import { formatSeq } from '../engine/seq.js';
import { takeProfileOption } from './profile-option.js';
import { say } from '../i18n/catalogue.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { explainMessages } from '../i18n/messages/explain.js';
import { helpMessages } from '../i18n/messages/help.js';
import { usageMessages } from '../i18n/messages/usage.js';
import { ChunkedOutput, CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { readSourceOrReport } from './read-source.js';

export interface CheckJson {
  file: string;
  participants: string[];
  diagnostics: Array<{ line: number; column: number; severity: string; code: string; message: string }>;
  steps: Array<{
    line: number;
    states: Record<string, string>;
    /** What the hover explains about the line: each rule applied, with its RFC section. */
    explanations: Array<{ participant: string; rule: string; text: string }>;
    /**
     * What each endpoint owes after the line (Step.owing): the replies this line made due
     * and those an earlier line made due that are still unsent, one per endpoint.
     */
    owes: Array<{ participant: string; flags: string[]; seq?: string; ack?: string; reason: string }>;
    /** The calls that return on this line, with what they return. */
    returns?: CallReturn[];
    /** On a line that changes a listener's queues: their contents after it. */
    queues?: ListenerQueues[];
  }>;
}

/** What a call returned on a step's line (`connect` → `0`, `read` → `ECONNRESET`); an error a reset left has no `call`. */
interface CallReturn { participant: string; call?: string; result: string }

/** A listener's SYN queue and accept queue after a line, by peer name, in order. */
interface ListenerQueues { participant: string; syn: string[]; accept: string[] }

/** The queues a step's effects show, the last contents per listener (a line may change them twice). */
function stepQueues(effects: TextAnalysis['analysis']['steps'][number]['effects']): ListenerQueues[] {
  const last = new Map<string, ListenerQueues>();
  for (const e of effects) if (e.queues) last.set(e.participant, { participant: e.participant, syn: [...e.queues.syn], accept: [...e.queues.accept] });
  return [...last.values()];
}

type JsonDiagnostic = CheckJson['diagnostics'][number];
type JsonStep = CheckJson['steps'][number];

function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return { line: d.span.startLine + 1, column: d.span.startColumn + 1, severity: d.severity, code: d.code, message: d.message };
}

function jsonStep(s: TextAnalysis['analysis']['steps'][number]): JsonStep {
  const queues = stepQueues(s.effects);
  const returns = s.effects.flatMap((e): CallReturn[] => (e.result === undefined ? [] : [{ participant: e.participant, ...(e.call !== undefined ? { call: e.call } : {}), result: e.result }]));
  return {
    line: s.line + 1,
    states: { ...s.states },
    explanations: s.explanations.map((e) => ({ participant: e.participant, rule: e.rule, text: e.text })),
    owes: (s.owing ?? []).map(({ participant, reply }) => ({
      participant,
      flags: [...reply.flags],
      ...(reply.seq ? { seq: formatSeq(reply.seq) } : {}),
      ...(reply.ack ? { ack: formatSeq(reply.ack) } : {}),
      reason: reply.reason,
    })),
    ...(returns.length > 0 ? { returns } : {}),
    ...(queues.length > 0 ? { queues } : {}),
  };
}

/**
 * Writes a file's CheckJson document exactly as `JSON.stringify(doc, null, 2)` would, indented
 * by `pad`, without building it: each array element is stringified on its own.
 */
export function streamCheckJson(file: string, result: TextAnalysis, pad: string, sink: ChunkedOutput): void {
  const { analysis } = result;
  const inner = `${pad}  `;
  sink.add(`${pad}{\n`);
  sink.add(`${inner}"file": ${JSON.stringify(file)},\n`);
  sink.add(`${inner}"participants": `);
  streamArray(analysis.participants, (p) => p.name, inner, sink);
  sink.add(`,\n${inner}"diagnostics": `);
  streamArray(analysis.diagnostics, jsonDiagnostic, inner, sink);
  sink.add(`,\n${inner}"steps": `);
  streamArray(analysis.steps, jsonStep, inner, sink);
  sink.add(`\n${pad}}`);
}

function streamArray<T>(items: readonly T[], toJson: (item: T) => unknown, pad: string, sink: ChunkedOutput): void {
  if (items.length === 0) {
    sink.add('[]');
    return;
  }
  const inner = `${pad}  `;
  sink.add('[\n');
  items.forEach((item, i) => {
    // JSON.stringify escapes line breaks inside strings, so every '\n' is between values.
    sink.add(`${inner}${JSON.stringify(toJson(item), null, 2).replace(/\n/g, `\n${inner}`)}${i < items.length - 1 ? ',' : ''}\n`);
  });
  sink.add(`${pad}]`);
}

export function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.span.startLine + 1}:${d.span.startColumn + 1}: ${d.severity} ${d.code}: ${d.message}`;
}

/**
 * The analysis of one file, or undefined after one line saying it could not be done: a
 * fault in the reader or the engine stops that file, never the run, and never shows a
 * stack trace.
 */
export function analyzeOrReport<T>(file: string, io: CliIo, analyze: () => T): T | undefined {
  try {
    return analyze();
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.err(`${PROGRAM_NAME}: ${say(cliMessages.analysisFailed, { file, detail: detail.split('\n')[0] })}\n`);
    return undefined;
  }
}

/** The usage line, in the locale of the run. */
const checkUsage = (): string => say(helpMessages.usageLine, { line: `${PROGRAM_NAME} check [--json] [--profile rfc9293|linux] FILE…` });

export function runCheck(allArgs: readonly string[], io: CliIo): number {
  const { rest: args, profile } = takeProfileOption(allArgs, 'check', checkUsage());
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.find((a) => a.startsWith('-') && a !== '-');
  if (unknown) throw new CliError(`${say(usageMessages.unknownOption, { command: 'check', option: unknown })}\n${checkUsage()}`);
  if (files.length === 0) throw new CliError(`${say(usageMessages.noFile, { command: 'check' })}\n${checkUsage()}`);

  const sink = new ChunkedOutput((text) => io.out(text));
  const asArray = json && files.length > 1;
  let hasErrors = false;
  let failed = false;
  let written = 0;
  if (asArray) sink.add('[');
  for (const file of files) {
    const source = readSourceOrReport(file, io);
    const result = source && analyzeOrReport(file, io, () => analyzeText(source.text, { profile }));
    if (!result) {
      failed = true;
      continue;
    }
    if (result.analysis.diagnostics.some((d) => d.severity === 'error')) hasErrors = true;
    if (json) {
      sink.add(asArray ? `${written > 0 ? ',' : ''}\n` : '');
      streamCheckJson(file, result, asArray ? '  ' : '', sink);
      if (!asArray) sink.add('\n');
    } else {
      for (const d of result.analysis.diagnostics) sink.add(`${formatDiagnostic(file, d)}\n`);
      // A person at a terminal is told the file is fine; a script reading a pipe gets nothing.
      if (io.terminal && !result.analysis.diagnostics.some((d) => d.severity === 'error')) {
        const warnings = result.analysis.diagnostics.filter((d) => d.severity === 'warning').length;
        sink.add(`${say(explainMessages.checkClean, { file, warnings })}\n`);
      }
    }
    written++;
    // Diagnostics of a file are out before the next file's problems go to stderr.
    sink.flush();
  }
  if (asArray) sink.add(written > 0 ? '\n]\n' : ']\n');
  sink.flush();
  if (failed) return EXIT.usage;
  return hasErrors ? EXIT.errors : EXIT.ok;
}
