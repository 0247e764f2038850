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
