import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact, createVehicle } from '@server/modules/vehicles/test-factories';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';

/*
 * A change names the fields it changes; whatever it leaves out stays as it was. A field's
 * default belongs to creating a record, never to changing one: otherwise renaming a user
 * would take their further locations away, and correcting a mileage would drop the leasing.
 */

let t: TestApp;
let admin: TestClient;
let sales: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  sales = await t.userWithRole('sales');
});
afterAll(() => t?.close());

describe('a change keeps what it does not name', () => {
  it('a renamed location stays inactive', async () => {
    const created = await admin.post('/api/locations', testLocation({ code: 'ULM', name: 'Ulm', active: false }));
    expect(created.statusCode, created.body).toBe(201);
    const res = await admin.patch(`/api/locations/${created.json().id}`, { name: 'Autohaus Ulm' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Autohaus Ulm', active: false });
  });

  it("a user's new first name keeps their further locations, department, extension and language", async () => {
    const other = (await admin.post('/api/locations', testLocation({ code: 'ESS', name: 'Esslingen' }))).json();
    const created = await admin.post('/api/users', {
      email: 'petra.lang@example.test',
      firstName: 'Petra',
      lastName: 'Lang',
      role: 'service',
      homeLocationId: t.location.id,
      locationIds: [other.id],
      department: 'service',
      phoneExtension: '214',
      locale: 'en',
      active: true,
      password: 'ein-langes-passwort-1',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json().user ?? created.json()).id as string;
    const res = await admin.patch(`/api/users/${id}`, { firstName: 'Petra-Maria' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().locationIds).toContain(other.id);
    expect(res.json()).toMatchObject({
      firstName: 'Petra-Maria',
      department: 'service',
      phoneExtension: '214',
      locale: 'en',
      active: true,
    });
  });

  it("a vehicle's corrected mileage keeps its leasing and service contract", async () => {
    const vehicle = await createVehicle(sales, {
      financingType: 'leasing',
      financingEnd: '2028-03-31',
      serviceContract: true,
      serviceContractUntil: '2028-03-31',
    });
    const res = await sales.patch(`/api/vehicles/${vehicle.id}`, { mileageKm: 42_000, version: vehicle.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mileageKm: 42_000, financingType: 'leasing', serviceContract: true });
  });

  it("an opportunity's new expected value keeps what the customer is interested in", async () => {
    const contact = await createContact(t, sales, 'Brandt');
    const opened = await sales.post('/api/opportunities', {
      contactId: contact.id,
      interestKind: 'new',
      interestMake: 'VW',
      interestModel: 'ID.4',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const opp = opened.json();
    const res = await sales.patch(`/api/opportunities/${opp.id}`, {
      version: opp.version,
      expectedValueCents: 4_500_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ expectedValueCents: 4_500_000, interestKind: 'new' });
  });
});
