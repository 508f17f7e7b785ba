/**
 * `synack new [TEMPLATE] [-o FILE] [--force]` and `synack new --list`: a correct,
 * commented scenario to start from. Printed to standard output, or written atomically to
 * FILE, which must not exist unless --force says to replace it.
 */
import { resolve } from 'node:path';
import { existsNow, writeFileAtomic, WriteError } from '../export/atomic-write.js';
import { say } from '../i18n/catalogue.js';
import { exportMessages } from '../i18n/messages/export.js';
import { helpMessages as h } from '../i18n/messages/help.js';
import { usageMessages } from '../i18n/messages/usage.js';
import { CliError, EXIT, type CliIo } from './io.js';
import { PROGRAM_NAME } from './program.js';
import { DEFAULT_TEMPLATE, TEMPLATES } from './templates.js';

export const NEW_SYNOPSIS = 'new [TEMPLATE] [-o FILE] [--force] | new --list';

export function runNew(args: readonly string[], io: CliIo): number {
  const usage = say(h.usageLine, { line: `${PROGRAM_NAME} ${NEW_SYNOPSIS}` });
  let list = false;
  let force = false;
  let output: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--list') list = true;
    else if (arg === '--force') force = true;
    else if (arg === '-o' || arg === '--output') {
      output = args[++i];
      if (output === undefined) throw new CliError(`${say(usageMessages.needsFileName, { option: arg })}\n${usage}`);
    } else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg.startsWith('-')) throw new CliError(`${say(usageMessages.unknownOption, { command: 'new', option: arg })}\n${usage}`);
    else names.push(arg);
  }
  if (names.length > 1) throw new CliError(`${say(usageMessages.oneTemplate, { names: names.join(', ') })}\n${usage}`);

  if (list) {
    const width = Math.max(...TEMPLATES.map((t) => t.name.length));
    io.out(TEMPLATES.map((t) => `${t.name.padEnd(width)}  ${say(t.about)}\n`).join(''));
    return EXIT.ok;
  }
  const name = names[0] ?? DEFAULT_TEMPLATE;
  const template = TEMPLATES.find((t) => t.name === name);
  if (!template) throw new CliError(say(h.unknownTemplate, { program: PROGRAM_NAME, name }));
  if (output === undefined) {
    io.out(template.text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, output);
  // Said plainly here; the writer's own `create` check still catches a file that appears meanwhile.
  if (!force && existsNow(target)) throw new CliError(say(exportMessages.alreadyExists, { display: output }));
  try {
    writeFileAtomic(target, template.text, output, { publish: { kind: force ? 'replace' : 'create' } });
  } catch (error) {
    if (error instanceof WriteError) throw new CliError(error.message);
    throw error;
  }
  io.err(`${say(h.written, { file: output, template: template.name, program: PROGRAM_NAME })}\n`);
  return EXIT.ok;
}

