import type { SearchResult } from '@shared/search/schemas';
import { MUNICH_ID } from '@web/test/fixtures';
import type { Contact } from './types';

export const CONTACT_ID = '3f1c2b7a-5d4e-4c3b-9a8f-100000000001';
export const OTHER_CONTACT_ID = '3f1c2b7a-5d4e-4c3b-9a8f-100000000002';
export const VEHICLE_ID = '9a8b7c6d-5e4f-4a3b-8c2d-200000000001';

/** A private customer as GET /api/contacts/:id returns it. */
export function contactFixture(overrides: Partial<Contact> = {}): Contact {
  return {
    id: CONTACT_ID,
    kind: 'person',
    customerNumber: 'K-100234',
    displayName: 'Anna Müller',
    salutation: 'ms',
    title: null,
    firstName: 'Anna',
    lastName: 'Müller',
    companyName: null,
    company: null,
    contactPersons: [],
    position: null,
    dateOfBirth: '1984-03-12',
    homeLocationId: MUNICH_ID,
    salesConsultant: { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000002', displayName: 'Jonas Weber' },
    serviceAdvisor: null,
    preferredChannel: 'phone',
    notes: null,
    tags: ['VIP'],
    paymentRemarks: null,
    lifecycle: 'customer',
    phones: [
      {
        id: '5a5a5a5a-1111-4111-8111-000000000001',
        kind: 'mobile',
        raw: '0171 1234567',
        e164: '+491711234567',
        valid: true,
        display: '0171 1234567',
        isPrimary: true,
      },
    ],
    emails: [
      {
        id: '5a5a5a5a-2222-4222-8222-000000000001',
        kind: 'private',
        address: 'anna.mueller@example.de',
        isPrimary: true,
      },
    ],
    addresses: [],
    consents: [],
    activeBlock: null,
    mergedInto: null,
    version: 3,
    createdAt: '2024-01-10T09:00:00.000Z',
    updatedAt: '2024-05-02T14:30:00.000Z',
    ...overrides,
  };
}

export function searchHit(overrides: Partial<SearchResult> = {}): SearchResult {
  return {
    type: 'contact',
    id: CONTACT_ID,
    title: 'Anna Müller',
    subtitle: 'K-100234 · München · 0171 1234567',
    matchedOn: 'name',
    contactId: CONTACT_ID,
    customerNumber: 'K-100234',
    blocked: false,
    homeLocationId: MUNICH_ID,
    contactKind: 'person',
    ...overrides,
  };
}

export const emptyPage = { body: { items: [], nextCursor: null } };
