import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import { TEXTS } from '@shared/texts/translate';
import { LOCALES, type Locale } from '../../shared/org/enums';
import de from './de.json';
import en from './en.json';

/**
 * The app's own words, the request types' names from their one home in src/shared, and under
 * `texts` what the server stores by key (notifications).
 */
export const resources = {
  de: { translation: { ...de, requests: { ...de.requests, type: REQUEST_TYPE_LABELS.de }, texts: TEXTS.de } },
  en: { translation: { ...en, requests: { ...en.requests, type: REQUEST_TYPE_LABELS.en }, texts: TEXTS.en } },
} as const;

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

void i18next.use(initReactI18next).init({
  resources,
  lng: storedLocale() ?? 'de',
  fallbackLng: 'de',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  // Resources are bundled, so initialise synchronously and render without Suspense.
  initAsync: false,
  react: { useSuspense: false },
  returnNull: false,
});

export default i18next;
