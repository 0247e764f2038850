import { describe, expect, it } from 'vitest';
import { berlinDate, parseLeadDate } from './normalise/dates.js';
import { countryOf } from './normalise/enums.js';
import { splitFullName } from './normalise/names.js';
import { parseAmount, vinsInText } from './normalise/values.js';

const iso = (raw: string) => parseLeadDate(raw)?.date.toISOString() ?? null;

describe('lead dates', () => {
  it.each([
    ['2026-03-02T10:15:00+01:00', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T10:15:00Z', '2026-03-02T10:15:00.000Z'],
    ['2026-03-02T10:15:00+0100', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T10:15:00', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02 10:15', '2026-03-02T09:15:00.000Z'],
    ['2026-07-02 10:15', '2026-07-02T08:15:00.000Z'],
    ['02.03.2026 10:15', '2026-03-02T09:15:00.000Z'],
    ['2.3.2026', '2026-03-01T23:00:00.000Z'],
    ['02.03.2026, 10:15 Uhr', '2026-03-02T09:15:00.000Z'],
    ['20260302T101500+0100', '2026-03-02T09:15:00.000Z'],
    ['1772442900', '2026-03-02T09:15:00.000Z'],
    ['1772442900000', '2026-03-02T09:15:00.000Z'],
  ])('reads %s', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it('reads wall-clock times across the spring-forward change in Berlin', () => {
    expect(iso('2026-03-29 01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(iso('2026-03-29 03:30')).toBe('2026-03-29T01:30:00.000Z');
  });

  it.each(['31.02.2026', '2026-13-01', '2026-02-30 10:00', '24:00 02.03.2026', 'gestern', '2026-03-02 25:00', '12345'])(
    'refuses %s',
    (raw) => {
      expect(parseLeadDate(raw)).toBeNull();
    },
  );

  it('gives the calendar day in Berlin', () => {
    expect(berlinDate(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
  });
});

describe('names', () => {
  it.each([
    ['Hans Müller', 'Hans', 'Müller'],
    ['Müller, Hans', 'Hans', 'Müller'],
    ['Hans Peter Müller', 'Hans Peter', 'Müller'],
    ['Anna von Bergen', 'Anna', 'von Bergen'],
    ['Herr Dr. Klaus Wagner', 'Klaus', 'Wagner'],
    ['Frau Prof. Dr. Eva Schneider-Lang', 'Eva', 'Schneider-Lang'],
    ['Müller', null, 'Müller'],
  ])('splits %s', (full, firstName, lastName) => {
    expect(splitFullName(full)).toEqual({ firstName, lastName });
  });
});

describe('amounts, VINs, countries', () => {
  it.each([
    ['21.490,00', 21490],
    ['21,490.00', 21490],
    ['21.490', 21490],
    ['EUR 24990', 24990],
    ['24.990 €', 24990],
    ['399,50', 399.5],
    ['1.234.567', 1234567],
    ['45 300 km', 45300],
    ['auf Anfrage', null],
  ])('reads the amount %s', (raw, value) => {
    expect(parseAmount(raw)).toBe(value);
  });

  it('finds VINs in free text but not long words or numbers', () => {
    expect(vinsInText('FIN: WVWZZZ1KZAW123456; Tel. 01712345678901234')).toEqual(['WVWZZZ1KZAW123456']);
    expect(vinsInText('Leasingsonderzahlungsbereitschaft')).toEqual([]);
  });

  it.each([
    ['Deutschland', 'DE'],
    ['D', 'DE'],
    ['de', 'DE'],
    ['Österreich', 'AT'],
    ['Schweiz', 'CH'],
    ['Atlantis', 'Atlantis'],
  ])('maps country %s to %s', (raw, code) => {
    expect(countryOf(raw)).toBe(code);
  });
});
