import type { Database } from '../src/server/db/client';
import { readMeta, writeMeta } from './database';
import type { BenchApp } from './http';

/** Bump when the prepared lifecycle data changes shape. */
const LIFECYCLE_VERSION = 2;
const TARGET_MS = 60_000;

/**
 * The nightly lifecycle run over every vehicle: deliveries spread over four years, a third
 * financed, consultants and service advisors on every customer, phone consent for most, one
 * mileage reading per vehicle (20–80 km a day), the mileage rule on.
 * Measures the first run (everything due in the look-back window) and a second run at once
 * (must create nothing). Each measurement starts from no lifecycle actions, so it repeats.
 */
export async function measureLifecycle(bench: BenchApp, database: Database, log: (line: string) => void) {
  await prepare(database, log);
  await enableMileageRule(database);
  await clearActions(database);
  const vehicles = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM vehicles'))[0]!.n;
  const run = async () => {
    const started = performance.now();
    const steps: string[] = [];
    const result = await database.db.transaction((tx) =>
      bench.services.lifecycle.runIn(tx, new Date(), (step, ms) => steps.push(`${step} ${(ms / 1000).toFixed(1)} s`)),
    );
    log(`  lifecycle steps: ${steps.join(', ')}`);
    return { ms: performance.now() - started, result };
  };
  const first = await run();
  const second = await run();
  const again = second.result.found + second.result.created;
  const ok = first.ms <= TARGET_MS && again === 0;
  return [
    `lifecycle nightly run over ${vehicles.toLocaleString('en')} vehicles: ${(first.ms / 1000).toFixed(1)} s ` +
      `(found ${first.result.found}, created ${first.result.created}, queued ${first.result.queued}, ` +
      `waiting to be sent ${first.result.pendingSend}, skipped ${first.result.skipped})   target ≤ 60 s ${first.ms <= TARGET_MS ? '✓' : '✗'}`,
    `lifecycle second run at once: ${(second.ms / 1000).toFixed(1)} s, found ${second.result.found}, created ${second.result.created}   ` +
      `target: creates nothing ${ok ? '✓' : '✗'}`,
  ];
}

async function prepare(database: Database, log: (line: string) => void) {
  if ((await readMeta<number>(database, 'lifecycle')) === LIFECYCLE_VERSION) return;
  log('lifecycle: giving vehicles delivery and financing dates, customers their consultants and consent …');
  const started = performance.now();
  await database.exec(`
BEGIN;
UPDATE vehicles v SET
  delivery_date = current_date - (abs(hashtext(v.id::text)) % 1461),
  first_registration = current_date - (abs(hashtext(v.id::text)) % 1461),
  warranty_end = current_date - (abs(hashtext(v.id::text)) % 1461) + 730,
  financing_type = (ARRAY['none','none','financing','leasing']::financing_type[])[1 + abs(hashtext(v.id::text || 'f')) % 4],
  financing_end = CASE WHEN abs(hashtext(v.id::text || 'f')) % 4 >= 2
                       THEN current_date - (abs(hashtext(v.id::text)) % 1461) + 1461 END;
WITH sales AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role = 'sales' AND active),
     service AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role = 'service' AND active)
UPDATE contacts c SET
  sales_consultant_id = sales.ids[1 + abs(hashtext(c.id::text)) % array_length(sales.ids, 1)],
  service_advisor_id = service.ids[1 + abs(hashtext(c.id::text || 's')) % array_length(service.ids, 1)]
  FROM sales, service;
INSERT INTO consents (contact_id, channel, purpose, status, effective_at, source)
SELECT c.id, 'phone', p.purpose::consent_purpose, 'granted', now() - interval '5 years', 'signed_form'
  FROM contacts c CROSS JOIN (VALUES ('marketing'), ('service_reminders')) AS p(purpose)
 WHERE abs(hashtext(c.id::text || 'k')) % 10 < 8;
-- One odometer reading per vehicle within the last 200 days, 20 to 80 km a day since first registration.
DELETE FROM vehicle_mileage_readings;
INSERT INTO vehicle_mileage_readings (vehicle_id, read_on, km, source)
SELECT v.id, r.read_on, ((r.read_on - v.first_registration) * (20 + abs(hashtext(v.id::text || 'km')) % 61))::int, 'workshop'
  FROM vehicles v CROSS JOIN LATERAL (SELECT greatest(v.first_registration, current_date - (abs(hashtext(v.id::text || 'r')) % 200)) AS read_on) r
 WHERE v.first_registration IS NOT NULL;
UPDATE vehicles v SET mileage_km = r.km, mileage_date = r.read_on,
       km_per_day = CASE WHEN r.read_on - v.first_registration >= 30 THEN r.km::real / (r.read_on - v.first_registration) END
  FROM vehicle_mileage_readings r WHERE r.vehicle_id = v.id;
COMMIT;
ANALYZE vehicles; ANALYZE contacts; ANALYZE consents; ANALYZE vehicle_mileage_readings;`);
  await writeMeta(database, 'lifecycle', LIFECYCLE_VERSION);
  log(`lifecycle: prepared in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The shipped "service by mileage" rule is off by default; the measurement runs it with the others. */
async function enableMileageRule(database: Database) {
  await database.exec(`
INSERT INTO lifecycle_rules (default_key, name, trigger, amount, lead_days, action, assignee, activity_type,
                             consent_channel, consent_purpose, lookback_days, enabled)
VALUES ('service_by_mileage', 'Serviceerinnerung nach Kilometerstand', 'service_by_mileage', 30000, 30, 'activity',
        'service_advisor', 'service_contact', 'phone', 'service_reminders', 30, true)
ON CONFLICT (default_key) DO UPDATE SET enabled = true;`);
}

/** Removes what earlier measurements created, so every measurement starts from the same state. */
async function clearActions(database: Database) {
  await database.exec(`
BEGIN;
CREATE TEMP TABLE planned_by_rules ON COMMIT DROP AS SELECT activity_id AS id FROM lifecycle_actions WHERE activity_id IS NOT NULL;
DELETE FROM timeline_entries WHERE source_type = 'activity' AND source_id IN (SELECT id::text FROM planned_by_rules);
DELETE FROM activities WHERE id IN (SELECT id FROM planned_by_rules);
DELETE FROM lifecycle_actions;
COMMIT;`);
}
