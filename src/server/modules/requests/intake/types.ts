import type { FieldErrorCode } from '@shared/errors/codes';
import type { Channel, ConsentPurpose, ConsentStatus } from '@shared/contacts/enums';
import type { DepartmentKind } from '@shared/org/enums';
import type { Location } from '@shared/org/schemas';
import type { Priority, RequestChannel, RequestType } from '@shared/requests/enums';
import type { NewCustomer } from '@shared/requests/schemas';
import type { ContactMatchRecord, SubmittedCustomer } from '@shared/requests/submitted';
import type { InputRepair } from '@shared/text/repairs';
import type { Actor } from '@server/http/access';
import type { IncomingFile } from '../attachments';
import type { ContactChoice } from '../intake-customer';
import type { AssignmentDecisionResult } from '../ports';
import type * as repo from '../repo';

/** One request to take in, from whichever channel; every path (form, walk-in, API, ADF) ends here. */
export interface IntakeInput {
  type: RequestType;
  channel: RequestChannel;
  source?: string | null;
  campaign?: string | null;
  locationId: string;
  brand?: string | null;
  department?: DepartmentKind | null;
  subject: string;
  message?: string | null;
  vehicleId?: string | null;
  vehicleInterest?: Record<string, unknown> | null;
  priority?: Priority;
  callbackFrom?: Date | null;
  callbackTo?: Date | null;
  contactId?: string | null;
  customer?: NewCustomer | null;
  /** Staff chose the assignee themselves instead of the rules. */
  assigneeId?: string | null;
  externalSource?: string | null;
  externalId?: string | null;
  receivedAt?: Date;
  /** Files that came with it (the JSON API's base64 attachments). */
  attachments?: IncomingFile[];
  /** Consents the customer gave in the sender's form; they go into the contact's consent history. */
  consents?: Array<{ channel: Channel; purpose: ConsentPurpose; status: ConsentStatus }>;
  /** What machine intake changed so the lead could be stored; kept on the request for staff to see. */
  repairs?: InputRepair[];
  /** What the sender wrote, when it says more than `customer` can (ADF: the full name, every phone). */
  submittedCustomer?: SubmittedCustomer | null;
  /** Machine intake: the lead's content hash, by which a second delivery of it is recognised. */
  contentHash?: string | null;
  /**
   * With contactId: other contacts it may as well be (a caller's number several customers share),
   * kept on the request so staff can see whom else it may concern.
   */
  otherContactIds?: string[];
}

/** Prefix of field names in errors: staff forms send `customer.phone`, ADF maps to its own paths. */
export interface IntakeOptions {
  fieldPrefix?: string;
  /** Machines may send numbers we cannot parse; keep the lead rather than lose it. */
  lenientPhones?: boolean;
  /** The location, when the caller has just loaded it for input.locationId. */
  location?: Location;
  /** The reference version, when the caller has read it already (see db/reference-version). */
  referenceVersion?: number | null;
}

export interface PreparedIntake {
  actor: Actor;
  input: IntakeInput;
  location: Location;
  receivedAt: Date;
  dueAt: Date;
  /** Chosen before the transaction, so every write can go in one statement. */
  requestId: string;
  number: string;
  contact: ContactChoice;
  /** What the customer sent, verbatim, and how their contact was chosen (null: staff chose it). */
  submitted: SubmittedCustomer | null;
  match: ContactMatchRecord | null;
  /** For the announcement; a new contact is not visible outside the transaction. */
  contactDisplayName: string;
  /**
   * Who gets it, decided before the transaction: the reads and the round-robin
   * step then hold nothing while the request is written.
   */
  decision: AssignmentDecisionResult;
}

export interface IntakeResult {
  row: repo.RequestRow;
  contactMatched: boolean;
}

/** Records a field error of this intake, under the caller's field prefix: its code and its English words. */
export type FailField = (field: string, code: FieldErrorCode, message: string) => void;
