/**
 * The page's own words in the reader's language: every element with `data-text` (its
 * text) or `data-title` (its tooltip) names a playground catalogue entry. The locale is
 * `?lang=` when given, else the browser's.
 */
import { say, setLocale } from '../../server/src/i18n/catalogue.js';
import { localeFromTag, type Locale } from '../../server/src/i18n/locale.js';
import { playgroundMessages } from '../../server/src/i18n/messages/playground.js';

type Key = keyof typeof playgroundMessages;

function isKey(key: string | undefined): key is Key {
  return key !== undefined && Object.hasOwn(playgroundMessages, key) && typeof playgroundMessages[key as Key].en === 'string';
}

export function chooseLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang') ?? undefined;
  const locale = localeFromTag(asked) ?? localeFromTag(navigator.language) ?? 'en';
  setLocale(locale);
  document.documentElement.lang = locale;
  return locale;
}

export function translatePage(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-text]'))) {
    const key = el.dataset.text;
    if (isKey(key)) el.textContent = say(playgroundMessages[key] as { en: string; 'zh-CN': string });
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-title]'))) {
    const key = el.dataset.title;
    if (isKey(key)) {
      const text = say(playgroundMessages[key] as { en: string; 'zh-CN': string });
      el.title = text;
      el.setAttribute('aria-label', text);
    }
  }
}
