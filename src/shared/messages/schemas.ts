import { z } from 'zod';
import { Instant, IsoDate, optionalText, UserRef } from '../common';
import { ContactRef } from '../contacts/schemas';
import {
  CHANNEL_TYPES,
  INTERNAL_SUBJECTS,
  MESSAGE_CHANNELS,
  MESSAGE_SHORT_MAX,
  MESSAGE_TEXT_MAX,
  MESSAGE_TYPES,
  type MessageType,
  UNBLOCK_STATES,
} from './enums';
import { ROLES } from '../org/enums';

/**
 * A new message. Every field may be left out here so that the server can name every missing
 * one at once (missingMessageFields); lengths and formats are still checked by the schema.
 */
export const MessageInput = z.object({
  contactId: z.uuid().nullish(),
  type: z.enum(MESSAGE_TYPES).nullish(),
  responsibleId: z.uuid().nullish(),
  /** What happened, verbatim; short, all facts. */
  text: optionalText(MESSAGE_TEXT_MAX),
  /** Who entered it; the caller when left out. */
  enteredById: z.uuid().nullish(),
  /** The location it is written at; the caller's home location when left out. */
  locationId: z.uuid().nullish(),
  internalSubject: z.enum(INTERNAL_SUBJECTS).nullish(),
  /** The day's check entry (daily checks), as the check module names it. */
  checkEntryId: optionalText(120),
  checkName: optionalText(MESSAGE_SHORT_MAX),
  checkDay: IsoDate.nullish(),
  blockReason: optionalText(1_000),
  /** Until when the block holds; open-ended when left out. */
  blockUntil: Instant.nullish(),
  /** The rule violated, e.g. "AGB §9". */
  houseRule: optionalText(MESSAGE_SHORT_MAX),
  channel: z.enum(MESSAGE_CHANNELS).nullish(),
});
export type MessageInput = z.input<typeof MessageInput>;

type Filled = Partial<Record<keyof z.input<typeof MessageInput>, unknown>>;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The extra fields a type needs besides customer, responsible, text and type. */
export function requiredExtrasOf(type: MessageType | null | undefined): Array<keyof Filled> {
  switch (type) {
    case 'internal':
      return ['internalSubject'];
    case 'daily_check':
      return ['checkName', 'checkDay'];
    case 'block':
      return ['blockReason'];
    case 'house_rules':
      return ['houseRule'];
    default:
      return type && CHANNEL_TYPES.includes(type) ? ['channel'] : [];
  }
}

/** Every required field that is empty, in form order: the server's 400 and the form's save button. */
export function missingMessageFields(input: Filled): Array<keyof Filled> {
  const common: Array<keyof Filled> = ['contactId', 'responsibleId', 'text', 'type'];
  const type = (blank(input.type) ? null : input.type) as MessageType | null;
  return [...common, ...requiredExtrasOf(type)].filter((f) => blank(input[f]));
}

export const MessageDetails = z.object({
  internalSubject: z.enum(INTERNAL_SUBJECTS).nullable(),
  checkEntryId: z.string().nullable(),
  checkName: z.string().nullable(),
  checkDay: z.string().nullable(),
  blockReason: z.string().nullable(),
  blockUntil: z.string().nullable(),
  houseRule: z.string().nullable(),
  channel: z.enum(MESSAGE_CHANNELS).nullable(),
});
export type MessageDetails = z.infer<typeof MessageDetails>;

export const CustomerMessage = MessageDetails.extend({
  id: z.uuid(),
  type: z.enum(MESSAGE_TYPES),
  locationId: z.uuid(),
  contact: ContactRef,
  responsible: UserRef,
  enteredBy: UserRef,
  createdBy: UserRef.nullable(),
  text: z.string(),
  requestId: z.uuid().nullable(),
  unblockState: z.enum(UNBLOCK_STATES).nullable(),
  confirmedBy: UserRef.nullable(),
  confirmedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: UserRef.nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The board thread the message was taken to ("An das Board"), if any. */
  boardThreadId: z.uuid().nullable(),
});
export type CustomerMessage = z.infer<typeof CustomerMessage>;

export const MessageList = z.object({ items: z.array(CustomerMessage), nextCursor: z.string().nullable() });

export const InboxQuery = z.object({
  /** Acknowledged ones too; by default only what still waits for the reader. */
  acknowledged: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const MessageListQuery = z.object({
  locationId: z.uuid().optional(),
  type: z.enum(MESSAGE_TYPES).optional(),
  responsibleId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  archived: z.enum(['true', 'false', 'all']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const BlockPolicy = z.object({
  blockRoles: z.array(z.enum(ROLES)).max(ROLES.length),
  unblockRoles: z.array(z.enum(ROLES)).max(ROLES.length),
});
export type BlockPolicy = z.infer<typeof BlockPolicy>;

export const MessagePeople = z.object({ items: z.array(UserRef) });
