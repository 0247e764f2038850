import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { newCustomer } from '../requests/test-support';
import { absent, clearRules, makeLocation, makeRule, makeUser } from './test-factories';

/*
 * What no rule covers goes to the location's management — the part of it the
 * request belongs to — and, while they are away, to the deputies they named.
 * Names are chosen so that "first manager by name" would pick the wrong one.
 */
let t: TestApp;
let admin: TestClient;
let munich: string;
type Person = Awaited<ReturnType<typeof makeUser>>;
let salesManager: Person;
let serviceManager: Person;
let salesDeputy: Person;
let serviceDeputy: Person;

beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026, 09:00 in Berlin
  admin = await t.userWithRole('admin');
  munich = await makeLocation(t, 'Autohaus München');
  serviceManager = await makeUser(t, 'manager', {
    firstName: 'Anton',
    lastName: 'Abel',
    locationId: munich,
    department: 'service',
  });
  salesManager = await makeUser(t, 'manager', {
    firstName: 'Zora',
    lastName: 'Zeller',
    locationId: munich,
    department: 'sales',
  });
  salesDeputy = await makeUser(t, 'sales', { firstName: 'Dana', lastName: 'Vertreterin', locationId: munich });
  serviceDeputy = await makeUser(t, 'service', { firstName: 'Emil', lastName: 'Ersatz', locationId: munich });
});
afterAll(() => t.close());
beforeEach(() => clearRules(t));

async function probe(body: Record<string, unknown>) {
  const res = await admin.post('/api/assignment/probe', { locationId: munich, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    assignee: { id: string; displayName: string } | null;
    explanation: string[];
    fallback: { reason: string; team: string | null; via: string; standsInFor: { id: string } | null } | null;
  };
}

describe('without a rule, by the department the request belongs to', () => {
  it('gives a sales lead to sales management and after-sales requests to after-sales management', async () => {
    const lead = await probe({ type: 'sales_lead' });
    expect(lead.assignee?.id).toBe(salesManager.id);
    expect(lead.fallback).toEqual({ reason: 'no_rule', team: 'sales', via: 'manager', standsInFor: null });
    expect(lead.explanation).toEqual(['Keine Regel passt → Verkaufsanfrage gehört zur Verkaufsleitung: Zora Zeller']);

    for (const type of ['service_appointment', 'parts', 'complaint']) {
      const decision = await probe({ type });
      expect(decision.assignee?.id, type).toBe(serviceManager.id);
      expect(decision.fallback, type).toMatchObject({ reason: 'no_rule', team: 'after_sales', via: 'manager' });
    }
  });

  it('sends callbacks and inquiries to the department they name, else to the location’s management', async () => {
    const reception = await t.userWithRole('reception', { locationId: munich });
    const take = async (type: string, department?: string) => {
      const res = await reception.post('/api/requests', {
        type,
        channel: 'phone',
        locationId: munich,
        subject: 'Bitte um Rückruf',
        customer: newCustomer(),
        ...(department ? { department } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { assignee: { id: string } | null; department: string | null };
    };

    const forSales = await take('callback', 'sales');
    expect(forSales).toMatchObject({ assignee: { id: salesManager.id }, department: 'sales' });
    expect((await take('general', 'service')).assignee?.id).toBe(serviceManager.id);
    // Nothing named: the location's managers, first by name, as before.
    expect(await take('callback')).toMatchObject({ assignee: { id: serviceManager.id }, department: null });

    const bad = await reception.post('/api/requests', {
      type: 'callback',
      channel: 'phone',
      locationId: munich,
      subject: 'Rückruf',
      customer: newCustomer(),
      department: 'marketing',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('department');

    const named = await probe({ type: 'callback', department: 'sales' });
    expect(named.assignee?.id).toBe(salesManager.id);
    expect(named.fallback).toMatchObject({ team: 'sales' });
  });

  it('takes another manager of the location when the responsible one is away without a deputy', async () => {
    await absent(t, salesManager.id, '2026-03-01', '2026-03-06');
    const lead = await probe({ type: 'sales_lead' });
    expect(lead.assignee?.id).toBe(serviceManager.id);
    expect(lead.fallback).toMatchObject({ via: 'manager', team: null });
  });
});

describe('when the managers are away', () => {
  it('gives the request to the deputy each manager named, not to the administration', async () => {
    await absent(t, salesManager.id, '2026-03-01', '2026-03-13', salesDeputy.id);
    await absent(t, serviceManager.id, '2026-03-02', '2026-03-04', serviceDeputy.id, 'training');

    const lead = await probe({ type: 'sales_lead' });
    expect(lead.assignee?.id).toBe(salesDeputy.id);
    expect(lead.fallback).toEqual({
      reason: 'no_rule',
      team: 'sales',
      via: 'deputy',
      standsInFor: { id: salesManager.id, displayName: 'Zora Zeller' },
    });
    expect(lead.explanation).toEqual([
      'Keine Regel passt → Verkaufsanfrage gehört zur Verkaufsleitung: Zora Zeller ist abwesend bis 13.03.2026 → Vertretung: Dana Vertreterin',
    ]);
    expect((await probe({ type: 'service_appointment' })).assignee?.id).toBe(serviceDeputy.id);
    // A callback naming nobody: the first manager's deputy.
    expect((await probe({ type: 'callback' })).assignee?.id).toBe(serviceDeputy.id);
  });

  it('also when the rule’s own person and their deputies are away', async () => {
    const advisor = await makeUser(t, 'service', { firstName: 'Rita', lastName: 'Regel', locationId: munich });
    await makeRule(t, { strategy: 'fixed_user', userId: advisor.id, match: { types: ['service_appointment'] } });
    await absent(t, advisor.id, '2026-03-01', '2026-03-08');
    await absent(t, serviceManager.id, '2026-03-01', '2026-03-08', serviceDeputy.id);
    await absent(t, salesManager.id, '2026-03-01', '2026-03-08', salesDeputy.id);

    const decision = await probe({ type: 'service_appointment' });
    expect(decision.assignee?.id).toBe(serviceDeputy.id);
    expect(decision.fallback).toMatchObject({ reason: 'rule_unavailable', team: 'after_sales', via: 'deputy' });
  });

  it('falls back to the administration only when the deputies are away too', async () => {
    await absent(t, salesManager.id, '2026-03-01', '2026-03-08', salesDeputy.id);
    await absent(t, serviceManager.id, '2026-03-01', '2026-03-08', serviceDeputy.id);
    await absent(t, salesDeputy.id, '2026-03-02', '2026-03-02', null, 'sick');
    await absent(t, serviceDeputy.id, '2026-03-02', '2026-03-03', null, 'sick');
    const lead = await probe({ type: 'sales_lead' });
    expect(lead.fallback).toMatchObject({ via: 'admin' });
    const admins = await t.database.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND active`);
    expect(admins.map((a) => a.id)).toContain(lead.assignee?.id);
  });
});
