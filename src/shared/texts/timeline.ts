import type { ComplaintEventKind } from '../complaints/events';
import type { MessageType } from '../messages/enums';
import type { ActivityResult, ActivityType } from '../activities/enums';
import type { Channel, ConsentPurpose, ConsentStatus } from '../contacts/enums';
import type { Locale } from '../org/enums';
import type { VehicleRole } from '../vehicles/enums';
import type { LostReason as SalesLostReason, OpportunityStage } from '../sales/enums';
import type { ATTEMPT_CHANNELS, AttemptOutcome, LostReason, RequestStatus, RequestType } from '../requests/enums';
import { DEFAULT_LOCALE, formatInstant, translator, type TextRef, type Translate } from './translate';

type AttemptChannel = (typeof ATTEMPT_CHANNELS)[number];

/**
 * What a timeline summary says, stored as a key and parameters beside the German summary, so
 * that each reader sees the history in their own language. Names, numbers and subjects are
 * kept as they are; types are stored as values and put into words on reading.
 */
export interface TimelineTexts {
  'timeline.requestReceived': { number: string; type: RequestType; subject: string };
  /** The outcome is what the colleague wrote when closing it, kept as written. */
  'timeline.requestDone': { number: string; outcome: string };
  'timeline.requestLost': { number: string; reason: LostReason };
  'timeline.requestReopened': { number: string };
  /** A further mail from the customer joined the request; a done or lost request was opened again by it. */
  'timeline.requestMailReceived': { number: string; from: string; subject: string; reopened: boolean };
  /** A mail to this address came back undeliverable. */
  'timeline.emailBounced': { address: string; reason: string };
  'timeline.requestStatus': { number: string; status: RequestStatus };
  'timeline.requestReassigned': { number: string; assignee: string; reason: string };
  'timeline.contactAttempt': { channel: AttemptChannel; outcome: AttemptOutcome };
  'timeline.contactCreated': { customerNumber: string };
  /** The duplicate's name and number as they were when it was merged away. */
  'timeline.merged': { name: string; customerNumber: string };
  /** A new contact from a lead shares a phone number or e-mail address with these contacts. */
  'timeline.possibleDuplicate': {
    number: string;
    candidates: Array<{ name: string; customerNumber: string; same: Array<'phone' | 'email'> }>;
  };
  /**
   * A request's phone numbers, e-mail and postal addresses added to its contact at intake, or
   * taken over later by a colleague; each as it is shown (formatted number, "street, code city").
   */
  'timeline.detailsAdded': {
    number: string;
    how: 'added' | 'takenOver';
    phones: string[];
    emails: string[];
    addresses: string[];
  };
  'timeline.consent': { status: ConsentStatus; channel: Channel; purpose: ConsentPurpose };
  /** Field names as the contact record calls them (firstName, phones …). */
  'timeline.contactChanged': { fields: string[] };
  'timeline.blocked': { reason: string };
  /** An internal customer message; its text is the entry's body, verbatim. */
  'timeline.customerMessage': { type: MessageType; enteredBy: string; responsible: string };
  'timeline.unblocked': { reason: string | null };
  /** The label ("M-AB 1234 (VW Golf)") and the other contacts' names are kept as they were. */
  'timeline.vehicleLinked': { label: string; role: VehicleRole; previous: string | null };
  'timeline.vehicleUnlinked': { label: string; role: VehicleRole; next: string | null };
  'timeline.vehicleCreated': { label: string };
  /** Field names as the vehicle record calls them (vin, mileageKm …). */
  'timeline.vehicleChanged': { label: string; fields: string[] };
  /** The contract end (YYYY-MM-DD) the bank's end-of-contract list gives for the vehicle (label as above). */
  'timeline.financingEndFromBank': { label: string; end: string };
  /** `when` is the start as an instant, or the day (YYYY-MM-DD) of an all-day task. */
  'timeline.activityPlanned': { type: ActivityType; subject: string; when: string };
  'timeline.activityMoved': { type: ActivityType; subject: string; when: string };
  'timeline.activityDone': { type: ActivityType; subject: string; result: ActivityResult };
  'timeline.activityCancelled': { type: ActivityType; subject: string };
  /** An appointment e-mailed to the customer as a calendar invitation, its update or its cancellation. */
  'timeline.activityInvitationSent': { type: ActivityType; subject: string; when: string; email: string };
  'timeline.activityInvitationUpdated': { type: ActivityType; subject: string; when: string; email: string };
  'timeline.activityInvitationCancelled': { type: ActivityType; subject: string; when: string; email: string };
  /** An opportunity (V-100001) opened; `interest` is the car as described ("VW ID.4"), may be empty. */
  'timeline.opportunityCreated': { number: string; interest: string };
  'timeline.opportunityStage': { number: string; stage: OpportunityStage };
  /** `brand`: what the customer bought instead, when lost to another dealer. */
  'timeline.opportunityLost': { number: string; reason: SalesLostReason; brand: string | null };
  'timeline.opportunityReopened': { number: string; stage: OpportunityStage };
  /** Offer version n of opportunity V-100001; `gross` as shown ("30.830,00 €"), null for a brand PDF without one. */
  'timeline.offerCreated': { number: string; version: number; gross: string | null };
  'timeline.offerAccepted': { number: string; version: number };
  /** `reason`: what the customer said, verbatim. */
  'timeline.offerRejected': { number: string; version: number; reason: string };
  /** An e-mail written to the customer from the CRM; `attachments` is the number of files sent with it. */
  'timeline.customerEmailSent': { subject: string; to: string; attachments: number };
  /** A campaign reached the customer by letter; `name` the campaign's. */
  'timeline.campaignLetter': { name: string };
  /** A lifecycle rule's letter was printed for the customer; `rule` its name, `subject` the letter's title. */
  'timeline.lifecycleLetter': { rule: string; subject: string };
  /** A purchase order (KV-100001) signed for an opportunity (V-100001). */
  'timeline.purchaseOrderPlaced': { number: string; opportunity: string };
  /** A satisfaction questionnaire answered; the answers are the entry's body, verbatim. */
  'timeline.surveyAnswered': {
    channel: 'phone' | 'email';
    recommendation: number | null;
    category: 'promoter' | 'passive' | 'detractor' | null;
  };
  'timeline.purchaseOrderDelivered': { number: string; vehicle: string };
  'timeline.purchaseOrderCancelled': { number: string };
  /** A test drive in a demo car ("VW ID.4 M-AB 123"); `when` its start as an instant. */
  /** A complaint case changed; `event` names what happened, `detail` is kept as written (a title, a name, an outcome). */
  'timeline.complaint': { number: string; event: ComplaintEventKind; detail: string | null };
  'timeline.testDriveBooked': { car: string; when: string };
  'timeline.testDriveMoved': { car: string; when: string };
  /** The reason is what the colleague wrote, kept as written. */
  'timeline.testDriveCancelled': { car: string; when: string; reason: string };
  'timeline.testDriveOut': { car: string; km: number };
  'timeline.testDriveBack': { car: string; km: number; driven: number };
  /** The number as it is shown (formatted), null when the phone system sent none. */
  'timeline.call': {
    variant: 'missed' | 'transferred' | 'outbound' | 'notReached' | 'internal' | 'inbound';
    direction: 'inbound' | 'outbound' | 'internal';
    number: string | null;
    durationSeconds: number | null;
  };
  /** A service ticket (SA-100001) started from a process, its steps done, its deadline missed. */
  'timeline.serviceTicketStarted': { number: string; process: string; dueAt: string };
  'timeline.serviceStepDone': { number: string; step: string };
  'timeline.serviceTicketDone': { number: string; process: string };
  'timeline.serviceTicketOverdue': { number: string; step: string | null; dueAt: string };
}

export type TimelineTextKey = keyof TimelineTexts;

export type TimelineText = {
  [K in TimelineTextKey]: { key: K; params: TimelineTexts[K] };
}[TimelineTextKey];

type Renderers = {
  [K in TimelineTextKey]: (p: TimelineTexts[K], t: Translate, locale: Locale) => string;
};

/**
 * "Rückruf – Müller will einen Termin", but just "Rückruf (Anruf)" where the subject already
 * begins with the type's name: a summary that says the same word twice reads as a fault.
 */
export function typeAndSubject(type: RequestType, subject: string, t: Translate, locale: Locale): string {
  const label = t(`requestType.${type}`);
  return subject.trim().toLocaleLowerCase(locale).startsWith(label.toLocaleLowerCase(locale))
    ? subject
    : `${label} – ${subject}`;
}

/** "Eingehender Anruf von 0171 7654321 (2:05 min)"; the number and the length only when known. */
function callLine(p: TimelineTexts['timeline.call'], t: Translate): string {
  const via = p.number ? t(`timeline.call.${p.direction === 'outbound' ? 'to' : 'from'}`, { number: p.number }) : '';
  const seconds = p.durationSeconds ?? 0;
  const duration = seconds
    ? t('timeline.call.duration', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') })
    : '';
  return t(`timeline.call.${p.variant}`, { via, duration });
}

/** Both translators hand an unknown key back (i18next with its namespace in front). */
const isTextKey = (t: Translate, key: string) => !t(key).endsWith(key);

/** A field this version has no word for is named as the record calls it. */
const fieldNames = (fields: string[], table: string, t: Translate) =>
  fields.map((f) => (isTextKey(t, `${table}.${f}`) ? t(`${table}.${f}`) : f)).join(', ');

/** A day ("2026-03-02") as a date, an instant as date and time, both in Berlin. */
export function formatWhen(when: string, locale: Locale): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) {
    const [y, m, d] = when.split('-').map(Number);
    return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y!, m! - 1, d!)),
    );
  }
  return formatInstant(when, locale);
}

/** A calendar day with the full year ("31.03.2027"), as contract dates are written. */
const formatDay = (day: string, locale: Locale) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d!)));
};

const activityLine = (
  key: string,
  p: { type: ActivityType; subject: string; when?: string },
  t: Translate,
  locale: Locale,
) => t(key, { ...p, type: t(`activityType.${p.type}`), when: p.when ? formatWhen(p.when, locale) : '' });

const RENDER: Renderers = {
  'timeline.activityPlanned': (p, t, locale) => activityLine('timeline.activityPlanned', p, t, locale),
  'timeline.activityMoved': (p, t, locale) => activityLine('timeline.activityMoved', p, t, locale),
  'timeline.activityDone': (p, t) =>
    t('timeline.activityDone', { ...p, type: t(`activityType.${p.type}`), result: t(`activityResult.${p.result}`) }),
  'timeline.activityCancelled': (p, t, locale) => activityLine('timeline.activityCancelled', p, t, locale),
  'timeline.activityInvitationSent': (p, t, locale) => activityLine('timeline.activityInvitationSent', p, t, locale),
  'timeline.activityInvitationUpdated': (p, t, locale) =>
    activityLine('timeline.activityInvitationUpdated', p, t, locale),
  'timeline.activityInvitationCancelled': (p, t, locale) =>
    activityLine('timeline.activityInvitationCancelled', p, t, locale),
  'timeline.requestReceived': (p, t, locale) =>
    t('timeline.requestReceived', { number: p.number, what: typeAndSubject(p.type, p.subject, t, locale) }),
  'timeline.requestDone': (p, t) => t('timeline.requestDone', p),
  'timeline.requestLost': (p, t) => t('timeline.requestLost', { ...p, reason: t(`lostReason.${p.reason}`) }),
  'timeline.requestReopened': (p, t) => t('timeline.requestReopened', p),
  'timeline.requestMailReceived': (p, t) =>
    t(p.reopened ? 'timeline.requestMailReopened' : 'timeline.requestMailReceived', p),
  'timeline.emailBounced': (p, t) => t('timeline.emailBounced', p),
  'timeline.requestStatus': (p, t) => t('timeline.requestStatus', { ...p, status: t(`requestStatus.${p.status}`) }),
  'timeline.requestReassigned': (p, t) => t('timeline.requestReassigned', p),
  'timeline.contactAttempt': (p, t) =>
    t('timeline.contactAttempt', {
      channel: t(`attemptChannel.${p.channel}`),
      outcome: t(`attemptOutcome.${p.outcome}`),
    }),
  'timeline.call': (p, t) => callLine(p, t),
  'timeline.opportunityCreated': (p, t) =>
    t(p.interest ? 'timeline.opportunityCreatedFor' : 'timeline.opportunityCreated', p),
  'timeline.opportunityStage': (p, t) =>
    t('timeline.opportunityStage', { number: p.number, stage: t(`opportunityStage.${p.stage}`) }),
  'timeline.opportunityLost': (p, t) =>
    t(p.brand ? 'timeline.opportunityLostTo' : 'timeline.opportunityLost', {
      number: p.number,
      reason: t(`salesLostReason.${p.reason}`),
      brand: p.brand ?? '',
    }),
  'timeline.serviceTicketStarted': (p, t, locale) =>
    t('timeline.serviceTicketStarted', { ...p, dueAt: formatInstant(p.dueAt, locale) }),
  'timeline.serviceStepDone': (p, t) => t('timeline.serviceStepDone', p),
  'timeline.serviceTicketDone': (p, t) => t('timeline.serviceTicketDone', p),
  'timeline.serviceTicketOverdue': (p, t, locale) =>
    t(p.step ? 'timeline.serviceStepOverdue' : 'timeline.serviceTicketOverdue', {
      ...p,
      dueAt: formatInstant(p.dueAt, locale),
    }),
  'timeline.purchaseOrderPlaced': (p, t) => t('timeline.purchaseOrderPlaced', p),
  'timeline.surveyAnswered': (p, t) =>
    p.recommendation === null || p.category === null
      ? t(`timeline.surveyAnswered.${p.channel}`)
      : t(`timeline.surveyAnswered.${p.channel}Scored`, {
          score: p.recommendation,
          category: t(`npsCategory.${p.category}`),
        }),
  'timeline.purchaseOrderDelivered': (p, t) => t('timeline.purchaseOrderDelivered', p),
  'timeline.purchaseOrderCancelled': (p, t) => t('timeline.purchaseOrderCancelled', p),
  'timeline.opportunityReopened': (p, t) =>
    t('timeline.opportunityReopened', { number: p.number, stage: t(`opportunityStage.${p.stage}`) }),
  'timeline.offerCreated': (p, t) => t(p.gross ? 'timeline.offerCreated' : 'timeline.offerCreatedNoPrice', p),
  'timeline.offerAccepted': (p, t) => t('timeline.offerAccepted', p),
  'timeline.offerRejected': (p, t) => t('timeline.offerRejected', p),
  'timeline.campaignLetter': (p, t) => t('timeline.campaignLetter', p),
  'timeline.lifecycleLetter': (p, t) => t('timeline.lifecycleLetter', p),
  'timeline.customerEmailSent': (p, t) =>
    p.attachments > 0
      ? t('timeline.customerEmailSentWith', { ...p, count: p.attachments })
      : t('timeline.customerEmailSent', p),
  'timeline.complaint': (p, t) => {
    // A qualification's detail is "category/severity": both named in the reader's language.
    const qualified = p.event === 'qualified' ? /^([a-z_]+)\/([a-z_]+)$/.exec(p.detail ?? '') : null;
    const detail = qualified
      ? `${t(`complaintCategory.${qualified[1]}`)}, ${t(`complaintSeverity.${qualified[2]}`)}`
      : (p.detail ?? '');
    return t(`timeline.complaint.${p.event}`, { number: p.number, detail });
  },
  'timeline.testDriveBooked': (p, t, locale) =>
    t('timeline.testDriveBooked', { ...p, when: formatWhen(p.when, locale) }),
  'timeline.testDriveMoved': (p, t, locale) => t('timeline.testDriveMoved', { ...p, when: formatWhen(p.when, locale) }),
  'timeline.testDriveCancelled': (p, t, locale) =>
    t('timeline.testDriveCancelled', { ...p, when: formatWhen(p.when, locale) }),
  'timeline.testDriveOut': (p, t) => t('timeline.testDriveOut', p),
  'timeline.testDriveBack': (p, t) => t('timeline.testDriveBack', p),
  'timeline.vehicleLinked': (p, t) =>
    t('timeline.vehicleLinked', {
      label: p.label,
      role: t(`vehicleRole.${p.role}`),
      change: p.previous ? t('timeline.vehicleLinkedChange', p) : '',
    }),
  'timeline.vehicleUnlinked': (p, t) =>
    t('timeline.vehicleUnlinked', {
      label: p.label,
      role: t(`vehicleRole.${p.role}`),
      handover: p.next ? t('timeline.vehicleUnlinkedHandover', p) : '',
    }),
  'timeline.vehicleCreated': (p, t) => t('timeline.vehicleCreated', p),
  'timeline.vehicleChanged': (p, t) =>
    t('timeline.vehicleChanged', { label: p.label, fields: fieldNames(p.fields, 'vehicleField', t) }),
  'timeline.financingEndFromBank': (p, t, locale) =>
    t('timeline.financingEndFromBank', { label: p.label, end: formatDay(p.end, locale) }),
  'timeline.contactChanged': (p, t) =>
    t('timeline.contactChanged', { fields: fieldNames(p.fields, 'contactField', t) }),
  'timeline.contactCreated': (p, t) => t('timeline.contactCreated', p),
  'timeline.merged': (p, t) => t('timeline.merged', p),
  'timeline.possibleDuplicate': (p, t) =>
    t('timeline.possibleDuplicate', {
      number: p.number,
      candidates: p.candidates
        .map((c) =>
          t('timeline.possibleDuplicateOf', {
            name: c.name,
            customerNumber: c.customerNumber,
            reasons: c.same.map((s) => t(s === 'phone' ? 'timeline.samePhone' : 'timeline.sameEmail')).join(', '),
          }),
        )
        .join('; '),
    }),
  'timeline.detailsAdded': (p, t) =>
    t(p.how === 'added' ? 'timeline.detailsAdded' : 'timeline.detailsTakenOver', {
      number: p.number,
      details: [
        ...p.phones.map((value) => t('timeline.detailPhone', { value })),
        ...p.emails.map((value) => t('timeline.detailEmail', { value })),
        ...p.addresses.map((value) => t('timeline.detailAddress', { value })),
      ].join(', '),
    }),
  'timeline.consent': (p, t) =>
    t(p.status === 'granted' ? 'timeline.consentGranted' : 'timeline.consentWithdrawn', {
      channel: t(`consentChannel.${p.channel}`),
      purpose: t(`consentPurpose.${p.purpose}`),
    }),
  'timeline.blocked': (p, t) => t('timeline.blocked', p),
  'timeline.customerMessage': (p, t) => t('timeline.customerMessage', { ...p, type: t(`messageType.${p.type}`) }),
  'timeline.unblocked': (p, t) => (p.reason ? t('timeline.unblockedBecause', p) : t('timeline.unblocked')),
};

/**
 * The summary of a stored text in the reader's language; undefined for a key this version does
 * not know (a newer server's), where the stored German summary is shown instead.
 */
export function renderTimelineText(text: TextRef, t: Translate, locale: Locale): string | undefined {
  const render = (RENDER as Record<string, (p: unknown, t: Translate, locale: Locale) => string>)[text.key];
  return render?.(text.params, t, locale);
}

const german = translator(DEFAULT_LOCALE);

/**
 * The text of an entry with its German summary, to spread into a timeline write: the summary
 * column stays filled for search, API clients and readers that do not know the key.
 */
export function timelineText<K extends TimelineTextKey>(
  key: K,
  params: TimelineTexts[K],
): { text: { key: K; params: TimelineTexts[K] }; summary: string } {
  const text = { key, params };
  return { text, summary: renderTimelineText(text, german, DEFAULT_LOCALE)! };
}
