import { z } from 'zod';
import { IsoDate } from '../common';

export const SalesFunnelQuery = z.object({
  from: IsoDate,
  /** Inclusive last day. */
  to: IsoDate,
  locationId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  source: z.string().trim().max(120).optional(),
});

export const SalesFunnelReport = z.object({
  steps: z.array(
    z.object({
      step: z.enum(['lead', 'test_drive', 'offer', 'contract', 'delivered']),
      count: z.number(),
      /** Share of the step before, in per cent with one decimal; null for leads or when the step before is empty. */
      rateFromPrevious: z.number().nullable(),
      /** Share of the leads, in per cent with one decimal. */
      rateFromLeads: z.number().nullable(),
    }),
  ),
  lost: z.array(z.object({ reason: z.string(), brand: z.string().nullable(), count: z.number() })),
  pipeline: z.array(z.object({ stage: z.string(), count: z.number(), valueCents: z.number() })),
});
export type SalesFunnelReport = z.infer<typeof SalesFunnelReport>;
