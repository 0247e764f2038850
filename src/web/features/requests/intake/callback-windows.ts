import { TIME_ZONE } from '@web/ui/format';

export const CALLBACK_WINDOWS = ['none', 'todayMorning', 'todayAfternoon', 'tomorrow', 'custom'] as const;
export type CallbackWindow = (typeof CALLBACK_WINDOWS)[number];

/** The calendar day in Berlin, YYYY-MM-DD. */
export function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(at);
}

/** The UTC offset Berlin has at noon of a calendar day, e.g. "+02:00" in summer. */
function berlinOffset(day: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value;
  return name?.replace('GMT', '') || '+00:00';
}

/** A wall-clock time in Berlin ("2024-05-06", "14:30") as an ISO instant. */
export function berlinInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00${berlinOffset(day)}`).toISOString();
}

/** A value of <input type="datetime-local"> read as Berlin time. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? berlinInstant(match[1]!, match[2]!) : null;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The quick picks of the intake form as a time window: the morning ends at
 * noon, the afternoon at six, "tomorrow" is the whole working day.
 */
export function callbackWindow(
  pick: CallbackWindow,
  now: Date,
  custom: { from: string; to: string } = { from: '', to: '' },
): { callbackFrom: string | null; callbackTo: string | null } {
  const today = berlinDay(now);
  switch (pick) {
    case 'todayMorning':
      return { callbackFrom: berlinInstant(today, '08:00'), callbackTo: berlinInstant(today, '12:00') };
    case 'todayAfternoon':
      return { callbackFrom: berlinInstant(today, '13:00'), callbackTo: berlinInstant(today, '18:00') };
    case 'tomorrow': {
      const tomorrow = nextDay(today);
      return { callbackFrom: berlinInstant(tomorrow, '08:00'), callbackTo: berlinInstant(tomorrow, '18:00') };
    }
    case 'custom':
      return { callbackFrom: fromLocalInput(custom.from), callbackTo: fromLocalInput(custom.to) };
    default:
      return { callbackFrom: null, callbackTo: null };
  }
}

/** A window that has already ended today is not offered. */
export function windowPassed(pick: CallbackWindow, now: Date): boolean {
  const { callbackTo } = callbackWindow(pick, now);
  return pick !== 'custom' && callbackTo !== null && new Date(callbackTo) <= now;
}
