import { type Faker, de, Faker as FakerClass } from '@faker-js/faker';
import type { DepartmentKind, Role } from '@shared/org/enums';
import type { LocationInput, OpeningHours } from '@shared/org/schemas';
import type { Services } from '../services';

export const DEMO_PASSWORD = 'autohaus-demo';
export const DEMO_SEED = 20_260_301;

/** Same seed, same dealer group, on every machine. */
export const demoFaker = (offset = 0): Faker => {
  const f = new FakerClass({ locale: [de] });
  f.seed(DEMO_SEED + offset);
  return f;
};

const weekdays = (from: string, to: string) => [{ from, to }];
const DEALER_HOURS: OpeningHours = {
  mon: weekdays('07:30', '18:30'),
  tue: weekdays('07:30', '18:30'),
  wed: weekdays('07:30', '18:30'),
  thu: weekdays('07:30', '18:30'),
  fri: weekdays('07:30', '18:00'),
  sat: weekdays('09:00', '14:00'),
  sun: [],
};

export const DEMO_LOCATIONS: LocationInput[] = [
  {
    name: 'Autohaus Bergmann München',
    code: 'MUC',
    street: 'Landsberger Straße 312',
    postalCode: '80687',
    city: 'München',
    phone: '+49 89 5467890',
    email: 'muenchen@autohaus-bergmann.de',
    federalState: 'BY',
    openingHours: DEALER_HOURS,
    active: true,
  },
  {
    name: 'Autohaus Bergmann Köln',
    code: 'CGN',
    street: 'Aachener Straße 1040',
    postalCode: '50858',
    city: 'Köln',
    phone: '+49 221 9483200',
    email: 'koeln@autohaus-bergmann.de',
    federalState: 'NW',
    openingHours: DEALER_HOURS,
    active: true,
  },
  {
    name: 'Autohaus Bergmann Leipzig',
    code: 'LEJ',
    street: 'Torgauer Straße 235',
    postalCode: '04347',
    city: 'Leipzig',
    phone: '+49 341 2466100',
    email: 'leipzig@autohaus-bergmann.de',
    federalState: 'SN',
    openingHours: { ...DEALER_HOURS, sat: [] },
    active: true,
  },
];

/** Staff of one location: who works there in which role and department. */
const STAFF: Array<{ role: Role; department: DepartmentKind | null; count: number }> = [
  { role: 'manager', department: 'sales', count: 1 },
  { role: 'manager', department: 'service', count: 1 },
  { role: 'sales', department: 'sales', count: 3 },
  { role: 'service', department: 'service', count: 2 },
  { role: 'reception', department: 'administration', count: 1 },
  { role: 'parts', department: 'parts', count: 1 },
];

/** Well-known demo logins, one per role, all at the Munich location. */
export const DEMO_LOGINS: Record<Role, string> = {
  admin: 'admin@autohaus-bergmann.de',
  manager: 'leitung@autohaus-bergmann.de',
  sales: 'verkauf@autohaus-bergmann.de',
  service: 'service@autohaus-bergmann.de',
  reception: 'empfang@autohaus-bergmann.de',
  parts: 'teile@autohaus-bergmann.de',
};

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/**
 * Creates the demo dealer group: three locations in three federal states and
 * about thirty employees. The first user of each role in Munich gets the
 * well-known login of that role.
 */
export async function seedDemoOrganisation(services: Services) {
  const f = demoFaker();
  const locations = [];
  for (const input of DEMO_LOCATIONS) locations.push(await services.org.createLocation(null, input));
  const wellKnown = new Set<Role>();
  const used = new Set<string>();
  let extension = 200;
  const users = [];
  for (const [index, location] of locations.entries()) {
    for (const slot of STAFF) {
      for (let i = 0; i < slot.count; i++) {
        const sex = f.person.sexType();
        const firstName = f.person.firstName(sex);
        const lastName = f.person.lastName();
        let email = `${ascii(firstName)}.${ascii(lastName)}@autohaus-bergmann.de`;
        if (index === 0 && !wellKnown.has(slot.role)) {
          wellKnown.add(slot.role);
          email = DEMO_LOGINS[slot.role];
        }
        while (used.has(email)) email = email.replace('@', `${f.number.int(9)}@`);
        used.add(email);
        // Some staff help out at a second location, as they do in real dealer groups.
        const second = f.datatype.boolean({ probability: 0.2 }) ? locations[(index + 1) % locations.length]!.id : null;
        const { user } = await services.org.createUser(
          null,
          {
            email,
            firstName,
            lastName,
            role: slot.role,
            homeLocationId: location.id,
            locationIds: second ? [second] : [],
            department: slot.department,
            phoneExtension: String(extension++),
            locale: 'de',
            active: true,
            password: DEMO_PASSWORD,
          },
          { mustChangePassword: false },
        );
        users.push(user);
      }
    }
  }
  return { locations, users };
}
