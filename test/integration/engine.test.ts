import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../support/database';

describe('test database', () => {
  it('runs on the engine its test project is named for', async () => {
    const database = await createTestDatabase();
    try {
      // CRM_TEST_ENGINE comes from the project's env (vitest.config.ts); the database from global setup.
      expect(database.engine).toBe(process.env.CRM_TEST_ENGINE);
      expect(inject('engine')).toBe(process.env.CRM_TEST_ENGINE);
    } finally {
      await database.close();
    }
  });
});
