import type { Faker } from '@faker-js/faker';
import type { AttemptOutcome, LostReason, RequestChannel, RequestStatus, RequestType } from '@shared/requests/enums';
import type { WorkingCalendar } from '../lib/working-time';
import { proposeNextStep } from '../modules/requests/next-step';
import { firstContactDue } from '../modules/requests/sla';
import { EMAIL_NOTE, FAILED_NOTES, LOST_WEIGHTS, OUTCOMES, REACHED_NOTES } from './requests-data';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface PlannedAttempt {
  at: Date;
  channel: 'phone' | 'email' | 'in_person';
  outcome: AttemptOutcome;
  note: string;
}

/** What happened to one demo request, up to `now`. */
export interface RequestStory {
  dueAt: Date;
  attempts: PlannedAttempt[];
  status: RequestStatus;
  closedAt: Date | null;
  outcome: string | null;
  lostReason: LostReason | null;
  escalatedAt: Date | null;
}

type Pattern = 'quick' | 'retry' | 'three_failed' | 'late' | 'never';
const PATTERNS: Array<{ value: Pattern; weight: number }> = [
  { value: 'quick', weight: 52 },
  { value: 'retry', weight: 20 },
  { value: 'three_failed', weight: 11 },
  { value: 'late', weight: 9 },
  { value: 'never', weight: 8 },
];

/** The next moment the location is open, from the proposal for a first call (cheap: holidays cached there). */
const nextOpening = (calendar: WorkingCalendar, at: Date) =>
  new Date(proposeNextStep({ attempts: [], phoneValid: true, status: 'assigned', calendar, now: at }).suggestedAt!);

const failedOutcome = (f: Faker): AttemptOutcome =>
  f.datatype.boolean({ probability: 0.55 }) ? 'voicemail' : 'no_answer';
const failedNote = (f: Faker, outcome: AttemptOutcome) =>
  outcome === 'voicemail'
    ? FAILED_NOTES[1]!
    : f.helpers.arrayElement([FAILED_NOTES[0]!, FAILED_NOTES[2]!, FAILED_NOTES[3]!]);

/** Calls at the times the app itself proposes after each failed attempt (R3.3). */
function retryCalls(
  f: Faker,
  calendar: WorkingCalendar,
  first: Date,
  failures: number,
  reachedAtEnd: boolean,
): PlannedAttempt[] {
  const attempts: PlannedAttempt[] = [];
  let at = first;
  for (let i = 0; i < failures; i++) {
    const outcome = failedOutcome(f);
    attempts.push({ at, channel: 'phone', outcome, note: failedNote(f, outcome) });
    const step = proposeNextStep({
      attempts,
      phoneValid: true,
      status: 'in_progress',
      calendar,
      now: new Date(at.getTime() + 5 * MINUTE),
    });
    if (step.action !== 'call' || !step.suggestedAt) break;
    at = new Date(new Date(step.suggestedAt).getTime() + f.number.int({ min: 0, max: 50 }) * MINUTE);
  }
  if (reachedAtEnd)
    attempts.push({ at, channel: 'phone', outcome: 'reached', note: f.helpers.arrayElement(REACHED_NOTES) });
  return attempts;
}

function attemptsFor(
  f: Faker,
  pattern: Pattern,
  calendar: WorkingCalendar,
  channel: RequestChannel,
  receivedAt: Date,
  dueAt: Date,
) {
  const soon = nextOpening(calendar, new Date(receivedAt.getTime() + f.number.int({ min: 5, max: 180 }) * MINUTE));
  if (channel === 'walk_in') {
    // Whoever takes a walk-in request talks to the customer right there.
    return [
      {
        at: new Date(receivedAt.getTime() + 2 * MINUTE),
        channel: 'in_person' as const,
        outcome: 'reached' as const,
        note: 'Kunde war vor Ort; Anliegen aufgenommen.',
      },
    ];
  }
  switch (pattern) {
    case 'quick':
      return [
        {
          at: soon,
          channel: 'phone' as const,
          outcome: 'reached' as const,
          note: f.helpers.arrayElement(REACHED_NOTES),
        },
      ];
    case 'retry':
      return retryCalls(f, calendar, soon, f.number.int({ min: 1, max: 2 }), true);
    case 'three_failed': {
      const calls = retryCalls(f, calendar, soon, 3, false);
      const last = calls.at(-1)!.at;
      const email = {
        at: new Date(last.getTime() + f.number.int({ min: 5, max: 40 }) * MINUTE),
        channel: 'email' as const,
        outcome: 'email_sent' as const,
        note: EMAIL_NOTE,
      };
      return [...calls, email];
    }
    case 'late': {
      const late = nextOpening(calendar, new Date(dueAt.getTime() + f.number.int({ min: 1, max: 26 }) * HOUR));
      return [
        {
          at: late,
          channel: 'phone' as const,
          outcome: 'reached' as const,
          note: f.helpers.arrayElement(REACHED_NOTES),
        },
      ];
    }
    default:
      return [];
  }
}

/** Plays one request forward from its receipt to `now`: attempts, escalation, and how it ended. */
export function planStory(
  f: Faker,
  input: {
    type: RequestType;
    channel: RequestChannel;
    receivedAt: Date;
    calendar: WorkingCalendar;
    now: Date;
    assigned: boolean;
  },
): RequestStory {
  const { now, calendar, receivedAt, type } = input;
  const dueAt = firstContactDue(calendar, receivedAt);
  const pattern = f.helpers.weightedArrayElement(PATTERNS);
  const attempts = attemptsFor(f, pattern, calendar, input.channel, receivedAt, dueAt).filter((a) => a.at <= now);
  const first = attempts[0]?.at ?? null;
  const escalatedAt = dueAt < now && (!first || first > dueAt) ? new Date(dueAt.getTime() + MINUTE) : null;
  const open = (status: RequestStatus): RequestStory => ({
    dueAt,
    attempts,
    status,
    closedAt: null,
    outcome: null,
    lostReason: null,
    escalatedAt,
  });

  if (attempts.length === 0) return open(input.assigned ? 'assigned' : 'new');
  const last = attempts.at(-1)!;
  const reached = attempts.some((a) => a.outcome === 'reached');
  const closeAt = new Date(last.at.getTime() + f.number.int({ min: 30, max: 3 * 24 * 60 }) * MINUTE);
  if (closeAt > now || now.getTime() - last.at.getTime() < 6 * HOUR) return open(reached ? 'in_progress' : 'waiting');

  const roll = f.number.float({ min: 0, max: 1 });
  if (!reached) {
    // Three failed calls and an e-mail: some customers answer, most leads go cold.
    if (roll < 0.55) return { ...open('lost'), closedAt: closeAt, lostReason: 'not_reached' };
    return open('waiting');
  }
  if (roll < 0.62) return { ...open('done'), closedAt: closeAt, outcome: f.helpers.arrayElement(OUTCOMES[type]) };
  if (roll < 0.8 && type !== 'complaint') {
    const reason = f.helpers.weightedArrayElement(LOST_WEIGHTS.filter((l) => l.value !== 'not_reached'));
    return { ...open('lost'), closedAt: closeAt, lostReason: reason };
  }
  if (roll < 0.9) return open('waiting');
  return open('in_progress');
}

export const demoDays = (now: Date, days: number) =>
  Array.from({ length: days + 1 }, (_, i) => new Date(now.getTime() - (days - i) * DAY));
