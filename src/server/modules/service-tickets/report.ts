import type { z } from 'zod';
import type { ServiceActivity, TicketReport, TicketReportQuery } from '@shared/service-tickets/schemas';
import type { Deps } from '@server/deps';
import { assertLocation, type UserActor } from '@server/http/access';
import { ForbiddenError } from '@server/http/errors';
import { fromLocal } from '@server/lib/zoned-time';
import * as repo from './repo';

const berlinMidnight = (day: string, plusDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return fromLocal(y!, m!, d! + plusDays, 0, 'Europe/Berlin');
};
const onTime = (done: Date | null, due: Date | null) => done !== null && due !== null && done <= due;

/**
 * Tickets on time per process (R4.6): of the tickets started in the period, how many and how
 * many of their steps finished within their deadline, the mean lead time, expected vs actual cost.
 */
export function createTicketReport({ db }: Deps) {
  return async function report(actor: UserActor, query: z.output<typeof TicketReportQuery>): Promise<TicketReport> {
    if (actor.role !== 'admin' && actor.role !== 'manager') throw new ForbiddenError();
    if (query.locationId) assertLocation(actor, query.locationId);
    const locationIds = query.locationId ? [query.locationId] : actor.role === 'admin' ? null : actor.locationIds;
    const tickets = await repo.ticketsStartedBetween(
      db,
      locationIds,
      berlinMidnight(query.from),
      berlinMidnight(query.to, 1),
    );
    const steps = await repo.stepsOfTickets(
      db,
      tickets.map((t) => t.id),
    );
    const families = new Map(
      (await repo.newestOfFamilies(db, [...new Set(tickets.map((t) => t.familyId))])).map((t) => [t.familyId, t]),
    );
    const rows = new Map<string, TicketReport['rows'][number] & { leadSum: number }>();
    for (const t of tickets) {
      const family = families.get(t.familyId);
      let row = rows.get(t.familyId);
      if (!row) {
        row = {
          familyId: t.familyId,
          name: family?.name ?? '–',
          activity: (family?.activity ?? 'other') as ServiceActivity,
          tickets: 0,
          finished: 0,
          ticketsOnTime: 0,
          steps: 0,
          stepsOnTime: 0,
          meanLeadHours: null,
          expectedCostCents: 0,
          actualCostCents: 0,
          leadSum: 0,
        };
        rows.set(t.familyId, row);
      }
      row.tickets++;
      if (t.status === 'done' && t.completedAt) {
        row.finished++;
        if (onTime(t.completedAt, t.dueAt)) row.ticketsOnTime++;
        row.leadSum += (t.completedAt.getTime() - t.startedAt.getTime()) / 3_600_000;
      }
      for (const s of steps.get(t.id) ?? []) {
        row.expectedCostCents += s.expectedCostCents;
        row.actualCostCents += s.actualCostCents ?? 0;
        if (s.status !== 'done') continue;
        row.steps++;
        if (onTime(s.completedAt, s.dueAt)) row.stepsOnTime++;
      }
    }
    return {
      rows: [...rows.values()]
        .map(({ leadSum, ...r }) => ({
          ...r,
          meanLeadHours: r.finished ? Math.round((leadSum / r.finished) * 10) / 10 : null,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    };
  };
}
