import { REQUEST_TYPE_LABELS } from '@shared/requests/labels';
import type { RequestType } from '@shared/requests/enums';
import { notificationText } from '@shared/texts/notifications';
import { formatInstant, translator } from '@shared/texts/translate';
import type { DbOrTx } from '@server/db/client';
import { WriteBatch } from '@server/db/together';
import type { MailService } from '@server/integrations/mail/service';
import type { NotificationsService } from '@server/modules/notifications';
import { loadPeople, locationNames, type Person } from './people';
import { germanDateTime } from './wording';

export interface AnnounceInput {
  request: {
    id: string;
    number: string;
    subject: string;
    type: RequestType;
    locationId: string;
    contactDisplayName: string;
    /** Shown in the mail when known. */
    firstContactDueAt?: Date | string | null;
  };
  assigneeId: string | null;
  onBehalfOfId: string | null;
  notifyUserIds: string[];
  /** The user (id) who reassigned the request by hand; null for an automatic assignment. */
  reassignedBy?: string | null;
  reason?: string | null;
  /** From the decision: false = the assignee gets the in-app notification only. Default true. */
  mailAssignee?: boolean;
  /** People the caller has loaded already (the decision's), and the location's name: fewer lookups. */
  known?: { people?: ReadonlyMap<string, Person>; locationName?: string };
}

export interface Announced {
  notificationId: string | null;
  emailIds: string[];
}

export const REQUEST_ASSIGNED = 'request.assigned';

/**
 * Tells the assignee (in-app, live, and by mail) and sends copies to whoever
 * the decision names, all in the caller's transaction: a rolled-back intake
 * alerts no one.
 */
export async function announce(
  tx: DbOrTx,
  services: { notifications: NotificationsService; mail: MailService },
  input: AnnounceInput,
  /** The caller's write batch: the alerts then go with its other writes; without one they are written here. */
  into?: WriteBatch,
): Promise<Announced> {
  const batch = into ?? new WriteBatch();
  const { request } = input;
  const wanted = [input.assigneeId, input.onBehalfOfId, input.reassignedBy, ...input.notifyUserIds].filter(
    (id): id is string => Boolean(id),
  );
  const knownPeople = input.known?.people;
  const people = new Map<string, Person>();
  const missing: string[] = [];
  for (const id of wanted) {
    const person = knownPeople?.get(id);
    if (person) people.set(id, person);
    else missing.push(id);
  }
  for (const [id, person] of await loadPeople(tx, missing)) people.set(id, person);
  const assignee = input.assigneeId ? people.get(input.assigneeId) : undefined;
  const onBehalfOf = input.onBehalfOfId ? people.get(input.onBehalfOfId) : undefined;
  const reassignedBy = input.reassignedBy ? people.get(input.reassignedBy) : undefined;
  const link = `/requests/${request.id}`;
  const url = services.mail.link(link);
  const locationName =
    input.known?.locationName ?? (await locationNames(tx, [request.locationId])).get(request.locationId) ?? '';

  const result: Announced = { notificationId: null, emailIds: [] };
  if (assignee?.active) {
    const notification = services.notifications.notifyIn(batch, assignee.id, {
      kind: REQUEST_ASSIGNED,
      text: notificationText('notification.requestAssigned', {
        number: request.number,
        subject: request.subject,
        customer: request.contactDisplayName,
        onBehalfOf: onBehalfOf?.displayName ?? null,
        reassignedBy: reassignedBy?.displayName ?? null,
        reason: input.reason ?? null,
      }),
      link,
      data: { requestId: request.id, number: request.number, onBehalfOfId: onBehalfOf?.id ?? null },
    });
    result.notificationId = notification.id;
    if (input.mailAssignee !== false) {
      const t = translator(assignee.locale);
      const intro = onBehalfOf
        ? t('mail.assigned.introOnBehalf', { name: onBehalfOf.displayName })
        : t('mail.assigned.intro');
      const mail = services.mail.enqueueIn(batch, {
        to: assignee.email,
        subject: t('mail.assigned.subject', { number: request.number, subject: request.subject }),
        text: mailText(assignee, intro, input, locationName, url, reassignedBy),
        related: { type: 'request', id: request.id },
      });
      result.emailIds.push(mail.id);
    }
  }

  const copies = [...new Set(input.notifyUserIds)]
    .filter((id) => id !== assignee?.id)
    .map((id) => people.get(id))
    .filter((p): p is Person => Boolean(p?.active));
  for (const person of copies) {
    // Each copy in its reader's language: a manager in one house may read English, the assignee German.
    const t = translator(person.locale);
    const who = assignee ? assignee.displayName : t('mail.assigned.copyIntroNobody');
    const intro = onBehalfOf
      ? t('mail.assigned.copyIntroOnBehalf', { number: request.number, assignee: who, name: onBehalfOf.displayName })
      : t('mail.assigned.copyIntro', { number: request.number, assignee: who });
    const mail = services.mail.enqueueIn(batch, {
      to: person.email,
      subject: t('mail.assigned.copySubject', {
        number: request.number,
        assignee: assignee?.displayName ?? t('mail.assigned.copyNobody'),
        subject: request.subject,
      }),
      text: mailText(person, intro, input, locationName, url, reassignedBy),
      related: { type: 'request', id: request.id },
    });
    result.emailIds.push(mail.id);
  }
  if (!into) await batch.run(tx);
  return result;
}

function mailText(
  recipient: Person,
  intro: string,
  input: AnnounceInput,
  locationName: string,
  url: string,
  reassignedBy: Person | undefined,
): string {
  const { request } = input;
  const locale = recipient.locale;
  const t = translator(locale);
  const due = request.firstContactDueAt
    ? locale === 'de'
      ? germanDateTime(new Date(request.firstContactDueAt))
      : formatInstant(request.firstContactDueAt, locale)
    : null;
  return [
    t('mail.assigned.hello', { name: recipient.displayName }),
    '',
    intro,
    reassignedBy
      ? input.reason
        ? t('mail.assigned.reassignedByBecause', { name: reassignedBy.displayName, reason: input.reason })
        : t('mail.assigned.reassignedBy', { name: reassignedBy.displayName })
      : null,
    '',
    t('mail.assigned.request', { value: request.number }),
    t('mail.assigned.type', { value: REQUEST_TYPE_LABELS[locale][request.type] }),
    t('mail.assigned.customer', { value: request.contactDisplayName }),
    t('mail.assigned.subjectLine', { value: request.subject }),
    locationName ? t('mail.assigned.location', { value: locationName }) : null,
    due ? t('mail.assigned.due', { due }) : null,
    '',
    t('mail.assigned.link', { url }),
    '',
    '-- ',
    t('mail.assigned.footer'),
  ]
    .filter((line) => line !== null)
    .join('\n');
}
