import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import type { UserActor } from '../src/server/http/access';
import type { Services } from '../src/server/services';

const EMAIL = 'bench-admin@example.test';
const PASSWORD = 'bench-password-1234';

export interface BenchApp {
  app: FastifyInstance;
  services: Services;
  /** The benchmark's admin, for service calls that need an actor. */
  actor: UserActor;
  /** A logged-in admin working at the first location (as sessions are: cookie and CSRF token). */
  asUser(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** A telephony API key, as a PBX calls the caller-id lookup. */
  asPbx(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The whole application on the benchmark database. Requests go through
 * app.inject: routing, authentication, validation and serialisation are
 * measured, the network is not.
 */
export async function startBenchApp(database: Database): Promise<BenchApp> {
  const config = loadConfig({ LOG_LEVEL: 'error', CRM_DEMO: 'false' });
  const { app, services } = await buildApp({ config, database, logger: pino({ level: 'error' }) });
  await app.ready();

  const [location] = await database.query<{ id: string }>("SELECT id FROM locations WHERE code = 'MUC'");
  const existing = await database.query('SELECT 1 FROM users WHERE email = $1', [EMAIL]);
  if (existing.length === 0) {
    await services.org.createUser(
      null,
      {
        email: EMAIL,
        firstName: 'Bench',
        lastName: 'Admin',
        role: 'admin',
        homeLocationId: location!.id,
        locationIds: [],
        department: null,
        phoneExtension: null,
        locale: 'de',
        active: true,
        password: PASSWORD,
      },
      { mustChangePassword: false },
    );
  }
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: EMAIL, password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = login.json().csrfToken as string;

  const key = await app.inject({
    method: 'POST',
    url: '/api/admin/api-keys',
    headers: { cookie, 'x-csrf-token': csrf },
    payload: { name: `bench ${new Date().toISOString()}`, scopes: ['telephony'] },
  });
  if (key.statusCode !== 201) throw new Error(`bench API key failed: ${key.statusCode} ${key.body}`);
  const secret = key.json().secret as string;

  const [user] = await database.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [EMAIL]);
  const actor: UserActor = {
    kind: 'user',
    userId: user!.id,
    role: 'admin',
    email: EMAIL,
    displayName: 'Bench Admin',
    homeLocationId: location!.id,
    locationIds: [location!.id],
    locale: 'de',
    mustChangePassword: false,
    sessionId: 'bench',
    csrfToken: csrf,
  };

  return {
    app,
    services,
    actor,
    asUser: (options) =>
      app.inject({ ...options, headers: { ...(options.headers as object), cookie, 'x-csrf-token': csrf } }),
    asPbx: (options) => app.inject({ ...options, headers: { ...(options.headers as object), 'x-api-key': secret } }),
    close: () => app.close(),
  };
}
