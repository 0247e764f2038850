// The public face of mailboxes: mailboxes read over IMAP into requests, and the mails a request came with.
export { createMailboxesService, type MailboxesService } from './service';
export { inboundMailsOfRequest, latestInboundMail } from './read-model';
export { findMailbox, insertMailbox, type MailboxRow } from './repo';
