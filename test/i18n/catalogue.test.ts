import { describe, expect, it } from 'vitest';
import { say, sayIn, setLocale } from '../../server/src/i18n/catalogue.js';
import { localeFromEnvironment, localeFromTag, LOCALES } from '../../server/src/i18n/locale.js';
import { CATALOGUE } from '../../server/src/i18n/messages/index.js';
import { cliMessages } from '../../server/src/i18n/messages/cli.js';

/** Parameters for any message: every property read gives a recognisable string. */
const anyParams = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? `«${key}»` : undefined) });

const entries = Object.entries(CATALOGUE).flatMap(([area, table]) =>
  Object.entries(table).map(([id, message]) => ({ key: `${area}.${id}`, message })));

describe('the message catalogue', () => {
  it('has entries', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries)('$key is written in every locale, as a translation', ({ message }) => {
    const texts = LOCALES.map((locale) => {
      const wording = message[locale];
      return typeof wording === 'function' ? (wording as (p: unknown) => string)(anyParams) : wording;
    });
    for (const text of texts) expect(text.trim()).not.toBe('');
    // Both locales take the same parameters, so the same placeholders appear in each.
    const placeholders = texts.map((t) => [...t.matchAll(/«\w+»/g)].map((m) => m[0]).sort().join());
    expect(new Set(placeholders).size).toBe(1);
    expect(texts[1]).not.toBe(texts[0]);
  });

  it('speaks the active locale', () => {
    try {
      setLocale('zh-CN');
      expect(say(cliMessages.isDirectory, { file: 'a' })).toContain('目录');
      setLocale('en');
      expect(say(cliMessages.isDirectory, { file: 'a' })).toContain('directory');
      expect(sayIn('zh-CN', cliMessages.isDirectory, { file: 'a' })).toContain('目录');
    } finally {
      setLocale('en');
    }
  });
});

describe('locales from the environment', () => {
  it.each([
    ['zh-CN', 'zh-CN'], ['zh_CN.UTF-8', 'zh-CN'], ['zh', 'zh-CN'], ['en-US', 'en'], ['C.UTF-8', 'en'], ['fr_FR.UTF-8', undefined], ['', undefined],
  ])('%s → %s', (tag, locale) => {
    expect(localeFromTag(tag)).toBe(locale);
  });

  it('follows LC_ALL, then LC_MESSAGES, then LANG, and defaults to English', () => {
    expect(localeFromEnvironment({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(localeFromEnvironment({})).toBe('en');
  });
});
