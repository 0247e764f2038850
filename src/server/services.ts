import { createOrdersService, moveSalesContactIn, type OrdersService } from './modules/sales';
import type { Deps } from './deps';
import { createMailService, type MailService } from './integrations/mail/service';
import { createJobsService, type JobsService } from './jobs/service';
import {
  type ActivitiesService,
  type CalendarService,
  createActivitiesService,
  createCalendarService,
} from './modules/activities';
import {
  createOfferSendService,
  createOffersService,
  type OfferSendService,
  type OffersService,
} from './modules/sales';
import { type AssignmentService, createAssignmentService } from './modules/assignment';
import { type BoardService, createBoardService } from './modules/board';
import { type CampaignsService, createCampaignsService } from './modules/campaigns';
import { type AuthService, createAuthService, revokeSessionsOfUser } from './modules/auth';
import { ContactListFilters, type ContactsService, createContactsService, MergeHooks } from './modules/contacts';
import { createDocumentsService, type DocumentsService } from './modules/documents';
import { createSalesDocuments, type SalesDocuments } from './modules/sales';
import { createImportsService, type ImportsService } from './modules/imports';
import {
  createEventBus,
  createNotificationsService,
  type EventBus,
  type NotificationsService,
} from './modules/notifications';
import {
  type ChecksService,
  createChecksService,
  createDutyService,
  createOrgService,
  type DutyService,
  type OrgService,
} from './modules/org';
import { createMailboxesService, latestInboundMail, type MailboxesService } from './modules/mailboxes';
import { createMessagesService, type MessagesService } from './modules/messages';
import { createPhonebookService, type PhonebookService } from './modules/phonebook';
import { createReportsService, type ReportsService } from './modules/reports';
import { createLifecycleService, type LifecycleService } from './modules/lifecycle';
import { createRequestsService, type RequestsService } from './modules/requests';
import { createOpportunitiesService, type OpportunitiesService } from './modules/sales';
import { createSearchService, type SearchService } from './modules/search';
import {
  createTelephonyAdminService,
  createTelephonyService,
  type TelephonyAdminService,
  type TelephonyService,
} from './modules/telephony';
import { createTemplatesService, type TemplatesService } from './modules/templates';
import { type CorrespondenceService, createCorrespondenceService } from './modules/correspondence';
import { createTestDrivesService, type TestDrivesService } from './modules/sales';
import { createSurveysService, type SurveysService } from './modules/surveys';
import { type ComplaintsModule, createComplaintsModule, moveComplaintsContactIn } from './modules/complaints';
import { createTimelineService, type TimelineService } from './modules/timeline';
import { createVehiclesService, type VehiclesService } from './modules/vehicles';
import { createServiceTicketsService, type ServiceTicketsService } from './modules/service-tickets';

/** All domain services, wired once per app. Routes and jobs receive this. */
export interface Services {
  org: OrgService;
  duty: DutyService;
  checks: ChecksService;
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
  correspondence: CorrespondenceService;
  requests: RequestsService;
  reports: ReportsService;
  lifecycle: LifecycleService;
  telephony: TelephonyService;
  telephonyAdmin: TelephonyAdminService;
  phonebook: PhonebookService;
  activities: ActivitiesService;
  offers: OffersService;
  offerSending: OfferSendService;
  calendar: CalendarService;
  board: BoardService;
  opportunities: OpportunitiesService;
  purchaseOrders: OrdersService;
  testDrives: TestDrivesService;
  documents: DocumentsService;
  salesDocuments: SalesDocuments;
  messages: MessagesService;
  serviceTickets: ServiceTicketsService;
  mailboxes: MailboxesService;
  surveys: SurveysService;
  campaigns: CampaignsService;
  complaints: ComplaintsModule;
}

/**
 * Modules use each other only through their index.ts (service, types and
 * functions that take the caller's transaction first). Dependencies point one way:
 *
 *   org ← auth                     (org asks auth to end sessions through a hook)
 *   org ← contacts ← vehicles ← imports
 *   timeline ← contacts, vehicles, requests, telephony, imports  (history is written in the writer's transaction)
 *   org, contacts, requests ← assignment   (people, regular staff, workload read models)
 *   assignment, templates → requests      only as requests' ports, wired here
 *   contacts, org, documents, templates, requests (read model) ← correspondence → requests   (requests sends its
 *                                          e-mail attempt through its correspondence port, wired here)
 *   org, contacts, assignment, requests ← telephony ← integrations (adapters use telephony's ports)
 *   org, contacts, vehicles, requests, assignment ← activities   (requests hears of moved callbacks through onChange)
 *   activities → requests                 only as requests' activities port (the callback window's call), wired here
 *   org, contacts, notifications, documents, requests (file checks) ← board   (messages take a message to the
 *                                          board through its index; a post's files are documents)
 *   org, contacts, vehicles, activities, correspondence ← sales   (the delivery appointment, the customer status,
 *                                          the sold car, the offer sent by e-mail with its follow-up)
 *   activities (calendar, invitations, appointments read model) ← sales (test drives)
 *   org, contacts, requests, notifications ← messages   (a complaint message takes its request in through requests' intake)
 *   org, contacts, vehicles, requests, activities, notifications ← service-tickets   (a step's activity; its
 *                                          completion completes the step through activities' onChange)
 *   org, contacts, correspondence, requests ← mailboxes   (a mail becomes a request through requests' intake)
 *   org, contacts, vehicles, activities, requests, correspondence, documents ← surveys   (a low score's complaint and
 *                                          the add-on interests go in through requests' intake; the link by e-mail)
 *   org, contacts, vehicles, assignment, activities, documents, campaigns ← lifecycle   (rules find due vehicles in one
 *                                          statement each; letters and e-mails go out as the campaigns' do)
 *   contacts, vehicles, documents, correspondence, activities ← campaigns   (selections read contacts' and vehicles'
 *                                          read models; mails and calls go through ports wired here)
 *   org, contacts, vehicles, requests (read model), notifications, assignment ← complaints
 *   requests, telephony, activities ← reports   (reports also reads across tables, see reports/service.ts)
 *
 * The timeline reader gets the contacts and vehicles services handed in; audit
 * and notifications are used by most. Modules that keep rows pointing at
 * contacts register with the merge hooks instead of contacts knowing about them.
 */
export function createServices(deps: Deps): Services {
  const mergeHooks = new MergeHooks();
  const events = createEventBus(deps.database, deps.log);
  const jobs = createJobsService(deps, events);
  const mail = createMailService(deps, jobs);
  const notifications = createNotificationsService(deps, events);
  const org = createOrgService(deps, { revokeSessionsOfUser });
  const duty = createDutyService(deps, { jobs, live: notifications });
  const checks = createChecksService(deps);
  const contactListFilters = new ContactListFilters();
  const contacts = createContactsService(deps, org, mergeHooks, contactListFilters);
  const vehicles = createVehiclesService(deps, contacts, mergeHooks, org, contactListFilters);
  // Assignment asks telephony who is on the phone; telephony is built on assignment, so it is looked up when asked.
  const assignment = createAssignmentService(deps, org, contacts, notifications, mail, {
    onCallNow: (userIds, tx) => telephony.onCallNow(userIds, tx),
  });
  const templates = createTemplatesService(deps);
  const correspondence = createCorrespondenceService(deps, mail);
  const requests = createRequestsService(deps, {
    correspondence,
    // The customer's mails on a request, for a reply's In-Reply-To and References: the mailbox intake's.
    // A reply answers the customer's latest mail, as the mailbox intake stored it.
    inboundThread: {
      async latestInboundMail(tx, requestId) {
        const mail = await latestInboundMail(tx, requestId);
        // A mail without a Message-ID cannot be answered in its thread; the subject's number still threads it.
        if (!mail?.messageId) return null;
        return {
          messageId: mail.messageId,
          references: mail.references,
          subject: mail.subject ?? '',
          fromAddress: mail.fromAddress ?? '',
        };
      },
    },
    org,
    contacts,
    vehicles,
    assignment,
    templates,
    // Activities reads requests, so requests reaches it through this port; built below, looked up when asked.
    activities: {
      planCallback: async (tx, call) => {
        const row = await activities.planIn(
          tx,
          { userId: null },
          null,
          {
            type: 'call',
            subject: call.subject,
            note: null,
            priority: 'normal',
            ownerId: call.ownerId,
            contactId: call.contactId,
            requestId: call.requestId,
            allDay: false,
            startsAt: call.from.toISOString(),
            endsAt: call.to?.toISOString() ?? null,
            place: null,
            // Reminded when the window opens.
            reminderMinutesBefore: 0,
          },
          { locationId: call.locationId },
        );
        return row.id;
      },
      handOver: async (tx, activityId, ownerId, byId) =>
        (await activities.handOverIn(tx, activityId, ownerId, byId)) !== null,
      close: async (tx, activityId, byId, how) => {
        if (how.reached) await activities.completeIn(tx, activityId, byId, 'reached', how.note);
        else await activities.cancelIn(tx, activityId, byId, how.note);
      },
    },
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
  const activities = createActivitiesService(deps, {
    org,
    contacts,
    jobs,
    notifications,
    assignment,
    mail,
    mergeHooks,
  });
  const calendar = createCalendarService(deps, { activities, contacts, jobs, mail });
  // Moving a request's callback call moves the request's window and deadline, in the same transaction.
  activities.onChange(async (tx, { kind, activity, byId }) => {
    if (kind === 'moved' && activity.requestId) await requests.callbackMoved(tx, activity, byId);
  });
  // The sales module's tables (opportunities, test drives, purchase orders) follow a merged contact.
  mergeHooks.register('sales', moveSalesContactIn);
  const purchaseOrders = createOrdersService(deps, { activities, org });
  const documents = createDocumentsService(deps);
  const salesDocuments = createSalesDocuments(deps, documents);
  const lifecycle = createLifecycleService(
    deps,
    jobs,
    {
      sendCustomerEmailIn: (tx, input) => correspondence.sendCustomerEmailIn(tx, input),
      link: (path) => mail.link(path),
    },
    mergeHooks,
  );
  vehicles.provideServiceInterval(() => lifecycle.mileageIntervalKm());
  const board = createBoardService(deps, notifications, mergeHooks, documents);
  const messages = createMessagesService(deps, { org, requests, notifications, board, mergeHooks });
  mergeHooks.register('complaints', moveComplaintsContactIn);
  const complaints = createComplaintsModule(deps, {
    org,
    jobs,
    notifications,
    managersOf: (locationId, tx) => assignment.managersOf(locationId, tx),
  });
  // A complaint taken in opens its case in the same transaction.
  requests.onTakenIn(async (tx, request) => {
    if (request.type === 'complaint') await complaints.openForRequestIn(tx, request.id);
  });
  const offers = createOffersService(deps);
  const offerSending = createOfferSendService(deps, { correspondence, activities, offers });
  const serviceTickets = createServiceTicketsService(deps, { activities, jobs, notifications });
  const campaigns = createCampaignsService(deps, jobs, {
    sendCustomerEmailIn: (tx, input) => correspondence.sendCustomerEmailIn(tx, input),
    planCallIn: (tx, call) =>
      activities.planIn(tx, { userId: call.authorId }, null, {
        type: 'call',
        subject: call.subject.slice(0, 200),
        note: call.note.slice(0, 10_000) || null,
        priority: 'normal',
        ownerId: call.ownerId,
        contactId: call.contactId,
        allDay: true,
        dueOn: call.dueOn,
        place: null,
        reminderMinutesBefore: null,
      }),
    link: (path) => mail.link(path),
  });
  return {
    campaigns,
    activities,
    offers,
    offerSending,
    purchaseOrders,
    duty,
    checks,
    calendar,
    opportunities: createOpportunitiesService(deps),
    testDrives: createTestDrivesService(deps, { activities, calendar }),
    documents,
    salesDocuments,
    messages,
    serviceTickets,
    mailboxes: createMailboxesService(deps, { requests, org }),
    complaints,
    telephony,
    assignment,
    templates,
    correspondence,
    requests,
    reports: createReportsService(deps, org, jobs, mail, { requests, telephony }),
    lifecycle,
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
    board,
    surveys: createSurveysService(deps, { contacts, vehicles, activities, requests, correspondence, org }, mergeHooks),
  };
}
