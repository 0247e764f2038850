import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { callbackRequest, createRequest, newCustomer } from './test-support';

let t: TestApp;
let reception: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  reception = await t.userWithRole('reception');
});
afterAll(() => t.close());

const lifecycleOf = async (contactId: string) => (await reception.get(`/api/contacts/${contactId}`)).json().lifecycle;

describe('the status of a contact the intake creates', () => {
  it('is "prospect" for someone who came about buying a car (walk-in sales lead)', async () => {
    const request = await createRequest(
      reception,
      callbackRequest(t.location.id, { type: 'sales_lead', channel: 'walk_in', subject: 'Interesse am Tucson' }),
    );
    expect(await lifecycleOf(request.contact.id)).toBe('prospect');
  });

  it('is "customer" for every other request, and a known customer keeps theirs', async () => {
    const customer = newCustomer();
    const callback = await createRequest(reception, callbackRequest(t.location.id, { customer }));
    expect(await lifecycleOf(callback.contact.id)).toBe('customer');

    // The same person asking about a car later is matched, not turned back into a prospect.
    const lead = await createRequest(
      reception,
      callbackRequest(t.location.id, { type: 'sales_lead', channel: 'walk_in', customer }),
    );
    expect(lead.contact.id).toBe(callback.contact.id);
    expect(await lifecycleOf(lead.contact.id)).toBe('customer');
  });
});
