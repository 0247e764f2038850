import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '@server/db/client';
import { runMigrations } from '@server/db/migrate';
import { withDatabase } from './global-setup';

let pgliteTemplate: Blob | undefined;

/** A fresh database with every migration applied, on the engine of this test run. */
export async function createTestDatabase(): Promise<Database> {
  if (inject('engine') === 'pglite') {
    pgliteTemplate ??= new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openPglite({ loadDataDir: pgliteTemplate });
  }
  return copyOfPostgres(inject('postgresTemplate'));
}

/**
 * An empty database migrated by this very process, as `npm start` does on a
 * new installation. Slower than a copy of the template, but it is the only
 * way to see what a process knows (and does not know) about the types its
 * own migrations created: a loaded or restarted PGlite learned them at start.
 */
export async function createMigratedDatabase(): Promise<Database> {
  if (inject('engine') === 'pglite') {
    const database = await openPglite();
    await runMigrations(database);
    return database;
  }
  const database = await copyOfPostgres('template0');
  await runMigrations(database);
  return database;
}

async function copyOfPostgres(template: string): Promise<Database> {
  const adminUrl = inject('postgresAdminUrl');
  // The global setup's pid names the template; this worker's copies carry it too, so teardown finds strays.
  const runPid = inject('postgresTemplate').replace('crm_template_', '');
  const name = `crm_t_${runPid}_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const database = openPostgres(withDatabase(adminUrl, name), 5);
  const close = database.close;
  database.close = async () => {
    await close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
  return database;
}
