import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@test/support/database';
import type { Database } from './client';
import { WriteBatch } from './together';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.exec(`CREATE TABLE batch_parent (id int PRIMARY KEY, name text NOT NULL);
    CREATE TABLE batch_child (id int PRIMARY KEY, parent_id int NOT NULL REFERENCES batch_parent (id))`);
});
afterAll(() => database.close());

const count = async (table: string) =>
  Number((await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);

describe('one statement for writes that belong together', () => {
  it('writes a row and the row pointing to it together, and sends its live events', async () => {
    const heard: unknown[] = [];
    if (database.pglite) await database.pglite.listen('batch_test', (payload) => heard.push(payload));
    await new WriteBatch()
      .write(sql`INSERT INTO batch_child (id, parent_id) VALUES (1, 1)`)
      .write(sql`INSERT INTO batch_parent (id, name) VALUES (1, 'eins')`)
      .effect(sql`pg_notify('batch_test', 'done')`)
      .run(database.db);
    expect(await count('batch_parent')).toBe(1);
    expect(await count('batch_child')).toBe(1);
    if (database.pglite) expect(heard).toEqual(['done']);
  });

  it('writes nothing at all when one of its writes fails', async () => {
    const failing = new WriteBatch()
      .write(sql`INSERT INTO batch_parent (id, name) VALUES (2, 'zwei')`)
      // Points to a parent that does not exist: the whole statement fails.
      .write(sql`INSERT INTO batch_child (id, parent_id) VALUES (2, 99)`)
      .run(database.db);
    await expect(failing).rejects.toThrow();
    expect(await count('batch_parent')).toBe(1);
    expect(await count('batch_child')).toBe(1);
  });
});

describe.skipIf(process.env.CRM_TEST_ENGINE !== 'postgres')('prepared writes on PostgreSQL', () => {
  it('prepares a repeated write on its connection, and never a read', async () => {
    const client = await database.pool!.connect();
    try {
      const insert = 'INSERT INTO batch_parent (id, name) VALUES ($1, $2)';
      for (const id of [10, 11, 12]) await client.query({ text: insert }, [id, `n${id}`]);
      await client.query({ text: 'SELECT name FROM batch_parent WHERE id = $1' }, [10]);
      const prepared = await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
      expect(prepared.rows.map((r) => r.statement)).toEqual([insert]);
      expect(await count('batch_parent')).toBe(4);
    } finally {
      client.release();
    }
  });
});
