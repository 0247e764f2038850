import type { Database } from '../src/server/db/client';
import type { BenchApp } from './http';
import { FIRST_NAMES, LAST_NAMES, LOCATIONS } from './names';
import type { Throughput } from './stats';

const TARGET_ROWS_PER_SECOND = 3000;

/**
 * Throughput of importing a CSV of customers as an office would export it
 * from its old system (BENCH_IMPORT_ROWS, default 100,000), through the
 * imports service: parse, map, validate, match duplicates, write. The imported
 * contacts are removed afterwards so the dataset stays the same between runs.
 */
export async function measureImport(
  bench: BenchApp,
  database: Database,
  log: (line: string) => void,
): Promise<Throughput> {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const name = `import: ${rows.toLocaleString('en')}-row CSV`;
  if (rows === 0)
    return {
      name,
      rowsPerSecond: null,
      targetRowsPerSecond: TARGET_ROWS_PER_SECOND,
      note: 'skipped: BENCH_IMPORT_ROWS=0',
    };
  const imports = bench.services.imports as Partial<typeof bench.services.imports>;
  if (typeof imports.importCsvBuffer !== 'function') {
    return {
      name,
      rowsPerSecond: null,
      targetRowsPerSecond: TARGET_ROWS_PER_SECOND,
      note: 'the imports service has no importCsvBuffer yet',
    };
  }
  const run = Date.now().toString(36);
  const csv = customerCsv(rows, run);
  log(`  importing ${rows.toLocaleString('en')} rows (${(csv.length / 1024 / 1024).toFixed(1)} MB) …`);
  const started = performance.now();
  const job = await imports.importCsvBuffer(bench.actor, csv, { target: 'contacts', fileName: 'kunden.csv' });
  const seconds = (performance.now() - started) / 1000;
  await removeImported(database, run, job.id);
  const status = job.status === 'done' ? '' : `, status ${job.status}${job.error ? `: ${job.error}` : ''}`;
  return {
    name,
    rowsPerSecond: rows / seconds,
    targetRowsPerSecond: TARGET_ROWS_PER_SECOND,
    note: `${seconds.toFixed(1)} s${status}`,
  };
}

/** Semicolon-separated, German headers, as Excel writes it here. Numbers and references are unique per run. */
function customerCsv(rows: number, run: string): Buffer {
  const lines = ['Kundennummer;Anrede;Vorname;Nachname;Straße;PLZ;Ort;Mobil;E-Mail;Standort'];
  for (let i = 1; i <= rows; i++) {
    const first = FIRST_NAMES[(i * 7) % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 13) % LAST_NAMES.length]!;
    const mobile = `0176 ${String((Number.parseInt(run.slice(-4), 36) * 100_003 + i) % 100_000_000).padStart(8, '0')}`;
    const email = `${first}.${last}.${run}.${i}@import.example`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    const location = LOCATIONS[i % LOCATIONS.length]!;
    lines.push(
      [
        `BENCH-${run}-${i}`,
        i % 2 ? 'Herr' : 'Frau',
        first,
        last,
        `Hauptstraße ${i % 200}`,
        location.postalCode,
        location.city,
        mobile,
        email,
        location.code,
      ].join(';'),
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

async function removeImported(database: Database, run: string, jobId: string) {
  await database.query("DELETE FROM timeline_entries WHERE source_type = 'import' AND source_id = $1", [jobId]);
  await database.query('DELETE FROM contacts WHERE external_ref LIKE $1', [`BENCH-${run}-%`]);
}
