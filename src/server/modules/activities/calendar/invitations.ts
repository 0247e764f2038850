import { eq } from 'drizzle-orm';
import { APPOINTMENT_TYPES, type ActivityType } from '@shared/activities/enums';
import { formatWhen, timelineText } from '@shared/texts/timeline';
import { translator } from '@shared/texts/translate';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { ConflictError, ForbiddenError, NotFoundError } from '@server/http/errors';
import { hasLocation, type UserActor } from '@server/http/access';
import type { MailService } from '@server/integrations/mail/service';
import { assertMayEmail, contactRefs, type ContactsService, emailReachOf } from '@server/modules/contacts';
import { loadPeople } from '@server/modules/org';
import { recordTimeline } from '@server/modules/timeline';
import * as repo from '../repo';
import { activityInvitations } from '../tables';
import { activityUid, type IcsMethod, renderCalendar, uidHost } from './ics';
import { summaryOf } from './feed';

export type { EmailReason as InvitationReason } from '@server/modules/contacts';
import type { EmailReason as InvitationReason } from '@server/modules/contacts';

export interface InvitationResult {
  email: string;
  sequence: number;
  method: IcsMethod;
  mailId: string;
}

export interface InvitationPorts {
  contacts: ContactsService;
  mail: MailService;
}

type Variant = 'sent' | 'updated' | 'cancelled';

/** Its owner and planner, and colleagues at its location (as for the activity itself). */
function assertMaySee(actor: UserActor, activity: repo.ActivityRow) {
  if (activity.ownerId === actor.userId || activity.createdById === actor.userId) return;
  if (!hasLocation(actor, activity.locationId)) throw new ForbiddenError('This activity belongs to another location.');
}

const TIMELINE_KEY = {
  sent: 'timeline.activityInvitationSent',
  updated: 'timeline.activityInvitationUpdated',
  cancelled: 'timeline.activityInvitationCancelled',
} as const;

/**
 * Appointments sent to the customer as an RFC 5546 invitation: REQUEST, then on
 * every move a REQUEST with the same UID and a higher SEQUENCE, and CANCEL when
 * it is called off. Only with the customer's consent to e-mail, or when they asked.
 */
export function createInvitations({ db, clock, config }: Deps, { contacts, mail }: InvitationPorts) {
  const host = uidHost(config.publicUrl);

  /** Writes the mail with its invitation into the outbox and notes it on the timeline, in the caller's transaction. */
  async function send(
    tx: DbOrTx,
    activity: repo.ActivityRow,
    to: { email: string; name: string },
    variant: Variant,
    authorId: string | null,
  ): Promise<InvitationResult> {
    const method: IcsMethod = variant === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const owner = (await loadPeople(tx, [activity.ownerId])).get(activity.ownerId);
    const t = translator('de');
    const type = t(`activityType.${activity.type as ActivityType}`);
    const whenValue = activity.allDay && activity.dueOn ? activity.dueOn : activity.startsAt.toISOString();
    const when = formatWhen(whenValue, 'de');
    const organizer = owner?.email
      ? { name: owner.displayName, email: owner.email }
      : { name: 'Autohaus', email: /<?([^<>\s]+@[^<>\s]+)>?/.exec(config.mail.from)?.[1] ?? 'crm@localhost' };
    const content = renderCalendar(
      [
        {
          uid: activityUid(activity.id, host),
          sequence: activity.sequence,
          stamp: clock.now(),
          allDay: activity.allDay,
          dueOn: activity.dueOn,
          startsAt: activity.startsAt,
          endsAt: activity.endsAt,
          summary: summaryOf(type, activity.subject, null),
          location: activity.place,
          cancelled: variant === 'cancelled',
          organizer,
          attendee: to,
        },
      ],
      { method },
    );
    const subjectKey = variant === 'sent' ? 'subject' : variant === 'updated' ? 'subjectUpdated' : 'subjectCancelled';
    const introKey = variant === 'sent' ? 'intro' : variant === 'updated' ? 'updated' : 'cancelled';
    const queued = await mail.enqueue(tx, {
      to: to.email,
      replyTo: owner?.email || undefined,
      subject: t(`mail.activityInvitation.${subjectKey}`, { type, when }),
      text: [
        t('mail.activityInvitation.hello', { name: to.name }),
        '',
        t(`mail.activityInvitation.${introKey}`),
        '',
        `${type}: ${activity.subject}`,
        t('mail.activityInvitation.when', { value: when }),
        ...(activity.place ? [t('mail.activityInvitation.place', { value: activity.place })] : []),
        '',
        ...(variant === 'cancelled' ? [] : [t('mail.activityInvitation.attached'), '']),
        t('mail.activityInvitation.regards'),
        owner?.displayName ?? '',
      ].join('\n'),
      related: { type: 'activity', id: activity.id },
      icalEvent: { method, content },
    });
    const now = clock.now();
    await tx
      .update(activityInvitations)
      .set({ lastSequence: activity.sequence, lastMethod: method, lastSentAt: now })
      .where(eq(activityInvitations.activityId, activity.id));
    await recordTimeline(tx, {
      contactId: activity.contactId,
      vehicleId: activity.vehicleId,
      kind: 'activity',
      occurredAt: now,
      authorId,
      ...timelineText(TIMELINE_KEY[variant], {
        type: activity.type as ActivityType,
        subject: activity.subject,
        when: whenValue,
        email: to.email,
      }),
      body: null,
      data: { activityId: activity.id, type: activity.type, status: activity.status, invitation: method },
      sourceType: 'activity',
      sourceId: activity.id,
    });
    return { email: to.email, sequence: activity.sequence, method, mailId: queued.id };
  }

  return {
    /** Sends (or sends again) the invitation for an appointment with a customer. */
    async invite(actor: UserActor, activityId: string, reason: InvitationReason): Promise<InvitationResult> {
      const first = await repo.findActivity(db, activityId);
      if (!first) throw new NotFoundError('Activity');
      if (
        first.ownerId !== actor.userId &&
        first.createdById !== actor.userId &&
        !hasLocation(actor, first.locationId)
      ) {
        throw new ForbiddenError('This activity belongs to another location.');
      }
      if (!first.contactId) {
        throw new ConflictError('Only an appointment with a customer can be sent to them.', [
          { field: 'contactId', code: 'required', message: 'the activity has no customer' },
        ]);
      }
      if (!APPOINTMENT_TYPES.includes(first.type as ActivityType)) {
        throw new ConflictError('Only appointments (visit, test drive, delivery …) are sent as invitations.', [
          { field: 'type', code: 'invalid', message: 'is not an appointment' },
        ]);
      }
      const contact = await contacts.get(first.contactId);
      const email = assertMayEmail(emailReachOf(contact), reason);
      return db.transaction(async (tx) => {
        const activity = await repo.findActivity(tx, activityId, true);
        if (!activity) throw new NotFoundError('Activity');
        if (activity.status !== 'open') throw new ConflictError('The activity is no longer open.');
        const now = clock.now();
        await tx
          .insert(activityInvitations)
          .values({
            activityId,
            contactId: first.contactId!,
            email,
            reason,
            invitedById: actor.userId,
            invitedAt: now,
            lastSequence: activity.sequence,
            lastMethod: 'REQUEST',
            lastSentAt: now,
          })
          .onConflictDoUpdate({
            target: activityInvitations.activityId,
            set: { email, reason, invitedById: actor.userId, invitedAt: now },
          });
        return send(tx, activity, { email, name: contact.displayName }, 'sent', actor.userId);
      });
    },

    /** The invitation on record for an activity, if one was sent; for those who may see the activity. */
    async of(actor: UserActor, activityId: string) {
      const activity = await repo.findActivity(db, activityId);
      if (!activity) throw new NotFoundError('Activity');
      assertMaySee(actor, activity);
      const [row] = await db.select().from(activityInvitations).where(eq(activityInvitations.activityId, activityId));
      return row ?? null;
    },

    /** An invited appointment moved or was cancelled: the customer gets the update in the same transaction. */
    async onChange(tx: DbOrTx, change: { kind: 'moved' | 'done' | 'cancelled'; activity: repo.ActivityRow }) {
      if (change.kind === 'done') return;
      const [invited] = await tx
        .select()
        .from(activityInvitations)
        .where(eq(activityInvitations.activityId, change.activity.id));
      if (!invited || invited.lastMethod === 'CANCEL') return;
      const name = (await contactRefs(tx, [invited.contactId])).get(invited.contactId)?.displayName ?? invited.email;
      const by = change.kind === 'cancelled' ? change.activity.cancelledById : null;
      await send(
        tx,
        change.activity,
        { email: invited.email, name },
        change.kind === 'cancelled' ? 'cancelled' : 'updated',
        by,
      );
    },
  };
}
