import { z } from 'zod';
import { REQUEST_TYPES, SLA_UNITS } from './enums';

/** Upper bounds keep a typo (100 days) from switching escalation off. */
export const MAX_SLA = { working_days: 10, working_hours: 80 } as const;

export const TypeSetting = z.object({
  type: z.enum(REQUEST_TYPES),
  firstContactAmount: z.number().int(),
  firstContactUnit: z.enum(SLA_UNITS),
  /** A request of this type that came in by e-mail or web form is acknowledged by e-mail at once. */
  acknowledgement: z.boolean(),
  /** True while no manager has set it: one working day. */
  isDefault: z.boolean(),
});
export type TypeSetting = z.infer<typeof TypeSetting>;

export const TypeSettingInput = z
  .object({
    firstContactAmount: z.number().int().min(1),
    firstContactUnit: z.enum(SLA_UNITS),
    acknowledgement: z.boolean().default(false),
  })
  .refine((s) => s.firstContactAmount <= MAX_SLA[s.firstContactUnit], {
    message: `at most ${MAX_SLA.working_days} working days or ${MAX_SLA.working_hours} working hours`,
    path: ['firstContactAmount'],
  });
export type TypeSettingInput = z.input<typeof TypeSettingInput>;
