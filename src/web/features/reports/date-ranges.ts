import { berlinDay } from '../requests/intake/callback-windows';

export const QUICK_RANGES = ['today', 'yesterday', 'thisWeek', 'lastMonth'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

function shift(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A quick pick as calendar days in Berlin: [from, to], both inclusive. */
export function quickRange(range: QuickRange, now = new Date()): [string, string] {
  const today = berlinDay(now);
  switch (range) {
    case 'today':
      return [today, today];
    case 'yesterday':
      return [shift(today, -1), shift(today, -1)];
    case 'thisWeek': {
      // Weeks start on Monday in Germany.
      const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
      return [shift(today, -weekday), today];
    }
    case 'lastMonth': {
      const firstOfThisMonth = `${today.slice(0, 8)}01`;
      const lastOfPrevious = shift(firstOfThisMonth, -1);
      return [`${lastOfPrevious.slice(0, 8)}01`, lastOfPrevious];
    }
  }
}
