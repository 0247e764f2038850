import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { createContact, vehicleInput } from '@server/modules/vehicles/test-factories';

/**
 * The live count reads a holding beside its holder's reach, copied by triggers. Two transactions
 * on PostgreSQL, one granting a customer's consent, the other linking a car to the same customer
 * while the first has not committed: the car's row must carry the consent once both have committed.
 * PGlite has one connection, so there is nothing to race there.
 */
const postgres = inject('engine') === 'postgres';

let t: TestApp;
let sales: TestClient & { userId: string };
let manager: TestClient & { userId: string };

beforeAll(async () => {
  if (!postgres) return;
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  manager = await t.userWithRole('manager');
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(postgres)('a consent and a new car for the same customer at once', () => {
  it('counts the customer as consenting once both have committed, in either order', async () => {
    const pool = t.database.pool!;
    for (const first of ['consent', 'car'] as const) {
      const contact = await createContact(t, sales, `Gleichzeitig-${first}`);
      const made = await sales.post('/api/vehicles', vehicleInput({ make: `Parallel-${first}`, contacts: [] }));
      expect(made.statusCode, made.body).toBe(201);
      const vehicleId = made.json().id as string;

      const consentTx = await pool.connect();
      const carTx = await pool.connect();
      const grant = `INSERT INTO consents (contact_id, channel, purpose, status, effective_at, source)
                     VALUES ('${contact.id}', 'letter', 'marketing', 'granted', now(), 'verbal')`;
      const link = `INSERT INTO vehicle_contacts (vehicle_id, contact_id, role, valid_from)
                    VALUES ('${vehicleId}', '${contact.id}', 'owner', now())`;
      try {
        const [a, b] = first === 'consent' ? [consentTx, carTx] : [carTx, consentTx];
        await a.query('BEGIN');
        await a.query(first === 'consent' ? grant : link);
        await b.query('BEGIN');
        // The second waits for the first's lock on the customer's reach, or would copy a stale one.
        const second = b.query(first === 'consent' ? link : grant);
        await sleep(300);
        await a.query('COMMIT');
        await second;
        await b.query('COMMIT');
      } finally {
        consentTx.release();
        carTx.release();
      }

      const [row] = await t.database.query<{ letter_consent: boolean }>(
        'SELECT letter_consent FROM campaign_audience WHERE vehicle_id = $1 AND contact_id = $2',
        [vehicleId, contact.id],
      );
      expect(row).toEqual({ letter_consent: true });
      const count = await manager.post('/api/campaigns/selection/count', {
        channel: 'letter',
        filter: { brands: [`Parallel-${first}`] },
      });
      expect(count.json()).toMatchObject({ matching: 1, withoutConsent: 0 });
    }
  });
});
