import { z } from 'zod';
import { IsoDate } from '../common';
import { ATTEMPT_CHANNELS, LOST_REASONS, REQUEST_TYPES } from './enums';

/** Rows of the report: per location, team, person, or source and campaign (tracking number, portal, web form). */
export const MONITORING_GROUPS = ['location', 'team', 'person', 'source'] as const;
export type MonitoringGroupBy = (typeof MONITORING_GROUPS)[number];

const MonitoringFilters = z.object({
  from: IsoDate,
  to: IsoDate,
  groupBy: z.enum(MONITORING_GROUPS).default('location'),
  locationId: z.uuid().optional(),
  type: z.enum(REQUEST_TYPES).optional(),
});
const fromBeforeTo = (q: { from: string; to: string }) => q.from <= q.to;
const toError = { message: 'must not be before from', path: ['to'] };

export const MonitoringQuery = MonitoringFilters.refine(fromBeforeTo, toError);

/**
 * Which requests behind a figure of the report. contacted_one_day / late_one_day: first contact
 * within the standard's one working day or not; contacted / late: within the deadline set for
 * the type or not.
 */
export const MONITORING_MEASURES = [
  'received',
  'contacted_one_day',
  'late_one_day',
  'contacted',
  'late',
  'open',
  'overdue',
  'done',
  'lost',
] as const;

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
  /** First contact within one working day (R3.3), by the location's opening hours and holidays. */
  contactedWithinOneWorkingDay: z.number().int(),
  /** Share of the received requests contacted within one working day, 0–100; null when none received. */
  contactedWithinOneWorkingDayPct: z.number().nullable(),
  /** First contact within the deadline a manager set for the type (which may be longer than one day). */
  contactedWithinDeadline: z.number().int(),
  contactedWithinDeadlinePct: z.number().nullable(),
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
  groupBy: z.enum(MONITORING_GROUPS),
  rows: z.array(MonitoringRow),
  total: MonitoringRow,
});
