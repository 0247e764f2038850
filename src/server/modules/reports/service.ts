import type { SalesFunnelQuery } from '@shared/sales/funnel';
import { salesFunnelReport } from './sales-funnel';
import { salesFunnelCsv } from './sales-funnel-csv';
import { allLocationNames } from '@server/modules/org';
// Reports are the one module that reads other modules' tables directly (in
// its SQL for monitoring, the home pages and the daily summary): its figures are single
// aggregate statements over requests, calls, users and locations, and splitting
// them along module lines would turn one query into many. It only reads.
import type { Deps } from '@server/deps';
import type { UserActor } from '@server/http/access';
import type { MailService } from '@server/integrations/mail/service';
import { defineJob, NoPayload } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import type { OrgService } from '@server/modules/org';
import type { RequestsService } from '@server/modules/requests';
import type { TelephonyService } from '@server/modules/telephony';
import type { ActivityReportQuery } from '@shared/activities/report';
import type { z } from 'zod';
import { activityReport } from './activities';
import { monitoringCsv } from './csv';
import { createHome } from './home';
import { DAILY_SUMMARY_JOB, DAILY_SUMMARY_SCHEDULE, sendDailySummaries } from './daily-summary';
import {
  cohortOf,
  locationCalendars,
  type MonitoringDrillInput,
  type MonitoringQueryInput,
  monitoringReport,
  monitoringRequests,
  reportLocations,
} from './monitoring';

export type ReportsService = ReturnType<typeof createReportsService>;

/**
 * Daily lead monitoring (R3.5): figures per location, team and person, drill-down, CSV, and a morning e-mail to managers;
 * and the home pages, which show the same figures at a glance.
 */
export function createReportsService(
  { database, clock, log }: Deps,
  org: OrgService,
  jobs: JobsService,
  mail: MailService,
  work: { requests: RequestsService; telephony: TelephonyService },
) {
  const home = createHome({ database, clock, org, ...work });

  // Not transactional: the handler reads the figures outside any transaction, then queues all mails in one.
  const dailySummaryJob = jobs.register(
    defineJob({
      kind: DAILY_SUMMARY_JOB,
      payload: NoPayload,
      handler: async (_payload, ctx) => {
        const sent = await sendDailySummaries(database, mail, ctx.now, await locationCalendars(org));
        log.info({ managers: sent }, 'daily request summary queued');
      },
      transactional: false,
      maxAttempts: 3,
    }),
  );
  jobs.every(dailySummaryJob, DAILY_SUMMARY_SCHEDULE);

  async function monitoring(actor: UserActor, query: MonitoringQueryInput) {
    const locationIds = await reportLocations(org, actor, query.locationId);
    return monitoringReport(database, cohortOf(query, locationIds, clock.now()), query, await locationCalendars(org));
  }

  return {
    /** The sales funnel of a period with conversion rates, lost reasons and the open pipeline. */
    salesFunnel: (actor: UserActor, q: z.output<typeof SalesFunnelQuery>) =>
      salesFunnelReport(database.db, actor, q, async () => [...(await allLocationNames(database.db)).keys()]),
    salesFunnelCsv: async (actor: UserActor, q: z.output<typeof SalesFunnelQuery>) =>
      salesFunnelCsv(
        await salesFunnelReport(database.db, actor, q, async () => [...(await allLocationNames(database.db)).keys()]),
      ),
    monitoring,
    home,

    async monitoringCsv(actor: UserActor, query: MonitoringQueryInput): Promise<string> {
      return monitoringCsv(await monitoring(actor, query));
    },

    /** Activities planned, done and overdue per person and type, and appointments kept, for the monitoring page. */
    async activities(actor: UserActor, query: z.infer<typeof ActivityReportQuery>) {
      const locationIds = await reportLocations(org, actor, query.locationId);
      return activityReport(database.db, org, locationIds, query, clock.now());
    },

    async monitoringRequests(actor: UserActor, query: MonitoringDrillInput) {
      const locationIds = await reportLocations(org, actor, query.locationId);
      return monitoringRequests(
        database,
        cohortOf(query, locationIds, clock.now()),
        query,
        await locationCalendars(org),
      );
    },

    /** Queues the managers' summary of the day before `now` (the recurring job does this at 07:00). */
    sendDailySummaries: async (now = clock.now()) =>
      sendDailySummaries(database, mail, now, await locationCalendars(org)),
  };
}
