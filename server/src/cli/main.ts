/**
 * The `tcpflow` command line (contract §5).
 */
import { setLocale } from '../i18n/catalogue.js';
import { localeFromEnvironment } from '../i18n/locale.js';
import { COMMANDS } from './commands.js';
import { CliError, EXIT, type CliIo } from './io.js';

const VERSION = '0.1.0';

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  tcpflow ${c.summary}`);
  return ['usage:', ...lines, '  tcpflow --version', ''].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
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
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`tcpflow: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`tcpflow: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
}

// Run only as the `tcpflow` binary, not when imported by tests.
if (typeof require !== 'undefined' && require.main === module) {
  setLocale(localeFromEnvironment());
  const io: CliIo = {
    cwd: process.cwd(),
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
