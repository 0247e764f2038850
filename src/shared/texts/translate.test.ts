import { describe, expect, it } from 'vitest';
import { formatInstant, translator } from './translate';

describe('the shared translator', () => {
  it('fills placeholders and picks the plural form by count, like i18next', () => {
    const en = translator('en');
    expect(en('notification.requestAssigned.title', { number: 'A-1', subject: 'Golf' })).toBe('New request A-1: Golf');
    expect(en('notification.onBehalfSummary.title', { count: 1 })).toBe(
      'Welcome back: 1 request was handled for you while you were away',
    );
    expect(en('notification.onBehalfSummary.title', { count: 3 })).toMatch(/^Welcome back: 3 requests were/);
  });

  it('answers with the key for a text it does not know', () => {
    expect(translator('de')('notification.unknown')).toBe('notification.unknown');
  });

  it('writes instants in Berlin time, day and month in the reader’s order', () => {
    expect(formatInstant('2026-03-03T08:00:00Z', 'de')).toBe('03.03.26, 09:00');
    expect(formatInstant('2026-03-03T08:00:00Z', 'en')).toBe('03/03/2026, 09:00');
  });
});
