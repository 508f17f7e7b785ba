/**
 * `--profile rfc9293|linux` (also `--profile=linux`), shared by check, explain, export
 * and md: which TCP to check a file against where the file has no `profile` line
 * (engine/profile.ts). Taken out of the arguments before each command reads the rest.
 */
import { say } from '../i18n/catalogue.js';
import { rfcMessages } from '../i18n/messages/rfc.js';
import { isProfileName, PROFILE_NAMES, type ProfileChoice } from '../engine/profile.js';
import { CliError } from './io.js';

export interface ProfileArgs {
  /** The arguments without `--profile` and its value. */
  readonly rest: string[];
  readonly profile?: ProfileChoice;
}

export function takeProfileOption(args: readonly string[], command: string, usage: string): ProfileArgs {
  const rest: string[] = [];
  let profile: ProfileChoice | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg !== '--profile' && !arg.startsWith('--profile=')) {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
    if (value === undefined || !isProfileName(value)) {
      throw new CliError(`${say(rfcMessages.profileOptionTakes, { command, names: PROFILE_NAMES.join(say(rfcMessages.profileNamesOr)) })}\n${usage}`);
    }
    profile = { name: value };
  }
  return { rest, ...(profile ? { profile } : {}) };
}
