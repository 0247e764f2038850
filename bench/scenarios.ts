import type { Database } from '../src/server/db/client';
import { contactIdSql } from './generate';
import type { BenchApp } from './http';
import type { Samples } from './samples';
import { type Measurement, measure, percentile } from './stats';

const SEARCH_TARGET_MS = 10;
const CALLER_ID_TARGET_MS = 2;
const RECORD_TARGET_MS = 40;

/** The search bar through its HTTP route, one measurement per kind of query. */
export async function measureSearch(bench: BenchApp, samples: Samples): Promise<Measurement[]> {
  const kinds: Array<[string, string[]]> = [
    ['search: name fragment', samples.nameFragment],
    ['search: name with typo', samples.nameTypo],
    ['search: phone last digits', samples.phoneSuffix],
    ['search: plate', samples.plate],
    ['search: VIN last 7', samples.vinSuffix],
  ];
  const measurements: Measurement[] = [];
  for (const [name, queries] of kinds) {
    let found = 0;
    const serviceMs: number[] = [];
    const samplesMs = await measure(queries, async (q, timed) => {
      const res = await bench.asUser({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
      if (res.statusCode !== 200) throw new Error(`${name} "${q}": ${res.statusCode} ${res.body.slice(0, 300)}`);
      const body = res.json() as { results: unknown[]; tookMs: number };
      if (!timed) return;
      if (body.results.length > 0) found++;
      serviceMs.push(body.tookMs);
    });
    const sorted = serviceMs.sort((a, b) => a - b);
    const note = `${Math.round((100 * found) / queries.length)}% with results, search service alone p95 ${percentile(sorted, 95).toFixed(1)} ms`;
    measurements.push({ name, samples: samplesMs, targetP95Ms: SEARCH_TARGET_MS, note });
  }
  return measurements;
}

/** A round trip to the database and nothing else: how busy the machine is, to read the other rows by. */
export async function measureBaseline(database: Database): Promise<Measurement> {
  const samples = await measure(
    Array.from({ length: 500 }, (_, i) => i),
    () => database.query('SELECT 1'),
  );
  return { name: 'baseline: SELECT 1', samples, targetP95Ms: null, note: 'database round trip' };
}

/** The caller-id lookup as the PBX calls it: API key, number as sent. */
export async function measureCallerId(bench: BenchApp, samples: Samples): Promise<Measurement> {
  let matched = 0;
  const samplesMs = await measure(samples.callerNumbers, async (number, timed) => {
    const res = await bench.asPbx({
      method: 'GET',
      url: `/api/contacts/lookup-by-phone?number=${encodeURIComponent(number)}`,
    });
    if (res.statusCode !== 200) throw new Error(`caller id ${number}: ${res.statusCode} ${res.body}`);
    if (timed && (res.json() as { matches: unknown[] }).matches.length > 0) matched++;
  });
  // The same lookups without HTTP and API-key authentication, to tell the two apart.
  const serviceMs = await measure(samples.callerNumbers, (number) => bench.services.search.lookupByPhone(number));
  const serviceP95 = percentile(
    serviceMs.sort((a, b) => a - b),
    95,
  );
  const note = `${Math.round((100 * matched) / samples.callerNumbers.length)}% matched, lookup service alone p95 ${serviceP95.toFixed(2)} ms`;
  return { name: 'caller id (exact number)', samples: samplesMs, targetP95Ms: CALLER_ID_TARGET_MS, note };
}

/**
 * Opening a customer record: the contact and the first page of its timeline
 * (contact number 1 carries the long history), as the web app loads them.
 */
export async function measureRecord(
  bench: BenchApp,
  database: Database,
  repetitions = 200,
): Promise<Measurement | string> {
  const [row] = await database.query<{ id: string }>(`SELECT ${contactIdSql('1')}::text AS id`);
  const id = row!.id;
  const probe = await bench.asUser({ method: 'GET', url: `/api/contacts/${id}` });
  const timelineProbe = await bench.asUser({ method: 'GET', url: `/api/contacts/${id}/timeline` });
  if (probe.statusCode !== 200 || timelineProbe.statusCode !== 200) {
    return `record: not available (GET contact ${probe.statusCode}, timeline ${timelineProbe.statusCode})`;
  }
  const entries = timelineProbe.json() as { items?: unknown[]; entries?: unknown[] };
  const pageSize = (entries.items ?? entries.entries ?? []).length;
  const samplesMs = await measure(
    Array.from({ length: repetitions }, (_, i) => i),
    async () => {
      const [contact, timeline] = await Promise.all([
        bench.asUser({ method: 'GET', url: `/api/contacts/${id}` }),
        bench.asUser({ method: 'GET', url: `/api/contacts/${id}/timeline` }),
      ]);
      if (contact.statusCode !== 200 || timeline.statusCode !== 200) throw new Error('record: request failed');
    },
  );
  return {
    name: 'record + timeline page',
    samples: samplesMs,
    targetP95Ms: RECORD_TARGET_MS,
    note: `1,000 entries, page of ${pageSize}`,
  };
}
