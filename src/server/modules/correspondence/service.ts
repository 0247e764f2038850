import { desc, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { z } from 'zod';
import type {
  CustomerEmailDetail,
  CustomerEmailOptions,
  CustomerEmailPreviewInput,
  CustomerEmailSummary,
  RenderedCustomerEmail,
  SendCustomerEmailInput,
} from '@shared/correspondence/schemas';
import { CUSTOMER_EMAIL_TEMPLATE_KEYS } from '@shared/correspondence/schemas';
import type { Deps } from '@server/deps';
import { hasLocation, type UserActor } from '@server/http/access';
import { ForbiddenError, NotFoundError, ValidationError } from '@server/http/errors';
import type { MailService } from '@server/integrations/mail/service';
import { emailReachIn } from '@server/modules/contacts';
import { mailSenderIn, userNames } from '@server/modules/org';
import { requestRefs } from '@server/modules/requests';
import { customerEmailTemplateIn, fillCustomerEmail } from '@server/modules/templates';
import { createAcknowledgement } from './acknowledge';
import { createSender, type DocumentOwnerCheck } from './send';
import { customerEmails } from './tables';

type Summary = z.infer<typeof CustomerEmailSummary>;
type Row = typeof customerEmails.$inferSelect;

export type CorrespondenceService = ReturnType<typeof createCorrespondenceService>;

/** E-mail to customers from the CRM: compose from a template, send with consent, keep exactly what was sent. */
export function createCorrespondenceService(deps: Deps, mail: MailService, documentOwners: DocumentOwnerCheck[] = []) {
  const { db, clock } = deps;
  const sender = createSender(deps, mail, documentOwners);

  async function present(rows: Row[]): Promise<Summary[]> {
    const [states, names] = await Promise.all([
      mail.statuses(rows.map((r) => r.outboxEmailId)),
      userNames(
        db,
        rows.map((r) => r.sentById).filter((id): id is string => id !== null),
      ),
    ]);
    return rows.map((r) => {
      const state = states.get(r.outboxEmailId);
      const status =
        state?.status === 'sent' || state?.status === 'failed' || state?.status === 'held' ? state.status : 'queued';
      return {
        id: r.id,
        contactId: r.contactId,
        requestId: r.requestId,
        opportunityId: r.opportunityId,
        offerId: r.offerId,
        sentBy: r.sentById ? { id: r.sentById, displayName: names.get(r.sentById) ?? '' } : null,
        fromName: r.fromName,
        fromAddress: r.fromAddress,
        to: r.to,
        replyTo: r.replyTo,
        subject: r.subject,
        messageId: r.messageId,
        inReplyTo: r.inReplyTo,
        references: r.references,
        reason: r.reason,
        askedInRequestId: r.askedInRequestId,
        templateKey: r.templateKey,
        attachments: r.attachments,
        status,
        lastError: state?.lastError ?? null,
        createdAt: r.createdAt.toISOString(),
        sentAt: state?.sentAt?.toISOString() ?? null,
      };
    });
  }

  async function reachOf(contactId: string) {
    const reach = await emailReachIn(db, contactId, clock.now());
    if (!reach) throw new NotFoundError('Contact');
    return reach;
  }

  /** A request named with a mail must be one the writer works on: their location's, or assigned to them. */
  async function assertRequestAccess(actor: UserActor, requestId: string | null | undefined) {
    if (!requestId) return;
    const request = (await requestRefs(db, [requestId])).get(requestId);
    if (request && request.assigneeId !== actor.userId && !hasLocation(actor, request.locationId)) {
      throw new ForbiddenError('This request belongs to another location.');
    }
  }

  async function row(id: string): Promise<Row> {
    const [found] = await db.select().from(customerEmails).where(eq(customerEmails.id, id));
    if (!found) throw new NotFoundError('E-mail');
    return found;
  }

  return {
    sendCustomerEmailIn: sender.sendCustomerEmailIn,
    /** The acknowledgement of a request, in the caller's transaction (the caller keeps it to one per request). */
    sendAcknowledgementIn: createAcknowledgement(deps, mail, sender),

    /** To whom a mail can go and whether it may, before anything is written. */
    async options(_actor: UserActor, contactId: string): Promise<z.infer<typeof CustomerEmailOptions>> {
      const reach = await reachOf(contactId);
      return {
        addresses: reach.addresses,
        consent: reach.consent,
        blocked: reach.blocked,
        // The acknowledgement is the house's own mail, sent on intake, not written by hand.
        templates: CUSTOMER_EMAIL_TEMPLATE_KEYS.filter((key) => key !== 'acknowledgement').map((key) => ({ key })),
      };
    },

    /** A template filled for this customer, written by the current user. */
    async preview(
      actor: UserActor,
      contactId: string,
      input: z.output<typeof CustomerEmailPreviewInput>,
    ): Promise<z.infer<typeof RenderedCustomerEmail>> {
      const reach = await reachOf(contactId);
      await assertRequestAccess(actor, input.requestId);
      const request = input.requestId ? (await requestRefs(db, [input.requestId])).get(input.requestId) : null;
      if (input.requestId && (!request || request.contactId !== contactId)) {
        throw new ValidationError([
          { field: 'requestId', in: 'body', code: 'invalid', message: 'not a request of this customer' },
        ]);
      }
      const who = await mailSenderIn(db, actor.userId, request?.locationId ?? null);
      const template = await customerEmailTemplateIn(db, input.templateKey, input.locale, request?.type ?? null);
      return fillCustomerEmail(
        template,
        {
          customer: reach,
          consultant: { name: who?.name ?? actor.displayName, phone: who?.phone ?? null, email: who?.email ?? null },
          location: who?.location ?? null,
          request: request ? { number: request.number, subject: request.subject } : null,
          offerNumber: input.offerNumber ?? null,
        },
        input.locale,
      );
    },

    /** Composes and sends from the route: the current user writes. */
    async send(actor: UserActor, contactId: string, input: z.output<typeof SendCustomerEmailInput>): Promise<Summary> {
      const sent = await db.transaction((tx) =>
        sender.sendCustomerEmailIn(tx, {
          contactId,
          sentById: actor.userId,
          to: input.to ?? null,
          subject: input.subject,
          text: input.text,
          documentIds: input.attachmentDocumentIds,
          requestId: input.requestId ?? null,
          opportunityId: input.opportunityId ?? null,
          askedInRequest: input.askedInRequest,
          templateKey: input.templateKey ?? null,
          locationId: actor.homeLocationId,
        }),
      );
      return (await present([await row(sent.id)]))[0]!;
    },

    async list(_actor: UserActor, contactId: string): Promise<Summary[]> {
      await reachOf(contactId);
      const rows = await db
        .select()
        .from(customerEmails)
        .where(eq(customerEmails.contactId, contactId))
        .orderBy(desc(customerEmails.createdAt))
        .limit(200);
      return present(rows);
    },

    /** The stored message: its headers as built, the text and what was attached. */
    async get(_actor: UserActor, id: string): Promise<z.infer<typeof CustomerEmailDetail>> {
      const found = await row(id);
      // The engines hand bytea back as Buffer (node-postgres) or Uint8Array (PGlite).
      const parsed = await simpleParser(Buffer.from(found.raw));
      const headers = parsed.headerLines.map((h) => {
        const colon = h.line.indexOf(':');
        return {
          name: h.line.slice(0, colon),
          value: h.line
            .slice(colon + 1)
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim(),
        };
      });
      return { ...(await present([found]))[0]!, text: found.text, headers, size: found.raw.length };
    },

    /** The message exactly as it was handed to the mail server (.eml). */
    async raw(_actor: UserActor, id: string): Promise<{ fileName: string; content: Buffer }> {
      const found = await row(id);
      return {
        fileName: `${found.createdAt.toISOString().slice(0, 10)}-${found.id.slice(0, 8)}.eml`,
        content: Buffer.from(found.raw),
      };
    },
  };
}
