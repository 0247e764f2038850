import { MUNICH_ID } from '@web/test/fixtures';
import { CONTACT_ID } from '../customers/test-fixtures';
import type { CustomerRequest } from './types';

export const REQUEST_ID = '6c1d2e3f-4a5b-4c6d-8e7f-300000000001';
export const ADVISOR = { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000007', displayName: 'Eva Schmidt' };

/** A callback request as GET /api/requests/:id returns it. */
export function requestFixture(overrides: Partial<CustomerRequest> = {}): CustomerRequest {
  return {
    id: REQUEST_ID,
    number: 'A-100123',
    type: 'callback',
    channel: 'phone',
    source: null,
    campaign: null,
    locationId: MUNICH_ID,
    brand: null,
    department: null,
    subject: 'Bitte um Rückruf',
    message: 'Mein Auto macht beim Bremsen Geräusche, bitte zurückrufen.',
    messageFrom: 'customer',
    contact: { id: CONTACT_ID, displayName: 'Anna Müller', customerNumber: 'K-100234', blocked: false },
    vehicle: null,
    vehicleInterest: null,
    priority: 'normal',
    callbackFrom: null,
    callbackTo: null,
    status: 'assigned',
    outcome: null,
    lostReason: null,
    assignee: ADVISOR,
    onBehalfOf: null,
    receivedAt: '2024-05-06T08:00:00.000Z',
    firstContactDueAt: '2024-05-07T08:00:00.000Z',
    firstContactedAt: null,
    overdue: false,
    escalatedAt: null,
    closedAt: null,
    attempts: [],
    nextStep: { action: 'call', suggestedAt: null, reason: 'first_contact', failedPhoneAttempts: 0 },
    submitted: null,
    version: 1,
    ...overrides,
  };
}
