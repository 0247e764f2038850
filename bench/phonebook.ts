import { PHONEBOOK_FORMATS } from '../src/shared/telephony/enums';
import { openBenchDatabase } from './database';
import { datasetSize, ensureDataset } from './generate';
import { startBenchApp } from './http';

/**
 * npx tsx bench/phonebook.ts: how long the nightly phonebook takes for the
 * benchmark's customers, and how much memory it holds while doing so.
 * Same database selection and BENCH_CONTACTS as npm run bench.
 */
const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const target = await openBenchDatabase();
console.log(`phonebook bench: ${target.label}, ${contacts.toLocaleString('en')} contacts`);
await ensureDataset(target.database, datasetSize(contacts), (line) => console.log(line));
const bench = await startBenchApp(target.database);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
const before = process.memoryUsage().heapUsed;
const started = performance.now();
await bench.services.phonebook.generateAll();
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);

const status = await bench.services.phonebook.status();
const sizes = await target.database.query<{ format: string; mb: number }>(
  'SELECT format, round(octet_length(content) / 1048576.0, 1)::float AS mb FROM phonebook_snapshots',
);
for (const format of PHONEBOOK_FORMATS) {
  const s = status.formats.find((f) => f.format === format);
  console.log(`  ${format}: ${s?.entryCount ?? 0} entries, ${sizes.find((x) => x.format === format)?.mb ?? 0} MB`);
}
console.log(
  `phonebook, all four formats: ${seconds.toFixed(1)} s; heap ${(before / 1048576).toFixed(0)} MB before, peak ${(peak / 1048576).toFixed(0)} MB`,
);
await bench.close();
await target.database.close();
