import type { ActivityResult, ActivityType } from '@shared/activities/enums';
import type { FollowUpRule } from '@shared/activities/schemas';

/**
 * What a dealership does next, shipped as the default until managers set their own
 * (seed 002): an offer is followed up after 10 days, a customer not reached is
 * called again the next day, a delivery gets its satisfaction call after a week.
 */
export const DEFAULT_FOLLOW_UP_RULES: FollowUpRule[] = [
  { activityType: null, result: 'offer_sent', followUpType: 'offer_follow_up', afterDays: 10 },
  { activityType: null, result: 'not_reached', followUpType: 'call', afterDays: 1 },
  { activityType: 'test_drive', result: null, followUpType: 'offer_follow_up', afterDays: 2 },
  { activityType: 'delivery', result: null, followUpType: 'satisfaction_call', afterDays: 7 },
  { activityType: 'offer_follow_up', result: null, followUpType: 'call', afterDays: 7 },
  { activityType: null, result: null, followUpType: 'call', afterDays: 5 },
];

/** The most specific rule: type and result over result only over type only over the catch-all. */
export function matchFollowUp(
  rules: FollowUpRule[],
  type: ActivityType,
  result: ActivityResult,
): FollowUpRule | undefined {
  const score = (r: FollowUpRule) =>
    (r.activityType !== null && r.activityType !== type) || (r.result !== null && r.result !== result)
      ? -1
      : (r.result !== null ? 2 : 0) + (r.activityType !== null ? 1 : 0);
  let best: FollowUpRule | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    const s = score(rule);
    if (s > bestScore) {
      best = rule;
      bestScore = s;
    }
  }
  return best;
}
