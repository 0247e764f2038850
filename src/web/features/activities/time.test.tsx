import { describe, expect, it } from 'vitest';
import { addDays, berlinInstant, berlinParts, startOfWeek, toOffsetIso } from './time';

describe('Berlin wall-clock time in the calendar', () => {
  it('turns a Berlin day and time into the right instant on both sides of the DST change', () => {
    expect(toOffsetIso(berlinInstant('2026-03-28', 14 * 60))).toBe('2026-03-28T14:00:00+01:00');
    expect(toOffsetIso(berlinInstant('2026-03-29', 14 * 60))).toBe('2026-03-29T14:00:00+02:00');
    expect(berlinInstant('2026-10-25', 9 * 60).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // 02:30 does not exist on 29 March: the clock jumps from 02:00 to 03:00.
    expect(berlinParts(berlinInstant('2026-03-29', 2 * 60 + 30)).minutes).toBe(3 * 60 + 30);
  });

  it('reads an instant as its Berlin day and minute, whatever the browser’s zone', () => {
    expect(berlinParts('2026-03-01T23:30:00Z')).toEqual({ day: '2026-03-02', minutes: 30 });
    expect(berlinParts('2026-07-01T22:15:00Z')).toEqual({ day: '2026-07-02', minutes: 15 });
  });

  it('counts weeks from Monday across month and year ends', () => {
    expect(startOfWeek('2026-03-04')).toBe('2026-03-02');
    expect(startOfWeek('2027-01-03')).toBe('2026-12-28');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
