import type { Deps } from '@server/deps';
import type { JobsService } from '@server/jobs/service';
import type { MailService } from '@server/integrations/mail/service';
import type { ContactsService } from '@server/modules/contacts';
import type { ActivitiesService } from '../service';
import { createCaldav } from './caldav';
import { createFeeds } from './feed';
import { createInvitations } from './invitations';

export interface CalendarPorts {
  activities: ActivitiesService;
  contacts: ContactsService;
  jobs: JobsService;
  mail: MailService;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

/**
 * Activities outside the CRM: each user's private iCalendar feed, the push to
 * their own CalDAV calendar, and invitations e-mailed to customers.
 */
export function createCalendarService(deps: Deps, ports: CalendarPorts) {
  const feeds = createFeeds(deps);
  const caldav = createCaldav(deps, ports.jobs);
  const invitations = createInvitations(deps, ports);
  ports.activities.onChange((tx, change) => invitations.onChange(tx, change));
  ports.activities.onSaved((tx, activity) => caldav.onSaved(tx, activity));
  return { feeds, caldav, invitations };
}
