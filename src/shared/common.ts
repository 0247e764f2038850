import { z } from 'zod';

/** A page of a keyset-paged list; pass nextCursor back as cursor for the next page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
});

/**
 * The years a date may fall in. A birthday, first registration, deadline or report range outside
 * them is a typo ("0202-05-01"), and year 0000 cannot be stored at all.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

/** Whether an ISO date or instant ("2026-03-02", "2026-03-02T10:15:00+01:00") falls in those years. */
export const inSaneYears = (iso: string) => {
  const year = Number(iso.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

/** The issue a date outside those years raises; machine intake recognises it by `params.rule` and drops the date. */
export const YEAR_RANGE_RULE = 'year_range';
export const YEAR_RANGE_MESSAGE = `must lie between the years ${EARLIEST_YEAR} and ${LATEST_YEAR}`;
const saneYears = { message: YEAR_RANGE_MESSAGE, params: { rule: YEAR_RANGE_RULE } };

/** Calendar date as YYYY-MM-DD (no time zone: a birthday is the same day everywhere). */
export const IsoDate = z.iso.date().refine(inSaneYears, saneYears);

/** A point in time as ISO 8601 with its offset ("2026-03-02T10:15:00+01:00"). */
export const Instant = z.iso.datetime({ offset: true }).refine(inSaneYears, saneYears);

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

type WithoutDefault<S> = S extends z.ZodDefault<infer Inner> ? Inner : S;
export type ChangeShape<T extends z.ZodRawShape> = { [K in keyof T]: z.ZodOptional<WithoutDefault<T[K]>> };

/**
 * The schema of a change to a record whose creation `schema` describes: every field optional and
 * none with a default. zod's `.partial()` keeps the defaults, so a change naming one field would
 * quietly reset every other field that has one (a user's further locations, a vehicle's leasing).
 */
export function changeOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>): z.ZodObject<ChangeShape<T>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = bare.optional();
  }
  return z.object(shape) as unknown as z.ZodObject<ChangeShape<T>>;
}
