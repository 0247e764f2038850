import { z } from 'zod';
import type { ActivityType } from '@shared/activities/enums';
import { notificationText } from '@shared/texts/notifications';
import { formatWhen } from '@shared/texts/timeline';
import { translator } from '@shared/texts/translate';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { defineJob, NoPayload } from '@server/jobs/definition';
import { contactRefs } from '@server/modules/contacts';
import { loadPeople, type Person } from '@server/modules/org';
import type { ActivitiesDeps } from './service';
import * as repo from './repo';
import { addDaysTo, berlinDay, berlinTime } from './time';

export const REMINDER_JOB = 'activity.reminder';
export const REMINDER_MAIL_JOB = 'activity.reminder-mail';
export const MORNING_DIGEST_JOB = 'activity.morning-digest';
/** Early enough to read before the first customer, after the night's changes. */
export const MORNING_DIGEST_SCHEDULE = 'daily at 06:45 Europe/Berlin';
/** An in-app reminder nobody opened within this time is sent by e-mail as well. */
export const UNSEEN_MAIL_AFTER_MS = 10 * 60_000;

const reminderKey = (activityId: string) => `activity-reminder:${activityId}`;

/**
 * Reminders on durable jobs: one pending job per activity (its key), moved when the
 * activity moves and dropped when it ends. The job carries the time it was planned
 * for, so a reminder that was moved in the meantime never fires at the old time.
 */
export function createReminders(deps: Deps, ports: ActivitiesDeps) {
  const { log } = deps;
  const { jobs, notifications, assignment, mail } = ports;

  /** The owner, or their deputy while the owner is away (absences and deputies of assignment). */
  async function recipientOf(tx: DbOrTx, ownerId: string, now: Date) {
    const absence = await assignment.currentAbsence(ownerId, berlinDay(now), tx);
    const people = await loadPeople(tx, [ownerId, absence?.deputyId ?? ownerId]);
    const owner = people.get(ownerId)!;
    const deputy = absence?.deputyId ? people.get(absence.deputyId) : undefined;
    return deputy?.active ? { person: deputy, onBehalfOf: owner } : { person: owner, onBehalfOf: null };
  }

  const mailJob = jobs.register(
    defineJob({
      kind: REMINDER_MAIL_JOB,
      payload: z.object({ activityId: z.uuid(), notificationId: z.uuid(), userId: z.uuid() }),
      handler: async ({ activityId, notificationId, userId }, { tx }) => {
        if (await notifications.wasRead(tx, notificationId)) return;
        const activity = await repo.findActivity(tx, activityId);
        if (!activity || activity.status !== 'open') return;
        const person = (await loadPeople(tx, [userId])).get(userId);
        if (!person?.active || !person.email) return;
        const owner =
          activity.ownerId === userId ? null : (await loadPeople(tx, [activity.ownerId])).get(activity.ownerId);
        const customer = await customerName(tx, activity.contactId);
        const t = translator(person.locale);
        const when = formatWhen(
          activity.allDay && activity.dueOn ? activity.dueOn : activity.startsAt.toISOString(),
          person.locale,
        );
        const lines = [
          t('mail.activityReminder.hello', { name: person.displayName }),
          '',
          t('mail.activityReminder.intro'),
          ...(owner ? [t('mail.activityReminder.onBehalfOf', { name: owner.displayName })] : []),
          '',
          `${t(`activityType.${activity.type}`)}: ${activity.subject}`,
          t('mail.activityReminder.when', { value: when }),
          ...(customer ? [t('mail.activityReminder.customer', { value: customer })] : []),
          ...(activity.place ? [t('mail.activityReminder.place', { value: activity.place })] : []),
          '',
          t('mail.activityReminder.link', { url: mail.link(linkOf(activity)) }),
          '',
          t('mail.assigned.footer'),
        ];
        await mail.enqueue(tx, {
          to: person.email,
          subject: t('mail.activityReminder.subject', {
            type: t(`activityType.${activity.type}`),
            subject: activity.subject,
          }),
          text: lines.join('\n'),
          related: { type: 'activity', id: activity.id },
        });
      },
    }),
  );

  const reminderJob = jobs.register(
    defineJob({
      kind: REMINDER_JOB,
      payload: z.object({ activityId: z.uuid(), remindAt: z.string() }),
      handler: async ({ activityId, remindAt }, { tx, now }) => {
        const activity = await repo.findActivity(tx, activityId, true);
        // Moved, snoozed, done or cancelled since this job was planned: its successor (if any) reminds.
        if (!activity || activity.status !== 'open' || activity.remindAt?.toISOString() !== remindAt) return;
        const { person, onBehalfOf } = await recipientOf(tx, activity.ownerId, now);
        const notification = await notifications.notify(tx, person.id, {
          kind: 'activity.reminder',
          link: linkOf(activity),
          data: { activityId: activity.id, contactId: activity.contactId, type: activity.type },
          text: notificationText('notification.activityReminder', {
            activityId: activity.id,
            type: activity.type as ActivityType,
            subject: activity.subject,
            when: activity.allDay && activity.dueOn ? activity.dueOn : activity.startsAt.toISOString(),
            customer: await customerName(tx, activity.contactId),
            place: activity.place,
            onBehalfOf: onBehalfOf?.displayName ?? null,
          }),
        });
        await repo.updateActivity(tx, activity.id, { remindAt: null });
        await repo.recordChange(tx, {
          activityId: activity.id,
          at: now,
          byId: null,
          kind: 'reminded',
          data: { userId: person.id, onBehalfOf: onBehalfOf?.id ?? null },
        });
        await jobs.schedule(
          tx,
          mailJob,
          { activityId: activity.id, notificationId: notification.id, userId: person.id },
          {
            runAt: new Date(now.getTime() + UNSEEN_MAIL_AFTER_MS),
            uniqueKey: `activity-reminder-mail:${notification.id}`,
          },
        );
      },
    }),
  );

  const digestJob = jobs.register(
    defineJob({
      kind: MORNING_DIGEST_JOB,
      payload: NoPayload,
      maxAttempts: 3,
      handler: async (_payload, { tx, now }) => {
        const day = berlinDay(now);
        const rows = await repo.openBefore(tx, berlinTime(addDaysTo(day, 1)));
        const byOwner = new Map<string, repo.ActivityRow[]>();
        for (const row of rows) byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row]);
        const people = await loadPeople(tx, [...byOwner.keys()]);
        const customers = await contactRefs(
          tx,
          rows.map((r) => r.contactId).filter((id): id is string => Boolean(id)),
        );
        for (const [ownerId, list] of byOwner) {
          const person = people.get(ownerId);
          if (!person?.active || !person.email) continue;
          const today = list.filter((r) => (r.allDay ? r.dueOn === day : r.startsAt >= berlinTime(day)));
          if (today.length === 0) continue;
          await mail.enqueue(
            tx,
            digestMail(person, day, today, list.length - today.length, (id) => customers.get(id)?.displayName),
          );
        }
      },
    }),
  );
  jobs.every(digestJob, MORNING_DIGEST_SCHEDULE);

  function digestMail(
    person: Person,
    day: string,
    today: repo.ActivityRow[],
    overdue: number,
    customer: (id: string) => string | undefined,
  ) {
    const t = translator(person.locale);
    const time = new Intl.DateTimeFormat(person.locale === 'de' ? 'de-DE' : 'en-GB', {
      timeZone: 'Europe/Berlin',
      timeStyle: 'short',
    });
    const lines = today.map((r) => {
      const when = r.allDay ? t('mail.activityDigest.allDay') : time.format(r.startsAt);
      const who = r.contactId ? customer(r.contactId) : undefined;
      return `- ${when}  ${t(`activityType.${r.type}`)}: ${r.subject}${who ? ` (${who})` : ''}${r.place ? ` · ${r.place}` : ''}`;
    });
    return {
      to: person.email,
      subject: t('mail.activityDigest.subject', { count: today.length, day: formatWhen(day, person.locale) }),
      text: [
        t('mail.activityDigest.hello', { name: person.displayName }),
        '',
        t('mail.activityDigest.intro'),
        '',
        ...lines,
        ...(overdue ? ['', t('mail.activityDigest.overdue', { count: overdue })] : []),
        '',
        t('mail.activityDigest.link', { url: mail.link('/calendar') }),
        '',
        t('mail.assigned.footer'),
      ].join('\n'),
      related: { type: 'activity-digest', id: person.id },
    };
  }

  async function customerName(tx: DbOrTx, contactId: string | null): Promise<string | null> {
    if (!contactId) return null;
    return (await contactRefs(tx, [contactId])).get(contactId)?.displayName ?? null;
  }

  return {
    /** Plans, moves or drops the activity's reminder to match its row, in the caller's transaction. */
    async schedule(tx: DbOrTx, activity: repo.ActivityRow): Promise<void> {
      if (activity.status !== 'open' || !activity.remindAt) {
        await jobs.cancel(tx, reminderKey(activity.id));
        return;
      }
      await jobs.schedule(
        tx,
        reminderJob,
        { activityId: activity.id, remindAt: activity.remindAt.toISOString() },
        { runAt: activity.remindAt, uniqueKey: reminderKey(activity.id), replace: true },
      );
      log.debug({ activityId: activity.id, remindAt: activity.remindAt }, 'activity reminder planned');
    },
    digestJob,
  };
}

/** Where a reminder opens: the customer when there is one, else the calendar at the activity. */
export function linkOf(activity: { id: string; contactId: string | null }): string {
  return activity.contactId
    ? `/customers/${activity.contactId}?activity=${activity.id}`
    : `/calendar?activity=${activity.id}`;
}
