import type { OpportunityStage } from '@shared/sales/enums';
import type { DeliveryChecklistItem } from '@shared/sales/enums';
import type { Channel } from '@shared/contacts/enums';
import { notifications } from '@mantine/notifications';
import type { z } from 'zod';
import { codeOfIssue, type FieldErrorCode } from '@shared/errors/codes';
import { formatEuro } from '@shared/sales/money';
import i18next from '@web/i18n';
import { ApiError, type FieldProblem } from './api';
import { describeError } from './describe-error';
import { formatDay } from './format';

type FormErrors = Record<string, string>;

/**
 * Field-specific wording for format rules (regexes), where the generic
 * "invalid value" would leave the user guessing.
 */
const FORMAT_MESSAGES: Record<string, () => string> = {
  postalCode: () => i18next.t('validation.postalCode'),
  code: () => i18next.t('validation.locationCode'),
  phoneExtension: () => i18next.t('validation.phoneExtension'),
  from: () => i18next.t('validation.time'),
  to: () => i18next.t('validation.time'),
};

/** "43.300": a kilometre figure as the user's language writes it. */
const kilometres = (km: unknown) =>
  typeof km === 'number' ? km.toLocaleString(i18next.language === 'en' ? 'en-GB' : 'de-DE') : String(km);

type Words = (params: Record<string, unknown>, field: string) => string;

/**
 * Field errors in the user's language by their code (src/shared/errors/codes.ts), whether the
 * browser found them before sending or the server answered with them.
 */
const CODE_WORDS: Record<FieldErrorCode, Words> = {
  required: () => i18next.t('validation.required'),
  too_short: (p) => i18next.t('validation.tooShort', { min: Number(p.min) }),
  too_long: (p) => i18next.t('validation.tooLong', { max: Number(p.max) }),
  too_few: (p) => i18next.t('validation.tooFew', { min: Number(p.min) }),
  too_many: (p) => i18next.t('validation.tooMany', { max: Number(p.max) }),
  invalid_email: () => i18next.t('validation.email'),
  invalid_format: (_, field) => FORMAT_MESSAGES[lastSegment(field)]?.() ?? i18next.t('validation.invalid'),
  invalid: (_, field) =>
    lastSegment(field) === 'to' ? i18next.t('validation.endAfterStart') : i18next.t('validation.invalid'),
  year_range: (p) => i18next.t('validation.yearRange', { from: Number(p.from), to: Number(p.to) }),
  unstorable_text: () => i18next.t('validation.unstorable'),
  already_in_use: () => i18next.t('validation.alreadyInUse'),
  not_current_password: () => i18next.t('validation.notCurrentPassword'),
  must_differ: () => i18next.t('validation.mustDiffer'),
  unknown_location: () => i18next.t('validation.unknownLocation'),
  cannot_demote_self: () => i18next.t('validation.cannotDemoteSelf'),
  note_required: () => i18next.t('requests.attempts.noteRequired'),
  invalid_phone: () => i18next.t('requests.errors.invalidPhone'),
  own_location_required: () => i18next.t('requests.errors.ownLocation'),
  active_colleague_required: () => i18next.t('requests.errors.colleague'),
  on_duty_required: () => i18next.t('messages.errors.onDutyRequired'),
  overlaps_absence: () => i18next.t('requests.errors.overlap'),
  inactive_user: () => i18next.t('requests.errors.inactiveUser'),
  self_deputy: () => i18next.t('requests.errors.selfDeputy'),
  unknown_placeholder: (p) => `${i18next.t('requests.errors.placeholder')} ${String(p.placeholder)}`,
  consent_channel_mismatch: (p) =>
    i18next.t('lifecycle.consentChannelMismatch', { channel: i18next.t(`customers.channel.${p.channel as Channel}`) }),
  in_future: () => i18next.t('requests.errors.future'),
  too_deep: (p) => i18next.t('validation.tooDeep', { max: Number(p.max) }),
  unknown_vehicle: () => i18next.t('validation.unknownVehicle'),
  unknown_contact: () => i18next.t('validation.unknownContact'),
  mention_not_reader: () => i18next.t('validation.mentionNotReader'),
  name_required: () => i18next.t('validation.nameRequired'),
  phone_or_email_required: () => i18next.t('validation.phoneOrEmailRequired'),
  contact_or_customer_required: () => i18next.t('validation.contactOrCustomerRequired'),
  invalid_base64: (p) => i18next.t('validation.invalidBase64', { name: String(p.fileName) }),
  invalid_date: () => i18next.t('validation.invalidDate'),
  invalid_number: () => i18next.t('validation.invalidNumber'),
  unknown_value: (p) => i18next.t('validation.unknownValue', { value: String(p.value) }),
  invalid_vin: () => i18next.t('validation.invalidVin'),
  invalid_plate: () => i18next.t('validation.invalidPlate'),
  invalid_iban: () => i18next.t('validation.invalidIban'),
  invalid_vat_id: () => i18next.t('validation.invalidVatId'),
  invalid_bic: () => i18next.t('validation.invalidBic'),
  service_contract_required: () => i18next.t('validation.serviceContractRequired'),
  financing_required: () => i18next.t('validation.financingRequired'),
  before_first_registration: () => i18next.t('validation.beforeFirstRegistration'),
  email_missing: () => i18next.t('validation.emailMissing'),
  contact_blocked: () => i18next.t('validation.contactBlocked'),
  consent_missing: () => i18next.t('validation.consentMissing'),
  consent_withdrawn: () => i18next.t('validation.consentWithdrawn'),
  unknown_document: () => i18next.t('validation.unknownDocument'),
  file_too_large: (p) =>
    i18next.t('requests.attachments.tooLarge', { name: String(p.fileName), megabytes: Number(p.megabytes) }),
  file_type_not_accepted: (p) => i18next.t('requests.attachments.type', { name: String(p.fileName) }),
  file_content_mismatch: (p) => i18next.t('validation.fileContentMismatch', { name: String(p.fileName) }),
  file_empty: (p) => i18next.t('validation.fileEmpty', { name: String(p.fileName) }),
  file_name_too_long: (p) => i18next.t('validation.fileNameTooLong', { max: Number(p.max) }),
  not_multipart: () => i18next.t('validation.notMultipart'),
  incomplete_multipart: () => i18next.t('validation.incompleteMultipart'),
  import_format_not_accepted: () => i18next.t('validation.importFormat'),
  unreadable_file: (p) => i18next.t('validation.unreadableFile', { format: FORMAT_NAMES[String(p.format)] ?? '' }),
  no_data_rows: () => i18next.t('validation.noDataRows'),
  vcard_contacts_only: () => i18next.t('validation.vcardContactsOnly'),
  no_such_column: () => i18next.t('validation.noSuchColumn'),
  unknown_field: (p) => i18next.t('validation.unknownField', { field: String(p.field) }),
  mapped_twice: (p) =>
    i18next.t('validation.mappedTwice', { field: importFieldName(String(p.field)), column: String(p.column) }),
  column_required: (p) =>
    i18next.t('validation.columnRequired', {
      fields: (Array.isArray(p.fields) ? p.fields : [])
        .map((f) => importFieldName(String(f)))
        .join(` ${i18next.t('validation.or')} `),
    }),
  no_vehicle_data: () => i18next.t('validation.noVehicleData'),
  vin_of_other_contact: () => i18next.t('validation.vinOfOtherContact'),
  unknown_customer_number: (p) =>
    i18next.t('validation.unknownCustomerNumber', { customerNumber: String(p.customerNumber) }),
  same_as_row: (p) => i18next.t('validation.sameAsRow', { row: Number(p.row) }),
  same_as_contact: (p) => i18next.t('validation.sameAsContact', { contact: String(p.contact) }),
  phone_kept_invalid: (p) => i18next.t('validation.phoneKeptInvalid', { number: String(p.number) }),
  unstorable_removed: () => i18next.t('validation.unstorableRemoved'),
  vin_or_plate_required: () => i18next.t('validation.vinOrPlateRequired'),
  vehicle_not_found: () => i18next.t('validation.vehicleNotFound'),
  vehicle_ambiguous: (p) => i18next.t('validation.vehicleAmbiguous', { count: Number(p.count) }),
  financing_end_changed: (p) =>
    i18next.t(p.from ? 'validation.financingEndChanged' : 'validation.financingEndSet', {
      from: p.from ? formatDay(String(p.from)) : '',
      to: formatDay(String(p.to)),
    }),
  contract_unchanged: () => i18next.t('validation.contractUnchanged'),
  missing: () => i18next.t('validation.missing'),
  not_xml: () => i18next.t('validation.notXml'),
  malformed_xml: () => i18next.t('validation.malformedXml'),
  not_adf: () => i18next.t('validation.notAdf'),
  location_not_named: () => i18next.t('validation.locationNotNamed'),
  ends_before_start: () => i18next.t('validation.endsBeforeStart'),
  below_mileage_out: (p) => i18next.t('validation.belowMileageOut', { km: kilometres(p.km) }),
  below_earlier_reading: (p) => i18next.t('validation.belowEarlierReading', { km: kilometres(p.km) }),
  slot_too_long: (p) => i18next.t('validation.slotTooLong', p),
  must_be_future: () => i18next.t('validation.mustBeFuture'),
  check_day_out_of_window: (p) => i18next.t('messages.errors.checkDayWindow', { earliest: String(p.earliest) }),
  merge_into_itself: () => i18next.t('validation.mergeIntoItself'),
  merge_kinds_differ: () => i18next.t('validation.mergeKindsDiffer'),
  company_in_company: () => i18next.t('validation.companyInCompany'),
  company_required: () => i18next.t('validation.companyRequired'),
  merged_contact: (p) => i18next.t('validation.mergedContact', { into: String(p.into) }),
  status_change_not_allowed: () => i18next.t('validation.statusChangeNotAllowed'),
  assignee_required: () => i18next.t('validation.assigneeRequired'),
  request_closed: (p) => i18next.t('validation.requestClosed', { number: String(p.number) }),
  unknown_request: () => i18next.t('validation.unknownRequest'),
  unknown_user: () => i18next.t('validation.unknownUser'),
  unknown_connection: () => i18next.t('validation.unknownConnection'),
  not_submitted: () => i18next.t('validation.notSubmitted'),
  before_link_start: () => i18next.t('validation.beforeLinkStart'),
  already_linked: () => i18next.t('validation.alreadyLinked'),
  listed_twice: () => i18next.t('validation.listedTwice'),
  out_of_date: () => i18next.t('validation.outOfDate'),
  idempotency_key_reused: () => i18next.t('validation.idempotencyKeyReused'),
  discount_exceeds_price: (p) => i18next.t('validation.discountExceedsPrice', { max: formatEuro(Number(p.maxCents)) }),
  down_payment_exceeds_price: (p) =>
    i18next.t('validation.downPaymentExceedsPrice', { max: formatEuro(Number(p.maxCents)) }),
  balloon_exceeds_financed: (p) =>
    i18next.t('validation.balloonExceedsFinanced', { max: formatEuro(Number(p.maxCents)) }),
  stage_prerequisite_missing: (p) =>
    i18next.t(`validation.stagePrerequisiteMissing.${p.missing as 'offer'}`, {
      stage: i18next.t(`texts.opportunityStage.${p.stage as OpportunityStage}`),
    }),
  stage_by_delivery_only: () => i18next.t('validation.stageByDeliveryOnly'),
  brand_required: () => i18next.t('validation.brandRequired'),
  open_opportunity_exists: (p) => i18next.t('validation.openOpportunityExists', { number: String(p.number) }),
  opportunity_closed: (p) => i18next.t('validation.opportunityClosed', { number: String(p.number) }),
  offer_not_accepted: () => i18next.t('validation.offerNotAccepted'),
  checklist_incomplete: (p) =>
    i18next.t('validation.checklistIncomplete', {
      missing: String(p.missing)
        .split(',')
        .map((k) => i18next.t(`orders.checklist.${k.trim() as DeliveryChecklistItem}`))
        .join(', '),
    }),
};

/** The names of import file formats as users know them. */
const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', xlsx: 'Excel (.xlsx)', vcard: 'vCard' };

/** An import field by the name the wizard shows for it, or its key. */
const importFieldName = (field: string) =>
  i18next.t(`imports.dryRun.fieldNames.${field}`, { defaultValue: field }) as string;

function lastSegment(path: string) {
  return path.split('.').pop() ?? path;
}

function wordsFor(code: string | undefined, params: Record<string, unknown> | undefined, field: string) {
  return code && Object.hasOwn(CODE_WORDS, code) ? CODE_WORDS[code as FieldErrorCode](params ?? {}, field) : undefined;
}

export function messageForIssue(issue: z.core.$ZodIssue, field: string): string {
  const { code, params } = codeOfIssue(issue);
  return wordsFor(code, params, field) ?? i18next.t('validation.invalid');
}

/**
 * A Mantine form `validate` function backed by a shared zod schema, so the
 * browser checks exactly what the server will check, in the user's language.
 */
export function zodValidate<Values>(schema: z.ZodType, prepare: (values: Values) => unknown = (v) => v) {
  return (values: Values): FormErrors => {
    const result = schema.safeParse(prepare(values));
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= messageForIssue(issue, field);
    }
    return errors;
  };
}

/** A server field error in the user's language by its code; one without a known code is shown as sent. */
export function translateServerMessage(problem: FieldProblem) {
  return wordsFor(problem.code, problem.params, problem.field) ?? problem.message;
}

/** Maps the `errors[]` of a problem+json answer onto form fields, e.g. "openingHours.mon.0.to". */
export function serverFieldErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FormErrors = {};
  for (const problem of error.errors) {
    // "locationIds.<uuid>" points at one entry of a multi-select; show it on the select.
    const field = problem.field.startsWith('locationIds.') ? 'locationIds' : problem.field;
    errors[field] ??= translateServerMessage(problem);
  }
  return errors;
}

export { describeError };

/**
 * An error that is not shown on a form, in the user's language: the server's field errors one
 * after the other (a file's errors name the file), else one sentence for the whole error.
 */
export function describeProblem(error: unknown): string {
  if (error instanceof ApiError && error.errors.length > 0) return error.errors.map(translateServerMessage).join(' ');
  return describeError(error);
}

interface FormWithErrors {
  setErrors(errors: FormErrors): void;
}

/** Puts server field errors on the form; anything else becomes a notification. */
export function reportError(error: unknown, form?: FormWithErrors) {
  const fieldErrors = serverFieldErrors(error);
  if (form && Object.keys(fieldErrors).length > 0) {
    form.setErrors(fieldErrors);
    return;
  }
  notifications.show({ color: 'red', message: describeError(error) });
}
