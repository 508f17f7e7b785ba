/**
 * `--lang zh-CN` / `--lang=en`: the language of one run, whatever LANG says. Taken out
 * of the arguments before any command reads them, so every command accepts it.
 */
import { say } from '../i18n/catalogue.js';
import { localeFromTag, type Locale } from '../i18n/locale.js';
import { cliMessages } from '../i18n/messages/cli.js';

export interface LangOption {
  /** The arguments without `--lang` and its value. */
  readonly args: string[];
  readonly locale?: Locale;
  /** A usage error (a missing or unknown language), to print after the locale is set. */
  readonly problem?: () => string;
}

export function takeLangOption(argv: readonly string[]): LangOption {
  const args: string[] = [];
  let locale: Locale | undefined;
  let problem: (() => string) | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { args.push(...argv.slice(i)); break; }
    if (arg !== '--lang' && !arg.startsWith('--lang=')) { args.push(arg); continue; }
    const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
    const found = localeFromTag(value);
    if (found) locale = found;
    else problem ??= () => say(cliMessages.unknownLang, { value: value ?? '' });
  }
  return { args, locale, problem };
}
