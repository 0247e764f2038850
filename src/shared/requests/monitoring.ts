import { z } from 'zod';
import { IsoDate } from '../common';
import { ATTEMPT_CHANNELS, LOST_REASONS, REQUEST_TYPES } from './enums';

const MonitoringFilters = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: z.enum(['location', 'team', 'person']).default('location'),
  locationId: z.uuid().optional(),
  type: z.enum(REQUEST_TYPES).optional(),
});
const fromBeforeTo = (q: { from: string; to: string }) => q.from <= q.to;
const toError = { message: 'must not be before from', path: ['to'] };

export const MonitoringQuery = MonitoringFilters.refine(fromBeforeTo, toError);

/** Which requests behind a figure of the report. */
export const MONITORING_MEASURES = ['received', 'contacted', 'late', 'open', 'overdue', 'done', 'lost'] as const;

/** Drill-down: the requests behind one figure of one row ("total" for the total row). */
export const MonitoringDrillQuery = MonitoringFilters.extend({
  key: z.string().min(1).max(80),
  measure: z.enum(MONITORING_MEASURES).default('received'),
}).refine(fromBeforeTo, toError);

/** One row of the daily lead monitoring (R3.5). */
export const MonitoringRow = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().int(),
  contactedWithinOneWorkingDay: z.number().int(),
  /** Share of the received requests contacted in time, 0–100; null when none received. */
  contactedWithinOneWorkingDayPct: z.number().nullable(),
  attempts: z.number().int(),
  attemptsByChannel: z.record(z.enum(ATTEMPT_CHANNELS), z.number().int()),
  open: z.number().int(),
  overdue: z.number().int(),
  done: z.number().int(),
  lost: z.number().int(),
  lostReasons: z.record(z.enum(LOST_REASONS), z.number().int()),
});

export const MonitoringReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['location', 'team', 'person']),
  rows: z.array(MonitoringRow),
  total: MonitoringRow,
});
