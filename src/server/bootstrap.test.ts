import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@test/support/database';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';
import type { Database } from './db/client';
import { DEMO_LOGINS, DEMO_PASSWORD } from './demo/org';
import { ManualClock } from './lib/clock';
import { createServices } from './services';
import { verifyPassword } from '@server/lib/crypto';

let database: Database;
afterEach(() => database.close());

async function setup(env: NodeJS.ProcessEnv) {
  database = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const services = createServices({
    config,
    database,
    db: database.db,
    clock: new ManualClock(),
    log: pino({ level: 'silent' }),
  });
  return { config, services };
}

describe('first start', () => {
  it('creates the demo dealer group: 3 locations in 3 federal states, ~30 staff in every role', async () => {
    const { config, services } = await setup({});
    const result = await bootstrap(config, database, services);
    expect(result.seededDemo).toBe(true);
    const locations = await services.org.listLocations();
    expect(new Set(locations.map((l) => l.federalState)).size).toBe(3);
    const users = await services.org.listUsers({ role: 'admin' } as never);
    expect(users.length).toBeGreaterThanOrEqual(28);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['admin', 'manager', 'sales', 'service', 'reception', 'parts']),
    );
    const sales = users.find((u) => u.email === DEMO_LOGINS.sales)!;
    const [row] = await database.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      sales.id,
    ]);
    expect(await verifyPassword(row!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('is deterministic: the same seed gives the same staff', async () => {
    const first = await setup({});
    await bootstrap(first.config, database, first.services);
    const names1 = (await first.services.org.listUsers({ role: 'admin' } as never)).map((u) => u.email).sort();
    await database.close();
    const second = await setup({});
    await bootstrap(second.config, database, second.services);
    const names2 = (await second.services.org.listUsers({ role: 'admin' } as never)).map((u) => u.email).sort();
    expect(names2).toEqual(names1);
  }, 120_000); // seeds the demo group twice: well over the default timeout on a loaded machine

  it('generates a one-time admin password that must be changed, and does nothing on the next start', async () => {
    const { config, services } = await setup({ CRM_DEMO: '0' });
    const result = await bootstrap(config, database, services);
    expect(result.seededDemo).toBe(false);
    expect(result.admin?.password).toHaveLength(16);
    const [admin] = await database.query<{ must_change_password: boolean }>('SELECT must_change_password FROM users');
    expect(admin!.must_change_password).toBe(true);
    expect(await bootstrap(config, database, services)).toEqual({ seededDemo: false });
  });

  it('takes the admin from CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD', async () => {
    const { config, services } = await setup({
      CRM_DEMO: '0',
      CRM_ADMIN_EMAIL: 'it@autohaus.example',
      CRM_ADMIN_PASSWORD: 'set-by-the-it-team',
    });
    const result = await bootstrap(config, database, services);
    expect(result.admin).toEqual({ email: 'it@autohaus.example', password: undefined, generated: false });
    const [row] = await database.query<{ password_hash: string; must_change_password: boolean }>(
      'SELECT password_hash, must_change_password FROM users',
    );
    expect(await verifyPassword(row!.password_hash, 'set-by-the-it-team')).toBe(true);
    expect(row!.must_change_password).toBe(false);
  });
});
