import { renderNotificationText, notificationText } from '@shared/texts/notifications';
import { translator } from '@shared/texts/translate';
import { defineJob } from '@server/jobs/definition';
import { z } from 'zod';
import type { WriteBatch } from '@server/db/together';
import type { RequestsContext } from './context';
import * as repo from './repo';
import { SLA_JOB, slaKey } from './sla';
import { isOpen } from './view';

/**
 * The SLA timer: a request nobody has contacted by its deadline goes to the
 * location's managers and is flagged. The conditional update makes it fire
 * once however many workers or retries see the job.
 */
export function createEscalation(ctx: RequestsContext) {
  const { deps, jobs, org, contacts, assignment, notifications, mail } = ctx;
  const firstContactDueJob = defineJob({
    kind: SLA_JOB,
    payload: z.object({ requestId: z.uuid() }),
    handler: async ({ requestId }) => {
      const current = await repo.findRequest(deps.db, requestId);
      if (!current || current.firstContactedAt || current.escalatedAt || !isOpen(current.status)) return;

      // Reads first: on PGlite nothing may read outside the transaction while it is open.
      const managers = await assignment.managersOf(current.locationId);
      const recipients = [...new Set([...managers, ...(current.assigneeId ? [current.assigneeId] : [])])];
      const people = await Promise.all(recipients.map((id) => org.getUser(id).catch(() => null)));
      const [names, assignee] = await Promise.all([
        contacts.refs([current.contactId]),
        current.assigneeId ? org.userRefs([current.assigneeId]) : Promise.resolve(new Map()),
      ]);
      const customer = names.get(current.contactId)?.displayName ?? '';
      const text = notificationText('notification.escalated', {
        number: current.number,
        type: current.type,
        customer,
        subject: current.subject,
        dueAt: current.firstContactDueAt?.toISOString() ?? null,
        assignee: current.assigneeId ? (assignee.get(current.assigneeId)?.displayName ?? '–') : null,
      });

      await deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const row = await repo.markEscalated(tx, requestId, now);
        if (!row) return;
        await repo.insertEvents(tx, [
          {
            requestId,
            at: now,
            actorId: null,
            kind: 'escalated',
            data: { notified: recipients, dueAt: row.firstContactDueAt },
          },
        ]);
        for (const person of people) {
          if (!person?.active) continue;
          await notifications.notify(tx, person.id, {
            kind: 'request.escalated',
            text,
            link: `/requests/${requestId}`,
            data: { requestId, number: row.number },
          });
          // The mail in the recipient's own language, German unless they chose otherwise.
          const t = translator(person.locale);
          const { title, body } = renderNotificationText(text, t, person.locale)!;
          await mail.enqueue(tx, {
            to: person.email,
            subject: title,
            text: `${t('mail.greeting', { name: person.displayName })}\n\n${body}\n`,
            related: { type: 'request', id: requestId },
          });
        }
      });
    },
    transactional: false,
  });
  jobs.register(firstContactDueJob);

  return {
    firstContactDueJob,
    /** Starts the request's SLA timer as part of its intake's write batch. */
    scheduleIn(batch: WriteBatch, requestId: string, dueAt: Date): void {
      jobs.scheduleIn(batch, firstContactDueJob, { requestId }, { runAt: dueAt, uniqueKey: slaKey(requestId) });
    },
  };
}
