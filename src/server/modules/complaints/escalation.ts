import { z } from 'zod';
import { notificationText } from '@shared/texts/notifications';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { defineJob } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import { contactRefs } from '@server/modules/contacts';
import type { NotificationsService } from '@server/modules/notifications';
import { userNames } from '@server/modules/org';
import { recordTimeline } from '@server/modules/timeline';
import * as repo from './repo';

export const STEP_DUE_JOB = 'complaint.step-due';
export const stepKey = (stepId: string) => `complaint-step:${stepId}`;

interface EscalationPorts {
  jobs: JobsService;
  notifications: NotificationsService;
  managersOf: (locationId: string, tx: DbOrTx) => Promise<string[]>;
}

/**
 * A remedy step still open at its deadline goes to the managers of the complaint's location,
 * once: the conditional update (open, not escalated, due) makes it fire once however many
 * workers or retries see the job, and a moved deadline re-arms it.
 */
export function createStepEscalation(deps: Deps, ports: EscalationPorts) {
  const { clock } = deps;
  const stepDue = defineJob({
    kind: STEP_DUE_JOB,
    payload: z.object({ caseId: z.uuid(), stepId: z.uuid() }),
    handler: async ({ caseId, stepId }, { tx }) => {
      const now = clock.now();
      const row = await repo.findCase(tx, caseId, true);
      if (!row || row.status === 'closed') return;
      const step = await repo.markStepEscalated(tx, stepId, now);
      if (!step) return;
      const managers = (await ports.managersOf(row.locationId, tx)).filter((id) => id !== step.responsibleId);
      const customer = (await contactRefs(tx, [row.contactId])).get(row.contactId)?.displayName ?? '';
      const responsible = step.responsibleId
        ? ((await userNames(tx, [step.responsibleId])).get(step.responsibleId) ?? null)
        : null;
      const text = notificationText('notification.complaintStep', {
        number: row.number,
        customer,
        step: step.title,
        dueAt: step.dueAt.toISOString(),
        how: 'overdue',
        responsible,
      });
      for (const managerId of managers) {
        await ports.notifications.notify(tx, managerId, {
          kind: 'complaint.escalated',
          text,
          link: `/requests/${row.requestId}`,
          data: { complaintId: row.id, stepId: step.id },
        });
      }
      await repo.insertEvent(tx, {
        caseId: row.id,
        at: now,
        actorId: null,
        kind: 'escalated',
        data: { detail: step.title, stepId: step.id, notified: managers },
      });
      await recordTimeline(tx, {
        contactId: row.contactId,
        kind: 'complaint',
        occurredAt: now,
        authorId: null,
        ...timelineText('timeline.complaint', { number: row.number, event: 'escalated', detail: step.title }),
        body: null,
        data: { complaintId: row.id, requestId: row.requestId, status: row.status },
        sourceType: 'complaint',
        sourceId: row.id,
      });
    },
  });
  ports.jobs.register(stepDue);

  return {
    stepDue,
    /** (Re)arms the step's deadline: one live job per step, moved when the deadline moves. */
    async schedule(tx: DbOrTx, step: repo.StepRow): Promise<void> {
      if (step.status !== 'open') return;
      await ports.jobs.schedule(
        tx,
        stepDue,
        { caseId: step.caseId, stepId: step.id },
        { runAt: step.dueAt, uniqueKey: stepKey(step.id), replace: true },
      );
    },
  };
}
