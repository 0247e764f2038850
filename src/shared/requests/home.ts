import { z } from 'zod';
import { CALL_STATES } from '../telephony/enums';
import { RequestListItem } from './schemas';

/** A count and the first few requests behind it, most urgent first. */
const Bucket = z.object({
  count: z.number().int(),
  /** Of these, callback requests. */
  callbacks: z.number().int(),
  items: z.array(RequestListItem),
});

/** A call going on now, as the home page lists it; the number already in the one display rule (0711 …). */
export const LiveCallSummary = z.object({
  id: z.uuid(),
  state: z.enum(CALL_STATES),
  contact: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  /** The other party's number for display; null when withheld. */
  number: z.string().nullable(),
});

/** The home page of anyone who works requests: what is due, what rings, how the week went. */
export const StaffHome = z.object({
  overdue: Bucket,
  dueToday: Bucket,
  liveCalls: z.array(LiveCallSummary),
  week: z.object({
    /** Monday of this week (Berlin), YYYY-MM-DD. */
    from: z.string(),
    /** Requests assigned to me that came in this week. */
    received: z.number().int(),
    /** Requests of mine first contacted this week. */
    contacted: z.number().int(),
    /** Requests of mine closed as done this week. */
    done: z.number().int(),
  }),
});
export type StaffHome = z.infer<typeof StaffHome>;

export const ManagerHomeQuery = z.object({ locationId: z.uuid().optional() });

/** One location in one week of the last eight: first contact within one working day, and deadlines missed. */
export const TrendPoint = z.object({
  week: z.string(),
  locationId: z.string(),
  location: z.string(),
  received: z.number().int(),
  contactedWithinOneWorkingDay: z.number().int(),
  /** 0–100; null when nothing came in that week. */
  contactedWithinOneWorkingDayPct: z.number().nullable(),
  /** Requests of the week whose first-contact deadline passed without contact in time. */
  overdue: z.number().int(),
});
export const Trend = z.object({ weeks: z.array(z.string()), points: z.array(TrendPoint) });
export type Trend = z.infer<typeof Trend>;

/** The manager's home page for one location: the state of the work now, today's leads, this week, eight weeks. */
export const ManagerHome = z.object({
  location: z.object({ id: z.uuid(), name: z.string() }),
  today: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  unassigned: z.number().int(),
  leadsToday: z.object({
    received: z.number().int(),
    bySource: z.array(z.object({ key: z.string(), label: z.string(), received: z.number().int() })),
  }),
  week: z.object({
    from: z.string(),
    received: z.number().int(),
    contactedWithinOneWorkingDay: z.number().int(),
    contactedWithinOneWorkingDayPct: z.number().nullable(),
  }),
  trend: Trend,
});
export type ManagerHome = z.infer<typeof ManagerHome>;
