import type { DepartmentKind, Locale, Role } from '@shared/org/enums';
import type { RequestType, TemplateKind } from '@shared/requests/enums';
import type { DbOrTx } from '@server/db/client';
import type { WriteBatch } from '@server/db/together';

/**
 * What this module needs of the assignment and templates services, written
 * down as the agreed contract so the two sides can be checked against it.
 */
export interface AssignmentDecisionResult {
  assigneeId: string | null;
  onBehalfOfId: string | null;
  /** Last day (YYYY-MM-DD) of the regular person's absence, when a deputy stands in. */
  onBehalfUntil: string | null;
  ruleId: string | null;
  ruleName: string | null;
  notifyUserIds: string[];
  /** False when the rule says a standing-in deputy gets the in-app notification only. */
  mailAssignee?: boolean;
  explanation: string[];
  /** The people the decision loaded; handed back to announce so it need not load them again. */
  people?: ReadonlyMap<string, KnownPerson>;
}

/** A person as assignment loads them; opaque here, passed back to announce. */
export interface KnownPerson {
  id: string;
  displayName: string;
  email: string;
  role: Role;
  department: DepartmentKind | null;
  active: boolean;
  locationIds: string[];
  locale: Locale;
}

export interface AnnouncedRequest {
  id: string;
  number: string;
  subject: string;
  type: RequestType;
  locationId: string;
  contactDisplayName: string;
  firstContactDueAt?: Date | string | null;
}

export interface AssignmentPort {
  decide(
    tx: DbOrTx,
    input: {
      type: RequestType;
      locationId: string;
      brand: string | null;
      source: string | null;
      contactId: string | null;
      department?: DepartmentKind | null;
      at: Date;
      locationName?: string;
      /** The customer waits at the desk: someone free right now, not just least loaded. */
      seenNow?: boolean;
    },
    /** With the reference version read for this request: staff and rules come from memory. */
    options?: { referenceVersion?: number | null },
  ): Promise<AssignmentDecisionResult>;
  announce(
    tx: DbOrTx,
    input: {
      request: AnnouncedRequest;
      assigneeId: string;
      onBehalfOfId: string | null;
      notifyUserIds: string[];
      reassignedBy?: string | null;
      reason?: string | null;
      mailAssignee?: boolean;
      known?: { people?: ReadonlyMap<string, KnownPerson>; locationName?: string };
    },
    /** The caller's write batch: the alerts go in its statement. */
    into?: WriteBatch,
  ): Promise<unknown>;
  managersOf(locationId: string): Promise<string[]>;
}

export interface TemplateContext {
  customer: { salutation: string; firstName: string | null; lastName: string | null; displayName: string };
  request: { number: string; subject: string };
  vehicle: string | null;
  location: { name: string; phone: string };
  user: { displayName: string; phone: string | null };
}

export interface RenderedTemplate {
  kind: TemplateKind;
  subject: string | null;
  body: string;
  missing: string[];
}

export interface TemplatesPort {
  render(requestType: RequestType, kind: TemplateKind, context: TemplateContext): Promise<RenderedTemplate>;
}

/** The call that keeps an agreed callback window, as the assignee's calendar holds it. */
export interface CallbackAppointment {
  requestId: string;
  ownerId: string;
  contactId: string;
  locationId: string;
  /** The window: the call is due from its start; reminded at the start. */
  from: Date;
  to: Date | null;
  subject: string;
}

/**
 * What this module needs of activities (which reads requests, so requests may not
 * import it): the callback window as a call in the assignee's calendar, handed
 * over and closed with the request, all in the request's transaction.
 */
export interface ActivitiesPort {
  /** Plans the call; returns its id. */
  planCallback(tx: DbOrTx, appointment: CallbackAppointment): Promise<string>;
  /** Gives the call to the request's new assignee; false when it is no longer open. */
  handOver(tx: DbOrTx, activityId: string, ownerId: string, byId: string | null): Promise<boolean>;
  /** The request was closed: the call is done (the customer was reached) or cancelled. */
  close(
    tx: DbOrTx,
    activityId: string,
    byId: string | null,
    how: { reached: boolean; note: string | null },
  ): Promise<void>;
}

/**
 * Writing to the customer by e-mail (the correspondence module), in the request's transaction:
 * refuses (throws) without an address, when blocked, or without consent unless the customer asked.
 */
export interface CorrespondencePort {
  sendCustomerEmailIn(
    tx: DbOrTx,
    input: {
      contactId: string;
      sentById: string;
      subject: string;
      text: string;
      requestId: string;
      askedInRequest: boolean;
      templateKey: string;
      /** One of the customer's addresses; the primary one when left out. */
      to?: string | null;
      attachments?: Array<{ fileName: string; contentType: string; content: Buffer }>;
      inReplyTo?: string | null;
      references?: string[];
    },
  ): Promise<{ id: string }>;
  /** The acknowledgement mail; says why when it could not go (no address, invalid, blocked). */
  sendAcknowledgementIn?(
    tx: DbOrTx,
    input: {
      requestId: string;
      locale: 'de' | 'en';
      deadline: string;
      to?: string | null;
      replyTo?: string | null;
    },
  ): Promise<{ sent: true; id: string; to: string } | { sent: false; reason: string }>;
}

/** The customer's latest mail on a request, as the mailbox intake stored it. */
export interface InboundMail {
  messageId: string;
  references: string[];
  subject: string;
  fromAddress: string;
}

/**
 * Where a reply finds the mail it answers: the mailbox intake keeps the customer's mails.
 * Until it is wired, `noInboundThread` answers that there is none.
 */
export interface InboundThreadPort {
  latestInboundMail(tx: DbOrTx, requestId: string): Promise<InboundMail | null>;
}

export const noInboundThread: InboundThreadPort = { latestInboundMail: async () => null };
