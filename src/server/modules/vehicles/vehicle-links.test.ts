import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { createContact, createVehicle } from './test-factories';

let t: TestApp;
let clerk: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.userWithRole('sales');
});
afterAll(() => t.close());

const summaries = async (contactId: string) =>
  (await clerk.get(`/api/contacts/${contactId}/timeline`)).json().items.map((e: { summary: string }) => e.summary);

describe('linking contacts to a vehicle', () => {
  it('links a driver; the same contact in the same role again is a 409', async () => {
    const vehicle = await createVehicle(clerk);
    const driver = await createContact(t, clerk, 'Fahrbach');
    const res = await clerk.post(`/api/vehicles/${vehicle.id}/links`, { contactId: driver.id, role: 'driver' });
    expect(res.statusCode).toBe(201);
    expect(res.json().contacts).toEqual([expect.objectContaining({ contactId: driver.id, role: 'driver' })]);
    const again = await clerk.post(`/api/vehicles/${vehicle.id}/links`, { contactId: driver.id, role: 'driver' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a contact that does not exist with 400 naming contactId', async () => {
    const vehicle = await createVehicle(clerk);
    const res = await clerk.post(`/api/vehicles/${vehicle.id}/links`, {
      contactId: '00000000-0000-4000-8000-000000000000',
      role: 'owner',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('contactId');
  });

  it('ending a link moves it to the history; ending it twice is a 409', async () => {
    const driver = await createContact(t, clerk, 'Kurzzeit');
    const vehicle = await createVehicle(clerk, { contacts: [{ contactId: driver.id, role: 'driver' }] });
    const linkId = vehicle.contacts[0].id;
    t.clock.advance(60_000);
    const res = await clerk.post(`/api/vehicles/${vehicle.id}/links/${linkId}/end`);
    expect(res.statusCode).toBe(200);
    expect(res.json().contacts).toEqual([]);
    expect(res.json().history).toEqual([expect.objectContaining({ id: linkId, validTo: t.clock.now().toISOString() })]);
    expect((await clerk.post(`/api/vehicles/${vehicle.id}/links/${linkId}/end`)).statusCode).toBe(409);
    expect(
      (await clerk.post(`/api/vehicles/${vehicle.id}/links/00000000-0000-4000-8000-000000000000/end`)).statusCode,
    ).toBe(404);
  });
});

describe('a change of hands', () => {
  it('keeps the old owner in the history, links the new one and notes it on both contacts', async () => {
    const seller = await createContact(t, clerk, 'Altmann', 'Anna');
    const buyer = await createContact(t, clerk, 'Neubauer', 'Ben');
    const vehicle = await createVehicle(clerk, {
      plate: 'M-AB 1234',
      contacts: [{ contactId: seller.id, role: 'owner' }],
    });
    t.clock.advance(3_600_000);

    const res = await clerk.post(`/api/vehicles/${vehicle.id}/transfer`, { toContactId: buyer.id });
    expect(res.statusCode).toBe(200);
    const after = (await clerk.get(`/api/vehicles/${vehicle.id}`)).json();
    expect(after.contacts).toEqual([expect.objectContaining({ contactId: buyer.id, role: 'owner', validTo: null })]);
    expect(after.history).toEqual([
      expect.objectContaining({ contactId: seller.id, role: 'owner', validTo: t.clock.now().toISOString() }),
    ]);

    expect(await summaries(seller.id)).toContain(
      'Fahrzeug M-AB 1234 (VW Golf): Verknüpfung als Eigentümer beendet (übergeben an Neubauer, Ben)',
    );
    expect(await summaries(buyer.id)).toContain(
      'Fahrzeug M-AB 1234 (VW Golf) als Eigentümer verknüpft (Wechsel von Altmann, Anna)',
    );
    const vehicleKinds = (await clerk.get(`/api/vehicles/${vehicle.id}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(vehicleKinds).toEqual(['vehicle_linked', 'vehicle_unlinked', 'vehicle_linked']);
  });

  it('the seller still sees the car as a former vehicle, the buyer as a current one', async () => {
    const seller = await createContact(t, clerk, 'Verkauf');
    const buyer = await createContact(t, clerk, 'Kauf');
    const vehicle = await createVehicle(clerk, {
      serviceContract: true,
      serviceContractUntil: '2027-12-31',
      contacts: [{ contactId: seller.id, role: 'owner' }],
    });
    const kept = await createVehicle(clerk, {
      make: 'Audi',
      model: 'A4',
      contacts: [{ contactId: seller.id, role: 'keeper' }],
    });
    await clerk.post(`/api/vehicles/${vehicle.id}/transfer`, { toContactId: buyer.id });

    const ofSeller = (await clerk.get(`/api/contacts/${seller.id}/vehicles`)).json();
    expect(ofSeller.map((v: { id: string; current: boolean }) => [v.id, v.current])).toEqual([
      [kept.id, true],
      [vehicle.id, false],
    ]);
    expect(ofSeller[1]).toMatchObject({ roles: ['owner'], owner: { id: buyer.id } });
    const ofBuyer = (await clerk.get(`/api/contacts/${buyer.id}/vehicles`)).json();
    expect(ofBuyer).toEqual([
      expect.objectContaining({
        id: vehicle.id,
        current: true,
        roles: ['owner'],
        serviceContract: true,
        serviceContractUntil: '2027-12-31',
      }),
    ]);
  });

  it('refuses a transfer to the contact who already owns the car, and a date in the future', async () => {
    const owner = await createContact(t, clerk, 'Bleibt');
    const vehicle = await createVehicle(clerk, { contacts: [{ contactId: owner.id, role: 'owner' }] });
    expect((await clerk.post(`/api/vehicles/${vehicle.id}/transfer`, { toContactId: owner.id })).statusCode).toBe(409);
    const other = await createContact(t, clerk, 'Zukunft');
    const future = await clerk.post(`/api/vehicles/${vehicle.id}/transfer`, {
      toContactId: other.id,
      at: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('at');
  });

  it('lists the owner of each vehicle for other modules, preferring the owner over the keeper', async () => {
    const keeper = await createContact(t, clerk, 'Leasingbank');
    const owner = await createContact(t, clerk, 'Fahrzeughalter');
    const vehicle = await createVehicle(clerk, {
      contacts: [
        { contactId: keeper.id, role: 'keeper' },
        { contactId: owner.id, role: 'owner' },
      ],
    });
    const owners = await t.services.vehicles.currentOwners([vehicle.id]);
    expect(owners.get(vehicle.id)).toEqual({ contactId: owner.id, displayName: owner.displayName });
  });
});

describe('merging contacts', () => {
  it('moves the duplicate’s vehicles and history to the contact kept, without a double owner', async () => {
    const manager = await t.userWithRole('manager');
    const kept = await createContact(t, clerk, 'Doppelt', 'Dora');
    const duplicate = await createContact(t, clerk, 'Doppelt', 'Dora');
    const shared = await createVehicle(clerk, {
      contacts: [
        { contactId: kept.id, role: 'owner' },
        { contactId: duplicate.id, role: 'owner' },
      ],
    });
    const own = await createVehicle(clerk, { contacts: [{ contactId: duplicate.id, role: 'driver' }] });

    const res = await manager.post('/api/contacts/merge', { sourceId: duplicate.id, targetId: kept.id });
    expect(res.statusCode).toBe(200);

    const vehicles = (await clerk.get(`/api/contacts/${kept.id}/vehicles`)).json();
    expect(vehicles.map((v: { id: string }) => v.id).sort()).toEqual([shared.id, own.id].sort());
    const sharedAfter = (await clerk.get(`/api/vehicles/${shared.id}`)).json();
    expect(sharedAfter.contacts).toEqual([expect.objectContaining({ contactId: kept.id, role: 'owner' })]);
    const timeline = (await clerk.get(`/api/contacts/${kept.id}/timeline?kinds=vehicle_linked`)).json();
    expect(timeline.items).toHaveLength(3);
  });
});
