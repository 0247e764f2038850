import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '@server/lib/clock';
import { personInput } from '@server/modules/contacts/test-factories';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/support/app';
import { insertOffer, insertOpportunity } from './orders/test-factory';

let t: TestApp;
let manager: TestClient & { userId: string };
let sales: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-03-10T09:00:00Z') });
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
});
afterAll(() => t.close());

describe('merging two contacts', () => {
  it('moves the duplicate’s opportunity and its purchase order to the kept record', async () => {
    const kept = (await manager.post('/api/contacts', personInput(t.location.id))).json() as { id: string };
    const duplicate = (await manager.post('/api/contacts', personInput(t.location.id))).json() as { id: string };
    const opportunity = await insertOpportunity(t.database.db, {
      contactId: duplicate.id,
      ownerId: sales.userId,
      locationId: t.location.id,
    });
    const offer = await insertOffer(t.database.db, opportunity.id);
    const placed = await sales.post(`/api/offers/${offer.id}/purchase-order`, {});
    expect(placed.statusCode, placed.body).toBe(201);

    const merged = await manager.post('/api/contacts/merge', { sourceId: duplicate.id, targetId: kept.id });
    expect(merged.statusCode, merged.body).toBe(200);

    const theirs = (await sales.get(`/api/contacts/${kept.id}/opportunities`)).json();
    expect(JSON.stringify(theirs)).toContain(opportunity.number);
    const orders = (await sales.get(`/api/opportunities/${opportunity.id}/purchase-orders`)).json();
    expect(orders.items).toHaveLength(1);
    expect(orders.items[0]).toMatchObject({ contactId: kept.id, number: placed.json().number });
  });
});
