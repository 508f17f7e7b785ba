/**
 * The `tcpflow` command line (contract §5).
 */
import { say, setLocale } from '../i18n/catalogue.js';
import { localeFromEnvironment } from '../i18n/locale.js';
import { cliMessages } from '../i18n/messages/cli.js';
import { COMMANDS } from './commands.js';
import { CliError, EXIT, OutputClosed, type CliIo } from './io.js';
import { processIo } from './process-io.js';

const VERSION = '0.1.0';

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  tcpflow ${c.summary}`);
  return ['usage:', ...lines, '  tcpflow --version', ''].join('\n');
}

/** One line for a failure nobody foresaw: never a stack trace. */
export function internalErrorLine(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `tcpflow: ${say(cliMessages.internalError, { detail: detail.split('\n')[0] })}\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? io.err : io.out)(usage());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version') {
      io.out(`tcpflow ${VERSION}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS[name];
    if (!command) {
      io.err(`tcpflow: unknown command '${name}'\n${usage()}`);
      return EXIT.usage;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof OutputClosed) return EXIT.outputClosed;
    if (error instanceof CliError) {
      io.err(`tcpflow: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(internalErrorLine(error));
    return EXIT.usage;
  }
}

// Run only as the `tcpflow` binary, not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  setLocale(localeFromEnvironment());
  const io = processIo((error) => internalErrorLine(error));
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = io.closed() ? EXIT.outputClosed : code;
  });
}
