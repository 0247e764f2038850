import { z } from 'zod';

/**
 * What machine intake changed in a lead so that it could be stored, instead of refusing it:
 * - nul_removed: NUL characters (U+0000), which PostgreSQL cannot store, were removed;
 * - surrogate_replaced: broken UTF-16 (a lone surrogate) was replaced by U+FFFD;
 * - nesting_cut: JSON nested deeper than the limit; the deeper part was left out;
 * - truncated: text longer than its field's maximum (TEXT_MAX) was cut to it (`limit`);
 * - date_dropped: a date outside the sane years was left out;
 * - value_dropped: a value that was unusable once cut (an e-mail address) was left out.
 */
export const INPUT_REPAIR_CODES = [
  'nul_removed',
  'surrogate_replaced',
  'nesting_cut',
  'truncated',
  'date_dropped',
  'value_dropped',
] as const;
export type InputRepairCode = (typeof INPUT_REPAIR_CODES)[number];

export const InputRepair = z.object({
  code: z.enum(INPUT_REPAIR_CODES),
  /** The field, e.g. "customer.lastName" or "prospect[0].customer.lastName". */
  path: z.string(),
  /** Plain English, for logs and API clients; the web app words it by `code`. */
  message: z.string(),
  /** For truncated: the field's maximum length; for nesting_cut: the deepest level kept. */
  limit: z.number().int().optional(),
});
export type InputRepair = z.infer<typeof InputRepair>;
