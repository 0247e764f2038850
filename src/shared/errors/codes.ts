import type { z } from 'zod';
import { EARLIEST_YEAR, LATEST_YEAR, YEAR_RANGE_RULE } from '../common';

/**
 * Field-error codes and their parameters. The server sends them beside its English message
 * (problem+json `errors[]`: field, message, code, params); the web app words them in the
 * user's language by code, never by the message.
 */
export interface FieldErrorParams {
  required: Record<string, never>;
  too_short: { min: number };
  too_long: { max: number };
  too_few: { min: number };
  too_many: { max: number };
  invalid: Record<string, never>;
  invalid_email: Record<string, never>;
  /** A pattern did not match; the wording depends on the field (postal code, time …). */
  invalid_format: { format?: string };
  year_range: { from: number; to: number };
  unstorable_text: Record<string, never>;
  too_deep: { max: number };
  already_in_use: Record<string, never>;
  not_current_password: Record<string, never>;
  must_differ: Record<string, never>;
  unknown_location: Record<string, never>;
  cannot_demote_self: Record<string, never>;
  note_required: Record<string, never>;
  invalid_phone: Record<string, never>;
  own_location_required: Record<string, never>;
  active_colleague_required: Record<string, never>;
  /** The location counts presence by check-in, and the colleague is not checked in. */
  on_duty_required: Record<string, never>;
  overlaps_absence: Record<string, never>;
  inactive_user: Record<string, never>;
  self_deputy: Record<string, never>;
  unknown_placeholder: { placeholder: string };
  /** A consent for another channel than the one the message goes out by (`channel`). */
  consent_channel_mismatch: { channel: string };
  in_future: Record<string, never>;
  unknown_vehicle: Record<string, never>;
  unknown_contact: Record<string, never>;
  /** A board post names a colleague who does not read its channel. */
  mention_not_reader: Record<string, never>;
  /** A new customer needs a last name or a company name. */
  name_required: Record<string, never>;
  phone_or_email_required: Record<string, never>;
  contact_or_customer_required: Record<string, never>;
  /** Not a date (a calendar date, or a date written as 15.03.2019). */
  invalid_date: Record<string, never>;
  invalid_number: Record<string, never>;
  /** A word the field does not know, e.g. a fuel or salutation of an old system. */
  unknown_value: { value: string };
  invalid_vin: Record<string, never>;
  invalid_plate: Record<string, never>;
  /** An IBAN whose check digits do not fit; a VAT id not DE + 9 digits; a malformed BIC. */
  invalid_iban: Record<string, never>;
  invalid_vat_id: Record<string, never>;
  invalid_bic: Record<string, never>;
  /** The field only makes sense together with another one (a service contract, financing). */
  service_contract_required: Record<string, never>;
  financing_required: Record<string, never>;
  before_first_registration: Record<string, never>;
  /* Sending to a customer: an invitation needs an address, no block and consent (or the customer's own wish). */
  email_missing: Record<string, never>;
  contact_blocked: Record<string, never>;
  consent_missing: Record<string, never>;
  /** The customer withdrew their consent to e-mail. */
  consent_withdrawn: Record<string, never>;
  /** A document to attach that does not exist or belongs to another record. */
  unknown_document: Record<string, never>;

  /* Files sent with a request or to an import. */
  file_too_large: { fileName: string; megabytes: number };
  file_type_not_accepted: { fileName: string };
  /** The content is not what the declared type or name says (a program, a renamed file). */
  file_content_mismatch: { fileName: string };
  file_empty: { fileName: string };
  file_name_too_long: { max: number };
  not_multipart: Record<string, never>;
  invalid_base64: { fileName: string };
  incomplete_multipart: Record<string, never>;

  /* Imports: the file and the column mapping. */
  import_format_not_accepted: Record<string, never>;
  unreadable_file: { format: string };
  no_data_rows: Record<string, never>;
  vcard_contacts_only: Record<string, never>;
  no_such_column: Record<string, never>;
  unknown_field: { field: string };
  mapped_twice: { field: string; column: string };
  /** No column is mapped to any of these fields, and a row needs one of them. */
  column_required: { fields: string[] };

  /* Imports: one row. */
  no_vehicle_data: Record<string, never>;
  vin_of_other_contact: Record<string, never>;
  unknown_customer_number: { customerNumber: string };
  same_as_row: { row: number };
  same_as_contact: { contact: string };
  /** A note, not a refusal: the number was kept and marked as invalid. */
  phone_kept_invalid: { number: string };
  /** A note, not a refusal: characters the database cannot hold were taken out. */
  unstorable_removed: Record<string, never>;
  /* A bank's end-of-contract list: the vehicle of a row, and what the row changes. */
  vin_or_plate_required: Record<string, never>;
  vehicle_not_found: Record<string, never>;
  /** The plate is on several vehicles; `count` of them. */
  vehicle_ambiguous: { count: number };
  /** A note: the contract end before (YYYY-MM-DD, null when none) and after. */
  financing_end_changed: { from: string | null; to: string };
  /** A note: the vehicle holds this contract already. */
  contract_unchanged: Record<string, never>;

  /* ADF lead documents (the field is the element's path). */
  missing: Record<string, never>;
  not_xml: Record<string, never>;
  malformed_xml: Record<string, never>;
  not_adf: Record<string, never>;
  location_not_named: Record<string, never>;

  /* Offers: amounts the price does not cover (maxCents: the most the field may hold). */
  discount_exceeds_price: { maxCents: number };
  down_payment_exceeds_price: { maxCents: number };
  balloon_exceeds_financed: { maxCents: number };

  /* Other rules of the modules. */
  ends_before_start: Record<string, never>;
  /** A test drive came back with less on the clock than it went out with. */
  below_mileage_out: { km: number };
  /** A mileage reading below an earlier one: refused unless confirmed (a new odometer). */
  below_earlier_reading: { km: number };
  /** A test drive lasts at most a day. */
  slot_too_long: { hours: number };
  must_be_future: Record<string, never>;
  merge_into_itself: Record<string, never>;
  merge_kinds_differ: Record<string, never>;
  company_in_company: Record<string, never>;
  company_required: Record<string, never>;
  /** The contact was merged into another one (its customer number). */
  merged_contact: { into: string };
  status_change_not_allowed: { from: string; to: string };
  assignee_required: Record<string, never>;
  request_closed: { number: string };
  unknown_request: Record<string, never>;
  unknown_user: Record<string, never>;
  unknown_connection: Record<string, never>;
  /** What a colleague takes over from a request must be among what the customer sent. */
  not_submitted: Record<string, never>;
  before_link_start: Record<string, never>;
  already_linked: Record<string, never>;
  listed_twice: Record<string, never>;
  /** Someone else changed the record meanwhile. */
  out_of_date: Record<string, never>;
  idempotency_key_reused: Record<string, never>;

  /* Sales: an opportunity's stage needs what it implies (a test drive, an offer, a purchase order). */
  stage_prerequisite_missing: { stage: string; missing: 'test_drive' | 'offer' | 'purchase_order' };
  /** "Delivered" is reached by the delivery, never by moving the card. */
  stage_by_delivery_only: Record<string, never>;
  /** Lost to another dealer: which brand. */
  brand_required: Record<string, never>;
  /** A request has at most one open opportunity (its number). */
  open_opportunity_exists: { number: string };
  /** The opportunity is won or lost: reopen it first. */
  opportunity_closed: { number: string };
  /** Only an accepted offer becomes a purchase order; `status` is the offer's. */
  offer_not_accepted: { status: string };
  /** The delivery checklist items still to tick, comma-separated keys. */
  checklist_incomplete: { missing: string };
  /** A check message's day is neither today nor since the location's previous scheduled day. */
  check_day_out_of_window: { earliest: string };
}

export type FieldErrorCode = keyof FieldErrorParams;

/** A code with its parameters, e.g. `{ code: 'too_long', params: { max: 200 } }`. */
export type CodedFieldError = {
  [C in FieldErrorCode]: FieldErrorParams[C] extends Record<string, never>
    ? { code: C; params?: FieldErrorParams[C] }
    : { code: C; params: FieldErrorParams[C] };
}[FieldErrorCode];

/** The code of a field error with parameters, checked against the code. */
export function fieldError<C extends FieldErrorCode>(code: C, params: FieldErrorParams[C]): CodedFieldError {
  return { code, params } as CodedFieldError;
}

/**
 * One reading of a schema issue for both sides: the server sends it as the code of a 400, the
 * browser shows it before sending. A one-character minimum on text means "required".
 */
export function codeOfIssue(issue: z.core.$ZodIssue): CodedFieldError {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        const min = Number(issue.minimum);
        return min <= 1 ? { code: 'required' } : fieldError('too_short', { min });
      }
      if (issue.origin === 'array') return fieldError('too_few', { min: Number(issue.minimum) });
      return { code: 'invalid' };
    case 'too_big':
      if (issue.origin === 'string') return fieldError('too_long', { max: Number(issue.maximum) });
      return fieldError('too_many', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email' };
      return fieldError('invalid_format', { format: issue.format });
    case 'invalid_type':
    case 'invalid_value':
      return { code: 'required' };
    case 'custom':
      if (issue.params?.rule === YEAR_RANGE_RULE)
        return fieldError('year_range', { from: EARLIEST_YEAR, to: LATEST_YEAR });
      if (issue.params?.code === 'invalid_iban') return { code: 'invalid_iban' };
      if (issue.params?.code === 'invalid_vat_id') return { code: 'invalid_vat_id' };
      if (issue.params?.code === 'invalid_bic') return { code: 'invalid_bic' };
      return { code: 'invalid' };
    default:
      return { code: 'invalid' };
  }
}
