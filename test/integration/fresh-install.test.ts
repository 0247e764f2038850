import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackRequest, createRequest } from '@server/modules/requests/test-support';
import { mapExtension, WebhookPbx, webhookConnection } from '@server/modules/telephony/test-simulator';
import { createTestApp, type TestApp } from '../support/app';
import { createMigratedDatabase } from '../support/database';

/**
 * A new installation: the database is created and migrated by the very
 * process that then serves it, never restarted in between.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ database: createMigratedDatabase });
});
afterAll(() => t.close());

describe('a fresh installation, migrated in the same process', () => {
  it("pops up a known caller with the caller's open requests", async () => {
    const admin = await t.userWithRole('admin');
    const reception = await t.userWithRole('reception');
    const connection = await webhookConnection(t, admin);
    await mapExtension(t, connection.id, '21', reception.userId);
    const request = await createRequest(
      reception,
      callbackRequest(t.location.id, { customer: { firstName: 'Jana', lastName: 'Neumann', phone: '0171 2223344' } }),
    );

    const { callId } = await new WebhookPbx(t, connection.id, connection.headers).ring('fresh-1', '+49 171 2223344', [
      '21',
    ]);
    const pop = await reception.get(`/api/calls/${callId}/pop`);

    expect(pop.statusCode, pop.body).toBe(200);
    expect(pop.json().candidates).toMatchObject([
      { id: request.contact.id, openRequests: [{ id: request.id, number: request.number, type: 'callback' }] },
    ]);
  });

  it('takes arrays of every enum type its migrations created as query parameters', async () => {
    const enums = await t.database.query<{ name: string; label: string }>(
      `SELECT t.typname AS name, min(e.enumlabel) AS label
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname ORDER BY t.typname`,
    );
    expect(enums.length).toBeGreaterThan(20);
    const failed: string[] = [];
    for (const { name, label } of enums) {
      try {
        const [row] = await t.database.query<{ n: number; first: string }>(
          `SELECT cardinality($1::"${name}"[]) AS n, ($1::"${name}"[])[2]::text AS first`,
          [[label, label]],
        );
        if (row?.n !== 2 || row.first !== label) failed.push(`${name}: ${JSON.stringify(row)}`);
      } catch (err) {
        failed.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(failed).toEqual([]);
  });
});
