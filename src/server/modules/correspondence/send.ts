import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { fieldError } from '@shared/errors/codes';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx } from '@server/db/client';
import type { Deps } from '@server/deps';
import { NotFoundError, ValidationError } from '@server/http/errors';
import type { MailService } from '@server/integrations/mail/service';
import { assertMayEmail, emailReachIn } from '@server/modules/contacts';
import { documentWithContent } from '@server/modules/documents';
import { locationSenderIn, mailSenderIn } from '@server/modules/org';
import { requestRefs } from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { customerEmails, type StoredAttachment } from './tables';

export interface AttachmentContent {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface SendCustomerEmail {
  contactId: string;
  /** The writer: their name is the sender's, their address the Reply-To. Null: the location writes (acknowledgement). */
  sentById: string | null;
  /** Where the customer's reply should go, when not to the writer (the mailbox the request came in through). */
  replyTo?: string | null;
  /** One of the customer's addresses; the primary one when left out. */
  to?: string | null;
  subject: string;
  text: string;
  attachments?: AttachmentContent[];
  /** Stored documents to send; each must belong to the customer, the request or the opportunity. */
  documentIds?: string[];
  requestId?: string | null;
  opportunityId?: string | null;
  offer?: { id: string; number: string } | null;
  /** The customer asked for this mail in the request `requestId`: sent without consent, recorded as 'asked'. */
  askedInRequest?: boolean;
  templateKey?: string | null;
  /** The location it is written from when there is no request (else the request's). */
  locationId?: string | null;
  /** A reply to one of the customer's mails; else the request's earlier mails are referenced. */
  inReplyTo?: string | null;
  /** The customer's mail's own References, kept in front so the whole thread stays one. */
  references?: string[];
  /** Further header fields (a campaign's List-Unsubscribe). */
  headers?: Record<string, string>;
}

export interface SentCustomerEmail {
  id: string;
  messageId: string;
  outboxEmailId: string;
  to: string;
  /** 'held' while no mail server is set up: the mail waits in the outbox until one is. */
  status: 'queued' | 'held';
}

/** Who else's documents may go with a mail; sales registers its offers and orders here. */
export type DocumentOwnerCheck = (
  tx: DbOrTx,
  owner: { ownerType: string; ownerId: string },
  mail: { contactId: string; requestId: string | null; opportunityId: string | null; offerId: string | null },
) => Promise<boolean>;

const ownOwners: DocumentOwnerCheck = async (_tx, owner, mail) =>
  (owner.ownerType === 'contact' && owner.ownerId === mail.contactId) ||
  (owner.ownerType === 'request' && owner.ownerId === mail.requestId) ||
  (owner.ownerType === 'opportunity' && owner.ownerId === mail.opportunityId) ||
  (owner.ownerType === 'offer' && owner.ownerId === mail.offerId);

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The HTML alternative: the text, escaped, line by line. Nothing the writer typed becomes markup. */
export function htmlOf(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body style="font-family: sans-serif">\n${paragraphs}\n</body></html>`;
}

/** The writer, or (no writer) the location itself under its own name. */
async function senderOf(tx: DbOrTx, userId: string | null, locationId: string | null) {
  if (userId) {
    const user = await mailSenderIn(tx, userId, locationId);
    if (!user) throw new NotFoundError('User');
    return user;
  }
  const location = locationId ? await locationSenderIn(tx, locationId) : null;
  if (!location) throw new NotFoundError('Location');
  return { name: location.name, email: location.email, phone: location.phone, location };
}

export function createSender({ clock }: Deps, mail: MailService, documentOwners: DocumentOwnerCheck[] = []) {
  const owners = [ownOwners, ...documentOwners];

  /**
   * Writes a mail to a customer in the caller's transaction: consent checked, the message built
   * once, its bytes queued in the outbox and kept, the customer's timeline told. A refusal
   * (no address, blocked, no consent) throws before anything is written.
   */
  async function sendCustomerEmailIn(tx: DbOrTx, input: SendCustomerEmail): Promise<SentCustomerEmail> {
    const now = clock.now();
    const reach = await emailReachIn(tx, input.contactId, now);
    if (!reach) throw new NotFoundError('Contact');
    const requestId = input.requestId ?? null;
    const request = requestId ? (await requestRefs(tx, [requestId])).get(requestId) : null;
    if (requestId && (!request || request.contactId !== input.contactId)) {
      throw new ValidationError([
        { field: 'requestId', in: 'body', code: 'invalid', message: 'not a request of this customer' },
      ]);
    }
    if (input.askedInRequest && !request) {
      throw new ValidationError([
        { field: 'requestId', in: 'body', code: 'required', message: 'say in which request the customer asked' },
      ]);
    }
    const reason = input.askedInRequest ? 'asked' : 'consent';
    const to = assertMayEmail(reach, reason, input.to);

    const sender = await senderOf(tx, input.sentById, request?.locationId ?? input.locationId ?? null);
    const offerId = input.offer?.id ?? null;
    const documents: Array<AttachmentContent & { documentId: string | null }> = (input.attachments ?? []).map((a) => ({
      ...a,
      documentId: null,
    }));
    for (const [i, documentId] of (input.documentIds ?? []).entries()) {
      const doc = await documentWithContent(tx, documentId);
      const scope = { contactId: input.contactId, requestId, opportunityId: input.opportunityId ?? null, offerId };
      let allowed = false;
      for (const check of owners) if (!allowed && doc) allowed = await check(tx, doc, scope);
      if (!doc || !allowed) {
        throw new ValidationError([
          {
            field: `attachmentDocumentIds.${i}`,
            in: 'body',
            ...fieldError('unknown_document', {}),
            message: 'no such document of this customer',
          },
        ]);
      }
      documents.push({ fileName: doc.fileName, contentType: doc.contentType, content: doc.content, documentId });
    }

    // Threading: the customer's reply refers to this mail, and through References to the request's earlier ones.
    const earlier = request
      ? await tx
          .select({ messageId: customerEmails.messageId })
          .from(customerEmails)
          .where(eq(customerEmails.requestId, request.id))
          .orderBy(asc(customerEmails.createdAt))
      : [];
    const references = [
      ...new Set([
        ...(input.references ?? []),
        ...earlier.map((e) => e.messageId),
        ...(input.inReplyTo ? [input.inReplyTo] : []),
      ]),
    ];
    const inReplyTo = input.inReplyTo ?? references.at(-1) ?? null;
    // The request number in the subject lets a reply find its request even without the headers.
    const subject =
      request && !input.subject.includes(`[${request.number}]`)
        ? `${input.subject} [${request.number}]`
        : input.subject;

    const fromAddress = sender.location?.email || mail.senderAddress();
    const replyTo = input.replyTo || sender.email || fromAddress;
    const composed = await mail.compose({
      from: { name: sender.name, address: fromAddress },
      to: [to],
      cc: [],
      replyTo: { name: sender.name, address: replyTo },
      subject,
      text: input.text,
      html: htmlOf(input.text),
      inReplyTo,
      references,
      attachments: documents,
      headers: input.headers,
    });
    const id = randomUUID();
    const queued = await mail.enqueue(tx, {
      to,
      replyTo,
      subject,
      text: input.text,
      related: { type: 'customer_email', id },
      prebuilt: composed,
    });
    const attachments: StoredAttachment[] = documents.map((d) => ({
      fileName: d.fileName,
      contentType: d.contentType,
      size: d.content.length,
      documentId: d.documentId,
    }));
    await tx.insert(customerEmails).values({
      id,
      contactId: input.contactId,
      requestId,
      opportunityId: input.opportunityId ?? null,
      offerId,
      sentById: input.sentById,
      fromName: sender.name,
      fromAddress,
      to,
      replyTo,
      subject,
      text: input.text,
      messageId: composed.messageId,
      inReplyTo,
      references,
      attachments,
      raw: composed.raw,
      reason,
      askedInRequestId: reason === 'asked' ? requestId : null,
      templateKey: input.templateKey ?? null,
      outboxEmailId: queued.id,
      createdAt: now,
    });
    await recordTimeline(tx, {
      contactId: input.contactId,
      kind: 'email',
      occurredAt: now,
      authorId: input.sentById,
      ...timelineText('timeline.customerEmailSent', { subject, to, attachments: attachments.length }),
      body: input.text,
      data: {
        customerEmailId: id,
        requestId,
        opportunityId: input.opportunityId ?? null,
        offerId,
        reason,
        attachments: attachments.map((a) => a.fileName),
      },
      sourceType: 'customer_email',
      sourceId: id,
    });
    return {
      id,
      messageId: composed.messageId,
      outboxEmailId: queued.id,
      to,
      status: queued.status === 'held' ? 'held' : 'queued',
    };
  }

  return { sendCustomerEmailIn };
}
