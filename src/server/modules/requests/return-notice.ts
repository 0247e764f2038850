import { defineJob } from '@server/jobs/definition';
import { z } from 'zod';
import type { Location } from '../../../shared/org/schemas';
import type { DbOrTx } from '../../db/client';
import { nextOpening } from '../../lib/working-time';
import { addDays, fromLocal } from '../../lib/zoned-time';
import type { RequestsContext } from './context';
import { berlinDateTime, STATUS_LABEL, TYPE_LABEL } from './labels';
import * as repo from './repo';
import { RETURN_JOB, returnKey } from './sla';

const ReturnPayload = z.object({
  userId: z.uuid(),
  locationId: z.uuid(),
  /** Last day of the absence (YYYY-MM-DD). */
  until: z.iso.date(),
  /** When the first request was taken on their behalf during this absence. */
  since: z.iso.datetime({ offset: true }),
});
type ReturnPayload = z.infer<typeof ReturnPayload>;

/**
 * R0.7: the regular consultant learns on return what the deputy handled for
 * them. One notice per person and absence, at the first working hour after it.
 */
export function createReturnNotice(ctx: RequestsContext) {
  const { deps, jobs, org, contacts, notifications, mail } = ctx;
  const returnNoticeJob = defineJob({
    kind: RETURN_JOB,
    payload: ReturnPayload,
    handler: async ({ userId, until, since }) => {
      const user = await org.getUser(userId).catch(() => null);
      if (!user?.active) return;
      // A day of slack: requests received just before the first one was scheduled count too.
      const handled = await repo.listOnBehalfSince(deps.db, userId, new Date(new Date(since).getTime() - 86_400_000));
      if (handled.length === 0) return;
      const [names, deputies] = await Promise.all([
        contacts.refs(handled.map((r) => r.contactId)),
        org.userRefs(handled.map((r) => r.assigneeId).filter((v): v is string => Boolean(v))),
      ]);
      const lines = handled.map(
        (r) =>
          `${r.number} · ${TYPE_LABEL[r.type]} · ${names.get(r.contactId)?.displayName ?? ''} · ${r.subject} ` +
          `(${STATUS_LABEL[r.status]}, bearbeitet von ${r.assigneeId ? (deputies.get(r.assigneeId)?.displayName ?? '') : '–'}, eingegangen ${berlinDateTime(r.receivedAt)})`,
      );
      const title = `Willkommen zurück: ${handled.length} Anliegen wurden in Ihrer Abwesenheit für Sie bearbeitet`;
      const text = `Guten Tag ${user.displayName},\n\nbis ${until} wurden folgende Anliegen Ihrer Kunden von Ihrer Vertretung bearbeitet:\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
      await deps.db.transaction(async (tx) => {
        await notifications.notify(tx, userId, {
          kind: 'request.on_behalf_summary',
          title,
          body: lines.join('\n'),
          link: '/requests?scope=mine',
          data: { requestIds: handled.map((r) => r.id), until },
        });
        await mail.enqueue(tx, { to: user.email, subject: title, text });
      });
    },
    transactional: false,
  });
  jobs.register(returnNoticeJob);

  return {
    /** Plans the notice for the first working hour after the absence ends; once per person and absence. */
    async schedule(tx: DbOrTx, location: Location, userId: string, until: string): Promise<void> {
      const [y, m, d] = until.split('-').map(Number) as [number, number, number];
      const dayAfter = addDays(y, m, d, 1);
      const midnight = fromLocal(dayAfter.year, dayAfter.month, dayAfter.day, 0, 'Europe/Berlin');
      const runAt = nextOpening({ openingHours: location.openingHours, federalState: location.federalState }, midnight);
      const payload: ReturnPayload = { userId, locationId: location.id, until, since: deps.clock.now().toISOString() };
      await jobs.schedule(tx, returnNoticeJob, payload, { runAt, uniqueKey: returnKey(userId, until) });
    },
  };
}
