import os from 'node:os';
import { parsePhone } from '../src/shared/contacts/normalize';
import { findByExactPhone } from '../src/server/modules/contacts/search-read-model';
import { openBenchDatabase } from './database';
import { datasetSize } from './generate';
import { startBenchApp } from './http';
import { drawSamples } from './samples';
import { percentile } from './stats';

/**
 * Where the caller-id route's time goes: each part measured on the same
 * numbers, interleaved request by request so that a busy machine weighs on
 * every part alike. Run on a generated dataset (see run.ts).
 *
 *   npx tsx bench/caller-id-parts.ts [--rounds=3]
 */
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 3);
const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const target = await openBenchDatabase();
const size = datasetSize(contacts);
const bench = await startBenchApp(target.database);
const numbers = (await drawSamples(target.database, size.contacts, size.vehicles)).callerNumbers;
const { database } = target;
const now = new Date();

const parts: Record<string, (n: string) => Promise<unknown>> = {
  'SELECT 1 (round trip)': () => database.query('SELECT 1'),
  'parse number': async (n) => parsePhone(n),
  'lookup query': async (n) => findByExactPhone(database, parsePhone(n).e164 ?? '+49', now),
  'lookup service': (n) => bench.services.search.lookupByPhone(n),
  'public route (no auth, no db)': () => bench.app.inject({ method: 'GET', url: '/api/health' }),
  'route with API key': (n) =>
    bench.asPbx({ method: 'GET', url: `/api/contacts/lookup-by-phone?number=${encodeURIComponent(n)}` }),
};

for (let round = 1; round <= rounds; round++) {
  const samples = new Map<string, number[]>(Object.keys(parts).map((k) => [k, []]));
  const load = os.loadavg()[0]!.toFixed(1);
  for (const [i, number] of numbers.entries()) {
    for (const [name, run] of Object.entries(parts)) {
      const started = performance.now();
      await run(number);
      if (i >= 20) samples.get(name)!.push(performance.now() - started);
    }
  }
  for (const [name, values] of samples) {
    const sorted = values.sort((a, b) => a - b);
    console.log(
      `#${round} load ${load}→${os.loadavg()[0]!.toFixed(1)}  ${name.padEnd(30)} p50 ${percentile(sorted, 50).toFixed(2).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(2).padStart(6)} ms`,
    );
  }
}
await bench.close();
await database.close();
