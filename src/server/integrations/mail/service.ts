import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DbOrTx } from '@server/db/client';
import { WriteBatch } from '@server/db/together';
import type { Deps } from '@server/deps';
import { defineJob, type JobContext } from '@server/jobs/definition';
import type { JobsService } from '@server/jobs/service';
import * as repo from './repo';
import type { OutboxStatus } from './tables';
import { type ComposedMail, composeMessage, type MailTransport, smtpTransport } from './transport';

export interface MailInput {
  to: string | string[];
  cc?: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  /** What the mail is about, shown with it later: e.g. { type: 'request', id }. */
  related?: { type: string; id: string };
  /** An iCalendar invitation (METHOD REQUEST or CANCEL) sent with the mail. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
  /** A message built with compose(): delivered exactly as these bytes, under its own Message-ID. */
  prebuilt?: { raw: Buffer; messageId: string; envelopeFrom: string };
}

export interface OutboxEmail {
  id: string;
  to: string[];
  cc: string[];
  subject: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  messageId: string | null;
  related: { type: string; id: string } | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const SEND_MAIL_JOB = 'mail.send';
const sendKey = (emailId: string) => `${SEND_MAIL_JOB}:${emailId}`;

export type MailService = ReturnType<typeof createMailService>;

/**
 * The outbox: a mail is written in the transaction of the change that causes
 * it and delivered afterwards by a job, so a rolled-back change sends nothing
 * and an unreachable SMTP server only delays mail (retried with backoff).
 * Without SMTP_URL mails are kept as 'held' and go out once it is configured.
 */
export function createMailService({ db, clock, log, config }: Deps, jobs: JobsService, transport?: MailTransport) {
  const smtp: MailTransport | null = transport ?? (config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : null);
  const messageDomain = /@([^>\s]+)/.exec(config.mail.from)?.[1] ?? 'localhost';

  async function deliver({ emailId }: { emailId: string }, ctx: JobContext) {
    const email = await repo.findEmail(db, emailId);
    if (!email || email.status === 'sent' || email.status === 'failed') return;
    if (!smtp) {
      await repo.markHeld(db, emailId);
      ctx.log.warn({ emailId }, 'SMTP_URL is not set; the mail stays in the outbox as held');
      return;
    }
    const messageId = email.messageId ?? `<${email.id}@${messageDomain}>`;
    try {
      const raw =
        email.raw && email.envelopeFrom ? { bytes: Buffer.from(email.raw), envelopeFrom: email.envelopeFrom } : null;
      await smtp.send({ ...email, from: config.mail.from, messageId, raw });
    } catch (err) {
      await repo.markAttemptFailed(db, emailId, err instanceof Error ? err.message : String(err), ctx.retryAt);
      throw err;
    }
    await repo.markSent(db, emailId, messageId, ctx.now);
  }

  const sendMailJob = jobs.register(
    defineJob({
      kind: SEND_MAIL_JOB,
      payload: z.object({ emailId: z.uuid() }),
      handler: deliver,
      maxAttempts: 8,
      backoff: 60_000,
      transactional: false,
    }),
  );
  jobs.onWorkerStart(async () => {
    if (!smtp) return;
    const released = await db.transaction(async (tx) => {
      const ids = await repo.releaseHeld(tx, clock.now());
      for (const id of ids)
        await jobs.schedule(tx, sendMailJob, { emailId: id }, { runAt: clock.now(), uniqueKey: sendKey(id) });
      return ids.length;
    });
    if (released > 0) log.info({ released }, 'held mails released to SMTP');
  });

  function enqueueIn(batch: WriteBatch, input: MailInput): { id: string; status: OutboxStatus } {
    const to = [input.to].flat().filter(Boolean);
    if (to.length === 0) throw new Error('a mail needs at least one recipient');
    const now = clock.now();
    const id = randomUUID();
    const status: OutboxStatus = smtp ? 'pending' : 'held';
    batch.write(
      repo.emailInsert(db, {
        id,
        to,
        cc: input.cc ?? [],
        replyTo: input.replyTo ?? null,
        subject: input.subject,
        text: input.text,
        html: input.html ?? null,
        status,
        nextAttemptAt: smtp ? now : null,
        relatedType: input.related?.type ?? null,
        relatedId: input.related?.id ?? null,
        icalEvent: input.icalEvent ?? null,
        raw: input.prebuilt?.raw ?? null,
        envelopeFrom: input.prebuilt?.envelopeFrom ?? null,
        messageId: input.prebuilt?.messageId ?? null,
        createdAt: now,
      }),
    );
    if (smtp) {
      jobs.scheduleIn(batch, sendMailJob, { emailId: id }, { runAt: now, uniqueKey: sendKey(id) });
    } else {
      log.warn({ emailId: id, subject: input.subject }, 'SMTP_URL is not set; the mail stays in the outbox as held');
    }
    return { id, status };
  }

  return {
    /** Whether a mail server is set up; without one, mails are kept as 'held'. */
    sends: smtp !== null,

    /** Queues a mail in the caller's transaction; it is sent once that commits. */
    async enqueue(tx: DbOrTx, input: MailInput): Promise<{ id: string; status: OutboxStatus }> {
      const batch = new WriteBatch();
      const queued = enqueueIn(batch, input);
      await batch.run(tx);
      return queued;
    },

    /** Queues a mail as part of the caller's write batch (one statement with its other writes). */
    enqueueIn,

    /**
     * Builds a complete message once (headers, text, HTML, attachments) under a Message-ID of
     * this system; queue the result with `prebuilt` so exactly these bytes are delivered.
     */
    async compose(
      mail: Omit<ComposedMail, 'messageId' | 'date'>,
    ): Promise<{ raw: Buffer; messageId: string; envelopeFrom: string }> {
      const messageId = `<${randomUUID()}@${messageDomain}>`;
      const raw = await composeMessage({ ...mail, messageId, date: clock.now() });
      return { raw, messageId, envelopeFrom: mail.from.address };
    },

    /** An address the outbox gave up delivering to: known invalid, not to be written to unasked. */
    deliveryFailedTo(tx: DbOrTx, address: string): Promise<boolean> {
      return repo.deliveryFailedTo(tx, address);
    },

    /** The system's own sender address (MAIL_FROM without its name). */
    senderAddress(): string {
      return /<?([^<>\s]+@[^<>\s]+)>?/.exec(config.mail.from)?.[1] ?? 'crm@localhost';
    },

    /** Delivery state of several mails at once. */
    async statuses(
      ids: string[],
    ): Promise<Map<string, { status: OutboxStatus; lastError: string | null; sentAt: Date | null }>> {
      return repo.statusesOf(db, ids);
    },

    /** An absolute link into the app for a mail, e.g. link(`/requests/${id}`). */
    link(path: string): string {
      return `${config.publicUrl}${path.startsWith('/') ? path : `/${path}`}`;
    },

    async get(id: string): Promise<OutboxEmail | undefined> {
      const row = await repo.findEmail(db, id);
      if (!row) return undefined;
      return {
        id: row.id,
        to: row.to,
        cc: row.cc,
        subject: row.subject,
        status: row.status,
        attempts: row.attempts,
        nextAttemptAt: row.nextAttemptAt,
        lastError: row.lastError,
        messageId: row.messageId,
        related: row.relatedType && row.relatedId ? { type: row.relatedType, id: row.relatedId } : null,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      };
    },

    close(): void {
      smtp?.close();
    },
  };
}
