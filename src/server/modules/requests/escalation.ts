import { defineJob } from '@server/jobs/definition';
import { z } from 'zod';
import type { WriteBatch } from '../../db/together';
import type { RequestsContext } from './context';
import { berlinDateTime, TYPE_LABEL } from './labels';
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
      const assigneeName = current.assigneeId ? (assignee.get(current.assigneeId)?.displayName ?? '–') : 'niemand';
      const title = `Überfällig: ${current.number} ${TYPE_LABEL[current.type]} – ${customer}`;
      const body =
        `Das Anliegen ${current.number} („${current.subject}“) von ${customer} hätte bis ` +
        `${current.firstContactDueAt ? berlinDateTime(current.firstContactDueAt) : '–'} einen Erstkontakt gebraucht. ` +
        `Zuständig: ${assigneeName}.`;

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
            title,
            body,
            link: `/requests/${requestId}`,
            data: { requestId, number: row.number },
          });
          await mail.enqueue(tx, {
            to: person.email,
            subject: title,
            text: `Guten Tag ${person.displayName},\n\n${body}\n`,
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
