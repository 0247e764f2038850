import type { Database } from '../src/server/db/client';
import { normalizeName } from '../src/shared/contacts/normalize';
import { ensureMetaTable, readMeta, writeMeta } from './database';
import { dropSecondaryIndexes, LOADED_TABLES, restoreSecondaryIndexes } from './indexes';
import {
  COMPANY_FORMS,
  COMPANY_TRADES,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  normalizeNameSql,
  PLATE_DISTRICTS,
  SURNAME_ENDINGS,
  SURNAME_STEMS,
  sqlArray,
  VEHICLE_MODELS,
} from './names';

export interface DatasetSize {
  contacts: number;
  /** Two per contact: a mobile and a landline. */
  phones: number;
  vehicles: number;
  /** Entries on the one contact whose record the benchmark loads. */
  timelineEntries: number;
}

/** Bump when the generated shape changes, so an old dataset is regenerated instead of reused. */
const DATASET_VERSION = 2;
const BATCH = 100_000;

export const datasetSize = (contacts: number): DatasetSize => ({
  contacts,
  phones: contacts * 2,
  vehicles: Math.round(contacts * 1.2),
  timelineEntries: 1000,
});

/** Contact number n (1…N) has this id, so phones, vehicles and lookups find it without a join. */
export const contactIdSql = (n: string) => uuidSql(`'c' || ${n}`);
export const vehicleIdSql = (n: string) => uuidSql(`'v' || ${n}`);
/** An md5 with the version (4) and variant bits set, so it is a valid RFC 9562 UUID like the app's own. */
export const uuidSql = (seed: string) => `overlay(overlay(md5(${seed}) placing '4' from 13) placing '8' from 17)::uuid`;

/** A deterministic pseudo-random integer in [0, n) for row g and stream k. */
export const pick = (g: string, k: number, n: number) => `(abs(hashint8extended(${g}, ${k})) % ${n})::int`;
/** Like pick, but skewed towards the start of the list, as surnames and districts are. */
const pickSkewed = (g: string, k: number, n: number) =>
  `floor(${n} * power((abs(hashint8extended(${g}, ${k})) % 1000000) / 1000000.0, 1.5))::int`;
const element = (array: string, index: string) => `(${array})[1 + ${index}]`;

export async function ensureDataset(database: Database, size: DatasetSize, log: (line: string) => void): Promise<void> {
  await ensureMetaTable(database);
  const existing = await readMeta<{ version: number; contacts: number }>(database, 'dataset');
  if (existing?.version === DATASET_VERSION && existing.contacts === size.contacts) {
    log(`dataset: reusing ${size.contacts.toLocaleString('en')} contacts`);
    await advanceCustomerNumbers(database, size);
    return;
  }
  log(
    `dataset: generating ${size.contacts.toLocaleString('en')} contacts, ${size.phones.toLocaleString('en')} phones, ${size.vehicles.toLocaleString('en')} vehicles`,
  );
  const started = performance.now();
  await database.exec(`TRUNCATE ${LOADED_TABLES.join(', ')} CASCADE`);
  await database.query("DELETE FROM bench_meta WHERE key = 'dataset'");
  await dropSecondaryIndexes(database);
  const locationIds = await ensureLocations(database);

  for (let from = 1; from <= size.contacts; from += BATCH) {
    const to = Math.min(size.contacts, from + BATCH - 1);
    await loadContactBatch(database, from, to, size, locationIds);
    const seconds = (performance.now() - started) / 1000;
    log(`  contacts ${to.toLocaleString('en')} / ${size.contacts.toLocaleString('en')} (${seconds.toFixed(0)} s)`);
  }
  await loadTimeline(database, size.timelineEntries);
  await collectSearchWords(database);
  await advanceCustomerNumbers(database, size);
  log('  building indexes');
  await restoreSecondaryIndexes(database, log);
  // VACUUM too: the visibility map lets the name-prefix search use index-only scans.
  // The loader bypasses the triggers that keep each contact's reach and each vehicle's holders,
  // so they are computed once here.
  await database.exec('SELECT contact_reach_rebuild()');
  await database.exec('SELECT vehicle_holdings_rebuild()');
  for (const table of [...LOADED_TABLES, 'contact_reach', 'vehicle_holdings', 'campaign_audience'])
    await database.exec(`VACUUM ANALYZE ${table}`);
  await verifySearchNames(database);
  await writeMeta(database, 'dataset', {
    version: DATASET_VERSION,
    contacts: size.contacts,
    generatedAt: new Date().toISOString(),
  });
  log(`dataset: ready in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function ensureLocations(database: Database): Promise<string[]> {
  for (const l of LOCATIONS) {
    await database.query(
      `INSERT INTO locations (name, code, street, postal_code, city, phone, federal_state, opening_hours)
       VALUES ($1, $2, 'Hauptstraße 1', $3, $4, $5, $6, '{"mon":[{"from":"08:00","to":"18:00"}]}'::jsonb)
       ON CONFLICT (code) DO NOTHING`,
      [l.name, l.code, l.postalCode, l.city, `+49 ${l.area} 1000`, l.state],
    );
  }
  const rows = await database.query<{ id: string }>('SELECT id FROM locations WHERE code = ANY($1) ORDER BY code', [
    LOCATIONS.map((l) => l.code),
  ]);
  return rows.map((r) => r.id);
}

/** One transaction per batch; foreign keys are known to hold, so their triggers are skipped. */
async function loadContactBatch(
  database: Database,
  from: number,
  to: number,
  size: DatasetSize,
  locationIds: string[],
) {
  const codes = [...LOCATIONS.map((l) => l.code)].sort();
  const areas = [...LOCATIONS].sort((a, b) => a.code.localeCompare(b.code)).map((l) => l.area);
  const locIds = `ARRAY[${locationIds.map((id) => `'${id}'`).join(',')}]::uuid[]`;
  const first = element(sqlArray(FIRST_NAMES), pick('g', 1, FIRST_NAMES.length));
  // Three in ten surnames are compounds ("Obermaier", "Steinhuber"): many rare names beside the common ones.
  const last = `CASE WHEN ${pick('g', 20, 10)} < 3
    THEN ${element(sqlArray(SURNAME_STEMS), pick('g', 21, SURNAME_STEMS.length))} || ${element(sqlArray(SURNAME_ENDINGS), pick('g', 22, SURNAME_ENDINGS.length))}
    ELSE ${element(sqlArray(LAST_NAMES), pickSkewed('g', 2, LAST_NAMES.length))} END`;
  const company = `${last} || ' ' || ${element(sqlArray(COMPANY_TRADES), pick('g', 3, COMPANY_TRADES.length))} || ' ' || ${element(sqlArray(COMPANY_FORMS), pick('g', 4, COMPANY_FORMS.length))}`;
  const vFrom = Math.round((from - 1) * 1.2) + 1;
  const vTo = Math.round(to * 1.2);
  const model = pick('v', 10, VEHICLE_MODELS.length);
  await database.exec(`
BEGIN;
SET LOCAL session_replication_role = replica;
WITH inserted AS (
INSERT INTO contacts (id, kind, customer_number, home_location_id, salutation, first_name, last_name, company_name,
                      display_name, search_name, merged_into_id, created_at, updated_at)
SELECT ${contactIdSql('g')}, c.kind::contact_kind, c.code || '-' || (100000 + g), c.location_id,
       CASE WHEN c.kind = 'company' THEN 'none' WHEN ${pick('g', 5, 2)} = 0 THEN 'mr' ELSE 'ms' END::salutation,
       c.first_name, c.last_name, c.company_name, c.display_name, ${normalizeNameSql('c.display_name')},
       CASE WHEN g % 250 = 0 THEN ${contactIdSql('(g - 1)')} END,
       now() - (${pick('g', 6, 3650)} || ' days')::interval, now()
FROM (
  SELECT g, (${sqlArray(codes)})[1 + g % ${codes.length}] AS code,
         (${locIds})[1 + g % ${locationIds.length}] AS location_id,
         CASE WHEN g % 10 = 0 THEN 'company' ELSE 'person' END AS kind,
         CASE WHEN g % 10 = 0 THEN NULL ELSE ${first} END AS first_name,
         CASE WHEN g % 10 = 0 THEN NULL ELSE ${last} END AS last_name,
         CASE WHEN g % 10 = 0 THEN ${company} END AS company_name,
         CASE WHEN g % 10 = 0 THEN ${company} ELSE ${last} || ', ' || ${first} END AS display_name
  FROM generate_series(${from}, ${to}) AS g
) c
RETURNING id, search_name, customer_number
)
-- Every second contact has an e-mail address.
INSERT INTO contact_emails (contact_id, kind, address, is_primary)
SELECT id, 'private', btrim(regexp_replace(search_name, '[^a-z0-9]+', '.', 'g'), '.') || '.' || split_part(customer_number, '-', 2) || '@example.test', true
FROM inserted
WHERE split_part(customer_number, '-', 2)::int % 2 = 0;

INSERT INTO contact_phones (contact_id, kind, raw, e164, valid, digits_reversed, is_primary, position)
SELECT ${contactIdSql('g')}, p.kind::phone_kind, '0' || substr(p.e164, 4), p.e164, true, reverse(substr(p.e164, 2)), p.k = 1, p.k - 1
FROM (
  SELECT g, k, CASE WHEN k = 1 THEN 'mobile' ELSE 'landline' END AS kind,
         CASE WHEN k = 1
           THEN '+4915' || ${element("ARRAY['1','2','7','9']", pick('g', 7, 4))} || lpad(((g::bigint * 48271) % 99999989)::text, 8, '0')
           ELSE '+49' || (ARRAY[${areas.map((a) => `'${a}'`).join(',')}])[1 + g % ${areas.length}]
                || (1 + ${pick('g', 8, 9)})::text || lpad(${pick('g', 9, 1000000)}::text, 6, '0')
         END AS e164
  FROM generate_series(${from}, ${to}) AS g, generate_series(1, 2) AS k
) p;

INSERT INTO contact_blocks (contact_id, reason, blocked_at, blocked_until, lifted_at)
SELECT ${contactIdSql('g')}, 'Offene Forderungen', now() - interval '30 days',
       NULL, CASE WHEN g % 100 = 43 THEN now() - interval '1 day' END
FROM generate_series(${from}, ${to}) AS g WHERE g % 100 IN (42, 43);

INSERT INTO vehicles (id, vin, plate, plate_normalized, make, model, first_registration, mileage_km, location_id)
SELECT ${vehicleIdSql('v')}, x.vin, x.plate, CASE WHEN x.plate IS NOT NULL THEN upper(regexp_replace(x.plate, '[^A-Za-z0-9ÄÖÜäöü]', '', 'g')) END,
       x.make, x.model, (date '2012-01-01' + ${pick('v', 11, 4000)})::date, ${pick('v', 12, 250000)}, (${locIds})[1 + v % ${locationIds.length}]
FROM (
  SELECT v,
         (${sqlArray(VEHICLE_MODELS.map((m) => m[0]))})[1 + ${model}] AS make,
         (${sqlArray(VEHICLE_MODELS.map((m) => m[1]))})[1 + ${model}] AS model,
         (${sqlArray(VEHICLE_MODELS.map((m) => m[2]))})[1 + ${model}] || 'ZZZ' || upper(substr(md5('v' || v), 1, 2))
           || (v % 10)::text || ${element("ARRAY['J','K','L','M','N','P','R','S','T']", pick('v', 13, 9))}
           || lpad(((v::bigint * 48271) % 9999991)::text, 7, '0') AS vin,
         CASE WHEN v % 25 = 0 THEN NULL ELSE
           ${element(sqlArray(PLATE_DISTRICTS), pickSkewed('v', 14, PLATE_DISTRICTS.length))} || '-'
           || substr('ABCDEFGHJKLMNPRSTUVWXZ', 1 + ${pick('v', 15, 22)}, 1)
           || CASE WHEN v % 3 = 0 THEN '' ELSE substr('ABCDEFGHJKLMNPRSTUVWXZ', 1 + ${pick('v', 16, 22)}, 1) END
           || ' ' || (1 + ${pick('v', 17, 9999)})::text
         END AS plate
  FROM generate_series(${vFrom}, ${vTo}) AS v
) x;

INSERT INTO vehicle_contacts (vehicle_id, contact_id, role, valid_from)
SELECT ${vehicleIdSql('v')}, ${contactIdSql(`least(${size.contacts}, 1 + ((v - 1) * 5) / 6)`)}, 'owner', now() - interval '2 years'
FROM generate_series(${vFrom}, ${vTo}) AS v;
COMMIT;`);
}

/** The loader bypasses triggers (replica role), so the words the search bar corrects typos against are collected here. */
async function collectSearchWords(database: Database) {
  await database.exec(`
INSERT INTO search_words (word)
SELECT DISTINCT w FROM contacts c, unnest(string_to_array(c.search_name, ' ')) AS w WHERE w <> '' AND length(w) <= 40
ON CONFLICT DO NOTHING`);
}

/** New contacts (the import benchmark) must get numbers above the generated ones. */
async function advanceCustomerNumbers(database: Database, size: DatasetSize) {
  await database.query(
    `INSERT INTO customer_number_counters (location_id, next)
     SELECT id, $1 FROM locations
     ON CONFLICT (location_id) DO UPDATE SET next = greatest(customer_number_counters.next, excluded.next)`,
    [100_001 + size.contacts],
  );
}

/** The record the benchmark opens: contact number 1 with a long history. */
async function loadTimeline(database: Database, entries: number) {
  await database.exec(`
INSERT INTO timeline_entries (contact_id, kind, occurred_at, summary, body, data)
SELECT ${contactIdSql('1')}, (ARRAY['note','call','email','visit','message'])[1 + n % 5],
       now() - (n || ' hours')::interval, 'Eintrag ' || n || ': Rückruf wegen Inspektion', repeat('Text ', 20), jsonb_build_object('n', n)
FROM generate_series(1, ${entries}) AS n`);
}

/** The SQL folding must agree with normalizeName(), or the search bar would miss generated names. */
async function verifySearchNames(database: Database) {
  const sample = await database.query<{ display_name: string; search_name: string }>(
    'SELECT display_name, search_name FROM contacts ORDER BY id LIMIT 2000',
  );
  const names = await database.query<{ display_name: string; search_name: string }>(
    `SELECT n AS display_name, ${normalizeNameSql('n')} AS search_name FROM unnest($1::text[]) AS n`,
    [[...LAST_NAMES, ...FIRST_NAMES]],
  );
  for (const row of [...sample, ...names]) {
    if (normalizeName(row.display_name) !== row.search_name) {
      throw new Error(
        `search_name of "${row.display_name}" is "${row.search_name}", normalizeName gives "${normalizeName(row.display_name)}"`,
      );
    }
  }
}
