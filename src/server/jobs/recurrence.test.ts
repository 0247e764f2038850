import { describe, expect, it } from 'vitest';
import { parseRecurrence } from './recurrence';

describe('recurring schedules', () => {
  it('runs "daily at 07:00 Europe/Berlin" at 07:00 Berlin time, in winter and in summer', () => {
    const daily = parseRecurrence('daily at 07:00 Europe/Berlin');
    expect(daily.next(new Date('2026-03-02T05:00:00Z')).toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(daily.next(new Date('2026-03-02T06:00:00Z')).toISOString()).toBe('2026-03-03T06:00:00.000Z');
    // Clocks go forward on 29 March 2026: 07:00 is then 05:00 UTC.
    expect(daily.next(new Date('2026-03-28T07:00:00Z')).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('skips Saturday and Sunday for "weekdays at 06:30"', () => {
    const weekdays = parseRecurrence('weekdays at 06:30');
    // Friday 6 March 2026, after 06:30 Berlin → Monday 9 March.
    expect(weekdays.next(new Date('2026-03-06T08:00:00Z')).toISOString()).toBe('2026-03-09T05:30:00.000Z');
  });

  it('runs "every 15 minutes" on the quarter hour', () => {
    const every = parseRecurrence('every 15 minutes');
    expect(every.next(new Date('2026-03-02T08:07:13Z')).toISOString()).toBe('2026-03-02T08:15:00.000Z');
    expect(every.next(new Date('2026-03-02T08:15:00Z')).toISOString()).toBe('2026-03-02T08:30:00.000Z');
  });

  it('refuses a schedule it does not understand', () => {
    expect(() => parseRecurrence('sometimes')).toThrow(/unknown schedule/);
    expect(() => parseRecurrence('daily at 25:00')).toThrow(/invalid time/);
    expect(() => parseRecurrence('daily at 07:00 Mars/Olympus')).toThrow();
  });
});
