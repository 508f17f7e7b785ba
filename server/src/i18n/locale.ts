/**
 * Which language the user reads. English is the default; Simplified Chinese is the
 * second language because most of the material our users learn TCP from is Chinese.
 */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/**
 * A locale from a BCP 47 tag (`zh-CN`, from VS Code or LSP `initialize`) or a POSIX
 * locale name (`zh_CN.UTF-8`, from LANG); undefined when the tag names neither language.
 */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase().replace('_', '-');
  if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh.')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en.') || lower === 'c' || lower.startsWith('c.') || lower === 'posix') return 'en';
  return undefined;
}

/** The locale a command-line run should speak, from the environment as POSIX orders it. */
export function localeFromEnvironment(env: NodeJS.ProcessEnv = process.env): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return localeFromTag(value) ?? 'en';
  }
  return 'en';
}
