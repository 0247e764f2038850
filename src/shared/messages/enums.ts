import type { Role } from '../org/enums';

/** The kinds of internal customer messages (R1.5); each asks for its own extra fields. */
export const MESSAGE_TYPES = [
  'internal',
  'daily_check',
  'block',
  'unblock',
  'house_rules',
  'complaint',
  'wish',
  'concern',
] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** What an internal message changes in the contract or master data. */
export const INTERNAL_SUBJECTS = ['bank_details', 'phone', 'address', 'customer_card', 'contract', 'other'] as const;
export type InternalSubject = (typeof INTERNAL_SUBJECTS)[number];

/** How a complaint, wish or concern reached us. */
export const MESSAGE_CHANNELS = ['in_person', 'written', 'phone', 'social_media'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Types that tell how the customer said it. */
export const CHANNEL_TYPES: readonly MessageType[] = ['complaint', 'wish', 'concern'];

/** An unblock entered by someone the policy does not let lift a block waits for a confirmation. */
export const UNBLOCK_STATES = ['pending', 'done'] as const;
export type UnblockState = (typeof UNBLOCK_STATES)[number];

/**
 * A location's block policy when it has set none: everyone who works with customers may block
 * (reception turns a customer away at the door), only managers lift a block at once; an unblock
 * entered by anyone else waits until a manager confirms it.
 */
export const DEFAULT_BLOCK_POLICY: { blockRoles: Role[]; unblockRoles: Role[] } = {
  blockRoles: ['admin', 'manager', 'sales', 'service', 'reception'],
  unblockRoles: ['admin', 'manager'],
};

/** The longest message text: short, all facts. */
export const MESSAGE_TEXT_MAX = 2_000;
export const MESSAGE_SHORT_MAX = 200;
