import os from 'node:os';
import { openPostgres } from '../src/server/db/client';
import { openBenchDatabase } from './database';
import { datasetSize, ensureDataset } from './generate';
import { ensureSearchPrefixIndex } from './indexes';
import { startBenchApp } from './http';
import { measureImport } from './import';
import { benchIntake } from './intake';
import { formatMeasurement, formatThroughput } from './report';
import { drawSamples } from './samples';
import { measureBaseline, measureCallerId, measureRecord, measureSearch } from './scenarios';
import { measureTelephonyPop } from './telephony-pop';
import { measureWebApp } from './web-speed';

/**
 * npm run bench: generates (once) a dealer group's worth of customers and
 * measures what users wait for. PGlite by default; BENCH_DATABASE_URL or
 * DATABASE_URL for PostgreSQL; BENCH_CONTACTS to scale down; --generate-only
 * to prepare the data without measuring; --only=web measures only the web app
 * in the browser (no data set needed); --only=search the search bar alone (a
 * minute instead of many on a large dataset).
 */
const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const log = (line: string) => console.log(line);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (only !== undefined && only !== 'web' && only !== 'search')
  throw new Error(`--only=${only}: the parts that run alone are "web" and "search"`);
const searchOnly = only === 'search';

if (only === 'web') {
  const loadBefore = os.loadavg()[0]!;
  const lines = await measureWebApp(log);
  log('');
  for (const line of lines) log(line);
  log(
    `machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after`,
  );
  process.exit(0);
}

const target = await openBenchDatabase();
log(`bench: ${target.label}, ${contacts.toLocaleString('en')} contacts`);
const size = datasetSize(contacts);
await ensureDataset(target.database, size, log);
await ensureSearchPrefixIndex(target.database, log);

if (!process.argv.includes('--generate-only')) {
  const bench = await startBenchApp(target.database);
  const samples = await drawSamples(target.database, size.contacts, size.vehicles);
  const lines: string[] = [];
  const report = (line: string) => {
    lines.push(line);
    log(line);
  };
  log('measuring …');
  const loadBefore = os.loadavg()[0]!;
  report(formatMeasurement(await measureBaseline(target.database), target.embedded));
  for (const m of await measureSearch(bench, samples)) report(formatMeasurement(m, target.embedded));
  if (searchOnly) {
    await bench.close();
    await target.database.close();
    process.exit(0);
  }
  report(formatMeasurement(await measureCallerId(bench, samples), target.embedded));
  for (const m of await measureTelephonyPop(bench, target.database, samples))
    report(formatMeasurement(m, target.embedded));
  const record = await measureRecord(bench, target.database);
  report(typeof record === 'string' ? record : formatMeasurement(record, target.embedded));
  report(formatThroughput(await measureImport(bench, target.database, log), target.embedded));
  await bench.close();
  const intakeRequests = Number(process.env.BENCH_INTAKE_REQUESTS ?? 10_000);
  if (intakeRequests > 0) {
    // Intake overlaps many short transactions: it gets a pool as large as its concurrency, the other measurements a small one.
    const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    const intakeDatabase = url ? openPostgres(url, 16) : target.database;
    const intake = await benchIntake({ database: intakeDatabase, requests: intakeRequests });
    if (intakeDatabase !== target.database) await intakeDatabase.close();
    const ok = intake.requestsPerSecond >= 300 && intake.errors === 0;
    report(
      `intake API (assignment + deadline): ${intake.requestsPerSecond.toFixed(0)} requests/s over ${intake.requests} requests, ` +
        `p50 ${intake.p50.toFixed(1)} ms  p95 ${intake.p95.toFixed(1)} ms, ${intake.errors} errors   target ≥ 300/s ${ok ? '✓' : '✗'}`,
    );
  }
  for (const line of await measureWebApp(log)) report(line);
  report(
    `machine: ${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0]!.toFixed(1)} after measuring`,
  );

  log('');
  log(
    `results on ${target.label}, ${contacts.toLocaleString('en')} contacts, ${size.phones.toLocaleString('en')} phones, ${size.vehicles.toLocaleString('en')} vehicles`,
  );
  for (const line of lines) log(line);
}
await target.database.close();
