import { ContactInput } from '@shared/contacts/schemas';
import type { Database } from '../db/client';
import { berlinToday } from '../modules/contacts/input';
import { insertConsentRows, insertContactBlockRows } from '@server/modules/contacts';
import { recordTimelineInBulk } from '@server/modules/timeline';
import { insertContacts, insertVehicles } from '../modules/imports/bulk-write';
import type { Services } from '../services';
import { REGIONS } from './customers-data';
import { CustomerFactory, WELL_KNOWN_CUSTOMER } from './customers-factory';
import { demoFaker } from './org';

export { WELL_KNOWN_CUSTOMER };

/**
 * About `count` demo customers of the demo dealer group — people, and
 * companies with contact persons — with vehicles, consents, a few blocks and
 * some history, written in bulk. Deterministic: the same data on every
 * machine (ids aside from those derived from the seed). Expects
 * seedDemoOrganisation to have run.
 */
export async function seedDemoCustomers(
  services: Services,
  database: Database,
  { count = 5_000, now = new Date() }: { count?: number; now?: Date } = {},
): Promise<{ contacts: number; vehicles: number; wellKnownContactId: string }> {
  const f = demoFaker(1);
  const today = berlinToday(now);
  const locations = await services.org.listLocations();
  const directory = await services.org.directory();
  const regions = REGIONS.flatMap((region) => {
    const location = locations.find((l) => l.code === region.code);
    if (!location) return [];
    const staff = (role: string) =>
      directory.filter((u) => u.role === role && u.homeLocationId === location.id && u.active).map((u) => u.id);
    return [{ region, locationId: location.id, staff: { sales: staff('sales'), service: staff('service') } }];
  });
  if (regions.length === 0)
    throw new Error('seedDemoCustomers needs the demo locations (run seedDemoOrganisation first)');
  for (const r of regions)
    if (r.staff.sales.length === 0 || r.staff.service.length === 0)
      throw new Error(`no demo staff at ${r.region.code}`);

  const factory = new CustomerFactory(f, now, today);
  const munich = regions.find((r) => r.region.code === WELL_KNOWN_CUSTOMER.locationCode) ?? regions[0]!;
  const wellKnownContactId = factory.add(
    ContactInput.parse({
      salutation: 'mr',
      firstName: WELL_KNOWN_CUSTOMER.firstName,
      lastName: WELL_KNOWN_CUSTOMER.lastName,
      dateOfBirth: '1968-04-12',
      homeLocationId: munich.locationId,
      salesConsultantId: munich.staff.sales[0],
      serviceAdvisorId: munich.staff.service[0],
      preferredChannel: 'phone',
      tags: ['Stammkunde'],
      phones: [{ kind: 'mobile', number: WELL_KNOWN_CUSTOMER.mobile, isPrimary: true }],
      emails: [{ address: 'hans.mueller@example.de' }],
      addresses: [{ street: 'Fürstenrieder Straße 27', postalCode: '80686', city: 'München' }],
    }),
    munich.region,
    { vehicles: 1, vehicle: { make: 'VW', model: 'Golf', plate: WELL_KNOWN_CUSTOMER.plate } },
  );

  // Munich is the largest house, Leipzig the smallest.
  const weights = [0.42, 0.35, 0.23];
  let made = 1;
  while (made < count) {
    const r = f.helpers.weightedArrayElement(regions.map((value, i) => ({ weight: weights[i] ?? 0.3, value })));
    if (f.datatype.boolean(0.08)) made += factory.company(r.region, r.locationId, r.staff);
    else {
      factory.person(r.region, r.locationId, r.staff);
      made++;
    }
  }

  const { out } = factory;
  const ctx = {
    now,
    authorId: null,
    locationCodes: new Map(locations.map((l) => [l.id, l.code])),
    sourceType: 'demo',
    sourceId: null,
  };
  await database.db.transaction(async (tx) => {
    // Companies first: contact persons point at them.
    await insertContacts(tx, out.contacts, ctx);
    await insertVehicles(tx, out.vehicles, ctx);
    await recordTimelineInBulk(tx, out.timeline);
    await insertConsentRows(tx, out.consents);
    await insertContactBlockRows(tx, out.blocks);
  });
  return { contacts: out.contacts.length, vehicles: out.vehicles.length, wellKnownContactId };
}
