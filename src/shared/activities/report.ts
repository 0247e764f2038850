import { z } from 'zod';
import { IsoDate } from '../common';

/** The activities part of the monitoring: a period of Berlin days, one location or all of the caller's. */
export const ActivityReportQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    locationId: z.uuid().optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] });

/** Activities due in the period, of one person, one type, or all. */
export const ActivityReportRow = z.object({
  /** The owner's id, the activity type, or "total". */
  key: z.string(),
  label: z.string(),
  /** Due in the period, not cancelled. */
  planned: z.number().int(),
  done: z.number().int(),
  /** Still open and past due now. */
  overdue: z.number().int(),
  /** Appointments that came from requests: linked to a request, a meeting type or marked kept / not kept. */
  fromRequests: z.number().int(),
  /** "Termin wahrgenommen" (R3.5): the customer came. */
  kept: z.number().int(),
  noShow: z.number().int(),
  /** kept / (kept + noShow) in percent, one decimal; null when none was marked either way. */
  keptPct: z.number().nullable(),
});
export type ActivityReportRow = z.infer<typeof ActivityReportRow>;

export const ActivityReport = z.object({
  from: z.string(),
  to: z.string(),
  byPerson: z.array(ActivityReportRow),
  byType: z.array(ActivityReportRow),
  total: ActivityReportRow,
});
export type ActivityReport = z.infer<typeof ActivityReport>;
