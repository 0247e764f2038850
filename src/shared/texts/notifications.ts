import type { MessageType } from '../messages/enums';
import type { ActivityType } from '../activities/enums';
import type { Locale } from '../org/enums';
import type { RequestStatus, RequestType } from '../requests/enums';
import { formatWhen } from './timeline';
import { formatInstant, type TextRef, type Translate } from './translate';

/**
 * What a notification says, stored as a key and parameters instead of finished sentences, so
 * that each reader gets it in their own language. Names, numbers and subjects are kept as
 * they are; types, statuses and instants are stored as values and put into words on reading.
 */
export interface NotificationTexts {
  'notification.requestAssigned': {
    number: string;
    subject: string;
    customer: string;
    onBehalfOf: string | null;
    reassignedBy: string | null;
    reason: string | null;
  };
  'notification.callbackWindow': {
    number: string;
    type: RequestType;
    customer: string;
    subject: string;
    from: string | null;
    to: string | null;
  };
  'notification.activityReminder': {
    activityId: string;
    type: ActivityType;
    subject: string;
    /** The start as an instant, or the day of an all-day task. */
    when: string;
    customer: string | null;
    place: string | null;
    /** Set when the reminder reaches a deputy of the absent owner. */
    onBehalfOf: string | null;
  };
  /** A colleague named the reader in a board post. */
  'notification.boardMention': { threadId: string; author: string; title: string; excerpt: string };
  'notification.customerMessage': {
    messageId: string;
    type: MessageType;
    customer: string;
    customerNumber: string;
    enteredBy: string;
  };
  'notification.escalated': {
    number: string;
    type: RequestType;
    customer: string;
    subject: string;
    dueAt: string | null;
    /** Null when nobody is assigned. */
    assignee: string | null;
  };
  /** A service ticket's step (or the ticket as a whole) missed its deadline; step null for the ticket. */
  'notification.serviceTicketOverdue': {
    ticketId: string;
    number: string;
    process: string;
    customer: string;
    step: string | null;
    assignee: string | null;
    dueAt: string;
  };
  /** A complaint step was handed to the reader, or one of theirs is overdue (to the managers). */
  'notification.complaintStep': {
    number: string;
    customer: string;
    step: string;
    dueAt: string;
    how: 'forwarded' | 'overdue';
    responsible: string | null;
  };
  'notification.onBehalfSummary': {
    until: string;
    items: Array<{
      number: string;
      type: RequestType;
      customer: string;
      subject: string;
      status: RequestStatus;
      handledBy: string;
      receivedAt: string;
    }>;
  };
}

export type NotificationTextKey = keyof NotificationTexts;

export type NotificationText = {
  [K in NotificationTextKey]: { key: K; params: NotificationTexts[K] };
}[NotificationTextKey];

/** Builds a stored text with its parameters checked against its key. */
export function notificationText<K extends NotificationTextKey>(
  key: K,
  params: NotificationTexts[K],
): { key: K; params: NotificationTexts[K] } {
  return { key, params };
}

export interface RenderedNotification {
  title: string;
  body: string | null;
}

type Renderers = {
  [K in NotificationTextKey]: (p: NotificationTexts[K], t: Translate, locale: Locale) => RenderedNotification;
};

const RENDER: Renderers = {
  'notification.requestAssigned': (p, t) => ({
    title: t('notification.requestAssigned.title', p),
    body: [
      t('notification.requestAssigned.customer', p),
      p.onBehalfOf ? t('notification.requestAssigned.onBehalfOf', { name: p.onBehalfOf }) : null,
      p.reassignedBy
        ? t(`notification.requestAssigned.${p.reason ? 'reassignedByBecause' : 'reassignedBy'}`, {
            name: p.reassignedBy,
            reason: p.reason,
          })
        : null,
    ]
      .filter(Boolean)
      .join(' · '),
  }),
  'notification.callbackWindow': (p, t, locale) => {
    const type = t(`requestType.${p.type}`);
    return {
      title: t('notification.callbackWindow.title', { ...p, type }),
      body: t('notification.callbackWindow.body', {
        ...p,
        from: p.from ? formatInstant(p.from, locale) : t('notification.callbackWindow.now'),
        until: p.to ? t('notification.callbackWindow.until', { to: formatInstant(p.to, locale) }) : '',
      }),
    };
  },
  'notification.activityReminder': (p, t, locale) => ({
    title:
      t('notification.activityReminder.title', { ...p, type: t(`activityType.${p.type}`) }) +
      (p.onBehalfOf ? t('notification.activityReminder.onBehalfOf', { name: p.onBehalfOf }) : ''),
    body: t('notification.activityReminder.body', {
      when: formatWhen(p.when, locale),
      customer: p.customer ? t('notification.activityReminder.customer', p) : '',
      place: p.place ? t('notification.activityReminder.place', p) : '',
    }),
  }),
  'notification.boardMention': (p, t) => ({
    title: t('notification.boardMention.title', p),
    body: p.excerpt,
  }),
  'notification.customerMessage': (p, t) => ({
    title: t('notification.customerMessage.title', { ...p, type: t(`messageType.${p.type}`) }),
    body: t('notification.customerMessage.body', p),
  }),
  'notification.escalated': (p, t, locale) => {
    const type = t(`requestType.${p.type}`);
    return {
      title: t('notification.escalated.title', { ...p, type }),
      body: t('notification.escalated.body', {
        ...p,
        due: p.dueAt ? formatInstant(p.dueAt, locale) : '–',
        assignee: p.assignee ?? t('notification.escalated.nobody'),
      }),
    };
  },
  'notification.serviceTicketOverdue': (p, t, locale) => ({
    title: t('notification.serviceTicketOverdue.title', p),
    body: t(p.step ? 'notification.serviceTicketOverdue.stepBody' : 'notification.serviceTicketOverdue.ticketBody', {
      ...p,
      due: formatInstant(p.dueAt, locale),
      assignee: p.assignee ?? t('notification.escalated.nobody'),
    }),
  }),
  'notification.complaintStep': (p, t, locale) => ({
    title: t(`notification.complaintStep.${p.how}`, p),
    body: t('notification.complaintStep.body', {
      ...p,
      due: formatInstant(p.dueAt, locale),
      responsible: p.responsible ?? t('notification.escalated.nobody'),
    }),
  }),
  'notification.onBehalfSummary': (p, t, locale) => ({
    title: t('notification.onBehalfSummary.title', { count: p.items.length }),
    body: onBehalfLines(p, t, locale).join('\n'),
  }),
};

/** One line per request the deputy handled, for the notification and the mail. */
export function onBehalfLines(
  p: NotificationTexts['notification.onBehalfSummary'],
  t: Translate,
  locale: Locale,
): string[] {
  return p.items.map((item) =>
    t('notification.onBehalfSummary.line', {
      ...item,
      type: t(`requestType.${item.type}`),
      status: t(`requestStatus.${item.status}`),
      receivedAt: formatInstant(item.receivedAt, locale),
    }),
  );
}

/**
 * Title and body of a stored text in the reader's language; undefined for a key this version
 * does not know (a newer server's), where the stored German title and body are shown instead.
 */
export function renderNotificationText(text: TextRef, t: Translate, locale: Locale): RenderedNotification | undefined {
  const render = (RENDER as Record<string, (p: unknown, t: Translate, locale: Locale) => RenderedNotification>)[
    text.key
  ];
  return render?.(text.params, t, locale);
}
