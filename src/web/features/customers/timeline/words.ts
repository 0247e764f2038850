import { renderTimelineText } from '@shared/texts/timeline';
import type { Translate } from '@shared/texts/translate';
import i18next, { currentLocale } from '@web/i18n';
import type { TimelineEntry } from '../types';

// The keys come from stored rows, so they cannot be checked against the table at compile time.
const translate: Translate = (key, params) => String(i18next.t(`texts.${key}` as never, params as never));

/**
 * The entry's summary in the user's language, from the key and parameters the server stored;
 * the stored summary where there are none (notes, entries from before) or the key is unknown.
 */
export function timelineSummary(entry: Pick<TimelineEntry, 'summary' | 'text'>): string {
  const rendered = entry.text ? renderTimelineText(entry.text, translate, currentLocale()) : undefined;
  return rendered ?? entry.summary;
}
