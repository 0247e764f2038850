import { createHash } from 'node:crypto';
import type { RequestType } from '@shared/requests/enums';
import { TEXT_MAX } from '@shared/text/limits';
import { timelineText } from '@shared/texts/timeline';
import type { DbOrTx, Tx } from '@server/db/client';
import { isUniqueViolation } from '@server/db/unique-violation';
import type { Deps } from '@server/deps';
import type { ApiKeyActor } from '@server/http/access';
import { DomainError } from '@server/http/errors';
import { extractAdfFromEmail } from '@server/integrations/adf';
import { findContactsByKeys, markEmailBouncedIn } from '@server/modules/contacts';
import { requestIdForMessageIds } from '@server/modules/correspondence';
import {
  addInboundMailIn,
  checkFiles,
  type IncomingFile,
  insertAttachments,
  requestIdByNumberIn,
  type RequestsService,
} from '@server/modules/requests';
import { recordTimeline } from '@server/modules/timeline';
import { emptyMail, headersOnly, type ReadMail, readMail } from './parse';
import * as repo from './repo';
import type { TypeRule } from './tables';

/** What became of one mail; `stored: false` when it was stored before (a restart re-reads it). */
export interface Ingested {
  stored: boolean;
  outcome: repo.InboundRow['outcome'] | null;
  requestId: string | null;
}

export interface Delivered {
  uidValidity: number;
  uid: number;
  raw: Buffer;
}

/** Requests from a mailbox are taken in on behalf of the mailbox, not of a person. */
export const mailboxActor = (mailbox: repo.MailboxRow): ApiKeyActor => ({
  kind: 'apiKey',
  apiKeyId: mailbox.id,
  name: `Postfach ${mailbox.address}`,
  scopes: ['intake'],
});

/** The type the mailbox's rules give a mail: a sender domain first, then a word of the subject. */
export function typeFor(mailbox: Pick<repo.MailboxRow, 'typeRules' | 'defaultType'>, mail: ReadMail): RequestType {
  const rules: TypeRule[] = mailbox.typeRules ?? [];
  const domain = mail.fromAddress?.split('@')[1]?.toLowerCase() ?? '';
  const byDomain = rules.find(
    (r) =>
      r.kind === 'sender_domain' &&
      domain &&
      (domain === r.value.toLowerCase() || domain.endsWith(`.${r.value.toLowerCase()}`)),
  );
  if (byDomain) return byDomain.type;
  const words = (mail.subject ?? '').toLowerCase();
  const bySubject = rules.find(
    (r) => r.kind === 'subject_word' && r.value.trim() && words.includes(r.value.toLowerCase()),
  );
  return bySubject?.type ?? mailbox.defaultType;
}

/** "Max Mustermann" → first and last name; an address alone gives no name (the contact shows the address). */
function nameOf(mail: ReadMail): { firstName: string | null; lastName: string | null } {
  const name = mail.fromName?.replace(/["']/g, '').trim();
  if (!name || name.includes('@')) return { firstName: null, lastName: mail.fromAddress };
  const comma = name.split(',').map((s) => s.trim());
  if (comma.length === 2 && comma[0] && comma[1]) return { firstName: comma[1], lastName: comma[0] };
  const parts = name.split(/\s+/);
  const lastName = parts.pop()!;
  return { firstName: parts.join(' ') || null, lastName };
}

/**
 * One mail from a mailbox into the CRM, in one transaction with its inbound_emails row, so a
 * crash stores it whole or not at all, and a second reading of the same UID stores nothing.
 */
export function createIngest(deps: Deps, requests: RequestsService, maxBytes: number) {
  const now = () => deps.clock.now();

  /** Each file checked on its own: a refused one is noted on the mail, the others are kept. */
  async function acceptedFiles(mail: ReadMail): Promise<IncomingFile[]> {
    const accepted: IncomingFile[] = [];
    for (const [i, a] of mail.attachments.entries()) {
      const file: IncomingFile = { ...a, field: `attachments.${i}` };
      if (accepted.length >= 5) {
        mail.notes.push(
          `Anhang „${a.fileName}“ nicht übernommen: höchstens 5 Anhänge je Anliegen (er bleibt in der Original-E-Mail).`,
        );
        continue;
      }
      try {
        await checkFiles([file], 'attachments');
        accepted.push(file);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const why = error.errors?.map((e) => e.message).join('; ') ?? error.message;
        mail.notes.push(`Anhang „${a.fileName}“ nicht übernommen: ${why} (er bleibt in der Original-E-Mail).`);
      }
    }
    return accepted;
  }

  /** The request a reply belongs to: its thread's earlier mails, a mail we sent, or the number in the subject. */
  async function threadOf(db: DbOrTx, mail: ReadMail): Promise<string | null> {
    const ids = [...new Set([mail.inReplyTo, ...mail.references].filter((v): v is string => Boolean(v)))];
    return (
      (await repo.requestOfMessageIds(db, ids)) ??
      (await requestIdForMessageIds(db, ids)) ??
      (await requestIdByNumberIn(db, mail.subject))
    );
  }

  const rowOf = (mailbox: repo.MailboxRow, d: Delivered, mail: ReadMail, at: Date) => ({
    mailboxId: mailbox.id,
    uidValidity: d.uidValidity,
    uid: d.uid,
    messageId: mail.messageId?.slice(0, 998) ?? null,
    inReplyTo: mail.inReplyTo?.slice(0, 998) ?? null,
    references: mail.references.slice(0, 100).map((r) => r.slice(0, 998)),
    fromAddress: mail.fromAddress?.slice(0, TEXT_MAX.email) ?? null,
    fromName: mail.fromName?.slice(0, 200) ?? null,
    subject: mail.subject?.slice(0, 998) ?? null,
    sentAt: mail.sentAt,
    text: mail.text,
    html: mail.html,
    raw: d.raw,
    size: d.raw.length,
    receivedAt: at,
  });

  /** Inside the transaction: the same mail stored already from another mailbox is not taken in twice. */
  async function sameMailStored(tx: Tx, mailbox: repo.MailboxRow, d: Delivered, mail: ReadMail, at: Date) {
    if (!mail.messageId) return null;
    await repo.lockMessageId(tx, mail.messageId);
    const first = await repo.firstWithMessageId(tx, mail.messageId);
    if (!first) return null;
    await repo.insertInbound(tx, {
      ...rowOf(mailbox, d, mail, at),
      requestId: first.requestId,
      outcome: first.outcome,
      notes: [...mail.notes, 'Dieselbe E-Mail kam auch an ein anderes Postfach; sie ist nur einmal erfasst.'],
    });
    return { outcome: first.outcome, requestId: first.requestId };
  }

  async function autoReplyOrBounce(
    mailbox: repo.MailboxRow,
    d: Delivered,
    mail: ReadMail,
    at: Date,
  ): Promise<Ingested> {
    return deps.db.transaction(async (tx) => {
      const same = await sameMailStored(tx, mailbox, d, mail, at);
      if (same) return { stored: true, ...same };
      const requestId = await threadOf(tx, mail);
      const notes = [...mail.notes];
      if (mail.kind === 'bounce') {
        for (const failed of mail.failedRecipients) {
          const contactIds = await markEmailBouncedIn(tx, failed.address, at, failed.reason);
          notes.push(
            `Unzustellbar: ${failed.address}${contactIds.length ? ' – am Kontakt als ungültig markiert' : ''}.`,
          );
          for (const contactId of contactIds) {
            await recordTimeline(tx, {
              contactId,
              kind: 'email',
              occurredAt: at,
              ...timelineText('timeline.emailBounced', { address: failed.address, reason: failed.reason ?? '' }),
              data: { address: failed.address },
            });
          }
        }
      }
      await repo.insertInbound(tx, {
        ...rowOf(mailbox, d, mail, at),
        requestId,
        outcome: mail.kind === 'bounce' ? 'bounce' : 'auto_reply',
        notes,
      });
      return { stored: true, outcome: mail.kind === 'bounce' ? 'bounce' : 'auto_reply', requestId } as const;
    });
  }

  /** A lead portal's ADF mail: the ADF intake takes it in; the Message-ID is its Idempotency-Key, so a retry replays. */
  async function adfLead(mailbox: repo.MailboxRow, d: Delivered, mail: ReadMail, at: Date): Promise<Ingested | null> {
    const key = `mail:${mail.messageId ?? createHash('sha256').update(d.raw).digest('hex')}`.slice(0, 200);
    let answer;
    try {
      answer = await requests.takeInAdf(
        mailboxActor(mailbox),
        { raw: d.raw, charset: null },
        { locationId: mailbox.locationId },
        key,
        createHash('sha256').update(d.raw).digest('hex'),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      mail.notes.push(`Der ADF-Lead in der E-Mail war nicht lesbar: ${error.message.slice(0, 300)}`);
      return null;
    }
    const body = answer.body as { created: Array<{ id: string }>; duplicates: Array<{ id: string }> };
    const requestId = body.created[0]?.id ?? body.duplicates[0]?.id ?? null;
    return deps.db.transaction(async (tx) => {
      const same = await sameMailStored(tx, mailbox, d, mail, at);
      if (same) return { stored: true, ...same };
      await repo.insertInbound(tx, {
        ...rowOf(mailbox, d, mail, at),
        requestId,
        outcome: 'adf_lead',
        notes: mail.notes,
      });
      return { stored: true, outcome: 'adf_lead', requestId } as const;
    });
  }

  async function reply(
    mailbox: repo.MailboxRow,
    d: Delivered,
    mail: ReadMail,
    requestId: string,
    at: Date,
  ): Promise<Ingested> {
    const files = await acceptedFiles(mail);
    return deps.db.transaction(async (tx) => {
      const same = await sameMailStored(tx, mailbox, d, mail, at);
      if (same) return { stored: true, ...same };
      const row = await repo.insertInbound(tx, {
        ...rowOf(mailbox, d, mail, at),
        requestId,
        outcome: 'added_to_request',
        notes: mail.notes,
      });
      await addInboundMailIn(
        tx,
        requestId,
        { inboundEmailId: row.id, fromAddress: mail.fromAddress, subject: mail.subject, text: mail.text },
        at,
      );
      await insertAttachments(tx, requestId, files, mailboxActor(mailbox), at);
      return { stored: true, outcome: 'added_to_request', requestId } as const;
    });
  }

  async function newRequest(
    mailbox: repo.MailboxRow,
    d: Delivered,
    mail: ReadMail,
    unreadable: boolean,
    at: Date,
  ): Promise<Ingested> {
    const files = unreadable ? [] : await acceptedFiles(mail);
    const known = mail.fromAddress
      ? (await findContactsByKeys(deps.db, [`email:${mail.fromAddress}`])).get(`email:${mail.fromAddress}`)
      : undefined;
    const text = mail.text ?? '';
    if (text.length > TEXT_MAX.message)
      mail.notes.push('Der Text ist länger als ein Anliegen fasst; vollständig steht er in der E-Mail.');
    const message = [text.slice(0, TEXT_MAX.message - 2000), ...(mail.notes.length ? ['', '—', ...mail.notes] : [])]
      .join('\n')
      .trim();
    const prepared = await requests.prepareIntake(
      mailboxActor(mailbox),
      {
        type: typeFor(mailbox, mail),
        channel: 'email',
        source: mailbox.address,
        locationId: mailbox.locationId,
        department: mailbox.department,
        subject: (mail.subject?.trim() || '(ohne Betreff)').slice(0, TEXT_MAX.subject),
        message: message || null,
        receivedAt: mail.sentAt && mail.sentAt < at ? mail.sentAt : at,
        contactId: known?.id ?? null,
        customer: known
          ? null
          : {
              salutation: 'none',
              ...nameOf(mail),
              companyName: null,
              email: validEmail(mail.fromAddress),
              phone: null,
              street: null,
              postalCode: null,
              city: null,
            },
        attachments: files,
      },
      { lenientPhones: true },
    );
    const result = await deps.db.transaction(async (tx) => {
      const same = await sameMailStored(tx, mailbox, d, mail, at);
      if (same) return { stored: true, ...same };
      const { row } = await requests.commitIntake(tx, prepared);
      const outcome = unreadable ? 'unreadable' : 'new_request';
      await repo.insertInbound(tx, { ...rowOf(mailbox, d, mail, at), requestId: row.id, outcome, notes: mail.notes });
      return { stored: true, outcome, requestId: row.id } as const;
    });
    if (result.outcome === 'new_request' && mailbox.acknowledge && result.requestId)
      await acknowledge(mailbox, mail, result.requestId);
    return result;
  }

  /**
   * The mailbox's acknowledgement (when it and the request type have it on), after the request is
   * stored: at most once per request, and never a reason to lose the mail when it cannot be sent.
   */
  async function acknowledge(mailbox: repo.MailboxRow, mail: ReadMail, requestId: string) {
    try {
      await deps.db.transaction((tx) =>
        requests.sendAcknowledgement(tx, requestId, {
          mailboxAddress: mailbox.address,
          ...(mail.fromAddress ? { to: mail.fromAddress } : {}),
        }),
      );
    } catch (error) {
      deps.log.warn({ err: error, requestId }, 'the acknowledgement of a mailed request could not be sent');
    }
  }

  async function route(mailbox: repo.MailboxRow, d: Delivered, at: Date): Promise<Ingested> {
    const tooLarge = d.raw.length > maxBytes;
    const mail = tooLarge
      ? {
          ...emptyMail(),
          ...headersOnly(d.raw),
          notes: [
            `Die E-Mail ist mit ${(d.raw.length / 1024 / 1024).toFixed(1)} MB zu groß zum Lesen; sie ist im Original gespeichert.`,
          ],
        }
      : await readMail(d.raw);
    // The same mail sent to verkauf@ and info@: the second copy is stored beside the first, nothing more.
    if (mail.messageId && (await repo.firstWithMessageId(deps.db, mail.messageId))) {
      const copy = await deps.db.transaction((tx) => sameMailStored(tx, mailbox, d, mail, at));
      if (copy) return { stored: true, ...copy };
    }
    const unreadable = tooLarge || (!mail.text && mail.notes.some((n) => n.startsWith('Die E-Mail konnte nicht')));
    if (!unreadable && mail.kind !== 'mail') return autoReplyOrBounce(mailbox, d, mail, at);
    if (!unreadable && extractAdfFromEmail(d.raw)) {
      const lead = await adfLead(mailbox, d, mail, at);
      if (lead) return lead;
    }
    if (!unreadable) {
      const thread = await threadOf(deps.db, mail);
      if (thread) return reply(mailbox, d, mail, thread, at);
    }
    return newRequest(mailbox, d, mail, unreadable, at);
  }

  /** Takes one delivered mail in; a UID stored before is left alone. Errors other than a lost race propagate. */
  return async function ingest(mailbox: repo.MailboxRow, d: Delivered): Promise<Ingested> {
    const stored = await repo.storedUids(deps.db, mailbox.id, d.uidValidity, [d.uid]);
    if (stored.has(d.uid)) return { stored: false, outcome: null, requestId: null };
    try {
      return await route(mailbox, d, now());
    } catch (error) {
      // Another reader stored the same UID meanwhile: its transaction won, ours wrote nothing.
      if (isUniqueViolation(error)) return { stored: false, outcome: null, requestId: null };
      throw error;
    }
  };
}

const validEmail = (address: string | null) =>
  address && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) && address.length <= TEXT_MAX.email ? address : null;

export type Ingest = ReturnType<typeof createIngest>;
