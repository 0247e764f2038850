import type { Faker } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import type { RequestChannel, RequestType } from '@shared/requests/enums';
import type { Location } from '@shared/org/schemas';
import type { Database } from '../db/client';
import { addDays, fromLocal, toLocal } from '../lib/zoned-time';
import { rows } from '@server/db/client';
import type { Services } from '../services';
import { demoFaker } from './org';
import { CHANNELS_BY_TYPE, requestText, TYPE_WEIGHTS } from './requests-data';
import { planStory } from './requests-plan';
import { type DemoContact, type PlannedRequest, writeDemoRequests } from './requests-write';

/** Channels that reach us at any hour; the others only while the location is open. */
const ANY_HOUR: readonly RequestChannel[] = ['web_form', 'lead_portal', 'social_media'];

interface Staff {
  byRole: Record<string, string[]>;
}

function assigneeFor(f: Faker, type: RequestType, staff: Staff, contact: DemoContact): string | null {
  const pick = (role: string) => (staff.byRole[role]?.length ? f.helpers.arrayElement(staff.byRole[role]!) : null);
  const regular = (id: string | null, role: string) => (id && staff.byRole[role]?.includes(id) ? id : pick(role));
  switch (type) {
    case 'sales_lead':
      return regular(contact.sales_consultant_id, 'sales');
    case 'service_appointment':
      return regular(contact.service_advisor_id, 'service');
    case 'parts':
      return pick('parts');
    case 'complaint':
      return pick('manager');
    case 'callback':
      return f.datatype.boolean()
        ? regular(contact.service_advisor_id, 'service')
        : regular(contact.sales_consultant_id, 'sales');
    default:
      return f.datatype.boolean({ probability: 0.15 }) ? null : (pick('reception') ?? pick('manager'));
  }
}

/** Received times of one location's day: in opening hours for phone and walk-ins, any time for web forms. */
function dayRequests(f: Faker, location: Location, day: { year: number; month: number; day: number; weekday: number }) {
  const key = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[day.weekday]!;
  const hours = location.openingHours[key] ?? [];
  const count =
    day.weekday < 5
      ? f.number.int({ min: 6, max: 11 })
      : hours.length
        ? f.number.int({ min: 1, max: 4 })
        : f.number.int({ min: 0, max: 2 });
  const result: Array<{ type: RequestType; channel: RequestChannel; at: Date }> = [];
  for (let i = 0; i < count; i++) {
    const type = f.helpers.weightedArrayElement(TYPE_WEIGHTS);
    let channel = f.helpers.weightedArrayElement(CHANNELS_BY_TYPE[type]);
    if (!hours.length && !ANY_HOUR.includes(channel)) channel = 'web_form';
    const open = hours.length && !ANY_HOUR.includes(channel);
    const from = open ? Number(hours[0]!.from.slice(0, 2)) * 60 + Number(hours[0]!.from.slice(3)) : 6 * 60;
    const to = open ? Number(hours.at(-1)!.to.slice(0, 2)) * 60 + Number(hours.at(-1)!.to.slice(3)) - 20 : 23 * 60;
    result.push({
      type,
      channel,
      at: fromLocal(day.year, day.month, day.day, f.number.int({ min: from, max: to }), 'Europe/Berlin'),
    });
  }
  return result;
}

/**
 * A few weeks of customer requests at the demo locations — every type,
 * channel and state, with contact attempts (some reached at once, some after
 * failed calls at other times of day, some three times in vain and then
 * e-mailed), escalated overdue ones, and done and lost ones with outcomes and
 * reasons — so the work lists and the monitoring show something real on first
 * start. Deterministic for a given `now`; written in bulk. Expects the demo
 * organisation and the demo customers.
 */
export async function seedDemoRequests(
  services: Services,
  database: Database,
  { now, days = 21 }: { now: Date; days?: number },
): Promise<{ requests: number; attempts: number }> {
  const f = demoFaker(4);
  const locations = (await services.org.listLocations()).filter((l) => l.active);
  const directory = (await services.org.directory()).filter((u) => u.active);
  const contacts = await database.query<DemoContact>(
    `SELECT id, home_location_id, sales_consultant_id, service_advisor_id FROM contacts
     WHERE merged_into_id IS NULL AND kind = 'person' ORDER BY customer_number LIMIT 3000`,
  );
  if (contacts.length === 0) throw new Error('seedDemoRequests needs demo contacts (run seedDemoCustomers first)');

  const planned: PlannedRequest[] = [];
  const today = toLocal(now, 'Europe/Berlin');
  for (const location of locations) {
    const here = contacts.filter((c) => c.home_location_id === location.id);
    const pool = here.length ? here : contacts;
    const staff: Staff = { byRole: {} };
    for (const u of directory.filter((d) => d.locationIds.includes(location.id) || d.homeLocationId === location.id)) {
      (staff.byRole[u.role] ??= []).push(u.id);
    }
    const calendar = { openingHours: location.openingHours, federalState: location.federalState };
    for (let back = days; back >= 0; back--) {
      const day = addDays(today.year, today.month, today.day, -back);
      for (const r of dayRequests(f, location, day)) {
        if (r.at > now) continue;
        const contact = f.helpers.arrayElement(pool);
        const assigneeId = assigneeFor(f, r.type, staff, contact);
        const createdBy = ANY_HOUR.includes(r.channel) ? null : (staff.byRole.reception?.[0] ?? assigneeId);
        const story = planStory(f, {
          type: r.type,
          channel: r.channel,
          receivedAt: r.at,
          calendar,
          now,
          assigned: Boolean(assigneeId),
        });
        planned.push({
          received: r.at,
          type: r.type,
          channel: r.channel,
          location,
          contact,
          assigneeId,
          createdBy,
          story,
          text: requestText(f, r.type),
        });
      }
    }
  }
  planned.sort((a, b) => a.received.getTime() - b.received.getTime());

  await database.db.transaction(async (tx) => {
    const numbers = await rows<{ n: number }>(
      tx,
      sql`SELECT nextval('request_number_seq')::int AS n FROM generate_series(1, ${planned.length}::int)`,
    );
    const ns = numbers.map((r) => Number(r.n)).sort((a, b) => a - b);
    await writeDemoRequests(services, tx, f, planned, ns, now);
  });
  return { requests: planned.length, attempts: planned.reduce((n, p) => n + p.story.attempts.length, 0) };
}
