import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  type ICalCalendar,
  ICalCalendarMethod,
  type ICalDateTimeValue,
  ICalEventStatus,
  ICalAttendeeRole,
  ICalAttendeeStatus,
} from 'ical-generator';
import { toLocal } from '@server/lib/zoned-time';
import { ZONE } from '../time';

/** What an iCalendar event is made of; the caller decides what of the customer it may show. */
export interface IcsEvent {
  uid: string;
  sequence: number;
  /** When this version of the event was written (DTSTAMP, UTC). */
  stamp: Date;
  allDay: boolean;
  /** All-day: the Berlin day, YYYY-MM-DD. */
  dueOn: string | null;
  startsAt: Date;
  endsAt: Date | null;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  cancelled: boolean;
  organizer?: { name: string; email: string } | null;
  attendee?: { name: string; email: string } | null;
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const PRODID = { company: 'Autohaus CRM', product: 'Kalender', language: 'DE' };
/** A timed entry without an end lasts this long in a calendar (a call, a task at a time). */
const DEFAULT_MINUTES = 30;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * A point in time as the Berlin wall clock shows it. ical-generator prints a
 * native Date in the process's own zone when a TZID is set; this value prints
 * the Berlin digits whatever zone the server runs in.
 */
function berlinClock(instant: Date): ICalDateTimeValue {
  const l = toLocal(instant, ZONE);
  const day = `${pad(l.year, 4)}${pad(l.month)}${pad(l.day)}`;
  const time = `${pad(l.hour)}${pad(l.minute)}${pad(instant.getUTCSeconds())}`;
  const value = {
    format: (fmt?: string) => (fmt === 'YYYYMMDD' ? day : fmt === 'HHmmss' ? time : instant.toISOString()),
    isValid: () => true,
    toDate: () => instant,
    toJSON: () => instant.toISOString(),
    utc: () => value,
  };
  return value;
}

/** A calendar day (all-day entries: no time, no zone). */
function calendarDay(day: string): ICalDateTimeValue {
  const compact = day.replaceAll('-', '');
  const instant = new Date(`${day}T00:00:00Z`);
  const value = {
    format: (fmt?: string) => (fmt === 'YYYYMMDD' ? compact : fmt === 'HHmmss' ? '000000' : instant.toISOString()),
    isValid: () => true,
    toDate: () => instant,
    toJSON: () => instant.toISOString(),
    utc: () => value,
  };
  return value;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * An RFC 5545 calendar in Europe/Berlin with its VTIMEZONE: a feed (PUBLISH, or
 * no method for a CalDAV resource) or an invitation (REQUEST, CANCEL).
 */
export function renderCalendar(events: IcsEvent[], options: { method?: IcsMethod; name?: string } = {}): string {
  const calendar: ICalCalendar = ical({ prodId: PRODID });
  if (options.method) calendar.method(ICalCalendarMethod[options.method]);
  if (options.name) calendar.name(options.name);
  // Only the generator at calendar level: a named calendar zone would print DTSTAMP without its Z.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  calendar.x('X-WR-TIMEZONE', ZONE);
  for (const e of events) {
    const timed = !e.allDay || !e.dueOn;
    const end = e.endsAt ?? new Date(e.startsAt.getTime() + DEFAULT_MINUTES * 60_000);
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: e.stamp,
      allDay: !timed,
      start: timed ? berlinClock(e.startsAt) : calendarDay(e.dueOn!),
      end: timed ? berlinClock(end) : calendarDay(nextDay(e.dueOn!)),
      timezone: timed ? ZONE : null,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      url: e.url ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (e.organizer) event.organizer({ name: e.organizer.name, email: e.organizer.email });
    if (e.attendee) {
      event.createAttendee({
        name: e.attendee.name,
        email: e.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: !e.cancelled,
      });
    }
  }
  return calendar.toString();
}

/** The host part of UIDs: stable per installation, from its public address. */
export function uidHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'autohaus-crm';
  } catch {
    return 'autohaus-crm';
  }
}

export const activityUid = (activityId: string, host: string) => `${activityId}@${host}`;

/** Rendered VEVENT blocks by their caller's key (id, sequence, last change, what is shown): feeds are fetched again and again. */
const eventCache = new Map<string, string>();
const EVENT_CACHE_MAX = 100_000;
const frames = new Map<string, { head: string; tail: string }>();

function split(text: string): { head: string; blocks: string[]; tail: string } {
  const first = text.indexOf('BEGIN:VEVENT\r\n');
  if (first < 0) {
    const end = text.lastIndexOf('END:VCALENDAR');
    return { head: text.slice(0, end), blocks: [], tail: text.slice(end) };
  }
  const last = text.lastIndexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length;
  const blocks = text
    .slice(first, last)
    .split('BEGIN:VEVENT\r\n')
    .filter(Boolean)
    .map((b) => `BEGIN:VEVENT\r\n${b}`);
  return { head: text.slice(0, first), blocks, tail: text.slice(last) };
}

/**
 * The same calendar as renderCalendar, for feeds: events whose key was rendered
 * before are taken from a cache, so a feed fetched every few minutes renders only
 * what changed. The key must change whenever anything shown changes.
 */
export function renderCachedCalendar(
  events: Array<{ key: string; event: IcsEvent }>,
  options: { method?: IcsMethod; name?: string } = {},
): string {
  const frameKey = `${options.method ?? ''}|${options.name ?? ''}`;
  let frame = frames.get(frameKey);
  if (!frame) {
    const probe: IcsEvent = {
      uid: 'frame',
      sequence: 0,
      stamp: new Date(0),
      allDay: false,
      dueOn: null,
      startsAt: new Date(0),
      endsAt: null,
      summary: '',
      cancelled: false,
    };
    const { head, tail } = split(renderCalendar([probe], options));
    frame = { head, tail };
    frames.set(frameKey, frame);
  }
  const missing = events.filter((e) => !eventCache.has(e.key));
  if (missing.length) {
    if (eventCache.size + missing.length > EVENT_CACHE_MAX) eventCache.clear();
    const { blocks } = split(
      renderCalendar(
        missing.map((m) => m.event),
        options,
      ),
    );
    missing.forEach((m, i) => eventCache.set(m.key, blocks[i]!));
  }
  return frame.head + events.map((e) => eventCache.get(e.key)!).join('') + frame.tail;
}
