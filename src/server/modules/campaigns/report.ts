import { and, asc, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import { CAMPAIGN_RESPONSES, type CampaignReport } from '@shared/campaigns/schemas';
import type { DbOrTx } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import * as repo from './repo';
import { campaigns } from './tables';

/** Berlin midnight of a calendar day, as an instant (the report's bounds are Berlin days). */
function berlinMidnight(day: string): Date {
  const noon = new Date(`${day}T12:00:00Z`);
  const offset =
    new Date(noon.toLocaleString('en-US', { timeZone: 'Europe/Berlin' })).getTime() -
    new Date(noon.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - offset);
}

const nextDay = (day: string) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

/** The campaigns started in [from, to] at the actor's locations with what came of them. */
export async function campaignReport(
  db: DbOrTx,
  actor: UserActor,
  query: { from: string; to: string; locationId?: string },
): Promise<CampaignReport> {
  if (query.locationId && actor.role !== 'admin' && !actor.locationIds.includes(query.locationId))
    throw new ForbiddenError('You do not work at this location.');
  const locations = query.locationId ? [query.locationId] : actor.role === 'admin' ? null : actor.locationIds;
  const rows = await db
    .select()
    .from(campaigns)
    .where(
      and(
        isNotNull(campaigns.startedAt),
        gte(campaigns.startedAt, berlinMidnight(query.from)),
        lt(campaigns.startedAt, berlinMidnight(nextDay(query.to))),
        locations ? inArray(campaigns.locationId, locations) : undefined,
      ),
    )
    .orderBy(asc(campaigns.startedAt));
  const counts = await repo.tallies(
    db,
    rows.map((r) => r.id),
  );
  return {
    campaigns: rows.map((r) => {
      const c = counts.get(r.id) ?? {};
      const responses = Object.fromEntries(CAMPAIGN_RESPONSES.map((k) => [k, c[k] ?? 0])) as Record<
        (typeof CAMPAIGN_RESPONSES)[number],
        number
      >;
      return {
        id: r.id,
        name: r.name,
        channel: r.channel,
        startedAt: r.startedAt!.toISOString(),
        sent: c.processed ?? 0,
        excluded: r.excludedBlocked + r.excludedNoConsent + r.excludedNoAddress,
        responses,
        conversionRate:
          r.recipientCount > 0 ? Math.round((responses.request_created / r.recipientCount) * 1000) / 10 : null,
      };
    }),
  };
}
