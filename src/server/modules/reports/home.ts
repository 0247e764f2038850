import { formatPhone } from '@shared/contacts/normalize';
import type { ManagerHome, StaffHome } from '@shared/requests/home';
import type { Call } from '@shared/telephony/schemas';
import type { Database } from '@server/db/client';
import type { UserActor } from '@server/http/access';
import { assertLocation } from '@server/http/access';
import type { Clock } from '@server/lib/clock';
import type { OrgService } from '@server/modules/org';
import type { RequestsService } from '@server/modules/requests';
import type { TelephonyService } from '@server/modules/telephony';
import { cohortOf, locationCalendars, monitoringReport, reportLocations } from './monitoring';
import { berlinToday, berlinWeekStart, weeklyTrend } from './trend';

/** The other party of a live call, its number shown as everywhere else (the web app need not load the phone rules). */
function summarise(call: Call): StaffHome['liveCalls'][number] {
  const [number, raw] = call.direction === 'outbound' ? [call.toNumber, call.toRaw] : [call.fromNumber, call.fromRaw];
  return {
    id: call.id,
    state: call.state,
    contact: call.contact ? { id: call.contact.id, displayName: call.contact.displayName } : null,
    // Without a number we can read, an extension or short number still shows as sent; a withheld one has no digits.
    number: number ? formatPhone(number, raw ?? number) : raw && /\d/.test(raw) ? raw : null,
  };
}

/** How many requests of each bucket the home page lists; the rest is one click away. */
const PREVIEW = 5;

interface HomeDeps {
  database: Database;
  clock: Clock;
  org: OrgService;
  requests: RequestsService;
  telephony: TelephonyService;
}

/** The two home pages: the staff member's day and the manager's location. */
export function createHome({ database, clock, org, requests, telephony }: HomeDeps) {
  async function staff(actor: UserActor): Promise<StaffHome> {
    const week = berlinWeekStart(clock.now());
    const [day, liveCalls] = await Promise.all([requests.myDay(actor, week.instant, PREVIEW), telephony.live(actor)]);
    return {
      overdue: day.overdue,
      dueToday: day.dueToday,
      liveCalls: liveCalls.map(summarise),
      week: { from: week.date, ...day.week },
    };
  }

  async function trend(actor: UserActor, locationId?: string) {
    const ids = await reportLocations(org, actor, locationId);
    const locations = (await org.listLocations()).filter((l) => ids.includes(l.id));
    return weeklyTrend(database, locations, clock.now(), await locationCalendars(org));
  }

  async function manager(actor: UserActor, locationId?: string): Promise<ManagerHome> {
    const now = clock.now();
    const chosen = locationId ?? actor.homeLocationId;
    assertLocation(actor, chosen);
    const location = await org.getLocation(chosen);
    const calendars = await locationCalendars(org);
    const today = berlinToday(now);
    const week = berlinWeekStart(now);
    const [state, leads, thisWeek, eightWeeks] = await Promise.all([
      requests.locationState(actor, chosen),
      monitoringReport(
        database,
        cohortOf({ from: today, to: today, groupBy: 'source' }, [chosen], now),
        { from: today, to: today },
        calendars,
      ),
      monitoringReport(
        database,
        cohortOf({ from: week.date, to: today, groupBy: 'location' }, [chosen], now),
        { from: week.date, to: today },
        calendars,
      ),
      trend(actor),
    ]);
    return {
      location: { id: location.id, name: location.name },
      today,
      ...state,
      leadsToday: {
        received: leads.total.received,
        bySource: leads.rows
          .map((r) => ({ key: r.key, label: r.label, received: r.received }))
          .sort((a, b) => b.received - a.received),
      },
      week: {
        from: week.date,
        received: thisWeek.total.received,
        contactedWithinOneWorkingDay: thisWeek.total.contactedWithinOneWorkingDay,
        contactedWithinOneWorkingDayPct: thisWeek.total.contactedWithinOneWorkingDayPct,
      },
      trend: eightWeeks,
    };
  }

  return { staff, manager, trend };
}
