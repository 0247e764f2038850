import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '@shared/org/schemas';
import { addDays, fromLocal } from './zoned-time';
import {
  addWorkingDays,
  isOpen,
  isPublicHoliday,
  nextOpening,
  type WorkingCalendar,
  workingHoursBetween,
} from './working-time';

const weekday = [{ from: '08:00', to: '18:00' }];
const hours: OpeningHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: [{ from: '08:00', to: '16:00' }],
  sat: [{ from: '09:00', to: '13:00' }],
  sun: [],
};
const munich: WorkingCalendar = { openingHours: hours, federalState: 'BY' };
const cologne: WorkingCalendar = { openingHours: hours, federalState: 'NW' };
const noSaturday: WorkingCalendar = { openingHours: { ...hours, sat: [] }, federalState: 'BY' };

/** Berlin wall-clock time → instant, for readable tests (summer time April–October; the DST weeks are tested in UTC). */
const berlin = (local: string) =>
  new Date(
    `${local}${local.startsWith('2026-0') && Number(local.slice(5, 7)) >= 4 && Number(local.slice(5, 7)) <= 10 ? '+02:00' : '+01:00'}`,
  );

describe('working days', () => {
  it('is due the same time on the next working day', () => {
    expect(addWorkingDays(munich, berlin('2026-03-02T10:15:00'), 1)).toEqual(berlin('2026-03-03T10:15:00'));
  });

  it('counts from the next opening when received after closing', () => {
    // Monday 20:00 → clock starts Tuesday 08:00 → due Wednesday 08:00.
    expect(addWorkingDays(munich, berlin('2026-03-02T20:00:00'), 1)).toEqual(berlin('2026-03-04T08:00:00'));
  });

  it('is due at closing time when the next working day closes earlier', () => {
    // Thursday 17:30 → Friday closes at 16:00.
    expect(addWorkingDays(munich, berlin('2026-03-05T17:30:00'), 1)).toEqual(berlin('2026-03-06T16:00:00'));
  });

  it('skips the weekend for a location closed on Saturday', () => {
    expect(addWorkingDays(noSaturday, berlin('2026-03-06T11:00:00'), 1)).toEqual(berlin('2026-03-09T11:00:00'));
    // A Sunday request counts from Monday's opening and is due Tuesday 08:00.
    expect(addWorkingDays(noSaturday, berlin('2026-03-08T15:00:00'), 1)).toEqual(berlin('2026-03-10T08:00:00'));
  });

  it('skips public holidays of the location’s federal state only', () => {
    // 6 January (Epiphany) is a holiday in Bavaria, not in North Rhine-Westphalia.
    expect(isPublicHoliday('BY', { year: 2026, month: 1, day: 6, weekday: 1 })).toBe(true);
    expect(isPublicHoliday('NW', { year: 2026, month: 1, day: 6, weekday: 1 })).toBe(false);
    expect(addWorkingDays(munich, berlin('2026-01-05T10:00:00'), 1)).toEqual(berlin('2026-01-07T10:00:00'));
    expect(addWorkingDays(cologne, berlin('2026-01-05T10:00:00'), 1)).toEqual(berlin('2026-01-06T10:00:00'));
  });

  it('names the public holidays the holiday calendar names when asked day by day', () => {
    for (const state of ['BY', 'SN', 'BE'] as const) {
      const calendar = new Holidays('DE', state);
      let day = { year: 2027, month: 1, day: 1, weekday: 4 };
      const found: string[] = [];
      while (day.year === 2027) {
        const asked = calendar.isHoliday(fromLocal(day.year, day.month, day.day, 12 * 60, 'Europe/Berlin'));
        const expected = Array.isArray(asked) && asked.some((h) => h.type === 'public');
        expect(isPublicHoliday(state, day), `${state} ${day.month}/${day.day}`).toBe(expected);
        if (expected) found.push(`${day.month}/${day.day}`);
        day = addDays(day.year, day.month, day.day, 1);
      }
      expect(found.length, state).toBeGreaterThanOrEqual(9);
    }
  });

  it('carries over Easter: Good Friday and Easter Monday are holidays everywhere', () => {
    // Thursday 2 April 2026 → Fri holiday, Sat open 9–13 → due Saturday 13:00 (10:00 is within, so 10:00).
    expect(addWorkingDays(munich, berlin('2026-04-02T10:00:00'), 1)).toEqual(berlin('2026-04-04T10:00:00'));
    expect(addWorkingDays(noSaturday, berlin('2026-04-02T10:00:00'), 1)).toEqual(berlin('2026-04-07T10:00:00'));
  });

  it('keeps wall-clock time across the change to summer time', () => {
    // Summer time starts Sunday 29 March 2026.
    expect(addWorkingDays(noSaturday, berlin('2026-03-27T09:30:00'), 1).toISOString()).toBe('2026-03-30T07:30:00.000Z');
  });

  it('adds several working days', () => {
    expect(addWorkingDays(noSaturday, berlin('2026-03-05T09:00:00'), 3)).toEqual(berlin('2026-03-10T09:00:00'));
  });
});

describe('opening', () => {
  it('knows when a location is open and when it opens next', () => {
    expect(isOpen(munich, berlin('2026-03-02T12:00:00'))).toBe(true);
    expect(isOpen(munich, berlin('2026-03-08T12:00:00'))).toBe(false);
    expect(nextOpening(munich, berlin('2026-03-07T13:30:00'))).toEqual(berlin('2026-03-09T08:00:00'));
  });
});

describe('workingHoursBetween', () => {
  it('counts only open hours, skipping Good Friday, the weekend and Easter Monday', () => {
    // Thursday 2 April 2026, 16:00 to Tuesday 7 April, 10:00 in Bavaria: 16–18 on Thursday and 8–10 on Tuesday.
    const from = new Date('2026-04-02T14:00:00Z');
    const to = new Date('2026-04-07T08:00:00Z');
    expect(workingHoursBetween(noSaturday, from, to)).toBe(4);
    expect(workingHoursBetween(noSaturday, to, from)).toBe(0);
  });
});
