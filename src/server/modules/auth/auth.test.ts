import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, TestClient, type TestApp } from '@test/support/app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp({ env: { CRM_SESSION_IDLE_MINUTES: '30', CRM_SESSION_MAX_HOURS: '10' } });
});
afterEach(() => t.close());

describe('login', () => {
  it('opens a session with an HTTP-only SameSite=Lax cookie and returns the user', async () => {
    const { email } = await t.userWithRole('sales');
    const res = await t.anonymous.post('/api/auth/login', { email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, role: 'sales' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/crm_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses a wrong password with 401 in words', async () => {
    const { email } = await t.userWithRole('sales');
    const res = await t.anonymous.post('/api/auth/login', { email, password: 'wrong-password' });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/password is wrong/);
  });

  it('refuses a deactivated user', async () => {
    const admin = await t.userWithRole('admin');
    const sales = await t.userWithRole('sales');
    expect((await admin.patch(`/api/users/${sales.userId}`, { active: false })).statusCode).toBe(200);
    expect(
      (await t.anonymous.post('/api/auth/login', { email: sales.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    // …and the session the user had is gone at once.
    expect((await sales.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('locks an account after too many failures, even with the right password, until the window passes', async () => {
    const { email } = await t.userWithRole('sales');
    for (let i = 0; i < 5; i++) {
      expect((await t.anonymous.post('/api/auth/login', { email, password: 'nope' })).statusCode).toBe(401);
    }
    const locked = await t.anonymous.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    t.clock.advance(16 * 60_000);
    expect((await t.anonymous.post('/api/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('evaluates at most the limit of a burst of parallel wrong passwords and then locks the account', async () => {
    const { email } = await t.userWithRole('sales');
    const burst = await Promise.all(
      Array.from({ length: 40 }, () => t.anonymous.post('/api/auth/login', { email, password: 'guess' })),
    );
    const codes = burst.map((res) => res.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(35);
    const right = await t.anonymous.post('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(429);
  });

  it('does not let the right password through in the middle of a parallel burst', async () => {
    const { email } = await t.userWithRole('sales');
    const wrong = () => t.anonymous.post('/api/auth/login', { email, password: 'guess' });
    // Five wrong guesses are on their way before the right one is sent.
    const first = Array.from({ length: 19 }, wrong);
    const right = t.anonymous.post('/api/auth/login', { email, password: TEST_PASSWORD });
    const rest = Array.from({ length: 20 }, wrong);
    const results = await Promise.all([...first, right, ...rest]);
    expect(results[19]!.statusCode).toBe(429);
    expect(results.filter((res) => res.statusCode === 401)).toHaveLength(5);
  });

  it('limits failures per IP address across accounts', async () => {
    const t2 = await createTestApp({ env: { CRM_LOGIN_MAX_FAILURES_PER_IP: '3' } });
    try {
      for (let i = 0; i < 3; i++) {
        await t2.anonymous.post('/api/auth/login', { email: `nobody${i}@example.test`, password: 'x' });
      }
      const res = await t2.anonymous.post('/api/auth/login', { email: 'someone-else@example.test', password: 'x' });
      expect(res.statusCode).toBe(429);
      expect(res.json().detail).toMatch(/from this address/);
    } finally {
      await t2.close();
    }
  });
});

describe('sessions', () => {
  it('survives a restart: a second app on the same database accepts the cookie', async () => {
    const sales = await t.userWithRole('sales');
    const { buildApp } = await import('@server/app');
    const second = await buildApp({ config: t.config, database: t.database, clock: t.clock });
    const res = await second.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: sales.cookie! },
    });
    expect(res.statusCode).toBe(200);
    await second.app.close();
  });

  it('expires after the idle timeout', async () => {
    const sales = await t.userWithRole('sales');
    t.clock.advance(29 * 60_000);
    expect((await sales.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(29 * 60_000); // active 29 min ago: still fine
    expect((await sales.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await sales.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('expires after the absolute lifetime even when used constantly', async () => {
    const sales = await t.userWithRole('sales');
    for (let h = 0; h < 9; h++) {
      // keep it alive with a request every 20 minutes
      for (let m = 0; m < 3; m++) {
        t.clock.advance(20 * 60_000);
        expect((await sales.get('/api/auth/session')).statusCode).toBe(200);
      }
    }
    t.clock.advance(61 * 60_000);
    expect((await sales.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('ends on logout', async () => {
    const sales = await t.userWithRole('sales');
    expect((await sales.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await sales.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const admin = await t.userWithRole('admin');
    const res = await admin.request({ method: 'POST', url: '/api/auth/logout', csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/CSRF/);
    expect(
      (
        await admin.request({
          method: 'POST',
          url: '/api/auth/logout',
          csrf: false,
          headers: { 'x-csrf-token': 'forged' },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('passwords', () => {
  it('lets a user change the password and log in with the new one', async () => {
    const sales = await t.userWithRole('sales');
    const bad = await sales.post('/api/auth/password', { currentPassword: 'wrong', newPassword: 'a-new-password-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('currentPassword');
    expect(
      (await sales.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.anonymous.post('/api/auth/login', { email: sales.email, password: 'a-new-password-1' })).statusCode,
    ).toBe(200);
  });

  it('ends the other sessions of the user and gives the current one a new CSRF token', async () => {
    const sales = await t.userWithRole('sales');
    const laptop = await t.login(sales.email);
    const changed = await sales.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a-new-password-1',
    });
    expect(changed.statusCode).toBe(200);
    const { csrfToken } = changed.json();
    expect(csrfToken).toEqual(expect.any(String));
    expect(csrfToken).not.toBe(sales.csrfToken);
    expect((await laptop.get('/api/auth/session')).statusCode).toBe(401);

    // The current session goes on, with the new token only.
    expect((await sales.get('/api/auth/session')).json().csrfToken).toBe(csrfToken);
    const withOld = await sales.request({ method: 'POST', url: '/api/notifications/read', payload: {} });
    expect(withOld.statusCode).toBe(403);
    const withNew = new TestClient(t.app, sales.cookie, csrfToken);
    expect((await withNew.post('/api/auth/logout')).statusCode).toBe(204);
  });

  it('keeps a user with a one-time password out of everything but the password change', async () => {
    const admin = await t.userWithRole('admin');
    const created = await admin.post('/api/users', {
      email: 'neu@example.test',
      firstName: 'Nina',
      lastName: 'Neu',
      role: 'sales',
      homeLocationId: t.location.id,
    });
    expect(created.statusCode).toBe(201);
    const oneTime = created.json().initialPassword as string;
    expect(oneTime).toHaveLength(16);
    const nina = await t.login('neu@example.test', oneTime);
    expect((await nina.get('/api/auth/session')).json().user.mustChangePassword).toBe(true);
    expect((await nina.get('/api/locations')).statusCode).toBe(403);
    await nina.post('/api/auth/password', { currentPassword: oneTime, newPassword: 'ninas-own-password' });
    expect((await nina.get('/api/locations')).statusCode).toBe(200);
  });
});

describe('API keys', () => {
  it('are shown once, stored hashed, scoped, and stop working when revoked', async () => {
    const admin = await t.userWithRole('admin');
    const res = await admin.post('/api/admin/api-keys', { name: 'Telefonanlage', scopes: ['telephony'] });
    expect(res.statusCode).toBe(201);
    const { id, secret, prefix } = res.json();
    expect(secret).toMatch(/^crm_/);
    expect(secret.startsWith(prefix)).toBe(true);
    const listed = (await admin.get('/api/admin/api-keys')).json();
    expect(JSON.stringify(listed)).not.toContain(secret);
    const stored = await t.database.query<{ key_hash: string }>('SELECT key_hash FROM api_keys');
    expect(stored[0]!.key_hash).not.toContain(secret);

    // A key is no user: user routes refuse it with 403.
    const asKey = await t.anonymous.get('/api/users', { authorization: `Bearer ${secret}` });
    expect(asKey.statusCode).toBe(403);
    const unknown = await t.anonymous.get('/api/users', { authorization: 'Bearer crm_not-a-key' });
    expect(unknown.statusCode).toBe(401);

    expect((await admin.delete(`/api/admin/api-keys/${id}`)).statusCode).toBe(204);
    expect((await t.anonymous.get('/api/users', { 'x-api-key': secret })).statusCode).toBe(401);
    expect((await admin.delete(`/api/admin/api-keys/${id}`)).statusCode).toBe(404);
  });

  it('can only be managed by admins', async () => {
    const manager = await t.userWithRole('manager');
    expect((await manager.post('/api/admin/api-keys', { name: 'x', scopes: ['intake'] })).statusCode).toBe(403);
  });
});
