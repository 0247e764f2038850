import { z } from 'zod';
import { Instant, UserRef } from '../common';

export const TimelineEntry = z.object({
  id: z.number().int(),
  kind: z.string(),
  occurredAt: z.string(),
  author: UserRef.nullable(),
  /** In German; clients that know `text` render that in their user's language instead. */
  summary: z.string(),
  /** The summary as a key and parameters (see src/shared/texts/timeline.ts); null on notes and older entries. */
  text: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  contactId: z.uuid().nullable(),
  vehicleId: z.uuid().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = z.object({
  /** Comma-separated kinds to show, e.g. "note,call". */
  kinds: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const TimelinePage = z.object({ items: z.array(TimelineEntry), nextCursor: z.string().nullable() });

export const NoteInput = z.object({
  text: z.string().trim().min(1).max(10_000),
  /** When it happened, if not now (e.g. a visit noted afterwards). Not in the future. */
  occurredAt: Instant.optional(),
  vehicleId: z.uuid().optional(),
});
