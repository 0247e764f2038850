import type { Locale } from '../org/enums';
import type { RequestType } from '../requests/enums';
import { DEFAULT_LOCALE, translator, type TextRef, type Translate } from './translate';

/**
 * What a timeline summary says, stored as a key and parameters beside the German summary, so
 * that each reader sees the history in their own language. Names, numbers and subjects are
 * kept as they are; types are stored as values and put into words on reading.
 */
export interface TimelineTexts {
  'timeline.requestReceived': { number: string; type: RequestType; subject: string };
}

export type TimelineTextKey = keyof TimelineTexts;

export type TimelineText = {
  [K in TimelineTextKey]: { key: K; params: TimelineTexts[K] };
}[TimelineTextKey];

type Renderers = {
  [K in TimelineTextKey]: (p: TimelineTexts[K], t: Translate, locale: Locale) => string;
};

/**
 * "Rückruf – Müller will einen Termin", but just "Rückruf (Anruf)" where the subject already
 * begins with the type's name: a summary that says the same word twice reads as a fault.
 */
export function typeAndSubject(type: RequestType, subject: string, t: Translate, locale: Locale): string {
  const label = t(`requestType.${type}`);
  return subject.trim().toLocaleLowerCase(locale).startsWith(label.toLocaleLowerCase(locale))
    ? subject
    : `${label} – ${subject}`;
}

const RENDER: Renderers = {
  'timeline.requestReceived': (p, t, locale) =>
    t('timeline.requestReceived', { number: p.number, what: typeAndSubject(p.type, p.subject, t, locale) }),
};

/**
 * The summary of a stored text in the reader's language; undefined for a key this version does
 * not know (a newer server's), where the stored German summary is shown instead.
 */
export function renderTimelineText(text: TextRef, t: Translate, locale: Locale): string | undefined {
  const render = (RENDER as Record<string, (p: unknown, t: Translate, locale: Locale) => string>)[text.key];
  return render?.(text.params, t, locale);
}

const german = translator(DEFAULT_LOCALE);

/**
 * The text of an entry with its German summary, to spread into a timeline write: the summary
 * column stays filled for search, API clients and readers that do not know the key.
 */
export function timelineText<K extends TimelineTextKey>(
  key: K,
  params: TimelineTexts[K],
): { text: { key: K; params: TimelineTexts[K] }; summary: string } {
  const text = { key, params };
  return { text, summary: renderTimelineText(text, german, DEFAULT_LOCALE)! };
}
