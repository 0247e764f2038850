import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

/** A message to one user inside the app, e.g. "New lead assigned to you". */
export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  /** In German; clients that know `text` render that in their user's language instead. */
  title: z.string(),
  body: z.string().nullable(),
  /** What it says as a key and parameters (see src/shared/texts); null on notifications from before. */
  text: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  /** App path to open, e.g. /requests/<id>. */
  link: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: instant,
  readAt: instant.nullable(),
});
export type Notification = z.infer<typeof Notification>;

const queryFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const NotificationQuery = z.object({
  unreadOnly: queryFlag,
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().max(200).optional(),
});
export type NotificationQuery = z.input<typeof NotificationQuery>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Either the ids to mark read, or all: true. */
export const MarkReadInput = z
  .object({
    ids: z.array(z.uuid()).min(1).max(500).optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { message: 'give ids or all: true', path: ['ids'] });
export type MarkReadInput = z.infer<typeof MarkReadInput>;

export const UnreadCount = z.object({ unreadCount: z.number().int() });

/**
 * Events on GET /api/events (Server-Sent Events), by SSE event name:
 * - notification: a new Notification for the user
 * - notifications.read: { ids: string[] | 'all', unreadCount } after reading (in any tab)
 * Further modules add their own names; clients ignore names they do not know.
 */
export const LIVE_EVENTS = ['notification', 'notifications.read'] as const;
