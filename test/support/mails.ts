/** Real RFC 5322 messages as customers' mail programs and mail servers write them, for IMAP tests. */

let counter = 0;
const CRLF = '\r\n';

export const messageId = (tag = 'm') => `<${tag}.${Date.now()}.${++counter}@kunde.example>`;

interface Common {
  from?: string;
  to?: string;
  subject?: string;
  id?: string;
  date?: string;
  headers?: string[];
}

const head = (c: Common, contentType: string, extra: string[] = []) =>
  [
    `From: ${c.from ?? 'Erika Mustermann <erika@kunde.example>'}`,
    `To: ${c.to ?? 'verkauf@autohaus.example'}`,
    `Subject: ${c.subject ?? 'Anfrage'}`,
    `Date: ${c.date ?? 'Mon, 02 Mar 2026 09:00:00 +0100'}`,
    `Message-ID: ${c.id ?? messageId()}`,
    'MIME-Version: 1.0',
    ...(c.headers ?? []),
    `Content-Type: ${contentType}`,
    ...extra,
  ].join(CRLF);

/** A plain UTF-8 text mail (8bit). */
export function plainMail(c: Common & { text: string }): string {
  return (
    head(c, 'text/plain; charset=utf-8', ['Content-Transfer-Encoding: 8bit']) +
    CRLF +
    CRLF +
    c.text.replace(/\r?\n/g, CRLF) +
    CRLF
  );
}

/** multipart/alternative: the text and an HTML version, as Outlook and Thunderbird send. */
export function alternativeMail(c: Common & { text: string; html: string }): string {
  const b = `alt-${++counter}`;
  return [
    head(c, `multipart/alternative; boundary="${b}"`),
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    c.text,
    `--${b}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    c.html,
    `--${b}--`,
    '',
  ].join(CRLF);
}

/** An HTML-only mail (a web mailer, a newsletter-styled form). */
export function htmlMail(c: Common & { html: string }): string {
  return head(c, 'text/html; charset=utf-8', ['Content-Transfer-Encoding: 8bit']) + CRLF + CRLF + c.html + CRLF;
}

/** Quoted-printable ISO-8859-1 German text, as older mail programs send it. */
export function latin1Mail(c: Common & { text: string }): string {
  const qp = [...Buffer.from(c.text, 'latin1')]
    .map((byte) =>
      byte === 0x0a
        ? CRLF
        : byte > 126 || byte === 61
          ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
          : String.fromCharCode(byte),
    )
    .join('');
  const subject = c.subject
    ? `=?ISO-8859-1?Q?${[...Buffer.from(c.subject, 'latin1')].map((b) => (b > 126 || b === 61 || b === 63 || b === 95 ? `=${b.toString(16).toUpperCase()}` : b === 32 ? '_' : String.fromCharCode(b))).join('')}?=`
    : undefined;
  return (
    head({ ...c, subject }, 'text/plain; charset=ISO-8859-1', ['Content-Transfer-Encoding: quoted-printable']) +
    CRLF +
    CRLF +
    qp +
    CRLF
  );
}

/** A text mail with files attached (base64). */
export function mailWithAttachments(
  c: Common & { text: string; files: Array<{ name: string; type: string; content: Buffer }> },
): string {
  const b = `mixed-${++counter}`;
  const parts = c.files.flatMap((f) => [
    `--${b}`,
    `Content-Type: ${f.type}; name="${f.name}"`,
    `Content-Disposition: attachment; filename="${f.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    f.content.toString('base64').replace(/.{76}/g, `$&${CRLF}`),
  ]);
  return [
    head(c, `multipart/mixed; boundary="${b}"`),
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    c.text,
    ...parts,
    `--${b}--`,
    '',
  ].join(CRLF);
}

/** A mail forwarded as an attachment (message/rfc822), with a line of its own. */
export function forwardedMail(c: Common & { text: string; original: string }): string {
  const b = `fwd-${++counter}`;
  return [
    head(c, `multipart/mixed; boundary="${b}"`),
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    c.text,
    `--${b}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment; filename="weitergeleitet.eml"',
    '',
    c.original,
    `--${b}--`,
    '',
  ].join(CRLF);
}

/** An out-of-office answer (RFC 3834 Auto-Submitted). */
export function outOfOffice(c: Common & { inReplyTo?: string }): string {
  return plainMail({
    ...c,
    subject: c.subject ?? 'Abwesenheitsnotiz: Ihr Angebot',
    headers: [
      'Auto-Submitted: auto-replied',
      'X-Autoreply: yes',
      ...(c.inReplyTo ? [`In-Reply-To: ${c.inReplyTo}`] : []),
    ],
    text: 'Ich bin bis 15.03. nicht im Büro und lese meine E-Mails nicht.',
  });
}

/** A delivery status notification (RFC 3464): the mail to `failed` could not be delivered. */
export function bounce(c: Common & { failed: string; originalId?: string }): string {
  const b = `dsn-${++counter}`;
  return [
    head(
      {
        from: 'Mail Delivery System <MAILER-DAEMON@mx.autohaus.example>',
        subject: 'Undelivered Mail Returned to Sender',
        ...c,
        headers: ['Auto-Submitted: auto-replied'],
      },
      `multipart/report; report-type=delivery-status; boundary="${b}"`,
    ),
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `I'm sorry to have to inform you that your message could not be delivered to ${c.failed}.`,
    `--${b}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.autohaus.example',
    '',
    `Final-Recipient: rfc822; ${c.failed}`,
    `Original-Recipient: rfc822;${c.failed}`,
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 <' + c.failed + '>: Recipient address rejected: User unknown',
    '',
    `--${b}`,
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${c.originalId ?? '<sent.1@autohaus.example>'}`,
    `To: ${c.failed}`,
    'Subject: Ihr Angebot',
    '',
    `--${b}--`,
    '',
  ].join(CRLF);
}

/** A mail broken beyond reading: a multipart without its parts, binary garbage for a body. */
export function brokenMail(c: Common = {}): Buffer {
  const top = head(c, 'multipart/mixed; boundary="never-there"', ['Content-Transfer-Encoding: base64']);
  return Buffer.concat([
    Buffer.from(top + CRLF + CRLF, 'latin1'),
    Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x80, 0x00, 0x9f]),
  ]);
}
