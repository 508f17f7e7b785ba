/**
 * The `tcpflow` subcommands. Each takes its arguments and an IO and returns an exit
 * code; only main.ts touches `process`.
 */
import { runCheck } from './check.js';
import type { CliIo } from './io.js';

export type Command = (args: readonly string[], io: CliIo) => number | Promise<number>;

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: { run: runCheck, summary: 'check [--json] FILE…          diagnostics and states (exit 1 on errors)' },
};
