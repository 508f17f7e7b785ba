/**
 * What the command line says about itself: the usage (every command with one line),
 * a command's help (`help COMMAND`, `COMMAND --help`), and `help language`, the
 * language reference docs/language.md, bundled into the CLI so it is there offline.
 */
import { say } from '../i18n/catalogue.js';
import { helpMessages as h } from '../i18n/messages/help.js';
import { usageMessages as u } from '../i18n/messages/usage.js';
import languageReference from '../../../docs/language.md' with { type: 'text' };
import type { CommandSpec } from './commands.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME, VERSION } from './program.js';

export function usageText(commands: Readonly<Record<string, CommandSpec>>): string {
  const lines = [say(h.usageHeading)];
  for (const spec of Object.values(commands)) lines.push(`  ${PROGRAM_NAME} ${spec.synopsis}`);
  lines.push(`  ${PROGRAM_NAME} --version`, '', say(h.commandsHeading));
  const width = Math.max(...Object.keys(commands).map((n) => n.length), '--version'.length);
  for (const [name, spec] of Object.entries(commands)) lines.push(`  ${name.padEnd(width)}  ${say(spec.about)}`);
  lines.push(`  ${'--version'.padEnd(width)}  ${say(h.versionAbout)}`, '', say(u.everyCommandHeading), say(u.langOption), '', say(h.moreHelp, { program: PROGRAM_NAME }), say(h.exitCodes), '');
  return lines.join('\n');
}

export function commandHelpText(spec: CommandSpec): string {
  const lines = [say(h.usageLine, { line: `${PROGRAM_NAME} ${spec.synopsis}` }), '', say(spec.about)];
  if (spec.options) lines.push('', say(h.optionsHeading), say(spec.options));
  lines.push('', say(u.everyCommandHeading), say(u.langOption));
  lines.push('', say(h.exitCodes), '');
  return lines.join('\n');
}

export function versionText(): string {
  return `${PROGRAM_NAME} ${VERSION}\n`;
}

/** `help`, `help COMMAND`, `help language`. */
export function runHelp(args: readonly string[], io: CliIo, commands: Readonly<Record<string, CommandSpec>>): number {
  const topic = args.find((a) => a !== '--help' && a !== '-h');
  if (topic === undefined) io.out(usageText(commands));
  else if (topic === 'language') io.out(languageReference);
  else if (Object.hasOwn(commands, topic)) io.out(commandHelpText(commands[topic]));
  else throw new CliError(say(h.unknownTopic, { program: PROGRAM_NAME, name: topic }));
  return EXIT.ok;
}
