import type { Me } from '@shared/auth/schemas';
import type { Location } from '@shared/org/schemas';

export const MUNICH_ID = '7d9f0c1e-3b1a-4f7e-9a51-0c2b8f1e6a01';
export const COLOGNE_ID = '7d9f0c1e-3b1a-4f7e-9a51-0c2b8f1e6a02';

export const adminUser: Me = {
  id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000001',
  email: 'admin@autohaus-bergmann.de',
  displayName: 'Petra Schneider',
  role: 'admin',
  homeLocationId: MUNICH_ID,
  locationIds: [],
  locale: 'de',
  mustChangePassword: false,
};

export const salesUser: Me = {
  ...adminUser,
  id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000002',
  email: 'verkauf@autohaus-bergmann.de',
  displayName: 'Jonas Weber',
  role: 'sales',
};

const hours = { mon: [{ from: '08:00', to: '18:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

export const locations: Location[] = [
  {
    id: MUNICH_ID,
    name: 'Autohaus Bergmann München',
    code: 'MUC',
    street: 'Landsberger Straße 312',
    postalCode: '80687',
    city: 'München',
    phone: '+49 89 5467890',
    email: null,
    federalState: 'BY',
    openingHours: hours,
    active: true,
    departments: [],
  },
  {
    id: COLOGNE_ID,
    name: 'Autohaus Bergmann Köln',
    code: 'CGN',
    street: 'Aachener Straße 1040',
    postalCode: '50858',
    city: 'Köln',
    phone: '+49 221 9483200',
    email: null,
    federalState: 'NW',
    openingHours: hours,
    active: true,
    departments: [],
  },
];

/** The session answer; `mailServer: false` as on an installation without SMTP_URL. */
export function session(user: Me, { mailServer = true } = {}) {
  return { body: { user, csrfToken: 'csrf-test-token', mailServer } };
}
