import { notificationText, onBehalfLines, renderNotificationText } from '@shared/texts/notifications';
import { translator } from '@shared/texts/translate';
import { defineJob } from '@server/jobs/definition';
import { z } from 'zod';
import type { Location } from '@shared/org/schemas';
import type { DbOrTx } from '@server/db/client';
import { nextOpening } from '@server/lib/working-time';
import { addDays, fromLocal } from '@server/lib/zoned-time';
import type { RequestsContext } from './context';
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
      const text = notificationText('notification.onBehalfSummary', {
        until,
        items: handled.map((r) => ({
          number: r.number,
          type: r.type,
          customer: names.get(r.contactId)?.displayName ?? '',
          subject: r.subject,
          status: r.status,
          handledBy: r.assigneeId ? (deputies.get(r.assigneeId)?.displayName ?? '') : '–',
          receivedAt: r.receivedAt.toISOString(),
        })),
      });
      // The mail in the user's own language, German unless they chose otherwise.
      const t = translator(user.locale);
      const { title } = renderNotificationText(text, t, user.locale)!;
      const lines = onBehalfLines(text.params, t, user.locale);
      const mailText = `${t('mail.greeting', { name: user.displayName })}\n\n${t('mail.onBehalfSummary', { until })}\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`;
      await deps.db.transaction(async (tx) => {
        await notifications.notify(tx, userId, {
          kind: 'request.on_behalf_summary',
          text,
          link: '/requests?scope=mine',
          data: { requestIds: handled.map((r) => r.id), until },
        });
        await mail.enqueue(tx, { to: user.email, subject: title, text: mailText });
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
