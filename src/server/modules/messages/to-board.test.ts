import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '@server/modules/vehicles/test-factories';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let reception: User;
let manager: User;
let elsewhere: User;

beforeAll(async () => {
  t = await createTestApp();
  reception = await t.userWithRole('reception');
  manager = await t.userWithRole('manager');
  const ulm = await t.services.org.createLocation(
    null,
    testLocation({ name: 'Autohaus Test Ulm', code: 'ULM', city: 'Ulm', email: 'ulm@example.test' }),
  );
  elsewhere = await t.userWithRole('sales', { locationId: ulm.id });
});
afterAll(() => t.close());

async function houseRulesMessage(lastName: string) {
  const contact = await createContact(t, reception, lastName);
  const res = await reception.post('/api/messages', {
    contactId: contact.id,
    responsibleId: manager.userId,
    text: 'Hat in der Werkstatt geraucht.\nNach Hinweis aufgehört.',
    type: 'house_rules',
    houseRule: 'Hausordnung §9',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { contact, message: res.json() as { id: string; boardThreadId: string | null } };
}

describe('taking a message to the board', () => {
  it('opens a thread titled with customer number and name that quotes the message', async () => {
    const { contact, message } = await houseRulesMessage('Brandt');
    expect(message.boardThreadId).toBeNull();
    const res = await reception.post(`/api/messages/${message.id}/board`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(true);
    const thread = (await manager.get(`/api/board/threads/${res.json().threadId}`)).json();
    const detail = (await manager.get(`/api/contacts/${contact.id}`)).json();
    expect(thread.title).toBe(`${detail.customerNumber} · ${detail.displayName}`);
    expect(thread.messageId).toBe(message.id);
    expect(thread.contact.id).toBe(contact.id);
    expect(thread.items[0].body).toBe('> Hat in der Werkstatt geraucht.\n> Nach Hinweis aufgehört.');
  });

  it('gives the same thread when asked again, and the message names it', async () => {
    const { contact, message } = await houseRulesMessage('Claasen');
    const first = (await reception.post(`/api/messages/${message.id}/board`)).json();
    const again = await manager.post(`/api/messages/${message.id}/board`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ threadId: first.threadId, created: false });
    expect((await reception.get(`/api/messages/${message.id}`)).json().boardThreadId).toBe(first.threadId);
    const inbox = (await manager.get('/api/messages/inbox')).json().items as Array<{
      id: string;
      boardThreadId: string;
    }>;
    expect(inbox.find((m) => m.id === message.id)?.boardThreadId).toBe(first.threadId);
    const threads = (await manager.get(`/api/contacts/${contact.id}/board-threads`)).json().items;
    expect(threads.map((th: { id: string }) => th.id)).toEqual([first.threadId]);
  });

  it('refuses a colleague who may not read the message, and an unknown message', async () => {
    const { message } = await houseRulesMessage('Dietz');
    expect((await elsewhere.post(`/api/messages/${message.id}/board`)).statusCode).toBe(403);
    expect((await reception.get(`/api/messages/${message.id}`)).json().boardThreadId).toBeNull();
    const unknown = await reception.post('/api/messages/00000000-0000-4000-8000-000000000000/board');
    expect(unknown.statusCode).toBe(404);
  });
});
