import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';

let t: TestApp;
let admin: TestClient;
let manager: TestClient;
let sales: TestClient & { userId: string };
let reception: TestClient & { userId: string };

beforeAll(async () => {
  t = await createTestApp({ env: { CRM_PUBLIC_URL: 'https://crm.autohaus.test/' } });
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  sales = await t.userWithRole('sales');
  reception = await t.userWithRole('reception');
});
afterAll(() => t.close());

const fieldsOf = (res: { json(): { errors?: Array<{ field: string }> } }) =>
  (res.json().errors ?? []).map((e) => e.field);

const audit = (entityId: string) =>
  t.database.query<{ action: string; data: Record<string, unknown> }>(
    'SELECT action, data FROM audit_events WHERE entity_id = $1 ORDER BY id',
    [entityId],
  );

async function connection(body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/telephony/connections', {
    provider: 'webhook',
    name: `Anlage ${Math.random()}`,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; webhookUrl: string | null };
}

describe('telephony connections', () => {
  it('creates a CSTA link with its settings and shows its state, never the secret', async () => {
    const res = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'OpenScape München',
      locationId: t.location.id,
      settings: { host: 'pbx.muc.local', port: 8800, applicationSession: true, devices: ['+4989123456100'] },
      secret: 'csta-password-1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      provider: 'csta',
      name: 'OpenScape München',
      enabled: true,
      hasSecret: true,
      state: 'connecting',
      webhookUrl: null,
      settings: {
        host: 'pbx.muc.local',
        port: 8800,
        applicationSession: true,
        devices: ['+4989123456100'],
        country: 'DE',
        dialFormat: 'e164',
      },
    });
    expect(res.body).not.toContain('csta-password-1');

    const list = await manager.get('/api/telephony/connections');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('csta-password-1');
    expect(list.json().map((c: { id: string }) => c.id)).toContain(created.id);

    const entries = await audit(created.id);
    expect(entries.map((e) => e.action)).toEqual(['telephony.connection.created']);
    expect(JSON.stringify(entries)).not.toContain('csta-password-1');
  });

  it('gives push providers the URL to post to, from the public address', async () => {
    const webhook = await connection({ provider: 'webhook' });
    expect(webhook.webhookUrl).toBe(`https://crm.autohaus.test/api/telephony/webhook/${webhook.id}`);
    const sipgateOpen = await connection({ provider: 'sipgate', settings: { allowedIps: ['217.116.118.0/24'] } });
    expect(sipgateOpen.webhookUrl).toBe(`https://crm.autohaus.test/api/telephony/sipgate/${sipgateOpen.id}`);
    // With a secret, sipgate must post with the token derived from it: the URL shown is the one that works.
    const sipgate = await connection({ provider: 'sipgate', secret: 'sipgate-api-token' });
    const url = new URL(sipgate.webhookUrl!);
    expect(`${url.origin}${url.pathname}`).toBe(`https://crm.autohaus.test/api/telephony/sipgate/${sipgate.id}`);
    expect(url.searchParams.get('token')).toMatch(/^[\w-]{32}$/);
    expect(sipgate.webhookUrl).not.toContain('sipgate-api-token');
    const placetel = await connection({ provider: 'placetel', secret: 'placetel-shared-secret' });
    expect(placetel.webhookUrl).toBe(`https://crm.autohaus.test/api/telephony/placetel/${placetel.id}`);
  });

  it('names the provider setting that is wrong or unknown', async () => {
    const bad = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'Falsch',
      settings: { host: '', port: 70000, hots: 'x', tls: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).sort()).toEqual(['settings.host', 'settings.hots', 'settings.port', 'settings.tls']);

    const badCsta = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'Falsch',
      settings: { host: 'pbx', port: 1, country: 'Germany', protocolVersions: ['ed9'], dialPrefix: 'a' },
    });
    expect(fieldsOf(badCsta).sort()).toEqual([
      'settings.country',
      'settings.dialPrefix',
      'settings.protocolVersions.0',
    ]);
    // Two letters, but no country: the adapter would fail on it, so it is refused when saved.
    const noCountry = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'Falsch',
      settings: { host: 'pbx', port: 1, country: 'XX' },
    });
    expect(fieldsOf(noCountry)).toEqual(['settings.country']);

    const badSipgate = await admin.post('/api/telephony/connections', {
      provider: 'sipgate',
      name: 'Falsch',
      settings: {
        allowedIps: ['217.116.118.0/24', 'sipgate.de'],
        publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----',
        baseUrl: 'ftp://api.sipgate.com',
      },
    });
    expect(fieldsOf(badSipgate).sort()).toEqual(['settings.allowedIps.1', 'settings.baseUrl']);
    const badKey = await admin.post('/api/telephony/connections', {
      provider: 'sipgate',
      name: 'Falsch',
      settings: { publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----' },
    });
    expect(fieldsOf(badKey)).toEqual(['settings.publicKey']);

    const missingPort = await admin.post('/api/telephony/connections', {
      provider: 'csta',
      name: 'Ohne Port',
      settings: { host: 'pbx' },
    });
    expect(fieldsOf(missingPort)).toEqual(['settings.port']);

    const noSecret = await admin.post('/api/telephony/connections', { provider: 'placetel', name: 'Placetel' });
    expect(noSecret.statusCode).toBe(400);
    expect(fieldsOf(noSecret)).toEqual(['secret']);

    const noName = await admin.post('/api/telephony/connections', { provider: 'webhook', name: ' ' });
    expect(noName.statusCode).toBe(400);
    expect(fieldsOf(noName)).toEqual(['name']);

    const badLocation = await admin.post('/api/telephony/connections', {
      provider: 'webhook',
      name: 'X',
      locationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldsOf(badLocation)).toEqual(['locationId']);
    expect(
      await t.database.query(`SELECT 1 FROM telephony_connections WHERE name IN ('Falsch','Ohne Port','X')`),
    ).toEqual([]);
  });

  it('changes only what a PATCH names; a secret is kept, replaced or removed', async () => {
    const created = await connection({
      provider: 'sipgate',
      secret: 'first-secret',
      settings: { tokenId: 'token-1', callerId: '+4922112345' },
    });
    const renamed = await admin.patch(`/api/telephony/connections/${created.id}`, { name: 'sipgate Köln' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'sipgate Köln',
      hasSecret: true,
      settings: { tokenId: 'token-1', callerId: '+4922112345' },
    });

    const disabled = await admin.patch(`/api/telephony/connections/${created.id}`, { enabled: false, secret: null });
    expect(disabled.json()).toMatchObject({ enabled: false, hasSecret: false, state: 'disabled' });

    const badSetting = await admin.patch(`/api/telephony/connections/${created.id}`, { settings: { tokenId: 5 } });
    expect(badSetting.statusCode).toBe(400);
    expect(fieldsOf(badSetting)).toEqual(['settings.tokenId']);

    // Switching to CSTA without its settings cannot work: the host and port are named.
    const toCsta = await admin.patch(`/api/telephony/connections/${created.id}`, { provider: 'csta' });
    expect(fieldsOf(toCsta).sort()).toEqual(['settings.host', 'settings.port']);

    expect((await audit(created.id)).map((e) => e.action)).toEqual([
      'telephony.connection.created',
      'telephony.connection.updated',
      'telephony.connection.updated',
    ]);
    expect((await audit(created.id))[2]!.data).toMatchObject({ secret: 'removed' });
  });

  it('never returns the Placetel API token, keeps it when a change leaves it out, removes it with null', async () => {
    const created = await connection({
      provider: 'placetel',
      secret: 'placetel-signing-secret',
      settings: { apiToken: 'placetel-api-token-1', country: 'at' },
    });
    expect(created).toMatchObject({ hasApiToken: true, hasSecret: true, settings: { country: 'AT' } });
    expect(JSON.stringify(created)).not.toContain('placetel-api-token-1');
    expect((await admin.get(`/api/telephony/connections/${created.id}`)).body).not.toContain('placetel-api-token-1');
    expect((await manager.get('/api/telephony/connections')).body).not.toContain('placetel-api-token-1');

    const stored = async () =>
      (
        await t.database.query<{ settings: Record<string, unknown> }>(
          'SELECT settings FROM telephony_connections WHERE id = $1',
          [created.id],
        )
      )[0]!.settings;

    // The form sends its settings without the token it never saw.
    const moved = await admin.patch(`/api/telephony/connections/${created.id}`, { settings: { country: 'DE' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ hasApiToken: true, settings: { country: 'DE' } });
    expect(await stored()).toEqual({ country: 'DE', apiToken: 'placetel-api-token-1' });

    const replaced = await admin.patch(`/api/telephony/connections/${created.id}`, {
      settings: { apiToken: 'placetel-api-token-2' },
    });
    expect(replaced.body).not.toContain('placetel-api-token-2');
    expect(await stored()).toEqual({ apiToken: 'placetel-api-token-2' });

    const removed = await admin.patch(`/api/telephony/connections/${created.id}`, { settings: { apiToken: null } });
    expect(removed.json()).toMatchObject({ hasApiToken: false, settings: {} });
    expect(await stored()).toEqual({});
    expect(JSON.stringify(await audit(created.id))).not.toContain('placetel-api-token');
  });

  it('deletes a connection with its extensions', async () => {
    const created = await connection();
    await admin.post('/api/telephony/extensions', { connectionId: created.id, extension: '11', userId: sales.userId });
    const res = await admin.delete(`/api/telephony/connections/${created.id}`);
    expect(res.statusCode).toBe(204);
    expect((await admin.get(`/api/telephony/connections/${created.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/telephony/extensions?connectionId=${created.id}`)).json()).toEqual([]);
    expect((await audit(created.id)).map((e) => e.action)).toContain('telephony.connection.deleted');
    expect((await admin.delete(`/api/telephony/connections/${created.id}`)).statusCode).toBe(404);
  });

  it('lists the last 100 events of a connection, newest first', async () => {
    const created = await connection();
    const other = await connection();
    for (let i = 0; i < 105; i++) {
      await t.database.query(
        `INSERT INTO call_events (connection_id, provider, event_key, kind, at, payload, created_at)
         VALUES ($1, 'webhook', $2, 'ringing', $3, $4, $3)`,
        [created.id, `e${i}`, new Date(Date.UTC(2026, 2, 2, 8, 0, i)), JSON.stringify({ n: i })],
      );
    }
    await t.database.query(
      `INSERT INTO call_events (connection_id, provider, event_key, kind, at) VALUES ($1, 'webhook', 'x', 'ended', now())`,
      [other.id],
    );
    const res = await manager.get(`/api/telephony/connections/${created.id}/events`);
    expect(res.statusCode).toBe(200);
    const events = res.json();
    expect(events).toHaveLength(100);
    expect(events[0]).toMatchObject({ kind: 'ringing', payload: { n: 104 }, callId: null });
    expect(events.at(-1).payload).toEqual({ n: 5 });
    expect((await admin.get(`/api/telephony/connections/${created.id}`)).json().lastEventAt).toBe(
      '2026-03-02T08:01:44.000Z',
    );
    expect((await admin.get('/api/telephony/connections/00000000-0000-4000-8000-000000000000/events')).statusCode).toBe(
      404,
    );
  });

  it('is set up by admins; managers may look, others not at all', async () => {
    const created = await connection();
    expect((await sales.get('/api/telephony/connections')).statusCode).toBe(403);
    expect((await reception.get(`/api/telephony/connections/${created.id}/events`)).statusCode).toBe(403);
    expect((await manager.post('/api/telephony/connections', { provider: 'webhook', name: 'M' })).statusCode).toBe(403);
    expect((await manager.patch(`/api/telephony/connections/${created.id}`, { name: 'M' })).statusCode).toBe(403);
    expect((await manager.delete(`/api/telephony/connections/${created.id}`)).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/telephony/connections')).statusCode).toBe(401);
  });
});

describe('extensions', () => {
  let conn: { id: string };
  beforeAll(async () => {
    conn = await connection({ name: 'Nebenstellen' });
  });

  it('maps an extension to a user and filters by connection', async () => {
    const res = await admin.post('/api/telephony/extensions', {
      connectionId: conn.id,
      extension: '21',
      userId: sales.userId,
      label: 'Verkauf 1',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      extension: '21',
      monitored: true,
      label: 'Verkauf 1',
      user: { id: sales.userId },
    });
    const list = await manager.get(`/api/telephony/extensions?connectionId=${conn.id}`);
    expect(list.json().map((e: { extension: string }) => e.extension)).toEqual(['21']);
    expect((await audit(res.json().id)).map((e) => e.action)).toEqual(['telephony.extension.created']);

    const moved = await admin.patch(`/api/telephony/extensions/${res.json().id}`, { userId: reception.userId });
    expect(moved.json()).toMatchObject({ extension: '21', label: 'Verkauf 1', user: { id: reception.userId } });
    expect((await admin.delete(`/api/telephony/extensions/${res.json().id}`)).statusCode).toBe(204);
  });

  it('refuses the same extension twice on one connection, naming the field', async () => {
    const body = { connectionId: conn.id, extension: '30', userId: sales.userId };
    expect((await admin.post('/api/telephony/extensions', body)).statusCode).toBe(201);
    const again = await admin.post('/api/telephony/extensions', { ...body, userId: reception.userId });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['extension']);
    const other = await admin.post('/api/telephony/extensions', { ...body, extension: '31' });
    const renamed = await admin.patch(`/api/telephony/extensions/${other.json().id}`, { extension: '30' });
    expect(renamed.statusCode).toBe(409);
    // Another connection may use the same number for its own extension.
    const second = await connection();
    expect((await admin.post('/api/telephony/extensions', { ...body, connectionId: second.id })).statusCode).toBe(201);
  });

  it('needs an existing, active user and connection', async () => {
    const inactive = await t.userWithRole('sales');
    await admin.patch(`/api/users/${inactive.userId}`, { active: false });
    const res = await admin.post('/api/telephony/extensions', {
      connectionId: conn.id,
      extension: '40',
      userId: inactive.userId,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['userId']);
    const unknown = await admin.post('/api/telephony/extensions', {
      connectionId: '00000000-0000-4000-8000-000000000000',
      extension: '41',
      userId: '00000000-0000-4000-8000-000000000001',
    });
    expect(fieldsOf(unknown).sort()).toEqual(['connectionId', 'userId']);
    const empty = await admin.post('/api/telephony/extensions', {
      connectionId: conn.id,
      extension: '',
      userId: sales.userId,
    });
    expect(fieldsOf(empty)).toEqual(['extension']);
  });

  it('is changed by admins only', async () => {
    const body = { connectionId: conn.id, extension: '50', userId: sales.userId };
    expect((await manager.post('/api/telephony/extensions', body)).statusCode).toBe(403);
    expect((await sales.get('/api/telephony/extensions')).statusCode).toBe(403);
  });
});

describe('tracking numbers', () => {
  it('stores the number in E.164 with its source and routing target', async () => {
    const res = await admin.post('/api/telephony/tracking-numbers', {
      number: '0711 / 2580-4711',
      label: 'Google Ads Frühjahr',
      source: 'Google Ads',
      campaign: 'Frühjahr 2026',
      channel: 'phone',
      routeUserId: sales.userId,
      routeGroupUserIds: [sales.userId, reception.userId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      number: '+4971125804711',
      label: 'Google Ads Frühjahr',
      source: 'Google Ads',
      campaign: 'Frühjahr 2026',
      listingRef: null,
      active: true,
      routeUser: { id: sales.userId },
      routeGroup: [{ id: sales.userId }, { id: reception.userId }],
    });
    expect((await manager.get('/api/telephony/tracking-numbers')).json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.id })]),
    );
    const patched = await admin.patch(`/api/telephony/tracking-numbers/${created.id}`, {
      listingRef: 'mobile.de 4711',
    });
    expect(patched.json()).toMatchObject({
      listingRef: 'mobile.de 4711',
      routeUser: { id: sales.userId },
      campaign: 'Frühjahr 2026',
    });
    expect((await audit(created.id)).map((e) => e.action)).toEqual([
      'telephony.tracking-number.created',
      'telephony.tracking-number.updated',
    ]);
    expect((await admin.delete(`/api/telephony/tracking-numbers/${created.id}`)).statusCode).toBe(204);
  });

  it('names the number when it is not a phone number, and refuses one in use', async () => {
    const bad = await admin.post('/api/telephony/tracking-numbers', { number: '12ab', label: 'X', source: 'Y' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['number']);

    const body = { number: '+49 89 2158 3300', label: 'mobile.de', source: 'mobile.de' };
    expect((await admin.post('/api/telephony/tracking-numbers', body)).statusCode).toBe(201);
    const again = await admin.post('/api/telephony/tracking-numbers', { ...body, number: '089 21583300' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['number']);
  });

  it('routes only to users that exist', async () => {
    const res = await admin.post('/api/telephony/tracking-numbers', {
      number: '+49 30 1234567',
      label: 'Facebook',
      source: 'Facebook',
      routeUserId: '00000000-0000-4000-8000-000000000000',
      routeGroupUserIds: [sales.userId, '00000000-0000-4000-8000-000000000001'],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['routeGroupUserIds.1', 'routeUserId']);
    const noLabel = await admin.post('/api/telephony/tracking-numbers', { number: '+49 30 1234567', source: 'x' });
    expect(fieldsOf(noLabel)).toEqual(['label']);
  });

  it('is changed by admins only', async () => {
    const body = { number: '+49 30 7654321', label: 'X', source: 'Y' };
    expect((await manager.post('/api/telephony/tracking-numbers', body)).statusCode).toBe(403);
    expect((await sales.get('/api/telephony/tracking-numbers')).statusCode).toBe(403);
  });
});
