import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite } from '../src/server/db/client';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { seedDemoOrganisation } from '../src/server/demo/org';
import { seedDemoCustomers } from '../src/server/demo/customers';

const database = await openPglite();
const { runMigrations } = await import('../src/server/db/migrate');
await runMigrations(database);
const config = loadConfig({ LOG_LEVEL: 'silent' });
const { services } = await buildApp({ config, database, logger: pino({ level: 'silent' }) });
await seedDemoOrganisation(services);
const t0 = performance.now();
const r = await seedDemoCustomers(services, database, {});
console.log(r.contacts, r.vehicles, ((performance.now() - t0) / 1000).toFixed(1), 's');
process.exit(0);
