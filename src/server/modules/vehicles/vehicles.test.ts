import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { createContact, createVehicle, uniqueVin, vehicleInput } from './test-factories';

let t: TestApp;
let clerk: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  clerk = await t.userWithRole('service');
});
afterAll(() => t.close());

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

describe('creating a vehicle', () => {
  it('stores the plate in its written form and the VIN normalised', async () => {
    const vin = uniqueVin();
    const res = await clerk.post(
      '/api/vehicles',
      vehicleInput({ vin: ` ${vin.slice(0, 8).toLowerCase()}-${vin.slice(8)} `, plate: 'm ab 1234' }),
    );
    expect(res.statusCode).toBe(201);
    const vehicle = res.json();
    expect(vehicle.plate).toBe('M-AB 1234');
    expect(vehicle.vin).toBe(vin);
    expect(vehicle.version).toBe(1);
    expect((await clerk.get(`/api/vehicles/${vehicle.id}`)).json()).toMatchObject({
      plate: 'M-AB 1234',
      make: 'VW',
      contacts: [],
      history: [],
    });
  });

  it.each([
    ['with an O', 'WVWZZZ1KZOW000001'],
    ['with an I', 'WVWZZZ1KZIW000001'],
    ['with a Q', 'WVWZZZ1KZQW000001'],
    ['too short', 'WVWZZZ1KZ'],
    ['too long', 'WVWZZZ1KZ1234567890'],
  ])('refuses a VIN %s with 400 naming vin', async (_, vin) => {
    const res = await clerk.post('/api/vehicles', vehicleInput({ vin }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'vin', message: expect.any(String) })]);
  });

  it('explains what is wrong with a VIN', async () => {
    const res = await clerk.post('/api/vehicles', vehicleInput({ vin: 'WVWZZZ1KZ' }));
    expect(res.json().errors[0].message).toBe('must have 17 characters (has 9)');
  });

  it('refuses a plate that is not German with 400 naming plate', async () => {
    const res = await clerk.post('/api/vehicles', vehicleInput({ plate: 'AB 12 CD 34' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'plate', message: 'is not a German licence plate' }),
    ]);
  });

  it('refuses a second vehicle with the same VIN with 409 naming vin', async () => {
    const first = await createVehicle(clerk);
    const res = await clerk.post('/api/vehicles', vehicleInput({ vin: first.vin.toLowerCase() }));
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res.json())).toEqual(['vin']);
  });

  it('refuses dates and amounts that do not fit together, naming each field', async () => {
    const res = await clerk.post(
      '/api/vehicles',
      vehicleInput({
        serviceContract: false,
        serviceContractUntil: '2027-01-01',
        financingType: 'none',
        financingBank: 'Autobank',
        mileageKm: 12000,
        mileageDate: '2026-03-10',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json()).sort()).toEqual(['financingBank', 'mileageDate', 'serviceContractUntil']);
  });

  it('refuses an unknown location with 400 naming locationId', async () => {
    const res = await clerk.post('/api/vehicles', vehicleInput({ locationId: '00000000-0000-4000-8000-000000000000' }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['locationId']);
  });

  it('links the owner at once and notes it on the vehicle and the contact', async () => {
    const owner = await createContact(t, clerk, 'Neumann');
    const res = await clerk.post(
      '/api/vehicles',
      vehicleInput({ plate: 'S-XY 77', contacts: [{ contactId: owner.id, role: 'owner' }] }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().contacts).toEqual([
      expect.objectContaining({ contactId: owner.id, role: 'owner', displayName: owner.displayName, validTo: null }),
    ]);
    const timeline = (await clerk.get(`/api/contacts/${owner.id}/timeline?kinds=vehicle_linked`)).json();
    expect(timeline.items[0]).toMatchObject({
      vehicleId: res.json().id,
      summary: 'Fahrzeug S-XY 77 (VW Golf) als Eigentümer verknüpft',
    });
  });

  it('parts staff may look vehicles up but not create them', async () => {
    const parts = await t.userWithRole('parts');
    expect((await parts.post('/api/vehicles', vehicleInput())).statusCode).toBe(403);
    const vehicle = await createVehicle(clerk);
    expect((await parts.get(`/api/vehicles/${vehicle.id}`)).statusCode).toBe(200);
  });
});

describe('changing a vehicle', () => {
  it('updates the mileage and counts the version up', async () => {
    const vehicle = await createVehicle(clerk);
    const res = await clerk.patch(`/api/vehicles/${vehicle.id}`, {
      mileageKm: 45210,
      mileageDate: '2026-03-01',
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mileageKm: 45210, mileageDate: '2026-03-01', version: 2 });
  });

  it('refuses to overwrite a colleague’s newer change with 409', async () => {
    const vehicle = await createVehicle(clerk);
    expect((await clerk.patch(`/api/vehicles/${vehicle.id}`, { variant: 'GTI', version: 1 })).statusCode).toBe(200);
    const stale = await clerk.patch(`/api/vehicles/${vehicle.id}`, { variant: 'GTD', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await clerk.get(`/api/vehicles/${vehicle.id}`)).json().variant).toBe('GTI');
  });

  it('ending the service contract clears its end date; a plate change is checked and formatted', async () => {
    const vehicle = await createVehicle(clerk, { serviceContract: true, serviceContractUntil: '2028-06-30' });
    const res = await clerk.patch(`/api/vehicles/${vehicle.id}`, { serviceContract: false, plate: 'b-c 05' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['plate']);
    const ok = await clerk.patch(`/api/vehicles/${vehicle.id}`, { serviceContract: false, plate: 'b c 5e' });
    expect(ok.json()).toMatchObject({ serviceContract: false, serviceContractUntil: null, plate: 'B-C 5E' });
  });

  it('refuses taking over the VIN of another vehicle', async () => {
    const a = await createVehicle(clerk);
    const b = await createVehicle(clerk);
    const res = await clerk.patch(`/api/vehicles/${b.id}`, { vin: a.vin });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res.json())).toEqual(['vin']);
  });

  it('writes the change on the timeline of the vehicle and of its owner', async () => {
    const owner = await createContact(t, clerk, 'Schubert');
    const vehicle = await createVehicle(clerk, { plate: 'HH-Q 9', contacts: [{ contactId: owner.id, role: 'owner' }] });
    await clerk.patch(`/api/vehicles/${vehicle.id}`, { mileageKm: 1000, mileageDate: '2026-02-01' });
    const summary = 'Fahrzeug HH-Q 9 (VW Golf) geändert: Kilometerstand, Kilometerstand vom';
    const ofContact = (await clerk.get(`/api/contacts/${owner.id}/timeline?kinds=vehicle_changed`)).json();
    expect(ofContact.items.map((e: { summary: string }) => e.summary)).toEqual([summary]);
    const ofVehicle = (await clerk.get(`/api/vehicles/${vehicle.id}/timeline?kinds=vehicle_changed`)).json();
    expect(ofVehicle.items.map((e: { summary: string }) => e.summary)).toEqual([summary]);
  });

  it('answers 404 for a vehicle that does not exist', async () => {
    const res = await clerk.get('/api/vehicles/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });

  it('finds a vehicle by its VIN however it is typed', async () => {
    const vehicle = await createVehicle(clerk);
    const found = await t.services.vehicles.findByVin(vehicle.vin.toLowerCase());
    expect(found?.id).toBe(vehicle.id);
    expect(await t.services.vehicles.findByVin(uniqueVin())).toBeNull();
  });
});
