import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { customerWithEmail, insertOpportunity, offerContent } from './test-support';

type User = TestClient & { userId: string; email: string };
let t: TestApp;
let sales: User;

// No SMTP_URL, as on a first `npm start`: mails wait in the outbox until a mail server is set up.
beforeAll(async () => {
  t = await createTestApp();
  sales = await t.userWithRole('sales');
});
afterAll(async () => {
  await t.close();
});

describe('customer e-mail without a mail server', () => {
  it('says "held", not "being sent", for a mail and for an offer, in the answer and in the stored message', async () => {
    const contactId = await customerWithEmail(t, sales, 'sabine.krueger@example.test');
    // The app knows there is no mail server, for the texts that cannot ask the mail itself.
    expect((await sales.get('/api/auth/session')).json()).toMatchObject({ mailServer: false });

    const mail = await sales.post(`/api/contacts/${contactId}/emails`, { subject: 'Ihre Unterlagen', text: 'Anbei.' });
    expect(mail.statusCode, mail.body).toBe(201);
    expect(mail.json()).toMatchObject({ status: 'held', to: 'sabine.krueger@example.test' });
    expect((await sales.get(`/api/customer-emails/${mail.json().id}`)).json()).toMatchObject({ status: 'held' });

    const opportunity = await insertOpportunity(t, { contactId, ownerId: sales.userId });
    const offer = await sales.post(`/api/opportunities/${opportunity.id}/offers`, { content: offerContent() });
    expect(offer.statusCode, offer.body).toBe(201);
    const sent = await sales.post(`/api/offers/${offer.json().id}/send`, { subject: 'Ihr Angebot', text: 'Anbei.' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'held', offer: { status: 'sent' } });
    expect((await sales.get(`/api/customer-emails/${sent.json().id}`)).json()).toMatchObject({ status: 'held' });
  });
});
