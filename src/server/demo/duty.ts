import { WEEKDAYS } from '@shared/org/enums';
import type { Location } from '@shared/org/schemas';
import {
  activeStaffAt,
  insertCheckEntryRows,
  insertCheckRows,
  insertDutySettings,
  insertShiftRows,
} from '@server/modules/org';
import type { Database } from '../db/client';
import { isPublicHoliday } from '../lib/working-time';
import { addDays, fromLocal, toLocal } from '../lib/zoned-time';
import type { Services } from '../services';
import { demoFaker } from './org';

const TZ = 'Europe/Berlin';
const MINUTE = 60_000;
/** The house that counts presence by check-in in the demo; the others work as without it. */
export const DEMO_CHECK_IN_LOCATION = 'LEJ';
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * A week of check-ins of every colleague, and the camera check of each house
 * with one forgotten day. Leipzig uses check-in and its staff are checked in
 * "now", whatever the time of the first start, so walk-ins there still find
 * someone; München and Köln count everyone who is not away, as before.
 */
export async function seedDemoDuty(services: Services, database: Database, { now }: { now: Date }) {
  const f = demoFaker(17);
  const locations = await services.org.listLocations();
  const { db } = database;
  await db.transaction(async (tx) => {
    const shifts: Array<Parameters<typeof insertShiftRows>[1][number]> = [];
    const checkEntries: Array<Parameters<typeof insertCheckEntryRows>[1][number]> = [];
    const today = toLocal(now, TZ);
    const checkIn = locations.find((l) => l.code === DEMO_CHECK_IN_LOCATION);
    if (checkIn) {
      await insertDutySettings(tx, [{ locationId: checkIn.id, usesCheckIn: true, autoCheckOutAtClosing: false }]);
    }
    const seen = new Set<string>();
    for (const location of locations) {
      const staff = (await activeStaffAt(tx, location.id)).filter((p) => p.role !== 'admin' && !seen.has(p.id));
      for (const p of staff) seen.add(p.id);
      for (let back = 7; back >= 1; back--) {
        const day = addDays(today.year, today.month, today.day, -back);
        const hours = openingOf(location, day);
        if (!hours) continue;
        for (const person of staff) {
          if (f.datatype.boolean({ probability: 0.1 })) continue; // a day off
          const inAt = fromLocal(day.year, day.month, day.day, hours.from - f.number.int(20), TZ);
          const outAt = fromLocal(day.year, day.month, day.day, hours.to + f.number.int(25), TZ);
          shifts.push({
            userId: person.id,
            locationId: location.id,
            checkedInAt: inAt,
            checkedOutAt: outAt,
            checkOutKind: 'manual',
          });
        }
      }
      if (location.id === checkIn?.id) {
        for (const person of staff) {
          shifts.push({
            userId: person.id,
            locationId: location.id,
            checkedInAt: new Date(now.getTime() - (60 + f.number.int(90)) * MINUTE),
          });
        }
      }
    }
    await insertShiftRows(tx, shifts);

    // The camera check, Monday to Saturday at the reception; München forgot the day before yesterday.
    const created = addDays(today.year, today.month, today.day, -21);
    const checks = await insertCheckRows(
      tx,
      locations.map((l) => ({
        locationId: l.id,
        name: 'Kamerakontrolle',
        weekdays: [1, 2, 3, 4, 5, 6],
        role: 'reception' as const,
        createdAt: fromLocal(created.year, created.month, created.day, 8 * 60, TZ),
      })),
    );
    for (const check of checks) {
      const location = locations.find((l) => l.id === check.locationId)!;
      const reception = (await activeStaffAt(tx, location.id, 'reception'))[0];
      if (!reception) continue;
      for (let back = 14; back >= 1; back--) {
        const day = addDays(today.year, today.month, today.day, -back);
        const weekday = ((new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7) + 1;
        if (weekday === 7) continue;
        if (location.code === 'MUC' && back === 2) continue; // the forgotten day the warning shows
        const incident = f.datatype.boolean({ probability: 0.15 });
        checkEntries.push({
          checkId: check.id,
          day: iso(day),
          userId: reception.id,
          recordedAt: fromLocal(day.year, day.month, day.day, 9 * 60 + f.number.int(60), TZ),
          findings: incident
            ? f.helpers.arrayElement([
                'Kamera Eingang Werkstatt zeigt kein Bild, Hausmeister informiert.',
                'Aufzeichnung Ausstellungsraum 14:10–14:40 fehlt.',
                'Kamera Parkplatz verstellt, zeigt nur die Hauswand.',
              ])
            : 'Alle Kameras zeichnen auf, keine Auffälligkeiten.',
          ok: !incident,
        });
      }
    }
    await insertCheckEntryRows(tx, checkEntries);
  });
}

/** The day's opening span in minutes (first opening to last closing), or null when closed. */
function openingOf(location: Location, day: { year: number; month: number; day: number }) {
  const weekday = (new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7;
  if (isPublicHoliday(location.federalState, { ...day, weekday })) return null;
  const intervals = location.openingHours[WEEKDAYS[weekday]!] ?? [];
  if (intervals.length === 0) return null;
  return { from: minutes(intervals[0]!.from), to: minutes(intervals.at(-1)!.to) };
}
