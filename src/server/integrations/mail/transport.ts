import nodemailer from 'nodemailer';

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
