/**
 * The `tcpflow` command line (contract §5). Every command answers `--help`/`-h` here,
 * before its own options are read, so no command can forget it.
 */
import { say, setLocale } from '../i18n/catalogue.js';
import { localeFromEnvironment } from '../i18n/locale.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { helpMessages } from '../i18n/messages/help.js';
import { COMMANDS } from './commands.js';
import { commandHelpText, usageText, versionText } from './help.js';
import { CliError, EXIT, OutputClosed, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { processIo } from './process-io.js';
import { takeLangOption } from './lang-option.js';

export function usage(): string {
  return usageText(COMMANDS);
}

/** One line for a failure nobody foresaw: never a stack trace. */
export function internalErrorLine(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${PROGRAM_NAME}: ${say(cliMessages.internalError, { detail: detail.split('\n')[0] })}\n`;
}

const HELP_FLAGS = ['--help', '-h'];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || HELP_FLAGS.includes(name)) {
      (name === undefined ? io.err : io.out)(usage());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version' || name === '-V') {
      io.out(versionText());
      return EXIT.ok;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      io.err(`${PROGRAM_NAME}: ${say(helpMessages.unknownCommand, { program: PROGRAM_NAME, name })}\n`);
      return EXIT.usage;
    }
    if (name !== 'help' && args.some((a) => HELP_FLAGS.includes(a))) {
      io.out(commandHelpText(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof OutputClosed) return EXIT.outputClosed;
    if (error instanceof CliError) {
      io.err(`${PROGRAM_NAME}: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(internalErrorLine(error));
    return EXIT.usage;
  }
}

// Run only as the command, not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  const lang = takeLangOption(process.argv.slice(2));
  setLocale(lang.locale ?? localeFromEnvironment());
  if (lang.problem) {
    process.stderr.write(`${PROGRAM_NAME}: ${lang.problem()}\n`);
    process.exitCode = EXIT.usage;
  } else {
    const io = processIo((error) => internalErrorLine(error));
    void runCli(lang.args, io).then((code) => {
      process.exitCode = io.closed() ? EXIT.outputClosed : code;
    });
  }
}
