import type { Database } from '../src/server/db/client';
import { hashPassword } from '../src/server/lib/crypto';
import { ensureMetaTable, readMeta, writeMeta } from './database';
import { contactIdSql, type DatasetSize, pick, uuidSql, vehicleIdSql } from './generate';
import { dropSecondaryIndexes, restoreSecondaryIndexes } from './indexes';
import { FIRST_NAMES, LAST_NAMES, sqlArray } from './names';

/** Bump when the generated activities change shape, so old ones are regenerated. */
const ACTIVITIES_VERSION = 1;
const BATCH = 500_000;

/** The dealer group's houses that own the activities: 50 locations of 30 people each. */
export const ACTIVITY_LOCATIONS = 50;
export const PEOPLE_PER_LOCATION = 30;
/** Everyone generated here logs in with this password (the calendar and reminder measurements do). */
export const ACTIVITY_STAFF_PASSWORD = 'bench-password-1234';
/** Days back and ahead of the generation day that activities fall on. */
const DAYS_BACK = 730;
const DAYS_AHEAD = 90;

/**
 * Who works at each house, by their position 1…30, and how much of the
 * house's calendar they carry (weight): consultants and service advisors
 * the most, reception and parts little.
 */
const STAFF: Array<{ role: string; department: string; count: number; weight: number }> = [
  { role: 'manager', department: 'sales', count: 1, weight: 2 },
  { role: 'manager', department: 'service', count: 1, weight: 2 },
  { role: 'sales', department: 'sales', count: 12, weight: 6 },
  { role: 'service', department: 'service', count: 10, weight: 5 },
  { role: 'reception', department: 'administration', count: 3, weight: 1 },
  { role: 'parts', department: 'parts', count: 3, weight: 1 },
];

export const activityLocationCode = (n: number) => `BA${String(n).padStart(2, '0')}`;
/** The e-mail of person `i` (1…30) at activity location `n`. */
export const activityStaffEmail = (n: number, i: number) =>
  `bench-${activityLocationCode(n).toLowerCase()}-${String(i).padStart(2, '0')}@example.test`;

/** Activity types with their share (out of 20) of all generated activities. */
// prettier-ignore
const TYPES = [
  'call', 'call', 'call', 'call', 'call', 'offer_follow_up', 'offer_follow_up', 'email', 'email',
  'appointment', 'appointment', 'appointment', 'test_drive', 'test_drive', 'delivery',
  'satisfaction_call', 'satisfaction_call', 'service_contact', 'service_contact', 'letter',
];
const APPOINTMENTS = `('appointment', 'test_drive', 'delivery')`;

/**
 * 5,000,000 activities (scaled with BENCH_CONTACTS) over 2 years back and 3
 * months ahead of the generation day, owned by the 1,500 people of 50
 * thirty-person houses, on working days and hours. Past ones are mostly done
 * with a result, some cancelled or still open (overdue); future ones open,
 * a few cancelled. Most refer to a generated customer, service contacts and
 * deliveries also to their vehicle. Generated rows carry no pending reminder
 * (remind_at is empty, no jobs): a reused data set would otherwise owe
 * thousands of reminders to whichever run starts a worker later. No history
 * rows or timeline entries either; the calendar does not read them.
 */
export async function ensureActivities(
  database: Database,
  size: DatasetSize,
  log: (line: string) => void,
): Promise<{ activities: number; locationCodes: string[] }> {
  await ensureMetaTable(database);
  const total = activityCount(size);
  const dataset = await readMeta<{ generatedAt: string }>(database, 'dataset');
  const existing = await readMeta<{ version: number; activities: number; datasetGeneratedAt: string }>(
    database,
    'activities',
  );
  const locationCodes = Array.from({ length: ACTIVITY_LOCATIONS }, (_, i) => activityLocationCode(i + 1));
  if (
    existing?.version === ACTIVITIES_VERSION &&
    existing.activities === total &&
    existing.datasetGeneratedAt === dataset?.generatedAt
  ) {
    log(`activities: reusing ${total.toLocaleString('en')}`);
    return { activities: total, locationCodes };
  }
  log(
    `activities: generating ${total.toLocaleString('en')} for ${(ACTIVITY_LOCATIONS * PEOPLE_PER_LOCATION).toLocaleString('en')} people at ${ACTIVITY_LOCATIONS} locations`,
  );
  const started = performance.now();
  await database.query("DELETE FROM bench_meta WHERE key = 'activities'");
  await database.exec('TRUNCATE activities CASCADE');
  await dropSecondaryIndexes(database, ['activities'], 'dropped_activity_indexes');
  await ensureStaff(database);
  const slots = await ownerSlots(database);

  for (let from = 1; from <= total; from += BATCH) {
    const to = Math.min(total, from + BATCH - 1);
    await database.exec(batchSql(from, to, slots, size));
    log(
      `  activities ${to.toLocaleString('en')} / ${total.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  log('  building activity indexes');
  await restoreSecondaryIndexes(database, log, 'dropped_activity_indexes');
  await database.exec('VACUUM ANALYZE activities');
  await writeMeta(database, 'activities', {
    version: ACTIVITIES_VERSION,
    activities: total,
    datasetGeneratedAt: dataset?.generatedAt ?? null,
    generatedAt: new Date().toISOString(),
  });
  log(`activities: ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { activities: total, locationCodes };
}

/** Five activities per contact: 5,000,000 for the full data set. */
export const activityCount = (size: DatasetSize) => Math.max(10_000, size.contacts * 5);

/** The 50 houses and their 30 people each; all can log in with ACTIVITY_STAFF_PASSWORD. */
async function ensureStaff(database: Database) {
  const codes = Array.from({ length: ACTIVITY_LOCATIONS }, (_, i) => activityLocationCode(i + 1));
  await database.query(
    `INSERT INTO locations (name, code, street, postal_code, city, phone, federal_state, opening_hours)
     SELECT 'Autohaus Beispiel Filiale ' || substr(code, 3), code, 'Industriestraße ' || substr(code, 3), '80331', 'München',
            '+49 89 2000' || substr(code, 3), 'BY',
            '{"mon":[{"from":"07:30","to":"18:30"}],"tue":[{"from":"07:30","to":"18:30"}],"wed":[{"from":"07:30","to":"18:30"}],"thu":[{"from":"07:30","to":"18:30"}],"fri":[{"from":"07:30","to":"18:00"}],"sat":[{"from":"09:00","to":"14:00"}],"sun":[]}'::jsonb
       FROM unnest($1::text[]) AS code
     ON CONFLICT (code) DO NOTHING`,
    [codes],
  );
  const positions = STAFF.flatMap((s) => Array.from({ length: s.count }, () => s));
  const hash = await hashPassword(ACTIVITY_STAFF_PASSWORD);
  await database.query(
    `INSERT INTO users (id, email, first_name, last_name, password_hash, role, home_location_id, department, locale)
     SELECT ${uuidSql(`'u' || l.n || '-' || p.i`)}, 'bench-' || lower(l.code) || '-' || lpad(p.i::text, 2, '0') || '@example.test',
            (${sqlArray(FIRST_NAMES)})[1 + ${pick('(l.n * 100 + p.i)', 51, FIRST_NAMES.length)}],
            (${sqlArray(LAST_NAMES)})[1 + ${pick('(l.n * 100 + p.i)', 52, LAST_NAMES.length)}],
            $2, (($3::text[])[p.i])::user_role, l.id, (($4::text[])[p.i])::department_kind, 'de'
       FROM (SELECT id, substr(code, 3)::int AS n, code FROM locations WHERE code = ANY($1)) l,
            generate_series(1, ${positions.length}) AS p(i)
     ON CONFLICT DO NOTHING`,
    [codes, hash, positions.map((p) => p.role), positions.map((p) => p.department)],
  );
}

/**
 * One row per share of the calendars (a consultant has six, a receptionist
 * one), so a hash of the activity number picks its owner by weight.
 */
async function ownerSlots(database: Database): Promise<number> {
  const weights = STAFF.flatMap((s) => Array.from({ length: s.count }, () => s.weight));
  await database.exec('DROP TABLE IF EXISTS bench_activity_owners');
  await database.query(
    `CREATE TABLE bench_activity_owners AS
     SELECT (row_number() OVER (ORDER BY u.email, w.k) - 1)::int AS slot, u.id AS user_id, u.home_location_id AS location_id
       FROM users u
       JOIN locations l ON l.id = u.home_location_id AND l.code LIKE 'BA__'
       CROSS JOIN LATERAL generate_series(1, ($1::int[])[split_part(split_part(u.email, '-', 3), '@', 1)::int]) AS w(k)
      WHERE u.email LIKE 'bench-ba%'`,
    [weights],
  );
  await database.exec('CREATE UNIQUE INDEX ON bench_activity_owners (slot); ANALYZE bench_activity_owners');
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_activity_owners');
  return row!.n;
}

function batchSql(from: number, to: number, slots: number, size: DatasetSize): string {
  const subjects = (type: string, list: string[]) =>
    `WHEN '${type}' THEN (${sqlArray(list)})[1 + ${pick('g', 60, list.length)}]`;
  return `
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO activities (id, type, status, subject, note, priority, owner_id, created_by_id, location_id, contact_id, vehicle_id,
  all_day, due_on, starts_at, ends_at, place, reminder_minutes_before, remind_at, result, result_note,
  completed_at, completed_by_id, cancelled_at, cancelled_by_id, cancel_reason, sequence, version, created_at, updated_at)
SELECT ${uuidSql(`'a' || g`)}, type, status,
       CASE type
         ${subjects('call', ['Rückruf wegen Angebot', 'Rückruf: Frage zur Lieferzeit', 'Kunde anrufen wegen Inzahlungnahme'])}
         ${subjects('offer_follow_up', ['Angebot nachfassen', 'Leasingangebot nachfassen'])}
         ${subjects('email', ['Konfiguration per E-Mail senden', 'Unterlagen anfordern'])}
         ${subjects('appointment', ['Beratungstermin', 'Fahrzeugannahme Inspektion', 'Kaufvertrag unterschreiben'])}
         ${subjects('test_drive', ['Probefahrt VW Tiguan', 'Probefahrt Skoda Octavia', 'Probefahrt Audi Q4 e-tron'])}
         ${subjects('delivery', ['Fahrzeugübergabe mit Einweisung'])}
         ${subjects('satisfaction_call', ['Zufriedenheitsanruf nach Auslieferung', 'Nachfrage nach Werkstattbesuch'])}
         ${subjects('service_contact', ['Inspektion fällig – Termin anbieten', 'HU/AU fällig'])}
         ELSE 'Kaufvertrag zur Unterschrift senden' END,
       NULL, CASE WHEN ${pick('g', 61, 10)} = 0 THEN 'high' ELSE 'normal' END,
       user_id, user_id, location_id, contact_id,
       CASE WHEN contact_id IS NOT NULL AND type IN ('service_contact', 'delivery') THEN vehicle_id END,
       all_day, CASE WHEN all_day THEN day END, starts_at, ends_at,
       CASE type WHEN 'test_drive' THEN 'Showroom' WHEN 'delivery' THEN 'Übergabeplatz'
                 WHEN 'appointment' THEN (ARRAY['Showroom', 'Dialogannahme'])[1 + ${pick('g', 62, 2)}] END,
       CASE WHEN appointment THEN 15 ELSE 0 END, NULL,
       CASE WHEN status = 'done' THEN
         CASE WHEN appointment THEN CASE WHEN ${pick('g', 63, 10)} = 0 THEN 'no_show' ELSE 'kept' END
              WHEN type IN ('email', 'letter') THEN 'done'
              ELSE (ARRAY['reached', 'reached', 'not_reached', 'appointment_made', 'offer_sent', 'not_interested'])[1 + ${pick('g', 64, 6)}] END
       END,
       CASE WHEN status = 'done' THEN (ARRAY['Mit Kunde besprochen, meldet sich nächste Woche.', 'Erledigt.',
            'Kunde zufrieden.', 'Mailbox, um Rückruf gebeten.'])[1 + ${pick('g', 65, 4)}] END,
       CASE WHEN status = 'done' THEN least(now(), coalesce(ends_at, starts_at) + interval '20 minutes') END,
       CASE WHEN status = 'done' THEN user_id END,
       CASE WHEN status = 'cancelled' THEN created_at + (least(now(), starts_at) - created_at) / 2 END,
       CASE WHEN status = 'cancelled' THEN user_id END,
       CASE WHEN status = 'cancelled' THEN 'Kunde hat abgesagt' END,
       CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END,
       CASE WHEN status = 'open' THEN 1 ELSE 2 END,
       created_at,
       CASE WHEN status = 'done' THEN least(now(), coalesce(ends_at, starts_at) + interval '20 minutes')
            WHEN status = 'cancelled' THEN created_at + (least(now(), starts_at) - created_at) / 2
            ELSE created_at END
FROM (
  SELECT t.*,
         CASE WHEN starts_at < now()
              THEN CASE WHEN roll < 85 THEN 'done' WHEN roll < 93 THEN 'open' ELSE 'cancelled' END
              ELSE CASE WHEN roll < 4 THEN 'cancelled' ELSE 'open' END END AS status,
         least(now() - interval '1 minute', starts_at - (1 + ${pick('g', 66, 14)}) * interval '1 day') AS created_at
  FROM (
    SELECT d.*,
           CASE WHEN all_day THEN day::timestamp AT TIME ZONE 'Europe/Berlin'
                ELSE (day + minute * interval '1 minute') AT TIME ZONE 'Europe/Berlin' END AS starts_at,
           CASE WHEN appointment THEN (day + (minute + duration) * interval '1 minute') AT TIME ZONE 'Europe/Berlin' END AS ends_at
    FROM (
      SELECT c.*,
             c.type IN ${APPOINTMENTS} AS appointment,
             c.type NOT IN ${APPOINTMENTS} AND c.task_all_day AS all_day,
             -- Sundays move to the Friday before or the Monday after.
             CASE WHEN extract(isodow FROM c.raw_day) = 7
                  THEN c.raw_day + CASE WHEN g % 2 = 0 THEN 1 ELSE -2 END ELSE c.raw_day END AS day
      FROM (
        SELECT g, o.user_id, o.location_id,
               (${sqlArray(TYPES)})[1 + ${pick('g', 32, TYPES.length)}] AS type,
               (now() AT TIME ZONE 'Europe/Berlin')::date + (${pick('g', 33, DAYS_BACK + DAYS_AHEAD + 1)} - ${DAYS_BACK}) AS raw_day,
               -- On the half hour from 08:00 to 17:00.
               480 + 30 * ${pick('g', 34, 19)} AS minute,
               (ARRAY[30, 45, 60, 90])[1 + ${pick('g', 35, 4)}] AS duration,
               ${pick('g', 36, 4)} = 0 AS task_all_day,
               ${pick('g', 38, 100)} AS roll,
               CASE WHEN ${pick('g', 37, 10)} < 9 THEN ${contactIdSql(`(1 + ${pick('g', 39, size.contacts)})`)} END AS contact_id,
               ${vehicleIdSql(`(1 + ((${pick('g', 39, size.contacts)}) * 6 + 4) / 5)`)} AS vehicle_id
        FROM generate_series(${from}, ${to}) AS g
        JOIN bench_activity_owners o ON o.slot = ${pick('g', 31, slots)}
      ) c
    ) d
  ) t
) x;
COMMIT;`;
}
