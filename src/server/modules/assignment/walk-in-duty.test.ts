import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';
import { absent, clearRules, makeContact, makeLocation, makeRule, makeUser } from './test-factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(); // Monday 2 March 2026, 09:00 in Berlin
});
afterAll(() => t.close());
beforeEach(() => clearRules(t));

/** A location whose staff count as present only once checked in, with its sales team and a reception desk. */
async function checkInLocation(name: string, usesCheckIn = true) {
  const locationId = await makeLocation(t, name);
  const admin = await t.userWithRole('admin');
  const set = await admin.put(`/api/locations/${locationId}/duty-settings`, {
    usesCheckIn,
    autoCheckOutAtClosing: false,
  });
  expect(set.statusCode, set.body).toBe(200);
  const sales = async (firstName: string) =>
    makeUser(t, 'sales', { firstName, lastName: name.slice(0, 6), locationId });
  const [max, anna, bernd] = [await sales('Max'), await sales('Anna'), await sales('Bernd')];
  const reception = await t.userWithRole('reception', { locationId });
  const contactId = await makeContact(t, { salesConsultantId: max.id });
  await makeRule(t, { strategy: 'regular_consultant', match: { types: ['sales_lead'] } });
  const walkIn = async () => {
    const res = await reception.post('/api/requests', {
      type: 'sales_lead',
      channel: 'walk_in',
      locationId,
      subject: 'Fragt nach seinem Angebot',
      contactId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { assignee: { id: string } | null; onBehalfOf: { id: string } | null };
  };
  const checkIn = async (user: { email: string }) => {
    const res = await (await t.login(user.email)).post('/api/duty/check-in', { locationId });
    expect(res.statusCode, res.body).toBe(200);
  };
  const checkOut = async (user: { email: string }) => (await t.login(user.email)).post('/api/duty/check-out');
  return { locationId, max, anna, bernd, reception, walkIn, checkIn, checkOut };
}

describe('check-in decides who gets a walk-in', () => {
  it('gives the walk-in to the regular consultant when checked in, else to a free consultant on duty', async () => {
    const { max, bernd, walkIn, checkIn, checkOut } = await checkInLocation('Kaufbeuren');
    await checkIn(bernd);
    await checkIn(max);
    expect((await walkIn()).assignee?.id).toBe(max.id);

    // Max went home: Bernd is on duty; Anna (first by name, nothing open either) never checked in.
    await checkOut(max);
    const next = await walkIn();
    expect(next.assignee?.id).toBe(bernd.id);
  });

  it("goes to the absent regular consultant's deputy when on duty, else to a consultant on duty", async () => {
    const { max, anna, bernd, walkIn, checkIn, checkOut } = await checkInLocation('Memmingen');
    await absent(t, max.id, '2026-03-01', '2026-03-06', anna.id);
    await checkIn(anna);
    await checkIn(bernd);
    expect(await walkIn()).toMatchObject({ assignee: { id: anna.id }, onBehalfOf: { id: max.id } });

    await checkOut(anna);
    expect((await walkIn()).assignee?.id).toBe(bernd.id);
  });

  it('leaves locations without check-in as they were: the regular consultant gets it, checked in or not', async () => {
    const { max, walkIn } = await checkInLocation('Lindau', false);
    expect((await walkIn()).assignee?.id).toBe(max.id);
  });

  it('marks in the walk-in list who is on duty and who has not checked in', async () => {
    const { locationId, max, anna, reception, checkIn } = await checkInLocation('Kempten');
    await checkIn(anna);
    const presence = (await reception.get(`/api/users/presence?locationId=${locationId}`)).json();
    const entry = (id: string) => presence.find((e: { user: { id: string } }) => e.user.id === id);
    expect(entry(anna.id)).toMatchObject({ present: true, onDuty: true });
    expect(entry(max.id)).toMatchObject({ present: false, onDuty: false });
  });
});
