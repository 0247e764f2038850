import { z } from 'zod';
import { notificationText } from '@shared/texts/notifications';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { defineJob } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { contactRefs } from '@server/modules/contacts';
import type { NotificationsService } from '@server/modules/notifications';
import { activeAdmins, activeStaffAt, userNames } from '@server/modules/org';
import { recordTimeline } from '@server/modules/timeline';
import * as repo from './repo';

export const DEADLINE_JOB = 'service-ticket.deadline';
export const stepKey = (stepId: string) => `service-step-due:${stepId}`;
export const ticketKey = (ticketId: string) => `service-ticket-due:${ticketId}`;

/**
 * Who hears of a missed deadline: the location's service manager (a manager of the service
 * department), else its managers, else the admins, so an overdue step never goes unheard.
 */
async function serviceManagersAt(db: DbOrTx, locationId: string): Promise<string[]> {
  const managers = await activeStaffAt(db, locationId, 'manager');
  const service = managers.filter((m) => m.department === 'service');
  const chosen = service.length ? service : managers.length ? managers : await activeAdmins(db);
  return chosen.map((p) => p.id);
}

/**
 * The deadline watch: one timer per started step and one per ticket. When it fires and the
 * step (or ticket) is still unfinished, the service manager is told once. The conditional
 * update in the transaction makes it once however many runs, retries or processes see it.
 */
export function createDeadlineJob(
  { db, clock }: Deps,
  { jobs, notifications }: { jobs: JobsService; notifications: NotificationsService },
) {
  const job = defineJob({
    kind: DEADLINE_JOB,
    payload: z.object({ ticketId: z.uuid(), stepId: z.uuid().nullable() }),
    transactional: false,
    handler: async ({ ticketId, stepId }) => {
      const ticket = await repo.findTicket(db, ticketId);
      if (!ticket || ticket.status !== 'open') return;
      const step = stepId
        ? (await repo.stepsOfTickets(db, [ticketId])).get(ticketId)!.find((s) => s.id === stepId)
        : null;
      if (stepId && (!step || step.status !== 'current' || step.escalatedAt)) return;
      if (!stepId && ticket.escalatedAt) return;

      // Reads first: on PGlite nothing may read outside the transaction while it is open.
      const [recipients, customers, names, template] = await Promise.all([
        serviceManagersAt(db, ticket.locationId),
        contactRefs(db, [ticket.contactId]),
        userNames(db, step?.assigneeId ? [step.assigneeId] : []),
        repo.findTemplate(db, ticket.templateId),
      ]);
      const dueAt = (step?.dueAt ?? ticket.dueAt).toISOString();
      const text = notificationText('notification.serviceTicketOverdue', {
        ticketId,
        number: ticket.number,
        process: template?.name ?? '',
        customer: customers.get(ticket.contactId)?.displayName ?? '',
        step: step?.title ?? null,
        assignee: step?.assigneeId ? (names.get(step.assigneeId) ?? null) : null,
        dueAt,
      });

      await db.transaction(async (tx) => {
        const now = clock.now();
        const marked = step
          ? await repo.markStepEscalated(tx, step.id, now)
          : await repo.markTicketEscalated(tx, ticketId, now);
        if (!marked) return;
        for (const userId of recipients) {
          await notifications.notify(tx, userId, {
            kind: 'serviceTicket.overdue',
            text,
            link: `/service-tickets/${ticketId}`,
            data: { ticketId, stepId, number: ticket.number },
          });
        }
        await recordTimeline(tx, {
          contactId: ticket.contactId,
          vehicleId: ticket.vehicleId,
          kind: 'service_ticket',
          occurredAt: now,
          authorId: null,
          ...timelineText('timeline.serviceTicketOverdue', { number: ticket.number, step: step?.title ?? null, dueAt }),
          data: { ticketId, stepId, notified: recipients },
          sourceType: 'service_ticket',
          sourceId: ticketId,
        });
      });
    },
  });
  return jobs.register(job);
}

export type DeadlineJob = ReturnType<typeof createDeadlineJob>;

/** Starts and stops the timers of a ticket and its steps, in the caller's transaction. */
export function deadlineWatch(jobs: JobsService, job: DeadlineJob) {
  return {
    job,
    watchStep: (tx: DbOrTx, ticketId: string, stepId: string, dueAt: Date) =>
      jobs.schedule(tx, job, { ticketId, stepId }, { runAt: dueAt, uniqueKey: stepKey(stepId) }),
    watchTicket: (tx: DbOrTx, ticketId: string, dueAt: Date) =>
      jobs.schedule(tx, job, { ticketId, stepId: null }, { runAt: dueAt, uniqueKey: ticketKey(ticketId) }),
    stopStep: (tx: DbOrTx, stepId: string) => jobs.cancel(tx, stepKey(stepId)),
    stopTicket: (tx: DbOrTx, ticketId: string) => jobs.cancel(tx, ticketKey(ticketId)),
  };
}
