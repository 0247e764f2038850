import type { Deps } from '@server/deps';
import type { JobsService } from '@server/jobs/service';
import type { ActivitiesService } from '@server/modules/activities';
import type { NotificationsService } from '@server/modules/notifications';
import { createDeadlineJob, deadlineWatch } from './deadline';
import { createTicketReport } from './report';
import { createTemplates } from './templates';
import { createTickets } from './tickets';

export interface ServiceTicketsDeps {
  activities: ActivitiesService;
  jobs: JobsService;
  notifications: NotificationsService;
}

export type ServiceTicketsService = ReturnType<typeof createServiceTicketsService>;

/** Service processes, the tickets that run on them, their deadline watch and their report (R4.6). */
export function createServiceTicketsService(deps: Deps, { activities, jobs, notifications }: ServiceTicketsDeps) {
  const deadlineJob = createDeadlineJob(deps, { jobs, notifications });
  const tickets = createTickets(deps, activities, deadlineWatch(jobs, deadlineJob));
  // Completing a step's activity in the calendar or the list completes the step, in its transaction.
  activities.onChange(async (tx, { kind, activity, byId }) => {
    if (kind === 'done') await tickets.activityDone(tx, activity.id, byId);
  });
  return {
    templates: createTemplates(deps),
    tickets,
    report: createTicketReport(deps),
    deadlineJob,
    /** The same tickets on another clock: the demo data starts tickets days back. */
    ticketsAt: (clock: Deps['clock']) =>
      createTickets({ ...deps, clock }, activities, deadlineWatch(jobs, deadlineJob)),
  };
}
