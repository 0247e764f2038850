import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient, testLocation } from '@test/support/app';
import { openEventStream } from '../notifications/test-sse-client';
import { searchFactory } from '../search/test-factories';
import { readNumber } from './numbers';
import { mapExtension, WebhookPbx, webhookConnection } from './test-simulator';

let t: TestApp;
let admin: TestClient;
let agent: TestClient & { userId: string };
let colleague: TestClient & { userId: string };
let pbx: WebhookPbx;
type Seeded = { id: string; customerNumber: string; displayName: string };
let exact: Seeded;
let localOnly: Seeded;
let firm: Seeded;
let twinA: Seeded;
let twinB: Seeded;

beforeAll(async () => {
  t = await createTestApp();
  const make = searchFactory(t.database, () => t.clock.now());
  exact = await make.contact({
    location: t.location,
    lastName: 'Exakt',
    firstName: 'Erna',
    phones: ['+49 30 5550101'],
  });
  // Imported without area code: stored as written, the digits are the caller's last seven.
  localOnly = await make.contact({ location: t.location, lastName: 'Lokal', firstName: 'Lutz', phones: ['555-0202'] });
  await t.database.query(
    `UPDATE contact_phones SET e164 = NULL, valid = false, digits_reversed = '2020555' WHERE contact_id = $1`,
    [localOnly.id],
  );
  firm = await make.contact({ location: t.location, companyName: 'Spedition Meier GmbH', phones: ['+49 89 123456-0'] });
  twinA = await make.contact({
    location: t.location,
    lastName: 'Zwilling',
    firstName: 'Anton',
    phones: ['0711 9998887'],
  });
  twinB = await make.contact({
    location: t.location,
    lastName: 'Zwilling',
    firstName: 'Berta',
    phones: ['0711 9998887'],
  });
  await make.vehicle({ ownerId: exact.id, plate: 'B-EX 123', make: 'VW', model: 'Passat' });
  await t.database.query(
    `INSERT INTO contact_blocks (contact_id, reason, blocked_at) VALUES ($1, 'Offene Rechnungen', $2)`,
    [twinB.id, t.clock.now()],
  );

  admin = await t.userWithRole('admin');
  agent = await t.userWithRole('reception');
  colleague = await t.userWithRole('sales');
  const connection = await webhookConnection(t, admin);
  await mapExtension(t, connection.id, '30', agent.userId);
  await mapExtension(t, connection.id, '31', colleague.userId);
  pbx = new WebhookPbx(t, connection.id, connection.headers);
});
afterAll(() => t.close());

let n = 0;
async function popFor(from: string) {
  const { callId } = await pbx.ring(`cid-${++n}`, from, ['30']);
  const res = await agent.get(`/api/calls/${callId}/pop`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    lookedUp: boolean;
    call: { contact: { id: string } | null; matchedContactIds: string[] };
    candidates: Array<{
      id: string;
      matchedBy: string;
      matchedNumber: string;
      block: unknown;
      vehicles: Array<{ label: string }>;
      kind: string;
    }>;
  };
}

describe('caller identification', () => {
  it('matches the exact number first, in any notation the PBX sends', async () => {
    for (const from of ['+49 30 5550101', '030 5550101', '0049305550101']) {
      const pop = await popFor(from);
      expect(pop.call.contact?.id).toBe(exact.id);
      expect(pop.candidates).toMatchObject([
        {
          id: exact.id,
          matchedBy: 'exact',
          matchedNumber: '+49305550101',
          vehicles: [{ label: 'VW Passat · B-EX 123' }],
        },
      ]);
    }
  });

  it('falls back to the longest common tail of at least seven digits', async () => {
    const pop = await popFor('+49 40 5550202');
    expect(pop.call.contact?.id).toBe(localOnly.id);
    expect(pop.candidates[0]).toMatchObject({ id: localOnly.id, matchedBy: 'tail' });
    // Six common digits are not enough.
    expect((await popFor('+49 40 1550202')).candidates).toEqual([]);
  });

  it('finds a company by its main number when an employee calls from an extension', async () => {
    for (const from of ['+49 89 123456-42', '089 1234567', '+49 89 1234561234']) {
      const pop = await popFor(from);
      expect(
        pop.candidates.map((c) => [c.id, c.matchedBy]),
        from,
      ).toEqual([[firm.id, 'company_main']]);
    }
  });

  it('offers a choice when several customers share the number, blocks included', async () => {
    const pop = await popFor('0711 9998887');
    expect(pop.call.contact).toBeNull();
    expect(pop.call.matchedContactIds.sort()).toEqual([twinA.id, twinB.id].sort());
    expect(pop.candidates.map((c) => c.id)).toEqual([twinA.id, twinB.id]);
    expect(pop.candidates[1]!.block).toMatchObject({ reason: 'Offene Rechnungen' });

    const chosen = await agent.put(`/api/calls/${(await agent.get('/api/calls/live')).json().items[0].id}/contact`, {
      contactId: twinA.id,
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().contact.id).toBe(twinA.id);
  });

  it('does not look up withheld, internal and short numbers', async () => {
    for (const from of ['anonymous', '110', '**610', '21', '']) {
      const pop = await popFor(from);
      expect(pop.lookedUp, from).toBe(false);
      expect(pop.candidates).toEqual([]);
    }
    expect(readNumber(null)).toEqual({ raw: null, e164: null });
    expect(readNumber('0171 1234567').e164).toBe('+491711234567');
  });

  it('shows an unknown caller as looked up without candidates', async () => {
    const pop = await popFor('+49 171 0000001');
    expect(pop).toMatchObject({ lookedUp: true, candidates: [] });
  });
});

describe('screen pop', () => {
  it("sends a live call event to the ringing user's stream and none to the others", async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    const base = `http://127.0.0.1:${address.port}`;
    const mine = await openEventStream(`${base}/api/events`, agent.cookie!);
    const theirs = await openEventStream(`${base}/api/events`, colleague.cookie!);
    try {
      await mine.next('ready');
      await theirs.next('ready');
      const { callId } = await pbx.ring('sse-1', '+49 30 5550101', ['30']);
      const event = await mine.next('call');
      expect(event.data).toMatchObject({
        callId,
        state: 'ringing',
        direction: 'inbound',
        number: '+49305550101',
        displayName: exact.displayName,
        candidateCount: 1,
      });
      await pbx.answer('sse-1', '30');
      expect((await mine.next('call')).data).toMatchObject({ callId, state: 'answered' });
      expect(theirs.events.filter((e) => e.event === 'call')).toEqual([]);

      // A transfer reaches the colleague now.
      await pbx.transfer('sse-1', 'sse-2', ['31']);
      expect((await theirs.next('call')).data).toMatchObject({ state: 'ringing', displayName: exact.displayName });
      expect((await mine.next('call')).data).toMatchObject({ callId, state: 'transferred' });
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('is only for the people on the call, colleagues at its location and admins', async () => {
    const { callId } = await pbx.ring('pop-access', '+49 30 5550101', ['30']);
    const elsewhere = await t.services.org.createLocation(null, testLocation({ name: 'Anderswo', code: 'AND' }));
    const stranger = await t.userWithRole('sales', { locationId: elsewhere.id });
    expect((await stranger.get(`/api/calls/${callId}/pop`)).statusCode).toBe(403);
    expect((await colleague.get(`/api/calls/${callId}/pop`)).statusCode).toBe(200);
    expect((await stranger.put(`/api/calls/${callId}/note`, { note: 'x' })).statusCode).toBe(403);
    expect((await colleague.put(`/api/calls/${callId}/note`, { note: 'x' })).statusCode).toBe(403);
    expect((await agent.put(`/api/calls/${callId}/note`, { note: 'x' })).statusCode).toBe(200);
  });
});
