import os from 'node:os';
import { openPostgres } from '../src/server/db/client';
import { ensureActivities } from './activities';
import { ensureComplaints, measureComplaintsSimilar } from './complaints';
import { ensureOpportunities, measureFunnel, measurePipeline } from './opportunities';
import { openBenchDatabase } from './database';
import { datasetSize, ensureDataset } from './generate';
import { ensureSearchPrefixIndex } from './indexes';
import { startBenchApp } from './http';
import { measureImport } from './import';
import { benchIntake } from './intake';
import { formatMeasurement, formatThroughput } from './report';
import { drawSamples } from './samples';
import { measureBoard } from './board';
import { ensureCampaignData, measureCampaignCount, measureMailMerge } from './campaigns';
import { measureMessages } from './messages';
import { measureMailIn } from './mailin';
import { measureCalendar, measureFeed } from './calendar';
import { measureOfferPdf } from './offer-pdf';
import { measureLifecycle } from './lifecycle';
import { measureReminder } from './reminder';
import { measureBaseline, measureCallerId, measureRecord, measureSearch } from './scenarios';
import { measureTelephonyPop } from './telephony-pop';
import { measureWebApp } from './web-speed';

/**
 * npm run bench: generates (once) a dealer group's worth of customers and
 * measures what users wait for. PGlite by default; BENCH_DATABASE_URL or
 * DATABASE_URL for PostgreSQL; BENCH_CONTACTS to scale down; --generate-only
 * to prepare the data without measuring; --only=<parts> measures only the named
 * parts, comma-separated: search, callerid, pop, record, import, calendar,
 * feed, reminder, intake, board (the Community Board), messages (the inbox), pipeline (the sales board),
 * funnel (the sales funnel report), offerpdf, mailin (mailboxes read from a local Dovecot), lifecycle (the nightly
 * lifecycle rules run), campaigns (live count and mail merge), complaints (similar cases among 100,000 complaints),
 * web (web alone needs no data set).
 */
const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const log = (line: string) => console.log(line);
const PARTS = [
  'search',
  'callerid',
  'pop',
  'record',
  'import',
  'calendar',
  'feed',
  'reminder',
  'pipeline',
  'funnel',
  'offerpdf',
  'lifecycle',
  'campaigns',
  'intake',
  'board',
  'messages',
  'mailin',
  'complaints',
  'web',
] as const;
type Part = (typeof PARTS)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg?.split(',').filter(Boolean);
const unknown = only?.filter((part) => !(PARTS as readonly string[]).includes(part)) ?? [];
if (unknown.length > 0)
  throw new Error(`--only: unknown part ${unknown.join(', ')}; the parts are ${PARTS.join(', ')}`);
const wants = (part: Part) => !only || only.includes(part);

if (only && only.length === 1 && only[0] === 'web') {
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
await ensureActivities(target.database, size, log);
await ensureOpportunities(target.database, size, log);
if (wants('campaigns')) await ensureCampaignData(target.database, log);
if (wants('complaints')) await ensureComplaints(target.database, size, log);

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
  if (wants('search'))
    for (const m of await measureSearch(bench, samples)) report(formatMeasurement(m, target.embedded));
  if (wants('callerid')) report(formatMeasurement(await measureCallerId(bench, samples), target.embedded));
  if (wants('pop'))
    for (const m of await measureTelephonyPop(bench, target.database, samples))
      report(formatMeasurement(m, target.embedded));
  if (wants('record')) {
    const record = await measureRecord(bench, target.database);
    report(typeof record === 'string' ? record : formatMeasurement(record, target.embedded));
  }
  if (wants('import')) report(formatThroughput(await measureImport(bench, target.database, log), target.embedded));
  if (wants('calendar'))
    for (const m of await measureCalendar(bench, target.database)) report(formatMeasurement(m, target.embedded));
  if (wants('feed')) {
    const feed = await measureFeed(bench, target.database);
    report(typeof feed === 'string' ? feed : formatMeasurement(feed, target.embedded));
  }
  if (wants('reminder')) report(formatMeasurement(await measureReminder(bench, target.database), target.embedded));
  if (wants('board')) {
    const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;
    for (const m of await measureBoard(bench, target.database, url, log)) report(formatMeasurement(m, target.embedded));
  }
  if (wants('messages'))
    for (const m of await measureMessages(bench, target.database, log)) report(formatMeasurement(m, target.embedded));
  if (wants('mailin')) for (const line of await measureMailIn(bench, target.database, log)) report(line);
  if (wants('pipeline')) report(formatMeasurement(await measurePipeline(bench, target.database), target.embedded));
  if (wants('funnel')) report(formatMeasurement(await measureFunnel(bench, target.database), target.embedded));
  if (wants('complaints'))
    report(formatMeasurement(await measureComplaintsSimilar(bench, target.database), target.embedded));
  if (wants('offerpdf'))
    for (const m of await measureOfferPdf(bench, target.database)) report(formatMeasurement(m, target.embedded));
  if (wants('lifecycle')) for (const line of await measureLifecycle(bench, target.database, log)) report(line);
  if (wants('campaigns')) {
    report(formatMeasurement(await measureCampaignCount(bench, target.database), target.embedded));
    report(await measureMailMerge(bench, target.database));
  }
  await bench.close();
  const intakeRequests = Number(process.env.BENCH_INTAKE_REQUESTS ?? 10_000);
  if (wants('intake') && intakeRequests > 0) {
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
  if (wants('web')) for (const line of await measureWebApp(log)) report(line);
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
