import { type AddressObject, type Attachment, type HeaderValue, simpleParser } from 'mailparser';
import sanitizeHtml from 'sanitize-html';

/** A mail as intake needs it: who, what, the thread it answers, and what kind of mail it is. */
export interface ReadMail {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  sentAt: Date | null;
  /** The customer's words: the text part verbatim, else the sanitised HTML as text. */
  text: string | null;
  /** The HTML part, sanitised (no scripts, styles, remote content or event handlers). */
  html: string | null;
  attachments: Array<{ fileName: string; contentType: string; content: Buffer }>;
  kind: 'mail' | 'auto_reply' | 'bounce';
  /** For a bounce: the addresses the delivery failed for, with the server's words. */
  failedRecipients: Array<{ address: string; reason: string | null }>;
  /** What could not be read, as sentences for staff. */
  notes: string[];
}

const ALLOWED_TAGS = [
  ...sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
  'span',
  'font',
  'center',
  'u',
  's',
];

/** HTML from outside, made safe to show: formatting and links stay, scripts, styles and images go. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
  });
}

/** The sanitised HTML as plain text: paragraphs and line breaks kept, entities decoded. */
export function htmlToText(html: string): string {
  const marked = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|blockquote)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ');
  const bare = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return bare
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const headerText = (value: HeaderValue | undefined): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => headerText(v as HeaderValue)).join(', ');
  if (value instanceof Date) return value.toISOString();
  if ('value' in value && typeof value.value === 'string') return value.value;
  if ('text' in value) return (value as AddressObject).text;
  return null;
};

/**
 * RFC 3834 and its older cousins: a mail a machine answered by itself (out of office,
 * "we received your mail") must never become a request, nor be answered again.
 */
function isAutoReply(headers: Map<string, HeaderValue>): boolean {
  const auto = headerText(headers.get('auto-submitted'))?.trim().toLowerCase();
  if (auto && auto !== 'no') return true;
  const precedence = headerText(headers.get('precedence'))?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'auto_reply', 'auto-reply'].includes(precedence)) return true;
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-auto-response-suppress')) {
    const suppress = headerText(headers.get('x-auto-response-suppress'));
    // Outlook sets X-Auto-Response-Suppress on ordinary mails too; only its "All"/"OOF" on a reply means a machine.
    if (!headers.has('x-autoreply') && !headers.has('x-autorespond')) return /\b(all|oof)\b/i.test(suppress ?? '');
    return true;
  }
  return false;
}

/** The recipients a delivery status notification (RFC 3464) reports as failed. */
export function failedRecipientsOf(report: string): Array<{ address: string; reason: string | null }> {
  const failed: Array<{ address: string; reason: string | null }> = [];
  // Per-recipient blocks are separated by blank lines; the first block is about the message.
  for (const block of report.split(/\r?\n\s*\r?\n/)) {
    const field = (name: string) =>
      new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, 'im')
        .exec(block)?.[1]
        ?.replace(/\r?\n[ \t]+/g, ' ')
        .trim() ?? null;
    const recipient = field('Final-Recipient') ?? field('Original-Recipient');
    const action = field('Action')?.toLowerCase();
    if (!recipient || (action && action !== 'failed')) continue;
    const address = recipient
      .replace(/^[^;]*;\s*/, '')
      .replace(/^<|>$/g, '')
      .trim()
      .toLowerCase();
    if (!address.includes('@')) continue;
    failed.push({ address, reason: field('Diagnostic-Code')?.replace(/^[^;]*;\s*/, '') ?? field('Status') });
  }
  return failed;
}

const isReport = (headers: Map<string, HeaderValue>) => {
  const type = headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  return (
    type?.value?.toLowerCase() === 'multipart/report' &&
    (type.params?.['report-type'] ?? '').toLowerCase() === 'delivery-status'
  );
};

const deliveryStatusOf = (attachments: Attachment[]) =>
  attachments
    .filter((a) => /^message\/(global-)?delivery-status$/i.test(a.contentType))
    .map((a) => a.content.toString('utf8'))
    .join('\n\n');

const ids = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? value.split(/\s+/) : []).map((v) => v.trim()).filter(Boolean);

/** Reads a raw RFC 5322 mail. Never throws: what cannot be read is noted, and the rest is kept. */
export async function readMail(raw: Buffer): Promise<ReadMail> {
  const notes: string[] = [];
  let parsed;
  try {
    parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipTextToHtml: true, skipImageLinks: true });
  } catch (error) {
    return {
      ...emptyMail(),
      notes: [`Die E-Mail konnte nicht gelesen werden (${(error as Error).message.slice(0, 200)}).`],
    };
  }
  const headers = parsed.headers as Map<string, HeaderValue>;
  const from = parsed.from?.value?.[0];
  const html = parsed.html ? sanitiseHtml(parsed.html) : null;
  const plain = parsed.text?.replace(/\r\n/g, '\n') ?? null;
  const text = plain && plain.trim() ? plain : html ? htmlToText(html) : null;
  if (!text) notes.push('Die E-Mail hat keinen lesbaren Text.');
  const report = isReport(headers) ? deliveryStatusOf(parsed.attachments) : '';
  const failedRecipients = report ? failedRecipientsOf(report) : [];
  const kind = report ? 'bounce' : isAutoReply(headers) ? 'auto_reply' : 'mail';
  const attachments = parsed.attachments
    .filter((a) => !/^message\/(global-)?delivery-status$/i.test(a.contentType))
    // Inline images of a signature are part of the HTML, not files the customer sent.
    .filter((a) => !(a.related && a.contentDisposition === 'inline' && a.contentType.startsWith('image/')))
    .map((a, i) => ({
      fileName: a.filename ?? (a.contentType === 'message/rfc822' ? `weitergeleitet-${i + 1}.eml` : `anhang-${i + 1}`),
      contentType: a.contentType,
      content: a.content,
    }));
  return {
    messageId: parsed.messageId?.trim() || null,
    inReplyTo: ids(parsed.inReplyTo)[0] ?? null,
    references: ids(parsed.references),
    fromAddress: from?.address?.trim().toLowerCase() || null,
    fromName: from?.name?.trim() || null,
    subject: parsed.subject ?? null,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text,
    html,
    attachments,
    kind,
    failedRecipients,
    notes,
  };
}

export function emptyMail(): ReadMail {
  return {
    messageId: null,
    inReplyTo: null,
    references: [],
    fromAddress: null,
    fromName: null,
    subject: null,
    sentAt: null,
    text: null,
    html: null,
    attachments: [],
    kind: 'mail',
    failedRecipients: [],
    notes: [],
  };
}

/** The few headers of a mail too large to read whole: enough to name it and find its sender. */
export function headersOnly(raw: Buffer): Pick<ReadMail, 'messageId' | 'fromAddress' | 'subject'> {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end > 0 ? Math.min(end, 64 * 1024) : 64 * 1024).toString('latin1');
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? null;
  const from = field('From');
  return {
    messageId: field('Message-ID'),
    fromAddress: from ? (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase() : null,
    subject: field('Subject'),
  };
}
