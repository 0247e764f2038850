import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../../src/server/db/client';
import { withDatabase } from './global-setup';

let pgliteTemplate: Blob | undefined;

/** A fresh database with every migration applied, on the engine of this test run. */
export async function createTestDatabase(): Promise<Database> {
  if (inject('engine') === 'pglite') {
    pgliteTemplate ??= new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    return openPglite({ loadDataDir: pgliteTemplate });
  }
  const adminUrl = inject('postgresAdminUrl');
  // The global setup's pid names the template; this worker's copies carry it too, so teardown finds strays.
  const runPid = inject('postgresTemplate').replace('crm_template_', '');
  const name = `crm_t_${runPid}_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  const database = openPostgres(withDatabase(adminUrl, name), 5);
  const close = database.close;
  database.close = async () => {
    await close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
  return database;
}
