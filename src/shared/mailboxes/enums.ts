/** What became of an inbound mail. */
export const INBOUND_OUTCOMES = [
  'new_request',
  'added_to_request',
  'auto_reply',
  'bounce',
  'adf_lead',
  'unreadable',
] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** After a mail is stored: flag it \Seen plus our keyword, or move it to a folder. Never deleted. */
export const AFTER_PROCESSING = ['flag', 'move'] as const;
export type AfterProcessing = (typeof AFTER_PROCESSING)[number];

/** Live state of a mailbox reader, as the phone links show theirs. */
export const MAILBOX_STATES = ['disabled', 'connecting', 'connected', 'error'] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

/** The keyword set on a processed mail (IMAP keywords are atoms: no spaces, no brackets). */
export const PROCESSED_KEYWORD = 'CrmProcessed';
