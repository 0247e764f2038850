import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchFactory } from '../../src/server/modules/search/test-factories';
import { telephonyConnections, telephonyExtensions } from '../../src/server/modules/telephony/tables';
import { createTestApp, type TestApp, type TestClient } from '../support/app';
import { CstaSimulator } from '../support/csta-simulator';

/**
 * The CSTA link wired into the app as `npm start` wires it: the registry
 * starts the adapter from the stored connection, and what the PBX reports
 * becomes calls the user sees, and click-to-call dials through MakeCall.
 */
let t: TestApp;
let sim: CstaSimulator;
let advisor: TestClient & { userId: string };
let customer: { id: string };

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  advisor = await t.userWithRole('service');
  customer = await searchFactory(t.database, () => t.clock.now()).contact({
    location: t.location,
    lastName: 'Brandt',
    firstName: 'Jonas',
    phones: ['0211 8840100'],
  });
  sim = await new CstaSimulator({ requireSession: true, edition: 'ed5' }).start();
  const [connection] = await t.database.db
    .insert(telephonyConnections)
    .values({
      provider: 'csta',
      name: 'OpenScape Düsseldorf',
      locationId: t.location.id,
      settings: { host: '127.0.0.1', port: sim.port, applicationSession: true, userId: 'crm', reconnectInitialMs: 20 },
      secret: 'pbx-password',
    })
    .returning();
  await t.database.db
    .insert(telephonyExtensions)
    .values({ connectionId: connection!.id, extension: '21', userId: advisor.userId });
  await t.services.telephony.adapters.startAll();
  await sim.waitForMonitors(['21']);
});
afterAll(async () => {
  await t.close();
  await sim.stop();
});

describe('CSTA link in the app', () => {
  it('turns a PBX call into a live call with the identified customer, then a finished one', async () => {
    const pbxCall = sim.inboundCall({ from: 'N<+492118840100>;noa=nk', device: '21', callId: '5001' });
    pbxCall.deliver();
    const live = await until(
      async () => (await advisor.get('/api/calls/live')).json().items as Array<{ id: string; state: string }>,
      (calls) => calls.length === 1,
      'the ringing call',
    );
    const pop = (await advisor.get(`/api/calls/${live[0]!.id}/pop`)).json();
    expect(pop.call).toMatchObject({ direction: 'inbound', state: 'ringing', fromNumber: '+492118840100' });
    expect(pop.candidates.map((c: { id: string }) => c.id)).toEqual([customer.id]);

    pbxCall.establish().clear();
    const ended = await until(
      async () => (await advisor.get(`/api/calls/${live[0]!.id}`)).json(),
      (call) => call.state === 'ended',
      'the end of the call',
    );
    expect(ended).toMatchObject({ contact: { id: customer.id }, answeredBy: { id: advisor.userId } });
  });

  it('dials from the advisor extension through MakeCall', async () => {
    const res = await advisor.post('/api/telephony/click-to-call', { number: '0211 8840100', contactId: customer.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'pbx', href: 'tel:+492118840100' });
    const makeCall = sim.messages('MakeCall');
    expect(makeCall).toHaveLength(1);
    expect(makeCall[0]!.xml).toContain('21');
    expect(makeCall[0]!.xml).toContain('2118840100');
  });
});
