/**
 * The `tcpflow` subcommands. Each takes its arguments and an IO and returns an exit
 * code; only main.ts touches `process`.
 */
import { runCheck } from './check.js';
import { runExport } from './export.js';
import { runMarkdown } from './markdown.js';
import type { CliIo } from './io.js';

export type Command = (args: readonly string[], io: CliIo) => number | Promise<number>;

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: { run: runCheck, summary: 'check [--json] FILE…          diagnostics and states (exit 1 on errors)' },
  export: { run: (args, io) => runExport(args, io), summary: 'export FILE… --format svg|png|md|mmd [-o PATH | --out-dir DIR] [--scale N] [--theme light|dark] [--force] [--allow-errors]' },
  md: { run: (args, io) => runMarkdown(args, io), summary: 'md FILE.md… [--write]         check ```tcpflow blocks; --write draws them to SVG beside the file' },
};
