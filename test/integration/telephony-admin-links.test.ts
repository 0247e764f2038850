import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../support/app';
import { CstaSimulator } from '../support/csta-simulator';

/**
 * What an admin saves is what the adapter runs with: a CSTA link set up
 * through the admin API (with the settings the admin form sends) connects,
 * and follows later edits without a server restart.
 */
let t: TestApp;
let admin: TestClient;
let advisor: TestClient & { userId: string };
let pbx: CstaSimulator;
let newPbx: CstaSimulator;
let connectionId: string;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const stateOf = async (id: string) => (await admin.get(`/api/telephony/connections/${id}`)).json().state as string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userWithRole('admin');
  advisor = await t.userWithRole('service');
  pbx = await new CstaSimulator({ requireSession: true, edition: 'ed5' }).start();
  newPbx = await new CstaSimulator({ requireSession: true, edition: 'ed5' }).start();
});
afterAll(async () => {
  await t.close();
  await pbx.stop();
  await newPbx.stop();
});

describe('a CSTA link set up through the admin API', () => {
  it('connects with the settings the admin form sends', async () => {
    const created = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'OpenScape Köln',
      locationId: t.location.id,
      // Exactly the keys of the form (ConnectionForm settingsBody).
      settings: {
        host: '127.0.0.1',
        port: pbx.port,
        applicationSession: true,
        applicationId: 'autohaus-koeln',
        userId: 'crm',
        devices: ['29'],
        country: 'DE',
        dialFormat: 'national',
        dialPrefix: '0',
        protocolVersions: ['ed5', 'ed3'],
      },
      secret: 'pbx-password',
    });
    expect(created.statusCode, created.body).toBe(201);
    connectionId = created.json().id;
    const extension = await admin.post('/api/telephony/extensions', {
      connectionId,
      extension: '21',
      userId: advisor.userId,
    });
    expect(extension.statusCode, extension.body).toBe(201);

    await t.services.telephony.adapters.startAll();
    await pbx.waitForMonitors(['21', '29']);
    expect(pbx.messages('StartApplicationSession')[0]!.xml).toContain('autohaus-koeln');
    expect(
      await until(
        () => stateOf(connectionId),
        (s) => s === 'connected',
        'connected',
      ),
    ).toBe('connected');

    const res = await advisor.post('/api/telephony/click-to-call', { number: '0221 1234567' });
    expect(res.statusCode, res.body).toBe(200);
    // National format with the outside-line prefix, as set in the form.
    expect(pbx.messages('MakeCall')[0]!.xml).toContain('002211234567');
  });

  it('moves to the new PBX when the admin changes the port, and stops when switched off', async () => {
    const changed = await admin.patch(`/api/telephony/connections/${connectionId}`, {
      settings: {
        host: '127.0.0.1',
        port: newPbx.port,
        applicationSession: true,
        userId: 'crm',
        protocolVersions: ['ed5'],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await newPbx.waitForMonitors(['21'], 5000);
    await pbx.until(() => pbx.monitors.size === 0, 5000, 'the old link to close');
    expect(
      await until(
        () => stateOf(connectionId),
        (s) => s === 'connected',
        'connected again',
      ),
    ).toBe('connected');

    await admin.patch(`/api/telephony/connections/${connectionId}`, { enabled: false });
    await newPbx.until(() => newPbx.monitors.size === 0, 5000, 'the link to close');
    await t.services.telephony.adapters.settled();
    expect(t.services.telephony.adapters.adapterFor(connectionId)).toBeUndefined();
    expect(await stateOf(connectionId)).toBe('disabled');
  });

  it('starts a connection added while the server runs, and stops one that is deleted', async () => {
    const created = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'Zweite Anlage',
      settings: { host: '127.0.0.1', port: pbx.port, applicationSession: true, devices: ['31'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    await pbx.waitForMonitors(['31'], 5000);

    expect((await admin.delete(`/api/telephony/connections/${created.json().id}`)).statusCode).toBe(204);
    await pbx.until(() => pbx.monitors.size === 0, 5000, 'the deleted link to close');
    await t.services.telephony.adapters.settled();
    expect(t.services.telephony.adapters.adapterFor(created.json().id)).toBeUndefined();
  });
});
