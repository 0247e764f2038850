import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface OutgoingMail {
  from: string;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  /** An iCalendar invitation: sent as the text/calendar alternative and as an invite.ics attachment. */
  icalEvent?: { method: string; content: string } | null;
  /** A message built beforehand: sent byte for byte to these envelope addresses. */
  raw?: { bytes: Buffer; envelopeFrom: string } | null;
}

/** What a prebuilt message is made of. */
export interface ComposedMail {
  from: { name: string; address: string };
  to: string[];
  cc: string[];
  replyTo: { name: string; address: string } | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  date: Date;
  attachments: Array<{ fileName: string; contentType: string; content: Buffer }>;
  /** Further header fields, e.g. List-Unsubscribe on campaign mails. */
  headers?: Record<string, string>;
}

/**
 * Builds the complete RFC 5322 message once, so the bytes kept are the bytes sent. Line ends are
 * made CRLF here, as SMTP would make them on the way, so the stored message equals the one received.
 */
export async function composeMessage(mail: ComposedMail): Promise<Buffer> {
  const built = await new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? undefined,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo ?? undefined,
    references: mail.references.length > 0 ? mail.references : undefined,
    date: mail.date,
    headers: mail.headers,
    attachments: mail.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: a.content,
    })),
  })
    .compile()
    .build();
  // Every part is 7-bit encoded (quoted-printable, base64), so latin1 maps the bytes one to one.
  return Buffer.from(built.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

/** The one place that knows nodemailer; the outbox only sees send(). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Fail fast: a job waiting minutes on a dead server holds a worker; the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      if (mail.raw) {
        await transporter.sendMail({
          envelope: { from: mail.raw.envelopeFrom, to: [...mail.to, ...mail.cc] },
          raw: mail.raw.bytes,
        });
        return;
      }
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        cc: mail.cc.length > 0 ? mail.cc : undefined,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId,
        icalEvent: mail.icalEvent
          ? { method: mail.icalEvent.method, filename: 'invite.ics', content: mail.icalEvent.content }
          : undefined,
      });
    },
    close: () => transporter.close(),
  };
}
