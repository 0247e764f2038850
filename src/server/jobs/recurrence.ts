import { addDays, fromLocal, toLocal } from '../lib/zoned-time';

/** When a recurring job runs next, strictly after a given instant. */
export interface Recurrence {
  spec: string;
  next(after: Date): Date;
}

const DAILY = /^(daily|weekdays) at (\d{1,2}):(\d{2})(?: ([A-Za-z_]+\/[A-Za-z_]+|UTC))?$/;
const EVERY = /^every (\d+) (minute|minutes|hour|hours)$/;

/**
 * Parses the few schedules the CRM needs, written the way a person says them:
 * "daily at 07:00 Europe/Berlin", "weekdays at 06:30" (Mon–Fri; the zone
 * defaults to Europe/Berlin), "every 15 minutes", "every 1 hour".
 */
export function parseRecurrence(spec: string): Recurrence {
  const daily = DAILY.exec(spec.trim());
  if (daily) {
    const [, which, hh, mm, zone = 'Europe/Berlin'] = daily;
    const minuteOfDay = Number(hh) * 60 + Number(mm);
    if (Number(hh) > 23 || Number(mm) > 59) throw new Error(`invalid time in schedule "${spec}"`);
    new Intl.DateTimeFormat('en', { timeZone: zone }); // throws on an unknown zone
    const weekdaysOnly = which === 'weekdays';
    return {
      spec,
      next(after) {
        const local = toLocal(after, zone);
        let day = { year: local.year, month: local.month, day: local.day, weekday: local.weekday };
        for (let i = 0; i < 8; i++) {
          const at = fromLocal(day.year, day.month, day.day, minuteOfDay, zone);
          if (at > after && (!weekdaysOnly || day.weekday < 5)) return at;
          day = addDays(day.year, day.month, day.day, 1);
        }
        throw new Error(`no next run for "${spec}"`);
      },
    };
  }
  const every = EVERY.exec(spec.trim());
  if (every) {
    const step = Number(every[1]) * (every[2]!.startsWith('hour') ? 3_600_000 : 60_000);
    if (step <= 0) throw new Error(`invalid interval in schedule "${spec}"`);
    // Aligned to the epoch, so every process computes the same next slot.
    return { spec, next: (after) => new Date(Math.floor(after.getTime() / step) * step + step) };
  }
  throw new Error(
    `unknown schedule "${spec}"; use "daily at HH:MM Zone/City", "weekdays at HH:MM" or "every N minutes"`,
  );
}
