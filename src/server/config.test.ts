import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to embedded PGlite in ./data on port 3000 with demo data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toMatchObject({ kind: 'pglite' });
    expect(config.database.kind === 'pglite' && config.database.dataDir.endsWith('/data')).toBe(true);
    expect(config.demo).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/crm' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/crm',
      poolSize: 10,
    });
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', CRM_DEMO: 'maybe', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', CRM_DEMO: 'maybe', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/CRM_DEMO/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
