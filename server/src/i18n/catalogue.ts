/**
 * The one message catalogue: every text a user reads is an entry here, written in every
 * locale side by side, so a missing translation is a type error and a reviewer sees both
 * wordings together. Entries live in one table per area (`messages/*.ts`); `say` picks
 * the active locale's wording.
 */
import type { Locale } from './locale.js';

/** A wording: fixed text, or a function of the message's parameters. */
export type Wording<P> = [P] extends [void] ? string : (params: P) => string;

/** One message in every locale. */
export type Message<P = void> = { readonly [L in Locale]: Wording<P> };

/** Any message, whatever its parameters (what a table holds). */
export type AnyMessage = { readonly [L in Locale]: string | ((params: never) => string) };

/** A table of messages; the identity function, there so tables are checked as tables. */
export function messages<T extends Record<string, AnyMessage>>(table: T): T {
  return table;
}

let active: Locale = 'en';

/** Sets the locale for everything said from now on in this process. */
export function setLocale(locale: Locale): void {
  active = locale;
}

/** The locale everything is said in now (the language server re-checks documents when it changes). */
export function activeLocale(): Locale {
  return active;
}

/** The message in the active locale. */
export function say(message: Message<void>): string;
export function say<P>(message: Message<P>, params: P): string;
export function say<P>(message: Message<P>, params?: P): string {
  return sayIn(active, message, params as P);
}

/** The message in a given locale, whatever the active one is (tests, the catalogue check). */
export function sayIn<P>(locale: Locale, message: Message<P>, params: P): string {
  const wording = message[locale];
  return typeof wording === 'function' ? (wording as (p: P) => string)(params) : wording as string;
}

/**
 * A record whose values are read in the active locale each time, for tables that were
 * plain `Record<K, string>` constants before the catalogue: their readers stay as they were.
 */
export function localized<K extends string>(table: Readonly<Record<K, Message<void>>>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(table) as K[]) Object.defineProperty(out, key, { enumerable: true, get: () => say(table[key]) });
  return out;
}
