import type { ActivityUpdate } from '@shared/activities/schemas';
import type { Activity } from '../queries';
import { berlinInstant, berlinParts, toOffsetIso } from '../time';

/** One column of the grid: a day, in the team view a person's day. */
export interface Column {
  key: string;
  day: string;
  ownerId?: string;
  /** Opening intervals in minutes after midnight; empty: closed all day. */
  open: Array<[number, number]>;
  holiday?: string;
  absent?: boolean;
  today: boolean;
}

/** Where something was dropped: a day (keeping the time) or a time of day, maybe another person's. */
export interface DropTarget {
  day: string;
  minutes?: number;
  allDay?: boolean;
  ownerId?: string;
}

export const HOUR_HEIGHT = 48;
export const PX_PER_MINUTE = HOUR_HEIGHT / 60;
/** An activity without an end takes this much room in the grid. */
export const DEFAULT_MINUTES = 30;

export function dayOf(activity: Activity): string {
  return activity.allDay && activity.dueOn ? activity.dueOn : berlinParts(activity.startsAt).day;
}

export function belongsTo(activity: Activity, column: Pick<Column, 'day' | 'ownerId'>) {
  return dayOf(activity) === column.day && (!column.ownerId || activity.owner.id === column.ownerId);
}

/** Minutes of the day an activity spans in the grid (start, end), cut at midnight. */
export function span(activity: Activity): [number, number] {
  const start = berlinParts(activity.startsAt);
  if (!activity.endsAt) return [start.minutes, Math.min(start.minutes + DEFAULT_MINUTES, 24 * 60)];
  const end = berlinParts(activity.endsAt);
  const endMinutes = end.day === start.day ? end.minutes : 24 * 60;
  return [start.minutes, Math.max(endMinutes, start.minutes + 15)];
}

/** The hours shown: the working day at least, more when something lies outside it. */
export function visibleHours(activities: Activity[], columns: Column[]): [number, number] {
  let first = 7 * 60;
  let last = 20 * 60;
  for (const column of columns) {
    for (const [from, to] of column.open) {
      first = Math.min(first, from);
      last = Math.max(last, to);
    }
  }
  for (const activity of activities) {
    if (activity.allDay) continue;
    const [from, to] = span(activity);
    first = Math.min(first, from);
    last = Math.max(last, to);
  }
  return [Math.floor(first / 60), Math.min(24, Math.ceil(last / 60))];
}

export interface Placed {
  activity: Activity;
  top: number;
  height: number;
  /** Side by side when they overlap: which lane of how many. */
  lane: number;
  lanes: number;
}

/** Positions of the timed activities of one column; overlapping ones share the width. */
export function place(activities: Activity[], firstHour: number): Placed[] {
  const items = activities
    .filter((a) => !a.allDay)
    .map((activity) => ({ activity, span: span(activity) }))
    .sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const placed: Placed[] = [];
  let cluster: Array<{ item: (typeof items)[number]; lane: number }> = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];
  const flush = () => {
    const lanes = Math.max(1, laneEnds.length);
    for (const { item, lane } of cluster) {
      placed.push({
        activity: item.activity,
        top: (item.span[0] - firstHour * 60) * PX_PER_MINUTE,
        height: Math.max((item.span[1] - item.span[0]) * PX_PER_MINUTE, 20),
        lane,
        lanes,
      });
    }
    cluster = [];
    laneEnds.length = 0;
  };
  for (const item of items) {
    if (item.span[0] >= clusterEnd) flush();
    let lane = laneEnds.findIndex((end) => end <= item.span[0]);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.span[1];
    cluster.push({ item, lane });
    clusterEnd = Math.max(clusterEnd, item.span[1]);
  }
  flush();
  return placed;
}

/** The minute of the day at a pixel offset in the grid, snapped to a step. */
export function minutesAt(offsetPx: number, firstHour: number, step: number): number {
  const raw = firstHour * 60 + offsetPx / PX_PER_MINUTE;
  return Math.max(0, Math.min(24 * 60 - step, Math.round(raw / step) * step));
}

/** The PATCH that moves an activity to where it was dropped, keeping its length. */
export function moveBody(activity: Activity, target: DropTarget): ActivityUpdate | null {
  const body: ActivityUpdate = { version: activity.version };
  if (target.ownerId && target.ownerId !== activity.owner.id) body.ownerId = target.ownerId;
  const start = berlinParts(activity.startsAt);
  const duration = activity.endsAt ? Date.parse(activity.endsAt) - Date.parse(activity.startsAt) : null;
  if (target.allDay || (target.minutes === undefined && activity.allDay)) {
    if (activity.allDay && activity.dueOn === target.day && !body.ownerId) return null;
    Object.assign(body, { allDay: true, dueOn: target.day, endsAt: null });
    return body;
  }
  const minutes = target.minutes ?? start.minutes;
  if (!activity.allDay && start.day === target.day && start.minutes === minutes && !body.ownerId) return null;
  const startsAt = berlinInstant(target.day, minutes);
  body.allDay = false;
  body.startsAt = toOffsetIso(startsAt);
  body.endsAt = duration === null ? null : toOffsetIso(new Date(startsAt.getTime() + duration));
  return body;
}
