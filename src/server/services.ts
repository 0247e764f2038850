import type { Deps } from './deps';
import { createMailService, type MailService } from './integrations/mail/service';
import { createJobsService, type JobsService } from './jobs/service';
import { createEventBus, type EventBus } from './modules/notifications/event-bus';
import { createNotificationsService, type NotificationsService } from './modules/notifications/service';
import { type AssignmentService, createAssignmentService } from './modules/assignment/service';
import { type AuthService, createAuthService, revokeSessionsOfUser } from './modules/auth';
import { MergeHooks } from './modules/contacts/merge-hooks';
import { type ContactsService, createContactsService } from './modules/contacts/service';
import { createImportsService, type ImportsService } from './modules/imports/service';
import { createOrgService, type OrgService } from './modules/org';
import { createPhonebookService, type PhonebookService } from './modules/phonebook/service';
import { createTelephonyAdminService, type TelephonyAdminService } from './modules/telephony/admin/service';
import { createReportsService, type ReportsService } from './modules/reports/service';
import { createRequestsService, type RequestsService } from './modules/requests/service';
import { createTelephonyService, type TelephonyService } from './modules/telephony/service';
import { createTemplatesService, type TemplatesService } from './modules/templates/service';
import { createSearchService, type SearchService } from './modules/search/service';
import { createTimelineService, type TimelineService } from './modules/timeline/reader';
import { createVehiclesService, type VehiclesService } from './modules/vehicles/service';

/** All domain services, wired once per app. Routes and jobs receive this. */
export interface Services {
  org: OrgService;
  auth: AuthService;
  contacts: ContactsService;
  vehicles: VehiclesService;
  timeline: TimelineService;
  search: SearchService;
  imports: ImportsService;
  events: EventBus;
  jobs: JobsService;
  mail: MailService;
  notifications: NotificationsService;
  assignment: AssignmentService;
  templates: TemplatesService;
  requests: RequestsService;
  reports: ReportsService;
  telephony: TelephonyService;
  telephonyAdmin: TelephonyAdminService;
  phonebook: PhonebookService;
}

/**
 * Dependencies point one way: org ← contacts ← vehicles ← imports; timeline
 * and search read across. Modules that keep rows pointing at contacts
 * register with the merge hooks instead of contacts knowing about them.
 */
export function createServices(deps: Deps): Services {
  const mergeHooks = new MergeHooks();
  const events = createEventBus(deps.database, deps.log);
  const jobs = createJobsService(deps, events);
  const mail = createMailService(deps, jobs);
  const notifications = createNotificationsService(deps, events);
  const org = createOrgService(deps, { revokeSessionsOfUser });
  const contacts = createContactsService(deps, org, mergeHooks);
  const vehicles = createVehiclesService(deps, contacts, mergeHooks, org);
  // Assignment asks telephony who is on the phone; telephony is built on assignment, so it is looked up when asked.
  const assignment = createAssignmentService(deps, org, contacts, notifications, mail, {
    onCallNow: (userIds, tx) => telephony.onCallNow(userIds, tx),
  });
  const templates = createTemplatesService(deps);
  const requests = createRequestsService(deps, {
    org,
    contacts,
    vehicles,
    assignment,
    templates,
    jobs,
    mail,
    notifications,
    mergeHooks,
  });
  const telephony = createTelephonyService(deps, {
    org,
    assignment,
    contacts,
    requests,
    notifications,
    events,
    jobs,
    mergeHooks,
  });
  return {
    telephony,
    assignment,
    templates,
    requests,
    reports: createReportsService(deps, org, jobs, mail, { requests, telephony }),
    events,
    jobs,
    mail,
    notifications,
    org,
    auth: createAuthService(deps),
    contacts,
    vehicles,
    timeline: createTimelineService(deps, org, mergeHooks, contacts, vehicles),
    search: createSearchService(deps),
    imports: createImportsService(deps, contacts, vehicles, org),
    telephonyAdmin: createTelephonyAdminService(deps, events),
    phonebook: createPhonebookService(deps, jobs),
  };
}
