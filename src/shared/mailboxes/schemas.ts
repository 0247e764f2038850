import { z } from 'zod';
import { DEPARTMENT_KINDS } from '../org/enums';
import { REQUEST_TYPES } from '../requests/enums';
import { AFTER_PROCESSING, INBOUND_OUTCOMES, MAILBOX_STATES } from './enums';

export const TypeRule = z.object({
  kind: z.enum(['sender_domain', 'subject_word']),
  value: z.string().trim().min(1).max(200),
  type: z.enum(REQUEST_TYPES),
});
export type TypeRule = z.infer<typeof TypeRule>;

/** IMAP folder names: printable, no control characters. */
const folderName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'no control characters');

/**
 * The fields as a change names them: no defaults here, or a change that leaves a field out (a new
 * password only) would quietly reset it — the mailbox's type rules, folder and acknowledgement.
 */
const MailboxFields = z.object({
  locationId: z.uuid(),
  department: z
    .enum(DEPARTMENT_KINDS)
    .nullish()
    .transform((v) => v ?? null),
  name: z.string().trim().min(1).max(100),
  address: z.email().trim().toLowerCase().max(254),
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or IP address'),
  port: z.number().int().min(1).max(65535),
  tls: z.boolean(),
  username: z.string().trim().min(1).max(254),
  folder: folderName,
  defaultType: z.enum(REQUEST_TYPES),
  typeRules: z.array(TypeRule).max(50),
  afterProcessing: z.enum(AFTER_PROCESSING),
  moveToFolder: folderName.nullish().transform((v) => v ?? null),
  acknowledge: z.boolean(),
  enabled: z.boolean(),
  pollSeconds: z.number().int().min(10).max(3600),
});

/** What a new mailbox starts with where the admin names nothing. */
const MailboxDefaults = MailboxFields.extend({
  folder: MailboxFields.shape.folder.default('INBOX'),
  defaultType: MailboxFields.shape.defaultType.default('general'),
  typeRules: MailboxFields.shape.typeRules.default([]),
  afterProcessing: MailboxFields.shape.afterProcessing.default('flag'),
  acknowledge: MailboxFields.shape.acknowledge.default(false),
  enabled: MailboxFields.shape.enabled.default(true),
  pollSeconds: MailboxFields.shape.pollSeconds.default(60),
});

const moveNeedsFolder = (v: { afterProcessing?: string; moveToFolder?: string | null }) =>
  v.afterProcessing !== 'move' || Boolean(v.moveToFolder);
const moveMessage = { message: 'name the folder to move processed mails to', path: ['moveToFolder'] };

/** The password is write-only: sent when set or replaced, never sent back. */
export const MailboxInput = MailboxDefaults.extend({ secret: z.string().min(1).max(500) }).refine(
  moveNeedsFolder,
  moveMessage,
);
export const MailboxUpdate = MailboxFields.partial()
  .extend({ secret: z.string().min(1).max(500).optional() })
  .refine(moveNeedsFolder, moveMessage);

export const Mailbox = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  department: z.enum(DEPARTMENT_KINDS).nullable(),
  name: z.string(),
  address: z.string(),
  host: z.string(),
  port: z.number(),
  tls: z.boolean(),
  username: z.string(),
  folder: z.string(),
  defaultType: z.enum(REQUEST_TYPES),
  typeRules: z.array(TypeRule),
  afterProcessing: z.enum(AFTER_PROCESSING),
  moveToFolder: z.string().nullable(),
  acknowledge: z.boolean(),
  enabled: z.boolean(),
  pollSeconds: z.number(),
  /** Whether a password is stored; the password itself never leaves the server. */
  secretStored: z.boolean(),
  state: z.enum(MAILBOX_STATES),
  stateDetail: z.string().nullable(),
  stateChangedAt: z.string().nullable(),
  lastMailAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
});
export type Mailbox = z.infer<typeof Mailbox>;

export const ConnectionTest = z.union([
  z.object({ ok: z.literal(true), messages: z.number() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** A test of settings before saving: the stored password is used when none is given. */
export const ConnectionTestInput = z.object({
  host: MailboxFields.shape.host,
  port: MailboxFields.shape.port,
  tls: z.boolean(),
  username: MailboxFields.shape.username,
  folder: folderName.default('INBOX'),
  secret: z.string().min(1).max(500).optional(),
  mailboxId: z.uuid().optional(),
});

export const FetchResult = z.object({ seen: z.number(), stored: z.number() });

export const InboundMail = z.object({
  id: z.uuid(),
  mailboxId: z.uuid(),
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  subject: z.string().nullable(),
  sentAt: z.string().nullable(),
  text: z.string().nullable(),
  /** Sanitised: safe to render. */
  html: z.string().nullable(),
  size: z.number(),
  outcome: z.enum(INBOUND_OUTCOMES),
  notes: z.array(z.string()),
  receivedAt: z.string(),
});
export type InboundMail = z.infer<typeof InboundMail>;
