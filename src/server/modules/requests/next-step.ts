import { WEEKDAYS } from '@shared/org/enums';
import { type AttemptOutcome, FAILED_PHONE_OUTCOMES, OPEN_STATUSES, type RequestStatus } from '@shared/requests/enums';
import type { NextStep } from '@shared/requests/schemas';
import type { z } from 'zod';
import { isPublicHoliday, type WorkingCalendar } from '@server/lib/working-time';
import { addDays, fromLocal, toLocal } from '@server/lib/zoned-time';

export type NextStepProposal = z.infer<typeof NextStep>;

export interface AttemptFact {
  at: Date;
  channel: string;
  outcome: AttemptOutcome | string;
}

export interface NextStepInput {
  attempts: readonly AttemptFact[];
  /** False when the contact has no phone number that can be dialled. */
  phoneValid: boolean;
  status: RequestStatus;
  calendar: WorkingCalendar;
  now: Date;
}

/** Parts of the day in local minutes; people who miss a call at 9 are often reachable at 15. */
export const DAY_PARTS = {
  morning: [0, 11 * 60],
  midday: [11 * 60, 14 * 60],
  afternoon: [14 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
} as const;
export type DayPart = keyof typeof DAY_PARTS;
const PART_ORDER: readonly DayPart[] = ['morning', 'midday', 'afternoon', 'evening'];
/** The part furthest from a failed one, tried first when still untried. */
const OPPOSITE: Record<DayPart, DayPart> = {
  morning: 'afternoon',
  afternoon: 'morning',
  midday: 'evening',
  evening: 'midday',
};

const FAILED_ATTEMPTS_BEFORE_EMAIL = 3;
const EMAIL_WINDOW_MS = 48 * 60 * 60 * 1000;
/** A slot shorter than this is not worth proposing (e.g. 16:50–17:00 after an early closing). */
const MIN_SLOT_MINUTES = 15;
const SCAN_DAYS = 21;
/** Enough open days to find every part of the day at least once, even around holidays. */
const OPEN_DAYS_AHEAD = 4;
const DEFAULT_TZ = 'Europe/Berlin';

export function dayPartOf(instant: Date, timeZone = DEFAULT_TZ): DayPart {
  const local = toLocal(instant, timeZone);
  const minute = local.hour * 60 + local.minute;
  return PART_ORDER.find((p) => minute >= DAY_PARTS[p][0] && minute < DAY_PARTS[p][1])!;
}

const isFailedPhone = (a: AttemptFact) =>
  a.channel === 'phone' && FAILED_PHONE_OUTCOMES.includes(a.outcome as AttemptOutcome);

/**
 * What to do next about a request (R3.3): phone first, at a different time of
 * day after each failed call; e-mail after three failed calls within 48 hours
 * or when the number is unusable; nothing once the customer was reached or the
 * request is closed. Once the e-mail prompted here has gone out, nothing more
 * is proposed — the customer has been told how to reach us.
 */
export function proposeNextStep(input: NextStepInput): NextStepProposal {
  const { now, calendar } = input;
  const attempts = [...input.attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  const failed = attempts.filter(isFailedPhone);
  const failedPhoneAttempts = failed.length;
  const step = (action: NextStepProposal['action'], reason: NextStepProposal['reason'], at: Date | null) => ({
    action,
    reason,
    suggestedAt: at ? at.toISOString() : null,
    failedPhoneAttempts,
  });

  if (!OPEN_STATUSES.includes(input.status)) return step('none', 'closed', null);
  if (attempts.some((a) => a.outcome === 'reached')) return step('none', 'reached', null);

  const emailSentAfter = (since: Date | null) =>
    attempts.some((a) => a.outcome === 'email_sent' && (!since || a.at.getTime() >= since.getTime()));

  const wrongNumber = failed.find((a) => a.outcome === 'wrong_number');
  if (!input.phoneValid || wrongNumber) {
    const sent = emailSentAfter(wrongNumber?.at ?? null);
    return sent ? step('none', 'invalid_number', null) : step('email', 'invalid_number', now);
  }

  const triggeredAt = threeFailuresWithin48Hours(failed);
  if (triggeredAt) {
    return emailSentAfter(triggeredAt)
      ? step('none', 'three_failed_attempts', null)
      : step('email', 'three_failed_attempts', now);
  }

  if (failed.length === 0) return step('call', 'first_contact', nextOpeningOrNow(calendar, now));
  return step('call', 'retry_other_time', proposeCallTime(calendar, now, failed));
}

/** The moment of the third failed call when any three fell within 48 hours; null otherwise. */
function threeFailuresWithin48Hours(failed: readonly AttemptFact[]): Date | null {
  for (let i = FAILED_ATTEMPTS_BEFORE_EMAIL - 1; i < failed.length; i++) {
    const first = failed[i - (FAILED_ATTEMPTS_BEFORE_EMAIL - 1)]!;
    if (failed[i]!.at.getTime() - first.at.getTime() <= EMAIL_WINDOW_MS) return failed[i]!.at;
  }
  return null;
}

interface Slot {
  part: DayPart;
  start: Date;
  /** Local date (YYYY-MM-DD) of the slot. */
  day: string;
}

function proposeCallTime(calendar: WorkingCalendar, now: Date, failed: readonly AttemptFact[]): Date | null {
  const tz = calendar.timeZone ?? DEFAULT_TZ;
  const tried = new Set(failed.map((a) => dayPartOf(a.at, tz)));
  const lastPart = dayPartOf(failed.at(-1)!.at, tz);
  const notBefore = new Date(Math.max(now.getTime(), failed.at(-1)!.at.getTime()));
  const slots = upcomingSlots(calendar, notBefore);

  const untried = slots.filter((s) => !tried.has(s.part));
  // Prefer the opposite part of the day when it comes on the first or the next open day.
  const openDays = [...new Set(slots.map((s) => s.day))];
  const opposite = untried.find((s) => s.part === OPPOSITE[lastPart]);
  if (opposite && openDays.indexOf(opposite.day) <= 1) return opposite.start;
  if (untried[0]) return untried[0].start;
  // Every part of the day has been tried: anything but the part that failed last.
  return slots.find((s) => s.part !== lastPart)?.start ?? slots[0]?.start ?? null;
}

/** The open stretches per part of the day from `from` on, earliest first. */
function upcomingSlots(calendar: WorkingCalendar, from: Date, minSlot = MIN_SLOT_MINUTES): Slot[] {
  const tz = calendar.timeZone ?? DEFAULT_TZ;
  const local = toLocal(from, tz);
  const nowMinute = local.hour * 60 + local.minute;
  const slots: Slot[] = [];
  let day: { year: number; month: number; day: number; weekday: number } = local;
  let openDays = 0;
  for (let i = 0; i < SCAN_DAYS && openDays < OPEN_DAYS_AHEAD; i++) {
    if (!isHoliday(calendar.federalState, day)) {
      const intervals = (calendar.openingHours[WEEKDAYS[day.weekday]!] ?? []).map(
        (iv) => [toMinutes(iv.from), toMinutes(iv.to)] as const,
      );
      for (const part of PART_ORDER) {
        const start = earliestStart(intervals, DAY_PARTS[part], i === 0 ? nowMinute : -1, minSlot);
        if (start !== null) {
          const at = i === 0 && start === nowMinute ? from : fromLocal(day.year, day.month, day.day, start, tz);
          slots.push({ part, start: at, day: `${day.year}-${day.month}-${day.day}` });
        }
      }
      if (slots.at(-1)?.day === `${day.year}-${day.month}-${day.day}`) openDays++;
    }
    day = addDays(day.year, day.month, day.day, 1);
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Earliest minute inside both an opening interval and the part, leaving a usable slot. */
function earliestStart(
  intervals: ReadonlyArray<readonly [number, number]>,
  [partFrom, partTo]: readonly [number, number],
  notBefore: number,
  minSlot: number,
): number | null {
  let best: number | null = null;
  for (const [open, close] of intervals) {
    const start = Math.max(open, partFrom, notBefore);
    const end = Math.min(close, partTo);
    if (end - start >= minSlot && (best === null || start < best)) best = start;
  }
  return best;
}

/** The moment the location is next open (now when open); now when it has no opening hours at all. */
function nextOpeningOrNow(calendar: WorkingCalendar, now: Date): Date {
  const slots = upcomingSlots(calendar, now, 1);
  return slots[0]?.start ?? now;
}

const holidayCache = new Map<string, boolean>();
/** Looking up a holiday is slow (milliseconds); the answer for a state and date never changes. */
function isHoliday(
  state: WorkingCalendar['federalState'],
  day: { year: number; month: number; day: number; weekday: number },
) {
  const key = `${state}:${day.year}-${day.month}-${day.day}`;
  let found = holidayCache.get(key);
  if (found === undefined) {
    if (holidayCache.size > 50_000) holidayCache.clear();
    found = isPublicHoliday(state, day);
    holidayCache.set(key, found);
  }
  return found;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
