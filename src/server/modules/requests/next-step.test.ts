import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '@shared/org/schemas';
import type { WorkingCalendar } from '@server/lib/working-time';
import { type AttemptFact, dayPartOf, proposeNextStep } from './next-step';

const weekday = [{ from: '08:00', to: '18:00' }];
const hours: OpeningHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
  sat: [{ from: '09:00', to: '13:00' }],
  sun: [],
};
const calendar: WorkingCalendar = { openingHours: hours, federalState: 'BY' };

/** Berlin wall-clock time in 2025 (CEST in June, CET in December). */
const berlin = (iso: string) => new Date(`${iso}${iso.startsWith('2025-12') ? '+01:00' : '+02:00'}`);
const failedCall = (iso: string, outcome: AttemptFact['outcome'] = 'no_answer'): AttemptFact => ({
  at: berlin(iso),
  channel: 'phone',
  outcome,
});

function propose(attempts: AttemptFact[], now: string, extra: Partial<Parameters<typeof proposeNextStep>[0]> = {}) {
  return proposeNextStep({ attempts, phoneValid: true, status: 'assigned', calendar, now: berlin(now), ...extra });
}

describe('next step after contact attempts', () => {
  it('proposes calling right away when nobody has tried yet and the location is open', () => {
    const step = propose([], '2025-06-04T10:15:00'); // Wednesday
    expect(step).toEqual({
      action: 'call',
      reason: 'first_contact',
      suggestedAt: berlin('2025-06-04T10:15:00').toISOString(),
      failedPhoneAttempts: 0,
    });
  });

  it('proposes the next opening for a first call when the location is closed', () => {
    expect(propose([], '2025-06-14T15:00:00').suggestedAt).toBe(berlin('2025-06-16T08:00:00').toISOString()); // Sat afternoon → Mon
    expect(propose([], '2025-06-04T19:30:00').suggestedAt).toBe(berlin('2025-06-05T08:00:00').toISOString());
  });

  it('proposes the afternoon of the same day after a failed call in the morning', () => {
    const step = propose([failedCall('2025-06-04T09:10:00')], '2025-06-04T09:12:00');
    expect(step.action).toBe('call');
    expect(step.reason).toBe('retry_other_time');
    expect(step.suggestedAt).toBe(berlin('2025-06-04T14:00:00').toISOString());
    expect(step.failedPhoneAttempts).toBe(1);
  });

  it('proposes the next working afternoon when a Saturday morning call failed and Saturday has no afternoon', () => {
    const step = propose([failedCall('2025-06-14T10:00:00', 'voicemail')], '2025-06-14T10:05:00');
    expect(step.suggestedAt).toBe(berlin('2025-06-16T14:00:00').toISOString());
  });

  it('skips a public holiday when proposing the afternoon (Whit Monday, 9 June 2025)', () => {
    const step = propose([failedCall('2025-06-07T10:00:00')], '2025-06-07T10:05:00');
    expect(step.suggestedAt).toBe(berlin('2025-06-10T14:00:00').toISOString());
  });

  it('proposes midday or early evening after failures in the morning and in the afternoon', () => {
    const attempts = [failedCall('2025-06-04T09:00:00'), failedCall('2025-06-04T14:30:00')];
    const step = propose(attempts, '2025-06-04T14:31:00');
    expect(step.suggestedAt).toBe(berlin('2025-06-04T17:00:00').toISOString());
    expect(['midday', 'evening']).toContain(dayPartOf(new Date(step.suggestedAt!)));

    const closingAt17: WorkingCalendar = {
      ...calendar,
      openingHours: { ...hours, wed: [{ from: '08:00', to: '17:00' }] },
    };
    const noEvening = propose(attempts, '2025-06-04T14:31:00', { calendar: closingAt17 });
    expect(noEvening.suggestedAt).toBe(berlin('2025-06-05T11:00:00').toISOString());
  });

  it('never proposes a time outside the opening hours', () => {
    const lunchBreak: WorkingCalendar = {
      ...calendar,
      openingHours: {
        ...hours,
        thu: [
          { from: '08:00', to: '12:00' },
          { from: '13:00', to: '16:30' },
        ],
      },
    };
    const step = propose([failedCall('2025-06-05T13:30:00')], '2025-06-05T13:31:00', { calendar: lunchBreak });
    // Thursday closes at 16:30, so the evening comes on Friday.
    expect(step.suggestedAt).toBe(berlin('2025-06-06T17:00:00').toISOString());
  });

  it('prompts the e-mail after three failed calls within 48 hours', () => {
    const attempts = [
      failedCall('2025-06-04T09:00:00'),
      failedCall('2025-06-04T14:30:00'),
      failedCall('2025-06-05T12:00:00', 'voicemail'),
    ];
    const step = propose(attempts, '2025-06-05T12:01:00');
    expect(step).toMatchObject({ action: 'email', reason: 'three_failed_attempts', failedPhoneAttempts: 3 });
  });

  it('keeps proposing calls when three failed calls are spread over more than 48 hours', () => {
    const attempts = [
      failedCall('2025-06-02T09:00:00'),
      failedCall('2025-06-03T14:30:00'),
      failedCall('2025-06-04T12:00:00'),
    ];
    const step = propose(attempts, '2025-06-04T12:01:00');
    expect(step).toMatchObject({ action: 'call', reason: 'retry_other_time', failedPhoneAttempts: 3 });
  });

  it('counts only the last three when an older failure lies outside the 48 hours', () => {
    const attempts = [
      failedCall('2025-06-02T09:00:00'),
      failedCall('2025-06-05T09:00:00'),
      failedCall('2025-06-05T14:00:00'),
      failedCall('2025-06-06T12:00:00'),
    ];
    expect(propose(attempts, '2025-06-06T12:05:00')).toMatchObject({
      action: 'email',
      reason: 'three_failed_attempts',
      failedPhoneAttempts: 4,
    });
  });

  it('prompts the e-mail when the phone number is invalid', () => {
    expect(propose([], '2025-06-04T10:00:00', { phoneValid: false })).toMatchObject({
      action: 'email',
      reason: 'invalid_number',
    });
  });

  it('prompts the e-mail after a wrong number', () => {
    const step = propose([failedCall('2025-06-04T10:00:00', 'wrong_number')], '2025-06-04T10:01:00');
    expect(step).toMatchObject({ action: 'email', reason: 'invalid_number', failedPhoneAttempts: 1 });
  });

  it('stops prompting once the e-mail has gone out', () => {
    const attempts = [
      failedCall('2025-06-04T09:00:00'),
      failedCall('2025-06-04T14:30:00'),
      failedCall('2025-06-05T12:00:00'),
      { at: berlin('2025-06-05T12:10:00'), channel: 'email', outcome: 'email_sent' },
    ];
    expect(propose(attempts, '2025-06-05T12:15:00')).toMatchObject({ action: 'none', reason: 'three_failed_attempts' });
  });

  it('proposes nothing once the customer was reached', () => {
    const attempts = [
      failedCall('2025-06-04T09:00:00'),
      { at: berlin('2025-06-04T15:00:00'), channel: 'phone', outcome: 'reached' },
    ];
    expect(propose(attempts, '2025-06-04T15:05:00')).toEqual({
      action: 'none',
      reason: 'reached',
      suggestedAt: null,
      failedPhoneAttempts: 1,
    });
  });

  it('proposes nothing for a closed request', () => {
    expect(propose([], '2025-06-04T10:00:00', { status: 'done' })).toMatchObject({ action: 'none', reason: 'closed' });
    expect(propose([failedCall('2025-06-04T09:00:00')], '2025-06-04T10:00:00', { status: 'lost' })).toMatchObject({
      action: 'none',
      reason: 'closed',
    });
  });

  it('takes attempts in any order', () => {
    const attempts = [
      failedCall('2025-06-05T12:00:00'),
      failedCall('2025-06-04T09:00:00'),
      failedCall('2025-06-04T14:30:00'),
    ];
    expect(propose(attempts, '2025-06-05T12:01:00').action).toBe('email');
  });

  it('sorts times of day into Berlin parts of the day, across daylight saving time', () => {
    expect(dayPartOf(berlin('2025-06-04T10:59:00'))).toBe('morning');
    expect(dayPartOf(berlin('2025-06-04T11:00:00'))).toBe('midday');
    expect(dayPartOf(berlin('2025-06-04T14:00:00'))).toBe('afternoon');
    expect(dayPartOf(berlin('2025-12-03T17:00:00'))).toBe('evening');
    expect(dayPartOf(berlin('2025-12-03T16:59:00'))).toBe('afternoon');
  });

  it('proposes midday after a failed evening call, on Saturday when the location opens then', () => {
    const step = propose([failedCall('2025-12-19T17:30:00')], '2025-12-19T17:31:00'); // Friday
    expect(step.suggestedAt).toBe(berlin('2025-12-20T11:00:00').toISOString());
  });
});
