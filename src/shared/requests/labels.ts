import { de } from '../texts/de';
import { en } from '../texts/en';
import type { Locale } from '../org/enums';
import type { RequestStatus, RequestType } from './enums';

/**
 * The names of request types per language, in one place: the server's subjects, notifications
 * and mails and the web app's lists and forms say the same word.
 */
export const REQUEST_TYPE_LABELS: Record<Locale, Record<RequestType, string>> = {
  de: de.requestType,
  en: en.requestType,
};

/** Statuses as they read inside a sentence ("ist erledigt"), per language. */
export const REQUEST_STATUS_WORDS: Record<Locale, Record<RequestStatus, string>> = {
  de: de.requestStatus,
  en: en.requestStatus,
};
