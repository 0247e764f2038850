import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchFactory } from '@server/modules/search/test-factories';
import { telephonyConnections, telephonyExtensions } from '@server/modules/telephony/tables';
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
let connectionId: string;

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
  connectionId = connection!.id;
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

  it('monitors an extension mapped while the link is up at once, and stops when it is removed', async () => {
    const admin = await t.userWithRole('admin');
    const colleague = await t.userWithRole('sales');
    const connections = sim.connections;
    const created = await admin.post('/api/telephony/extensions', {
      connectionId,
      extension: '22',
      userId: colleague.userId,
    });
    expect(created.statusCode, created.body).toBe(201);
    await sim.waitForMonitors(['22']);
    expect(sim.connections).toBe(connections);

    sim.inboundCall({ from: 'N<+492118840100>;noa=nk', device: '22', callId: '5022' }).deliver();
    await until(
      async () => (await colleague.get('/api/calls/live')).json().items as unknown[],
      (calls) => calls.length === 1,
      'the call ringing at the new extension',
    );

    const removed = await admin.delete(`/api/telephony/extensions/${created.json().id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    await sim.waitForMessage('MonitorStop');
    await sim.until(() => !sim.monitors.has('22'), 3000, 'the monitor of 22 to stop');
    expect(sim.monitors.has('21')).toBe(true);
    expect(sim.connections).toBe(connections);
  });

  it('shows the number a device id with attributes carries, not the raw id', async () => {
    sim.inboundCall({ from: 'N<Line71001>;displayNumber=0211 8840100', device: '21', callId: '5031' }).deliver();
    const [call] = await until(
      async () =>
        ((await advisor.get('/api/calls')).json().items as Array<Record<string, unknown>>).filter(
          (c) => c.externalId === '5031',
        ),
      (calls) => calls.length === 1,
      'the call from a device id with attributes',
    );
    expect(call).toMatchObject({ fromNumber: '+492118840100', fromRaw: '0211 8840100' });
    expect(call!.matchedContactIds).toEqual([customer.id]);
  });

  it('ignores calls on devices it never monitored, and closes calls without events for hours', async () => {
    sim.deliverUnmonitored({ from: 'N<+4917012345678>', device: '77', callId: '5041' });
    const ringing = sim.inboundCall({ from: 'N<+492118840100>;noa=nk', device: '21', callId: '5042' });
    ringing.deliver();
    await until(
      () => t.database.query<{ external_id: string }>(`SELECT external_id FROM calls WHERE external_id = '5042'`),
      (rows) => rows.length === 1,
      'the monitored call',
    );
    expect(await t.database.query(`SELECT 1 FROM calls WHERE external_id = '5041'`)).toHaveLength(0);

    // The PBX never reports the end of 5042 (a lost event): hours later it is closed.
    await t.services.jobs.worker.runDue();
    t.clock.advance(4 * 3600_000 + 20 * 60_000);
    await t.services.jobs.worker.runDue();
    const [closed] = await t.database.query<{ state: string; end_cause: string | null }>(
      `SELECT state, end_cause FROM calls WHERE external_id = '5042'`,
    );
    expect(closed).toMatchObject({ state: 'ended', end_cause: 'noEvents' });
  });
});
