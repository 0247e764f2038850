import type { Locale } from '../org/enums';
import { de } from './de';
import { en } from './en';

/** Values filled into a text; stored with it, so they are plain JSON. */
export type TextParams = Record<string, unknown>;

/** A text stored by its key and parameters, rendered when someone reads it, in their language. */
export interface TextRef {
  key: string;
  params: TextParams;
}

/** Looks a key up and fills in the parameters; the web passes i18next's `t`, the server `translator()`. */
export type Translate = (key: string, params?: TextParams) => string;

export const DEFAULT_LOCALE: Locale = 'de';

/** The texts both the server (notifications, mails) and the web render, per language. */
export const TEXTS: Record<Locale, typeof de> = { de, en };

const INTL_LOCALE: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

function lookup(table: unknown, key: string): string | undefined {
  let node = table;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * A small translator for the server with the conventions of i18next, so that one table reads the
 * same on both sides: `{{name}}` placeholders and, when `count` is given, `key_one` / `key_other`.
 * An unknown key comes back as the key, as i18next does.
 */
export function translator(locale: Locale): Translate {
  const plural = new Intl.PluralRules(INTL_LOCALE[locale]);
  return (key, params = {}) => {
    const count = params.count;
    const template =
      (typeof count === 'number' ? lookup(TEXTS[locale], `${key}_${plural.select(count)}`) : undefined) ??
      lookup(TEXTS[locale], key) ??
      lookup(TEXTS[DEFAULT_LOCALE], key) ??
      key;
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

/**
 * An instant as short date and time in Berlin, where every location is; the order of day and
 * month follows the reader's language ("03.03.26, 09:00" / "03/03/2026, 09:00").
 */
export function formatInstant(instant: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'Europe/Berlin',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(instant));
}
