import { describe, expect, it } from 'vitest';
import { fromLocal, toLocal } from './zoned-time';

/** What Intl itself says the wall clock shows, as "YYYY-MM-DD HH:mm weekday". */
function intlSays(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${parts.weekday}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const pad = (n: number) => String(n).padStart(2, '0');
const shown = (instant: Date, timeZone: string) => {
  const l = toLocal(instant, timeZone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)} ${WEEKDAYS[l.weekday]}`;
};

describe('wall-clock time in a zone', () => {
  it('agrees with Intl minute by minute across both changes of summer time in Berlin', () => {
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']) {
      const at = Date.parse(change);
      for (let minute = -90; minute <= 90; minute += 1) {
        const instant = new Date(at + minute * 60_000 + 17_000);
        expect(shown(instant, 'Europe/Berlin'), instant.toISOString()).toBe(intlSays(instant, 'Europe/Berlin'));
      }
    }
  });

  it('agrees with Intl over a year and in a zone whose offset is not whole hours', () => {
    for (const timeZone of ['Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      for (let hour = 0; hour < 366 * 24; hour += 7) {
        const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000 + 23 * 60_000);
        expect(shown(instant, timeZone), `${timeZone} ${instant.toISOString()}`).toBe(intlSays(instant, timeZone));
      }
    }
  });

  it('finds the instant of a Berlin wall-clock time in winter and in summer', () => {
    expect(fromLocal(2026, 3, 27, 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(fromLocal(2026, 3, 30, 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(fromLocal(2026, 10, 26, 16 * 60 + 30, 'Europe/Berlin').toISOString()).toBe('2026-10-26T15:30:00.000Z');
  });
});
