import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personInput } from '@server/modules/contacts/test-factories';
import { intakeKey, newCustomer } from '@server/modules/requests/test-support';
import { createTestApp, type TestApp, type TestClient } from '../support/app';

let t: TestApp;
let sales: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
  admin = await t.userWithRole('admin');
});
afterAll(() => t.close());

let faults = 0;

/**
 * Makes the real database fail inserts into a table with an error of the given SQLSTATE, the
 * first `times` times: during the statement, or with `atCommit` only when the transaction
 * commits. A sequence counts the tries, since it is not rolled back with them.
 */
async function failInserts(table: string, options: { code: string; times: number; atCommit?: boolean }) {
  const n = ++faults;
  const [counter, fn, trigger] = [`fault_tries_${n}`, `fault_${n}`, `fault_${n}`];
  const when = options.atCommit
    ? `CONSTRAINT TRIGGER ${trigger} AFTER INSERT ON ${table} DEFERRABLE INITIALLY DEFERRED`
    : `TRIGGER ${trigger} BEFORE INSERT ON ${table}`;
  await t.database.exec(`
    CREATE SEQUENCE ${counter};
    CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF nextval('${counter}') <= ${options.times} THEN
        RAISE EXCEPTION 'injected fault' USING ERRCODE = '${options.code}';
      END IF;
      RETURN NEW;
    END $$;
    CREATE ${when} FOR EACH ROW EXECUTE FUNCTION ${fn}();`);
  return {
    async tries(): Promise<number> {
      const [row] = await t.database.query<{ n: string | number; called: boolean }>(
        `SELECT last_value AS n, is_called AS called FROM ${counter}`,
      );
      return row?.called ? Number(row.n) : 0;
    },
    remove: () => t.database.exec(`DROP TRIGGER ${trigger} ON ${table}; DROP FUNCTION ${fn}();`),
  };
}

async function contactsNamed(lastName: string): Promise<number> {
  const [row] = await t.database.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM contacts WHERE last_name = $1',
    [lastName],
  );
  return Number(row?.n);
}

function expectTryAgainLater(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(503);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.json()).toMatchObject({ status: 503, title: 'Service Unavailable', code: 'database-unavailable' });
  expect(res.json().detail).toMatch(/database.*again/i);
}

describe('a passing database fault', () => {
  it('re-runs a transaction the database aborted as a serialization failure; the customer is stored once', async () => {
    const fault = await failInserts('contacts', { code: '40001', times: 1 });
    try {
      const res = await sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Wiederholt' }));
      expect(res.statusCode, res.body).toBe(201);
      expect(await fault.tries()).toBe(2);
      expect(await contactsNamed('Wiederholt')).toBe(1);
    } finally {
      await fault.remove();
    }
  });

  it('answers 503 with Retry-After as problem+json after a few quick tries, and stores nothing', async () => {
    const fault = await failInserts('contacts', { code: '40P01', times: 100 });
    try {
      const res = await sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Verklemmt' }));
      expectTryAgainLater(res);
      expect(await fault.tries()).toBe(3);
      expect(await contactsNamed('Verklemmt')).toBe(0);
    } finally {
      await fault.remove();
    }
  });

  it('does not re-run a transaction whose COMMIT lost the connection, since it may have committed', async () => {
    const lost = await failInserts('contacts', { code: '08006', times: 1, atCommit: true });
    try {
      expectTryAgainLater(await sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Ungewiss' })));
      expect(await lost.tries()).toBe(1);
    } finally {
      await lost.remove();
    }
    // A COMMIT refused as a serialization failure was rolled back for certain: that one is re-run.
    const refused = await failInserts('contacts', { code: '40001', times: 1, atCommit: true });
    try {
      const res = await sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Abgelehnt' }));
      expect(res.statusCode, res.body).toBe(201);
      expect(await refused.tries()).toBe(2);
      expect(await contactsNamed('Abgelehnt')).toBe(1);
    } finally {
      await refused.remove();
    }
  });

  it('takes a lead in with its Idempotency-Key after the connection dropped, and stores it once', async () => {
    const key = await intakeKey(t, admin);
    const fault = await failInserts('customer_requests', { code: '57P01', times: 1 });
    try {
      const customer = newCustomer({ lastName: 'Portalkundin' });
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/intake/requests',
        headers: { ...key.headers, 'idempotency-key': 'portal-lead-4711' },
        payload: { type: 'sales_lead', locationCode: t.location.code, message: 'Probefahrt bitte', customer },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(await fault.tries()).toBe(2);
      const [row] = await t.database.query<{ n: string | number }>(
        `SELECT count(*) AS n FROM customer_requests r JOIN contacts c ON c.id = r.contact_id WHERE c.last_name = $1`,
        ['Portalkundin'],
      );
      expect(Number(row?.n)).toBe(1);
    } finally {
      await fault.remove();
    }
  });
});

/**
 * Real dropped connections: an administrator ends the backend that serves the request while
 * it waits for a lock the test holds. The embedded PGlite is one in-process connection that
 * cannot be dropped, so these run on PostgreSQL only.
 */
describe.runIf(inject('engine') === 'postgres')('PostgreSQL ending the connection mid-request', () => {
  let control: pg.Client;
  beforeAll(async () => {
    control = new pg.Client({ connectionString: t.database.pool!.options.connectionString });
    await control.connect();
  });
  afterAll(() => control.end());

  /** Holds the lock while `kills` backends waiting for it are terminated, then lets go. */
  async function killWhileLocked(lock: string, kills: number, send: () => Promise<LightMyRequestResponse>) {
    await control.query('BEGIN');
    await control.query(lock);
    const answer = send();
    let killed = 0;
    try {
      const deadline = Date.now() + 15_000;
      while (killed < kills && Date.now() < deadline) {
        // Inside a transaction the statistics views keep the snapshot of its first read.
        await control.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await control.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
        );
        for (const { pid } of rows) {
          await control.query('SELECT pg_terminate_backend($1)', [pid]);
          killed += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await control.query('COMMIT');
    }
    expect(killed).toBe(kills);
    return answer;
  }

  it('re-runs a transaction whose connection was terminated; the customer is stored once', async () => {
    const res = await killWhileLocked('LOCK TABLE contacts IN SHARE ROW EXCLUSIVE MODE', 1, () =>
      sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Abgebrochen' })),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(await contactsNamed('Abgebrochen')).toBe(1);
  });

  it('repeats a read whose connection was terminated', async () => {
    const created = await sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Gelesen' }));
    const res = await killWhileLocked('LOCK TABLE contacts IN ACCESS EXCLUSIVE MODE', 1, () =>
      sales.get(`/api/contacts/${created.json().id}`),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lastName).toBe('Gelesen');
  });

  it('answers 503 with Retry-After when every try loses its connection', async () => {
    const res = await killWhileLocked('LOCK TABLE contacts IN SHARE ROW EXCLUSIVE MODE', 3, () =>
      sales.post('/api/contacts', personInput(t.location.id, { lastName: 'Unerreichbar' })),
    );
    expectTryAgainLater(res);
    expect(await contactsNamed('Unerreichbar')).toBe(0);
  });
});
