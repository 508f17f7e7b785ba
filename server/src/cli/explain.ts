/**
 * `synack explain FILE…`: the terminal's version of the editor's inlay hints and hovers.
 * Every source line is printed with its number; under each event line come the states
 * it leads to (● on the ones it changed), the segment as sent with inferred numbers
 * filled in, the RFC rule applied, the replies now owed, what the socket calls see and
 * the sequence variables that moved; under any line, its diagnostics. The words come
 * from the same places as the hovers' (lsp/describe.ts) and the catalogue, the facts
 * from the engine. `--json` is `check --json`.
 */
import type { Analysis, Step } from '../engine/analysis.js';
import type { Diagnostic } from '../engine/diagnostics.js';
import type { Scenario } from '../engine/model.js';
import { formatSeq } from '../engine/seq.js';
import { stillOwed } from '../engine/still-owed.js';
import { formatState, type StateNameStyle } from '../engine/states.js';
import { say } from '../i18n/catalogue.js';
import { explainMessages as m } from '../i18n/messages/explain.js';
import { helpMessages } from '../i18n/messages/help.js';
import { usageMessages as u } from '../i18n/messages/usage.js';
import { editorMessages } from '../i18n/messages/editor.js';
import { analyzeText, type TextAnalysis } from '../language/analyze.js';
import { takeProfileOption } from './profile-option.js';
import { CALL_DESCRIPTIONS, flagsAsWritten, replyText, segmentFields, statesAfter, statesBefore } from '../lsp/describe.js';
import { analyzeOrReport, runCheck } from './check.js';
import { ChunkedOutput, CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { readSourceOrReport } from './read-source.js';
import { painter, type Paint } from './terminal.js';
import { displayWidth, padToWidth } from '../language/display-width.js';

export const EXPLAIN_SYNOPSIS = 'explain [--json] [--state-names rfc|linux] [--profile rfc9293|linux] FILE…';

/** The usage line, in the locale of the run. */
const explainUsage = (): string => say(helpMessages.usageLine, { line: `${PROGRAM_NAME} ${EXPLAIN_SYNOPSIS}` });

interface ExplainOptions {
  readonly files: string[];
  readonly json: boolean;
  readonly style: StateNameStyle;
}

function parseExplainArgs(args: readonly string[]): ExplainOptions {
  const files: string[] = [];
  let json = false;
  let style: StateNameStyle = 'rfc';
  const usage = explainUsage();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') json = true;
    else if (arg === '--state-names' || arg.startsWith('--state-names=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value !== 'rfc' && value !== 'linux') throw new CliError(`${say(u.stateNamesTakes, { command: 'explain', value })}\n${usage}`);
      style = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new CliError(`${say(u.unknownOption, { command: 'explain', option: arg })}\n${usage}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new CliError(`${say(u.noFile, { command: 'explain' })}\n${usage}`);
  return { files, json, style };
}

export function runExplain(allArgs: readonly string[], io: CliIo): number {
  const { rest: args, profile } = takeProfileOption(allArgs, 'explain', explainUsage());
  const options = parseExplainArgs(args);
  if (options.json) return runCheck(['--json', ...(profile ? ['--profile', profile.name] : []), ...options.files], io);
  const paint = painter(io.colour ?? false);
  const sink = new ChunkedOutput((text) => io.out(text));
  let hasErrors = false;
  let failed = false;
  options.files.forEach((file, index) => {
    const source = readSourceOrReport(file, io);
    const result = source && analyzeOrReport(file, io, () => analyzeText(source.text, { profile }));
    if (!source || !result) {
      failed = true;
      return;
    }
    if (index > 0) sink.add('\n');
    const lines = source.text.split(/\r\n|\n|\r/);
    for (const text of explainLines(file, lines, result, options.style, paint)) sink.add(`${text}\n`);
    if (result.analysis.diagnostics.some((d) => d.severity === 'error')) hasErrors = true;
    sink.flush();
  });
  sink.flush();
  if (failed) return EXIT.usage;
  return hasErrors ? EXIT.errors : EXIT.ok;
}

/** The explanation of one scenario, line by line (a generator, so a huge file is never one string). */
export function* explainLines(file: string, lines: readonly string[], { analysis, scenario }: TextAnalysis, style: StateNameStyle, paint: Paint): Generator<string> {
  const title = analysis.title !== undefined ? ` — ${analysis.title}` : '';
  yield paint(`${file}${title}`, 'bold');
  const people = analysis.participants.map((p) => `${paint(p.name, 'bold')}${p.label ? ` "${p.label}"` : ''} (${say(m.startsIn, { state: formatState(p.initialState, style) })})`);
  yield `${say(m.participants)}: ${people.join(', ')}`;
  yield paint(say(m.legend), 'dim');
  yield '';

  const stepsByLine = new Map<number, { step: Step; index: number }>();
  analysis.steps.forEach((step, index) => stepsByLine.set(step.line, { step, index }));
  const diagnosticsByLine = new Map<number, Diagnostic[]>();
  for (const d of analysis.diagnostics) {
    const at = Math.min(d.span.startLine, lines.length - 1);
    diagnosticsByLine.set(at, [...(diagnosticsByLine.get(at) ?? []), d]);
  }

  const width = String(lines.length).length;
  const gutter = ' '.repeat(width + 2);
  const callsSeen = new Set<string>();
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    // A trailing newline ends the last line; it does not start another.
    if (line === lines.length - 1 && text === '' && lines.length > 1) break;
    const event = stepsByLine.get(line);
    const number = String(line + 1).padStart(width);
    const quiet = !event && /^\s*(\/\/|\/\*|\*|$)/.test(text);
    yield `${paint(number, 'dim')}  ${quiet ? paint(text, 'dim') : event ? paint(text, 'bold') : text}`;
    if (event) for (const fact of stepFacts(analysis, scenario, event.step, event.index, style, paint, callsSeen)) yield `${gutter}${fact}`;
    for (const d of diagnosticsByLine.get(line) ?? []) {
      const colour = d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan';
      yield `${gutter}${paint(`${say(editorMessages[d.severity])} ${d.code}`, colour, 'bold')}: ${d.message}`;
    }
  }

  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
  yield '';
  yield errors + warnings === 0
    ? paint(say(m.summaryClean, { file }), 'green')
    : paint(`${file}: ${say(m.summary, { errors, warnings })}`, errors > 0 ? 'red' : 'yellow');
}

/** What the engine knows about one event line, one labelled fact per line of output. */
function* stepFacts(analysis: Analysis, scenario: Scenario, step: Step, index: number, style: StateNameStyle, paint: Paint, callsSeen: Set<string>): Generator<string> {
  const label = (text: string): string => paint(padToColumns(`${text}:`, 10), 'cyan');

  const states = statesAfter(analysis, step).map((p) => p.changed
    ? paint(`● ${p.participant} ${formatState(p.state, style)}`, 'bold', 'green')
    : `${p.participant} ${formatState(p.state, style)}`);
  if (states.length > 0) yield `${label(say(m.states))}⟶ ${states.join(' · ')}`;
  const before = statesBefore(analysis, step, index);
  yield step.transitions.length === 0
    ? `${label(say(m.changed))}${paint(say(m.noChange), 'dim')}`
    : `${label(say(m.changed))}${step.transitions.map((t) => `${t.participant} ${formatState(before[t.participant] ?? t.before, style)} → ${formatState(t.after, style)}`).join(', ')}`;

  if (step.kind === 'call') {
    // What a call means is said once, where it first appears.
    const statement = scenario.statements[step.statementIndex];
    if (statement?.kind === 'call' && !callsSeen.has(statement.call)) {
      callsSeen.add(statement.call);
      yield `${label(say(m.call))}${paint(CALL_DESCRIPTIONS[statement.call].replace(/`/g, ''), 'dim')}`;
    }
  }
  if (step.segment) {
    const s = step.segment;
    const where = step.kind === 'deliver' ? ` ${paint(say(m.deliveredFrom, { line: (step.sentOnLine ?? 0) + 1 }), 'dim')}` : '';
    const fields = segmentFields(s, say(m.inferred)).map((f) => (f.endsWith(say(m.inferred)) ? paint(f, 'magenta') : f));
    const retransmission = s.retransmission ? ` ${say(m.retransmission)}` : '';
    yield `${label(say(m.segment))}${step.from} ${s.arrow} ${step.to} : ${[flagsAsWritten(s.flags), ...fields].join(' ')}${retransmission}${where}`;
  }
  for (const e of step.explanations) yield `${label(say(m.rule))}${e.participant}: ${e.text} ${paint(`(${e.rule})`, 'cyan')}`;
  for (const { participant, reply } of step.replies) {
    yield `${label(say(m.owes))}${say(m.owesReply, { participant, reply: paint(replyText(reply), 'bold'), reason: reply.reason })}`;
  }
  for (const { participant, reply } of stillOwed(step)) {
    yield `${label(say(m.owes))}${say(m.stillOwesReply, { participant, reply: paint(replyText(reply), 'bold'), reason: reply.reason })}`;
  }
  for (const e of step.effects) yield `${label(say(m.socket))}${e.participant}: ${paint(e.text, 'bold')}`;
  // One line per participant: `server IRS — → J, RCV.NXT — → J+1`.
  const moved = new Map<string, string[]>();
  for (const v of step.variables) {
    moved.set(v.participant, [...(moved.get(v.participant) ?? []), `${v.variable} ${v.before ? formatSeq(v.before) : '—'} → ${v.after ? formatSeq(v.after) : '—'}`]);
  }
  for (const [participant, changes] of moved) yield `${label(say(m.numbers))}${participant} ${changes.join(', ')}`;
}


/** Pads to a width in terminal columns (a CJK character takes two), with at least one space after. */
function padToColumns(text: string, columns: number): string {
  return padToWidth(text, Math.max(columns, displayWidth(text) + 1));
}
