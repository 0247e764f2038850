import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPostgres, openPglite, type Database } from '../src/server/db/client';
import { runMigrations } from '../src/server/db/migrate';
import { seedDemoOrganisation } from '../src/server/demo/org';
import type { UserActor } from '../src/server/http/access';

const N = Number(process.env.ROWS ?? 100_000);
const engine = process.env.ENGINE ?? 'postgres';
let database: Database;
if (engine === 'postgres') {
  const admin = openPostgres('postgres://postgres@127.0.0.1:5432/postgres', 1);
  await admin.exec('DROP DATABASE IF EXISTS crm_import_bench WITH (FORCE)');
  await admin.exec('CREATE DATABASE crm_import_bench');
  await admin.close();
  database = openPostgres('postgres://postgres@127.0.0.1:5432/crm_import_bench', 5);
} else database = await openPglite();
await runMigrations(database);
const { services } = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: pino({ level: 'silent' }) });
const { locations, users } = await seedDemoOrganisation(services);
const admin = users.find((u) => u.role === 'manager')!;
const actor: UserActor = { kind: 'user', userId: admin.id, role: 'manager', email: admin.email, displayName: 'x', homeLocationId: locations[0]!.id, locationIds: [locations[0]!.id], locale: 'de', mustChangePassword: false, sessionId: 'x', csrfToken: 'x' };

const first = ['Hans', 'Anna', 'Jürgen', 'Maria', 'Klaus', 'Sabine', 'Peter', 'Ute', 'Stefan', 'Petra'];
const last = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];
const lines = ['Kundennummer;Anrede;Vorname;Nachname;Straße;PLZ;Ort;Mobil;Telefon;E-Mail;Geburtsdatum'];
for (let i = 0; i < N; i++) {
  const fn = first[i % 10]!;
  const ln = last[Math.floor(i / 10) % 10]!;
  lines.push([`K${100000 + i}`, i % 2 ? 'Frau' : 'Herr', fn, ln, `Hauptstraße ${1 + (i % 200)}`, String(80000 + (i % 2000)), 'München', `0171 ${String(1000000 + i).padStart(7, '0')}`, i % 3 ? '' : `089 ${String(2000000 + i)}`, i % 10 < 7 ? `kunde${i}@example.de` : '', i % 4 ? '' : `${1 + (i % 28)}.${1 + (i % 12)}.19${50 + (i % 50)}`].join(';'));
}
const buffer = Buffer.from(lines.join('\r\n'));
console.log(`file: ${N} rows, ${(buffer.length / 1e6).toFixed(1)} MB`);
const t0 = performance.now();
const job = await services.imports.importCsvBuffer(actor, buffer, { target: 'contacts' });
const s = (performance.now() - t0) / 1000;
console.log(job.status, job.totals, job.error, `${s.toFixed(1)} s`, `${Math.round(N / s)} rows/s`);
await database.close();
process.exit(0);
