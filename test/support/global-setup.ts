import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '@server/db/client';
import { runMigrations } from '@server/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates one template database per test run; every test file then gets a
 * copy of it (a PGlite dump loaded in memory, or CREATE DATABASE … TEMPLATE),
 * which is far quicker than running initdb and the migrations per file.
 */
export default async function setup(project: TestProject) {
  // The project's `env` does not reach global setup, so the engine comes from the project's name.
  const engine: 'pglite' | 'postgres' = project.name.endsWith('postgres') ? 'postgres' : 'pglite';
  project.provide('engine', engine);

  if (engine === 'pglite') {
    const file = path.join(os.tmpdir(), `crm-template-${process.pid}.tar`);
    const database = await openPglite();
    await runMigrations(database);
    const dump = await database.pglite!.dumpDataDir('none');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteTemplate', file);
    project.provide('postgresAdminUrl', '');
    project.provide('postgresTemplate', '');
    return () => fs.rmSync(file, { force: true });
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('CRM_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const template = `crm_template_${process.pid}`;
  const admin = openPostgres(adminUrl, 2);
  await admin.exec(`DROP DATABASE IF EXISTS ${template}`);
  await admin.exec(`CREATE DATABASE ${template}`);
  const target = openPostgres(withDatabase(adminUrl, template), 2);
  await runMigrations(target);
  await target.close();
  project.provide('pgliteTemplate', '');
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresTemplate', template);
  return async () => {
    // Drop what this run created, including copies left by a crashed worker.
    const rows = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`,
      [`crm_t_${process.pid}_%`, template],
    );
    for (const { datname } of rows) await admin.exec(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.close();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
