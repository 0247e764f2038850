import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import { TEXTS } from '@shared/texts/translate';
import { LOCALES, type Locale } from '@shared/org/enums';
// Read as text and parsed at start: V8 parses a JSON string much faster than the same data as an object literal.
import deJson from './de.json?raw';

const de = JSON.parse(deJson) as ResourceKey;

/**
 * German is the default and every other language's fallback, so it comes with the first script: no
 * extra round trip before the first screen. Other languages are chunks of their own, fetched only when
 * chosen; i18next asks for a language before it switches to it.
 */
const translations: Record<Locale, () => Promise<{ default: ResourceKey }>> = {
  de: () => Promise.resolve({ default: de }),
  en: () => import('./en.json'),
};

const bundledTranslations: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLocale(language)) {
      callback(null, {});
      return;
    }
    translations[language]().then(
      // Shared with the server: the request types' names from their one home in src/shared, and under
      // `texts` what the server stores by key (notifications).
      (module) => {
        const own = module.default as { requests?: object };
        callback(null, {
          ...own,
          requests: { ...own.requests, type: REQUEST_TYPE_LABELS[language] },
          texts: TEXTS[language],
        });
      },
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

const STORAGE_KEY = 'autohaus-crm.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language the user picked on this device, if any. */
export function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Switches the UI language and remembers the choice on this device. */
export async function changeLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or full storage: the switch still works for this visit.
  }
  await i18next.changeLanguage(locale);
}

/**
 * Applies the language from the user's profile unless the user picked one on
 * this device; an explicit choice wins over the profile default.
 */
export function applyProfileLocale(locale: Locale) {
  if (!storedLocale() && i18next.language !== locale) void i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : 'de';
}

i18next.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

/** Settles once the first language has arrived: the app renders after it, so no raw key is ever shown. */
export const translationsReady = i18next
  .use(bundledTranslations)
  .use(initReactI18next)
  .init({
    lng: storedLocale() ?? 'de',
    fallbackLng: 'de',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
  });

export default i18next;
