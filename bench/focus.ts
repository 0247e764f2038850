import os from 'node:os';
import { openBenchDatabase } from './database';
import { datasetSize, ensureDataset } from './generate';
import { startBenchApp } from './http';
import { measureImport } from './import';
import { ensureSearchPrefixIndex } from './indexes';
import { formatMeasurement, formatThroughput } from './report';
import { drawSamples } from './samples';
import { measureCallerId, measureRecord, measureSearch } from './scenarios';
import { measureTelephonyPop } from './telephony-pop';

/**
 * Measures some of the benchmark's scenarios on the generated dataset, each
 * as often as asked, printing the load average with every figure: on a
 * shared machine one run says little.
 *
 *   npx tsx bench/focus.ts search callerid record import --repeat=3
 *
 * Same database selection and BENCH_CONTACTS / BENCH_IMPORT_ROWS as run.ts.
 */
const SCENARIOS = ['search', 'typo', 'callerid', 'pop', 'record', 'import'] as const;
type Scenario = (typeof SCENARIOS)[number];

const args = process.argv.slice(2);
const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice('--repeat='.length) ?? 1);
const chosen = args.filter((a): a is Scenario => (SCENARIOS as readonly string[]).includes(a));
const unknown = args.filter((a) => !a.startsWith('--') && !(SCENARIOS as readonly string[]).includes(a));
if (unknown.length > 0 || chosen.length === 0) {
  console.error(`usage: bench/focus.ts ${SCENARIOS.join('|')} … [--repeat=N]`);
  process.exit(2);
}

const contacts = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const target = await openBenchDatabase();
const size = datasetSize(contacts);
await ensureDataset(target.database, size, console.log);
await ensureSearchPrefixIndex(target.database, console.log);
const bench = await startBenchApp(target.database);
const samples = await drawSamples(target.database, size.contacts, size.vehicles);
const load = () => os.loadavg()[0]!.toFixed(1);
console.log(`${target.label}, ${contacts.toLocaleString('en')} contacts, ${os.cpus().length} cores`);

for (let round = 1; round <= repeat; round++) {
  for (const scenario of chosen) {
    const before = load();
    let lines: string[];
    switch (scenario) {
      case 'search':
        lines = (await measureSearch(bench, samples)).map((m) => formatMeasurement(m, target.embedded));
        break;
      case 'typo':
        lines = (
          await measureSearch(bench, { ...samples, nameFragment: [], phoneSuffix: [], plate: [], vinSuffix: [] })
        )
          .filter((m) => m.samples.length > 0)
          .map((m) => formatMeasurement(m, target.embedded));
        break;
      case 'callerid':
        lines = [formatMeasurement(await measureCallerId(bench, samples), target.embedded)];
        break;
      case 'pop':
        lines = (await measureTelephonyPop(bench, target.database, samples)).map((m) =>
          formatMeasurement(m, target.embedded),
        );
        break;
      case 'record': {
        const record = await measureRecord(bench, target.database);
        lines = [typeof record === 'string' ? record : formatMeasurement(record, target.embedded)];
        break;
      }
      case 'import':
        lines = [formatThroughput(await measureImport(bench, target.database, console.log), target.embedded)];
        break;
    }
    for (const line of lines) console.log(`#${round} load ${before}→${load()}  ${line}`);
  }
}
await bench.close();
await target.database.close();
