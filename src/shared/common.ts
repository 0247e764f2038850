import { z } from 'zod';

/** A page of a keyset-paged list; pass nextCursor back as cursor for the next page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

/** Calendar date as YYYY-MM-DD (no time zone: a birthday is the same day everywhere). */
export const IsoDate = z.iso.date();

export const UserRef = z.object({ id: z.uuid(), displayName: z.string() });
export type UserRef = z.infer<typeof UserRef>;

/** Optional text: empty strings from forms become null. */
export const optionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
