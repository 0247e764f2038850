import { APPOINTMENT_TYPES, type ActivityResult, type ActivityType } from '@shared/activities/enums';
import { WEEKDAYS } from '@shared/org/enums';
import type { Location } from '@shared/org/schemas';
import { timelineText } from '@shared/texts/timeline';
import type { Database } from '../db/client';
import { isPublicHoliday } from '../lib/working-time';
import { addDays, toLocal } from '../lib/zoned-time';
import {
  type ActivityRow,
  berlinDay,
  berlinTime,
  defaultReminderMinutes,
  insertActivityChangeRows,
  insertActivityRows,
  type NewActivityChangeRow,
  reminderTime,
} from '@server/modules/activities';
import { recordTimelineInBulk } from '@server/modules/timeline';
import type { TimelineWrite } from '../modules/timeline/service';
import type { Services } from '../services';
import {
  type ActivityTemplate,
  CALLBACK_NOTE,
  CANCEL_REASONS,
  MANAGER_TEMPLATES,
  SALES_TEMPLATES,
  SERVICE_TEMPLATES,
  type SubjectContext,
} from './activities-data';
import { MAKES } from './customers-data';
import { WELL_KNOWN_CUSTOMER } from './customers-factory';
import { demoFaker } from './org';

const MINUTE = 60_000;
const DAY_MS = 86_400_000;
/** No demo appointment starts within this time of seeding, so nobody is reminded in their first minutes. */
const QUIET_AFTER_SEEDING_MS = 60 * MINUTE;
const SLOT = 30;

type Role = 'sales' | 'service' | 'manager';
const TEMPLATES: Record<Role, ActivityTemplate[]> = {
  sales: SALES_TEMPLATES,
  service: SERVICE_TEMPLATES,
  manager: MANAGER_TEMPLATES,
};
/** Activities a person of the role has on a working weekday, min and max. */
const PER_DAY: Record<Role, [number, number]> = { sales: [2, 4], service: [2, 3], manager: [0, 2] };

interface DemoCustomer {
  id: string;
  kind: string;
  home_location_id: string;
  sales_consultant_id: string | null;
  service_advisor_id: string | null;
  last_name: string | null;
}
interface DemoVehicle {
  contact_id: string;
  id: string;
  make: string | null;
  model: string | null;
  plate: string | null;
}
interface DemoRequest {
  id: string;
  type: string;
  status: string;
  assignee_id: string;
  contact_id: string | null;
  subject: string;
  make: string | null;
  model: string | null;
}
interface Person {
  id: string;
  role: Role;
  locationId: string;
}
interface WorkDay {
  day: string;
  /** Opening minutes of the day at the location: [from, to). */
  open: [number, number];
  saturday: boolean;
}

/** What is known of an activity before its story (done, open, cancelled) is told. */
interface Planned {
  owner: Person;
  type: ActivityType;
  subject: string;
  note: string | null;
  place: string | null;
  allDay: boolean;
  day: string;
  startsAt: Date;
  endsAt: Date | null;
  contactId: string | null;
  vehicleId: string | null;
  requestId: string | null;
  createdById: string;
  createdAt: Date;
  followUpOfId: string | null;
  template: ActivityTemplate | null;
  priority: 'low' | 'normal' | 'high';
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The location's working days of this week and next (Monday to Sunday), without public holidays. */
function workDays(location: Location, monday: string): WorkDay[] {
  const result: WorkDay[] = [];
  const [y, m, d] = monday.split('-').map(Number);
  for (let i = 0; i < 14; i++) {
    const day = addDays(y!, m!, d!, i);
    const hours = location.openingHours[WEEKDAYS[day.weekday]!] ?? [];
    if (hours.length === 0 || isPublicHoliday(location.federalState, day)) continue;
    result.push({
      day: `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`,
      open: [minutesOf(hours[0]!.from), minutesOf(hours.at(-1)!.to)],
      saturday: day.weekday === 5,
    });
  }
  return result;
}

/**
 * A realistic fortnight of activities for the demo consultants, service
 * advisors and managers: this week and next, relative to `now`. The past
 * part is mostly done, with results, verbatim notes and follow-ups; some is
 * overdue or cancelled. Test drives and deliveries are appointments at a
 * place, callbacks keep the agreed window, and everything refers to the
 * person's own customers, their vehicles and requests. Future activities
 * keep a pending reminder with its job. Deterministic for a given `now`;
 * written in bulk. Expects the demo organisation, customers and requests.
 */
export async function seedDemoActivities(
  services: Services,
  database: Database,
  { now }: { now: Date },
): Promise<{ activities: number; reminders: number }> {
  const f = demoFaker(6);
  const locations = (await services.org.listLocations()).filter((l) => l.active);
  const people: Person[] = (await services.org.directory())
    .filter((u) => u.active && (u.role === 'sales' || u.role === 'service' || u.role === 'manager'))
    .map((u) => ({ id: u.id, role: u.role as Role, locationId: u.homeLocationId }));
  const customers = await database.query<DemoCustomer>(
    `SELECT id, kind::text AS kind, home_location_id, sales_consultant_id, service_advisor_id, last_name FROM contacts
      WHERE merged_into_id IS NULL ORDER BY customer_number`,
  );
  if (customers.length === 0) throw new Error('seedDemoActivities needs demo customers (run seedDemoCustomers first)');
  const vehicleRows = await database.query<DemoVehicle>(
    `SELECT vc.contact_id, v.id, v.make, v.model, v.plate FROM vehicle_contacts vc JOIN vehicles v ON v.id = vc.vehicle_id
      WHERE vc.valid_to IS NULL AND vc.role IN ('owner', 'keeper', 'driver') ORDER BY v.id`,
  );
  const vehiclesOf = new Map<string, DemoVehicle[]>();
  for (const v of vehicleRows) vehiclesOf.set(v.contact_id, [...(vehiclesOf.get(v.contact_id) ?? []), v]);
  const requests = await database.query<DemoRequest>(
    `SELECT id, type::text AS type, status::text AS status, assignee_id, contact_id, subject,
            vehicle_interest->>'make' AS make, vehicle_interest->>'model' AS model
       FROM customer_requests WHERE assignee_id IS NOT NULL AND contact_id IS NOT NULL
      ORDER BY received_at DESC, id`,
  );

  const today = berlinDay(now);
  const local = toLocal(now, 'Europe/Berlin');
  const monday = addDays(local.year, local.month, local.day, -local.weekday);
  const mondayDay = `${monday.year}-${String(monday.month).padStart(2, '0')}-${String(monday.day).padStart(2, '0')}`;
  const windowEnd = berlinTime(mondayDay).getTime() + 14 * DAY_MS;

  const planned: Planned[] = [];
  const busy = new Map<string, Set<number>>();
  const daysOf = new Map(locations.map((l) => [l.id, workDays(l, mondayDay)]));

  /** A free start on the day for the owner, on the half hour, or null when the day is full. */
  function slot(owner: Person, wd: WorkDay, minutes: number): number | null {
    const from = Math.max(wd.open[0], 8 * 60);
    const to = wd.open[1] - Math.max(minutes, SLOT);
    const key = `${owner.id}:${wd.day}`;
    const taken = busy.get(key) ?? new Set<number>();
    for (let attempt = 0; attempt < 8; attempt++) {
      const start = from + SLOT * f.number.int({ min: 0, max: Math.max(0, Math.floor((to - from) / SLOT)) });
      const needed = Array.from({ length: Math.max(1, Math.ceil(minutes / SLOT)) }, (_, i) => start + i * SLOT);
      if (needed.some((s) => taken.has(s))) continue;
      const startsAt = berlinTime(wd.day, start);
      // Nothing starts just after seeding: nobody's first minutes begin with a reminder.
      if (startsAt > now && startsAt.getTime() < now.getTime() + QUIET_AFTER_SEEDING_MS) continue;
      for (const s of needed) taken.add(s);
      busy.set(key, taken);
      return start;
    }
    return null;
  }

  const pools = new Map<string, DemoCustomer[]>();
  function customerPool(owner: Person): DemoCustomer[] {
    let pool = pools.get(owner.id);
    if (!pool) pools.set(owner.id, (pool = ownCustomers(owner)));
    return pool;
  }
  function ownCustomers(owner: Person): DemoCustomer[] {
    const own = customers.filter((c) =>
      owner.role === 'sales'
        ? c.sales_consultant_id === owner.id
        : owner.role === 'service'
          ? c.service_advisor_id === owner.id
          : c.home_location_id === owner.locationId,
    );
    if (own.length) return own;
    const here = customers.filter((c) => c.home_location_id === owner.locationId);
    return here.length ? here : customers;
  }

  const car = () => {
    const make = f.helpers.weightedArrayElement(MAKES.map((m) => ({ value: m, weight: m.weight })));
    return `${make.make} ${f.helpers.arrayElement(make.models).model}`;
  };
  const vehicleLabel = (v: DemoVehicle) =>
    [v.plate, v.make || v.model ? `(${[v.make, v.model].filter(Boolean).join(' ')})` : null].filter(Boolean).join(' ');

  /** Places one activity of a template on a working day; returns false when the day has no room. */
  function place(
    owner: Person,
    wd: WorkDay,
    template: ActivityTemplate,
    options: {
      subject?: string;
      contact?: DemoCustomer | null;
      requestId?: string | null;
      followUpOf?: { id: string; at: Date; contactId: string | null; vehicleId: string | null };
      start?: number;
      minutes?: number;
      note?: string | null;
      car?: string;
    } = {},
  ): Planned | null {
    const appointment = APPOINTMENT_TYPES.includes(template.type) || template.minutes !== undefined;
    const allDay =
      !appointment && options.start === undefined && f.datatype.boolean({ probability: template.allDayShare ?? 0 });
    const minutes = options.minutes ?? template.minutes ?? 0;
    let start: number | null = null;
    if (!allDay) {
      start = options.start ?? slot(owner, wd, minutes);
      if (start === null) return null;
    }
    const pool = customerPool(owner);
    const contact = template.noContact
      ? null
      : options.followUpOf
        ? null
        : (options.contact ?? f.helpers.arrayElement(pool));
    const contactId = options.followUpOf ? options.followUpOf.contactId : (contact?.id ?? null);
    const vehicles = contactId ? (vehiclesOf.get(contactId) ?? []) : [];
    const vehicle = options.followUpOf
      ? (vehicleRows.find((v) => v.id === options.followUpOf!.vehicleId) ?? null)
      : template.withVehicle && vehicles.length
        ? f.helpers.arrayElement(vehicles)
        : null;
    const interest = options.car ?? car();
    const context: SubjectContext = { car: interest, vehicle: vehicle ? vehicleLabel(vehicle) : interest };
    const startsAt = allDay ? berlinTime(wd.day) : berlinTime(wd.day, start!);
    if (allDay && startsAt.getTime() >= windowEnd) return null;
    const endsAt = !allDay && minutes > 0 ? new Date(startsAt.getTime() + minutes * MINUTE) : null;
    // Planned a few days ahead in office hours (follow-ups: when the previous one was done), never after now.
    const planning = options.followUpOf
      ? options.followUpOf.at
      : new Date(
          Math.min(
            now.getTime() - f.number.int({ min: 5, max: 240 }) * MINUTE,
            startsAt.getTime() -
              f.number.int({ min: 1, max: 9 }) * DAY_MS +
              f.number.int({ min: 0, max: 480 }) * MINUTE,
          ),
        );
    const creator =
      owner.role !== 'manager' && f.datatype.boolean({ probability: 0.08 })
        ? (people.find((p) => p.role === 'manager' && p.locationId === owner.locationId)?.id ?? owner.id)
        : owner.id;
    const p: Planned = {
      owner,
      type: template.type,
      subject: options.subject ?? f.helpers.arrayElement(template.subjects)(context),
      note:
        options.note !== undefined
          ? options.note
          : template.notes && f.datatype.boolean({ probability: 0.4 })
            ? f.helpers.arrayElement(template.notes)
            : null,
      place: appointment && template.places ? f.helpers.arrayElement(template.places) : null,
      allDay,
      day: wd.day,
      startsAt,
      endsAt,
      contactId,
      vehicleId: vehicle?.id ?? null,
      requestId: options.requestId ?? null,
      createdById: options.followUpOf ? owner.id : creator,
      createdAt: planning,
      followUpOfId: options.followUpOf?.id ?? null,
      template,
      priority: f.datatype.boolean({ probability: 0.12 }) ? 'high' : 'normal',
    };
    planned.push(p);
    return p;
  }

  for (const owner of people) {
    const days = daysOf.get(owner.locationId) ?? [];
    const templates = TEMPLATES[owner.role];
    for (const wd of days) {
      const [min, max] = PER_DAY[owner.role];
      const count = wd.saturday
        ? owner.role === 'sales'
          ? f.number.int({ min: 0, max: 2 })
          : 0
        : f.number.int({ min, max });
      for (let i = 0; i < count; i++) {
        const template = f.helpers.weightedArrayElement(templates.map((t) => ({ value: t, weight: t.weight })));
        place(owner, wd, template);
      }
    }
    // Their own requests: callbacks with the agreed window, test drives for leads, workshop visits.
    const mine = requests.filter((r) => r.assignee_id === owner.id).slice(0, 3);
    for (const r of mine) {
      const wd = f.helpers.arrayElement(days);
      if (!wd) break;
      const contact = customers.find((c) => c.id === r.contact_id) ?? null;
      const interest = r.make && r.model ? `${r.make} ${r.model}` : undefined;
      if (r.type === 'callback' || r.type === 'complaint') {
        const call = templates.find((t) => t.type === 'call');
        if (!call) continue;
        const start = slot(owner, wd, 120);
        if (start === null) continue;
        place(owner, wd, call, {
          subject: `Rückruf vereinbart: ${r.subject}`,
          contact,
          requestId: r.id,
          start,
          minutes: 120,
          note: CALLBACK_NOTE,
        });
      } else if (r.type === 'sales_lead' && owner.role === 'sales') {
        place(
          owner,
          wd,
          SALES_TEMPLATES.find((t) => t.type === 'test_drive')!,
          {
            contact,
            requestId: r.id,
            car: interest,
          },
        );
      } else if (r.type === 'service_appointment' && owner.role === 'service') {
        place(
          owner,
          wd,
          SERVICE_TEMPLATES.find((t) => t.type === 'appointment')!,
          { contact, requestId: r.id },
        );
      }
    }
  }

  // The well-known customer of the demo walkthrough has a test drive with his consultant next week.
  const hans = customers.find((c) => c.last_name === WELL_KNOWN_CUSTOMER.lastName && c.sales_consultant_id);
  const hansConsultant = people.find((p) => p.id === hans?.sales_consultant_id);
  if (hans && hansConsultant) {
    const nextWeek = (daysOf.get(hansConsultant.locationId) ?? []).filter((d) => d.day >= addDay(mondayDay, 7));
    const wd = nextWeek[1] ?? nextWeek[0];
    if (wd) {
      place(
        hansConsultant,
        wd,
        SALES_TEMPLATES.find((t) => t.type === 'test_drive')!,
        {
          subject: 'Probefahrt VW ID.4 Pro',
          contact: hans,
          car: 'VW ID.4',
          note: 'Kunde überlegt, den Golf gegen einen Elektrowagen zu tauschen; Wallbox-Angebot mitnehmen.',
        },
      );
    }
  }

  // Tell each one's story: done with a result (and perhaps a follow-up), overdue, cancelled or still ahead.
  const rows: ActivityRow[] = [];
  const changes: NewActivityChangeRow[] = [];
  const timeline: TimelineWrite[] = [];
  const queue = [...planned];
  for (let i = 0; i < queue.length; i++) {
    const p = queue[i]!;
    const id = f.string.uuid();
    const end = p.allDay ? berlinTime(addDay(p.day, 1)) : (p.endsAt ?? p.startsAt);
    const past = p.allDay ? p.day < today : end <= now;
    const running = !past && p.startsAt <= now;
    const appointment = APPOINTMENT_TYPES.includes(p.type);
    const roll = f.number.float({ min: 0, max: 1 });
    let status: 'open' | 'done' | 'cancelled' = 'open';
    if (past) status = roll < (appointment ? 0.87 : 0.78) ? 'done' : roll < 0.92 ? 'open' : 'cancelled';
    else if (p.allDay && p.day === today && local.hour >= 12 && roll < 0.5) status = 'done';
    else if (!running && roll < 0.04) status = 'cancelled';

    // Most keep the default lead time; some want an hour before an appointment, a few no reminder at all.
    let reminderMinutesBefore: number | null = f.datatype.boolean({ probability: 0.1 })
      ? null
      : appointment && f.datatype.boolean({ probability: 0.25 })
        ? 60
        : defaultReminderMinutes(p.type);
    let remindTime = reminderTime({
      allDay: p.allDay,
      dueOn: p.allDay ? p.day : null,
      startsAt: p.startsAt,
      reminderMinutesBefore,
    });
    // A reminder due in the first hour after seeding would greet the first login; the demo reminds at the start instead.
    if (remindTime && remindTime > now && remindTime.getTime() < now.getTime() + QUIET_AFTER_SEEDING_MS) {
      reminderMinutesBefore = p.allDay ? null : 0;
      remindTime = reminderTime({
        allDay: p.allDay,
        dueOn: p.allDay ? p.day : null,
        startsAt: p.startsAt,
        reminderMinutesBefore,
      });
    }

    let completedAt: Date | null = null;
    let result: ActivityResult | null = null;
    let resultNote: string | null = null;
    let cancelledAt: Date | null = null;
    let cancelReason: string | null = null;
    if (status === 'done') {
      const after = p.allDay
        ? berlinTime(p.day, f.number.int({ min: 9 * 60, max: 17 * 60 }))
        : new Date(end.getTime() + f.number.int({ min: 2, max: 90 }) * MINUTE);
      completedAt = new Date(
        Math.max(p.createdAt.getTime() + MINUTE, Math.min(after.getTime(), now.getTime() - MINUTE)),
      );
      const results = p.template?.results ?? [{ value: 'done' as const, weight: 1, notes: ['Erledigt.'] }];
      const r = f.helpers.weightedArrayElement(results.map((x) => ({ value: x, weight: x.weight })));
      result = r.value;
      resultNote = f.helpers.arrayElement(r.notes);
    } else if (status === 'cancelled') {
      const latest = Math.min(now.getTime(), p.startsAt.getTime()) - MINUTE;
      cancelledAt = new Date(
        Math.max(p.createdAt.getTime() + MINUTE, latest - f.number.int({ min: 10, max: 2 * 24 * 60 }) * MINUTE),
      );
      cancelReason = f.helpers.arrayElement(CANCEL_REASONS);
    }
    const endedAt = completedAt ?? cancelledAt;
    // A reminder fired when its time came before the activity ended and before now.
    const reminded =
      remindTime !== null && remindTime <= now && (!endedAt || remindTime < endedAt) && remindTime > p.createdAt;
    const remindAt = status === 'open' && remindTime && remindTime > now ? remindTime : null;
    const updatedAt = endedAt ?? (reminded ? remindTime! : p.createdAt);

    rows.push({
      id,
      type: p.type,
      status,
      subject: p.subject,
      note: p.note,
      priority: p.priority,
      ownerId: p.owner.id,
      createdById: p.createdById,
      locationId: p.owner.locationId,
      contactId: p.contactId,
      vehicleId: p.vehicleId,
      requestId: p.requestId,
      allDay: p.allDay,
      dueOn: p.allDay ? p.day : null,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      place: p.place,
      reminderMinutesBefore,
      remindAt,
      result,
      resultNote,
      completedAt,
      completedById: completedAt ? p.owner.id : null,
      cancelledAt,
      cancelledById: cancelledAt ? p.owner.id : null,
      cancelReason,
      followUpOfId: p.followUpOfId,
      sequence: status === 'cancelled' ? 1 : 0,
      version: 1 + (reminded ? 1 : 0) + (endedAt ? 1 : 0),
      createdAt: p.createdAt,
      updatedAt,
    });

    changes.push({ activityId: id, at: p.createdAt, byId: p.createdById, kind: 'created', data: null });
    if (reminded) {
      changes.push({
        activityId: id,
        at: remindTime!,
        byId: null,
        kind: 'reminded',
        data: { userId: p.owner.id, onBehalfOf: null },
      });
    }
    const when = p.allDay ? p.day : p.startsAt.toISOString();
    const onTimeline = p.contactId || p.vehicleId;
    if (onTimeline) {
      timeline.push({
        contactId: p.contactId,
        vehicleId: p.vehicleId,
        kind: 'activity',
        occurredAt: p.createdAt,
        authorId: p.createdById,
        ...timelineText('timeline.activityPlanned', { type: p.type, subject: p.subject, when }),
        body: p.note,
        data: { activityId: id, type: p.type, status: 'open' },
        sourceType: 'activity',
        sourceId: id,
      });
    }
    if (completedAt && result) {
      changes.push({ activityId: id, at: completedAt, byId: p.owner.id, kind: 'done', data: { result } });
      if (onTimeline) {
        timeline.push({
          contactId: p.contactId,
          vehicleId: p.vehicleId,
          kind: 'activity',
          occurredAt: completedAt,
          authorId: p.owner.id,
          ...timelineText('timeline.activityDone', { type: p.type, subject: p.subject, result }),
          body: resultNote,
          data: { activityId: id, type: p.type, status: 'done' },
          sourceType: 'activity',
          sourceId: id,
        });
      }
      // The follow-up planned on completing it, as the app offers it.
      const next = p.template?.followUps?.[result];
      if (next && f.datatype.boolean({ probability: 0.75 })) {
        const due = addDay(berlinDay(completedAt), f.number.int({ min: next.afterDays[0], max: next.afterDays[1] }));
        const wd = (daysOf.get(p.owner.locationId) ?? []).find((d) => d.day >= due);
        const template = TEMPLATES[p.owner.role].find((t) => t.type === next.type) ?? followUpTemplate(next.type);
        const followUp = wd
          ? place(p.owner, wd, template, {
              subject: next.subject,
              followUpOf: { id, at: completedAt, contactId: p.contactId, vehicleId: p.vehicleId },
              note: null,
            })
          : null;
        // Its story is told in turn, further down the queue.
        if (followUp) queue.push(followUp);
      }
    }
    if (cancelledAt) {
      changes.push({
        activityId: id,
        at: cancelledAt,
        byId: p.owner.id,
        kind: 'cancelled',
        data: { reason: cancelReason },
      });
      if (onTimeline) {
        timeline.push({
          contactId: p.contactId,
          vehicleId: p.vehicleId,
          kind: 'activity',
          occurredAt: cancelledAt,
          authorId: p.owner.id,
          ...timelineText('timeline.activityCancelled', { type: p.type, subject: p.subject }),
          body: cancelReason,
          data: { activityId: id, type: p.type, status: 'cancelled' },
          sourceType: 'activity',
          sourceId: id,
        });
      }
    }
  }

  const pending = rows.filter((r) => r.status === 'open' && r.remindAt);
  await database.db.transaction(async (tx) => {
    await insertActivityRows(tx, rows);
    await insertActivityChangeRows(tx, changes);
    await recordTimelineInBulk(tx, timeline);
    // Future reminders are real jobs, exactly as when planned in the app.
    for (const row of pending) await services.activities.reminders.schedule(tx, row);
  });
  return { activities: rows.length, reminders: pending.length };
}

function addDay(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const next = addDays(y!, m!, d!, n);
  return `${next.year}-${String(next.month).padStart(2, '0')}-${String(next.day).padStart(2, '0')}`;
}

/** A follow-up of a type the owner's role has no template for: a plain task that ends with "done". */
function followUpTemplate(type: ActivityType): ActivityTemplate {
  return {
    type,
    weight: 1,
    subjects: [() => ''],
    minutes: APPOINTMENT_TYPES.includes(type) ? 45 : undefined,
    places: APPOINTMENT_TYPES.includes(type) ? ['Showroom'] : undefined,
    results: [{ value: 'done', weight: 1, notes: ['Erledigt.'] }],
  };
}
