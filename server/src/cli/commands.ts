/**
 * The `tcpflow` subcommands. Each takes its arguments and an IO and returns an exit
 * code; only main.ts touches `process`. `synopsis` is the syntax (the same in every
 * language), `about` one line for the command list, `options` what `--help` adds.
 */
import type { Message } from '../i18n/catalogue.js';
import { helpMessages as h } from '../i18n/messages/help.js';
import { runCheck } from './check.js';
import { EXPLAIN_SYNOPSIS, runExplain } from './explain.js';
import { EXPORT_SYNOPSIS, runExport } from './export.js';
import { runHelp } from './help.js';
import { IMPORT_SYNOPSIS, runImport } from './import.js';
import { MD_SYNOPSIS, runMarkdown } from './markdown.js';
import { NEW_SYNOPSIS, runNew } from './new.js';
import type { CliIo } from './io.js';

export type Command = (args: readonly string[], io: CliIo) => number | Promise<number>;

export interface CommandSpec {
  readonly run: Command;
  readonly synopsis: string;
  readonly about: Message;
  readonly options?: Message;
}

export const COMMANDS: Record<string, CommandSpec> = {
  check: { run: runCheck, synopsis: 'check [--json] [--profile rfc9293|linux] FILE…', about: h.checkAbout, options: h.checkOptions },
  explain: { run: runExplain, synopsis: EXPLAIN_SYNOPSIS, about: h.explainAbout, options: h.explainOptions },
  new: { run: runNew, synopsis: NEW_SYNOPSIS, about: h.newAbout, options: h.newOptions },
  export: {
    run: (args, io) => runExport(args, io),
    synopsis: EXPORT_SYNOPSIS,
    about: h.exportAbout,
    options: h.exportOptions,
  },
  import: { run: runImport, synopsis: IMPORT_SYNOPSIS, about: h.importAbout, options: h.importOptions },
  md: { run: (args, io) => runMarkdown(args, io), synopsis: MD_SYNOPSIS, about: h.mdAbout, options: h.mdOptions },
  help: { run: (args, io) => runHelp(args, io, COMMANDS), synopsis: 'help [COMMAND | language]', about: h.helpAbout },
};
