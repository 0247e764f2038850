import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../src/server/db/client';
import { ensureMetaTable, readMeta, writeMeta } from './database';
import type { BenchApp } from './http';
import { type Measurement, measure } from './stats';

const COUNT_TARGET_MS = 300;
const LETTERS = Number(process.env.BENCH_CAMPAIGN_LETTERS ?? 10_000);
const LETTERS_TARGET_S = 60;

/**
 * What campaigns select on that the base data set lacks: a delivery date per vehicle, spread over
 * the last ten years so every lifecycle phase has customers, and marketing consent to e-mail and
 * letters for seven in ten contacts. Once.
 */
export async function ensureCampaignData(database: Database, log: (line: string) => void): Promise<void> {
  await ensureMetaTable(database);
  // The read models the count reads are written by migrations and triggers; autovacuum keeps a
  // production database's visibility map current (index-only scans), the bench database runs
  // without it. Quick when nothing changed.
  await database.exec('VACUUM ANALYZE vehicle_holdings, contact_reach, campaign_audience');
  if (await readMeta(database, 'campaign-data-2')) return;
  log('campaigns: adding delivery dates and marketing consents …');
  await database.exec('UPDATE vehicles SET delivery_date = current_date - (abs(hashtext(id::text)) % 3650)::int');
  const done = await readMeta(database, 'campaign-data');
  for (const channel of done ? [] : ['email', 'letter']) {
    await database.exec(
      `INSERT INTO consents (contact_id, channel, purpose, status, effective_at, source, note)
       SELECT c.id, '${channel}', 'marketing', 'granted', now() - interval '400 days', 'import', 'bench'
         FROM contacts c WHERE abs(hashtext(c.id::text)) % 10 < 7`,
    );
  }
  await database.exec('ANALYZE vehicles; ANALYZE consents; ANALYZE contacts');
  await database.exec('VACUUM ANALYZE vehicle_holdings');
  await writeMeta(database, 'campaign-data', { at: new Date().toISOString() });
  await writeMeta(database, 'campaign-data-2', { at: new Date().toISOString() });
}

/** The live count as the editor asks it, over filters from broad to narrow. */
export async function measureCampaignCount(bench: BenchApp, database: Database): Promise<Measurement> {
  const [location] = await database.query<{ id: string }>("SELECT id FROM locations WHERE code = 'MUC'");
  const makes = await database.query<{ make: string }>('SELECT DISTINCT make FROM vehicles LIMIT 5');
  const filters = [
    { phases: ['reorientation'] },
    { phases: ['reorientation'], brands: [makes[0]!.make] },
    { phases: ['usage'], locationIds: [location!.id] },
    { brands: [makes[1]?.make ?? makes[0]!.make], ageMin: 3, ageMax: 6 },
    { phases: ['getting_to_know', 'reorientation'], brands: makes.map((m) => m.make) },
    { tags: ['vip'] },
  ];
  const inputs = Array.from({ length: 60 }, (_, i) => ({
    channel: (['email', 'letter'] as const)[i % 2]!,
    filter: filters[i % filters.length]!,
  }));
  let recipients = 0;
  const samples = await measure(
    inputs,
    async (body, timed) => {
      const res = await bench.asUser({ method: 'POST', url: '/api/campaigns/selection/count', payload: body });
      if (res.statusCode !== 200) throw new Error(`campaign count: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (timed) recipients += (res.json() as { recipients: number }).recipients;
    },
    6,
  );
  return {
    name: 'campaign live count (one statement)',
    samples,
    targetP95Ms: COUNT_TARGET_MS,
    note: `${filters.length} filters, on average ${Math.round(recipients / inputs.length).toLocaleString('en')} recipients`,
  };
}

/**
 * The mail merge of a letter campaign with LETTERS frozen recipients, streamed to a sink that
 * keeps nothing: the time to the last byte and how far the process's memory grew meanwhile.
 */
export async function measureMailMerge(bench: BenchApp, database: Database): Promise<string> {
  const [location] = await database.query<{ id: string }>("SELECT id FROM locations WHERE code = 'MUC'");
  const [campaign] = await database.query<{ id: string }>(
    `INSERT INTO campaigns (name, channel, status, location_id, filter, subject, body, started_at, recipient_count)
     VALUES ('Bench-Serienbrief', 'letter', 'done', $1, '{}'::jsonb, 'Zeit für etwas Neues',
             $2, now(), $3) RETURNING id`,
    [
      location!.id,
      '{{anrede}},\n\nIhr Fahrzeug ist nun fast drei Jahre bei Ihnen. Wir laden Sie herzlich zu einer Probefahrt ' +
        'mit den neuen Modellen ein.\n\nMit freundlichen Grüßen\nIhr Autohaus',
      LETTERS,
    ],
  );
  await database.query(
    `INSERT INTO campaign_recipients (campaign_id, contact_id, customer_number, salutation, first_name, last_name,
            display_name, street, postal_code, city, country, unsubscribe_token)
     SELECT $1, c.id, c.customer_number, c.salutation::text, c.first_name, c.last_name, c.display_name,
            'Musterstraße 1', '80331', 'München', 'DE', replace(gen_random_uuid()::text, '-', '')
       FROM contacts c ORDER BY c.id LIMIT $2`,
    [campaign!.id, LETTERS],
  );
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  let bytes = 0;
  const started = performance.now();
  const { stream } = await bench.services.campaigns.letters(bench.actor, campaign!.id);
  await pipeline(
    stream,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await database.query('DELETE FROM campaigns WHERE id = $1', [campaign!.id]);
  const growth = (peak - rssBefore) / 1024 / 1024;
  return (
    `campaign mail merge: ${LETTERS.toLocaleString('en')} letters in ${seconds.toFixed(1)} s ` +
    `(${(LETTERS / seconds).toFixed(0)}/s, ${(bytes / 1024 / 1024).toFixed(1)} MB PDF), peak RSS growth ` +
    `${growth.toFixed(0)} MB   target ≤ ${LETTERS_TARGET_S} s ${seconds <= LETTERS_TARGET_S ? '✓' : '✗'}`
  );
}
