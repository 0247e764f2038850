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

const FUNNEL_STEP = z.enum(['lead', 'test_drive', 'offer', 'contract', 'delivered']);

/** One source, consultant or location: how many opportunities reached each step, and leads → contract in per cent. */
export const SalesFunnelBreakdownRow = z.object({
  /** Source text, user id or location id; null: opportunities without a source. */
  key: z.string().nullable(),
  label: z.string(),
  counts: z.record(FUNNEL_STEP, z.number()),
  contractRate: z.number().nullable(),
});
export type SalesFunnelBreakdownRow = z.infer<typeof SalesFunnelBreakdownRow>;

export const SalesFunnelReport = z.object({
  steps: z.array(
    z.object({
      step: FUNNEL_STEP,
      count: z.number(),
      /** Share of the step before, in per cent with one decimal; null for leads or when the step before is empty. */
      rateFromPrevious: z.number().nullable(),
      /** Share of the leads, in per cent with one decimal. */
      rateFromLeads: z.number().nullable(),
    }),
  ),
  lost: z.array(z.object({ reason: z.string(), brand: z.string().nullable(), count: z.number() })),
  pipeline: z.array(z.object({ stage: z.string(), count: z.number(), valueCents: z.number() })),
  bySource: z.array(SalesFunnelBreakdownRow),
  byConsultant: z.array(SalesFunnelBreakdownRow),
  byLocation: z.array(SalesFunnelBreakdownRow),
});
export type SalesFunnelReport = z.infer<typeof SalesFunnelReport>;
