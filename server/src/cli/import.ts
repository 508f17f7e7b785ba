/**
 * `synack import FILE`: a packet capture (pcap, pcapng) or a packetdrill script as a
 * scenario, printed or written atomically to `-o FILE` (never over a file without
 * --force), then checked as `check` checks (against `--profile`, RFC 9293 by default):
 * its diagnostics follow, and the exit code is 1 when the capture shows something the
 * profile does not allow. One connection makes one scenario; several to one server
 * endpoint make one listener scenario. `--list` lists a capture's connections instead.
 */
import { resolve } from 'node:path';
import { existsNow, writeFileAtomic, WriteError } from '../export/atomic-write.js';
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';
import { helpMessages } from '../i18n/messages/help.js';
import { importMessages as m } from '../i18n/messages/import.js';
import { analyzeText } from '../language/analyze.js';
import { closeSeen, durationOf, endpointText, handshakeSeen, summarizeCapture, type CaptureSummary, type Connection } from '../import/connections.js';
import { parseFilter } from '../import/filter.js';
import { CaptureError } from '../import/frame.js';
import { captureConnectionScenario, captureListenerScenario, DEFAULT_CAPTURE_NAMES, isPacketdrillScript, packetdrillScenario } from '../import/import-file.js';
import { defaultListenerNames, shareOneServer } from '../import/listener-scenario.js';
import { readSource } from './read-source.js';
import { analyzeOrReport, formatDiagnostic } from './check.js';
import { ChunkedOutput, CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { takeProfileOption } from './profile-option.js';
import type { ProfileChoice } from '../engine/profile.js';

export const IMPORT_SYNOPSIS = 'import FILE [--list] [--conn N] [--filter EXPR] [--names A,B|C1,…,S] [--relative] [--times] [--profile rfc9293|linux] [-o FILE] [--force]';

interface ImportArgs {
  file: string;
  list: boolean;
  conn?: number;
  filter?: string;
  /** As given; each importer has its own default. Two, or for a listener one per client and the server's. */
  names?: string[];
  relative: boolean;
  times: boolean;
  output?: string;
  force: boolean;
  /** What the imported scenario is checked against, as `check --profile` takes it. */
  profile?: ProfileChoice;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function parseArgs(allArgs: readonly string[]): ImportArgs {
  const usage = say(helpMessages.usageLine, { line: `${PROGRAM_NAME} ${IMPORT_SYNOPSIS}` });
  const { rest: args, profile } = takeProfileOption(allArgs, 'import', usage);
  const fail = (problem: string): never => {
    throw new CliError(`${say(m.usageError, { problem })}\n${usage}`);
  };
  const files: string[] = [];
  const parsed: Omit<ImportArgs, 'file'> = { list: false, relative: false, times: false, force: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [option, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => inline ?? args[++i] ?? fail(say(m.needsValue, { option }));
    if (option === '--list') parsed.list = true;
    else if (option === '--relative') parsed.relative = true;
    else if (option === '--times') parsed.times = true;
    else if (option === '--force') parsed.force = true;
    else if (option === '-o' || option === '--output') parsed.output = value();
    else if (option === '--filter') parsed.filter = value();
    else if (option === '--conn') {
      const text = value();
      if (!/^\d+$/.test(text) || Number(text) < 1) fail(say(m.badConn, { value: text }));
      parsed.conn = Number(text);
    } else if (option === '--names') {
      const names = value().split(',').map((n) => n.trim());
      if (names.length < 2 || !names.every((n) => NAME.test(n)) || new Set(names).size !== names.length) fail(say(m.badNames, { value: names.join(',') }));
      parsed.names = names;
    } else if (arg.startsWith('-') && arg !== '-') fail(say(m.unknownOption, { option: arg }));
    else files.push(arg);
  }
  if (files.length !== 1) fail(say(files.length === 0 ? m.noFile : m.oneFile));
  return { ...parsed, file: files[0], ...(profile ? { profile } : {}) };
}

export function runImport(args: readonly string[], io: CliIo): number {
  const options = parseArgs(args);
  const path = resolve(io.cwd, options.file);
  if (isPacketdrillScript(path, options.file)) {
    const captureOnly = options.list ? '--list' : options.conn !== undefined ? '--conn' : options.filter !== undefined ? '--filter' : undefined;
    if (captureOnly) throw new CliError(say(m.captureOnlyOption, { option: captureOnly }));
    const source = readSource(options.file, io.cwd);
    return writeAndCheck(packetdrillScenario(source.text, options.file, pairOfNames(options.names)).text, options, io);
  }
  try {
    const summary = summarizeCapture(path, options.file);
    if (options.list) {
      io.out(listText(summary, options.filter));
      return EXIT.ok;
    }
    const chosen = chooseConnections(summary, options);
    const common = { file: options.file, relative: options.relative, times: options.times };
    const text = chosen.length === 1
      ? captureConnectionScenario(path, chosen[0], { ...common, names: pairOfNames(options.names) ?? DEFAULT_CAPTURE_NAMES })
      : captureListenerScenario(path, chosen, { ...common, names: listenerNames(options.names, chosen.length) });
    return writeAndCheck(text, options, io);
  } catch (error) {
    if (error instanceof CaptureError) throw new CliError(error.message);
    throw error;
  }
}

/** `--names` for one connection or a script: exactly two. */
function pairOfNames(names: string[] | undefined): [string, string] | undefined {
  if (names === undefined) return undefined;
  if (names.length !== 2) throw new CliError(say(m.usageError, { problem: say(m.badNames, { value: names.join(',') }) }));
  return [names[0], names[1]];
}

/** `--names` for a listener: one per client, then the server's; c1, c2, …, server by default. */
function listenerNames(names: string[] | undefined, clients: number): string[] {
  if (names === undefined) return defaultListenerNames(clients);
  if (names.length !== clients + 1) throw new CliError(say(m.usageError, { problem: say(m.listenerNames, { count: clients + 1, clients, value: names.join(',') }) }));
  return names;
}

/**
 * The connection `--conn` picks, or those `--filter` (or the whole capture) holds: one,
 * or several that all go to one server endpoint, which become one listener scenario.
 */
function chooseConnections(summary: CaptureSummary, options: ImportArgs): readonly Connection[] {
  const { file } = options;
  const candidates = filtered(summary, options.filter);
  if (summary.connections.length === 0) throw new CliError(say(m.noConnections, { file, frames: summary.frames }));
  if (options.conn !== undefined) {
    const chosen = candidates.find((c) => c.number === options.conn);
    if (!chosen) throw new CliError(say(m.noSuchConn, { file, number: options.conn, count: summary.connections.length, program: PROGRAM_NAME }));
    return [chosen];
  }
  if (candidates.length === 1 || shareOneServer(candidates)) return candidates;
  if (candidates.length === 0) throw new CliError(say(m.filterMatchesNone, { file, filter: options.filter ?? '' }));
  throw new CliError(say(m.severalConnections, { file, count: candidates.length, program: PROGRAM_NAME }));
}

function filtered(summary: CaptureSummary, filter: string | undefined): readonly Connection[] {
  if (filter === undefined) return summary.connections;
  const test = parseFilter(filter);
  if ('problem' in test) throw new CliError(say(m.badFilter, { filter, problem: test.problem }));
  return summary.connections.filter(test);
}

function listText(summary: CaptureSummary, filter: string | undefined): string {
  const rows = filtered(summary, filter).map((c) => [
    String(c.number),
    endpointText(c.client),
    endpointText(c.server),
    String(c.packets),
    timeText(c),
    durationOf(c).toFixed(6),
    say(handshakeSeen(c) ? m.yes : m.no),
    closeText(c),
  ]);
  const head = [say(m.columnNumber), say(m.columnClient), say(m.columnServer), say(m.columnPackets), say(m.columnFirst), say(m.columnSeconds), say(m.columnHandshake), say(m.columnClose)];
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell + ' '.repeat(widths[i] - displayWidth(cell)))).join('  ').trimEnd();
  const out = [line(head), ...rows.map(line)];
  out.push(say(m.listFooter, { frames: summary.frames, connections: summary.connections.length, other: summary.skipped.notTcp + summary.skipped.undecodable + [...summary.skipped.unsupportedLink.values()].reduce((a, b) => a + b, 0) }));
  return `${out.join('\n')}\n`;
}

/** Chinese column headings take two columns each on a terminal. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

function timeText(c: Connection): string {
  if (c.firstTime.seconds === 0 && c.firstTime.nanos === 0) return '-';
  const iso = new Date(c.firstTime.seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
  return `${iso}.${String(c.firstTime.nanos).padStart(9, '0').slice(0, 6)}`;
}

function closeText(c: Connection): string {
  if (c.sawReset) return 'RST';
  if (c.finFromClient && c.finFromServer) return 'FIN+FIN';
  if (c.finFromClient || c.finFromServer) return say(m.closeOneFin, { side: c.finFromClient ? endpointText(c.client) : endpointText(c.server) });
  return say(closeSeen(c) ? m.yes : m.no);
}

/** Prints or writes the scenario, then its diagnostics; the exit code is check's. */
function writeAndCheck(text: string, options: ImportArgs, io: CliIo): number {
  const { output } = options;
  if (output === undefined) io.out(text);
  else {
    const target = resolve(io.cwd, output);
    if (!options.force && existsNow(target)) throw new CliError(say(exportMessages.alreadyExists, { display: output }));
    try {
      writeFileAtomic(target, text, output, { publish: { kind: options.force ? 'replace' : 'create' } });
    } catch (error) {
      if (error instanceof WriteError) throw new CliError(error.message);
      throw error;
    }
  }
  const shownAs = output ?? say(m.standardOutput);
  const result = analyzeOrReport(shownAs, io, () => analyzeText(text, { profile: options.profile }));
  if (!result) return EXIT.usage;
  // Printed to standard output, the scenario stays clean text: its diagnostics go to standard error.
  const report = output === undefined ? io.err : io.out;
  const sink = new ChunkedOutput((chunk) => report(chunk));
  for (const d of result.analysis.diagnostics) sink.add(`${formatDiagnostic(shownAs, d)}\n`);
  sink.flush();
  const errors = result.analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (output !== undefined) io.err(`${say(m.written, { file: output, errors, program: PROGRAM_NAME })}\n`);
  return errors > 0 ? EXIT.errors : EXIT.ok;
}
