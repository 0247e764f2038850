import 'i18next';
import type { RequestType } from '@shared/requests/enums';
import type { de as texts } from '@shared/texts/de';
import type de from './de.json';

// Typed keys: a typo in a translation key fails the type check instead of showing the raw key.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: {
      translation: typeof de & { requests: { type: Record<RequestType, string> }; texts: typeof texts };
    };
  }
}
