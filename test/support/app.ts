import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { buildApp } from '@server/app';
import { type Config, loadConfig } from '@server/config';
import type { Database } from '@server/db/client';
import { ManualClock } from '@server/lib/clock';
import type { Services } from '@server/services';
import type { Role } from '@shared/org/enums';
import type { LocationInput } from '@shared/org/schemas';
import { createTestDatabase } from './database';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  clock: ManualClock;
  config: Config;
  /** A client without a session. */
  anonymous: TestClient;
  /** Logs in and returns a client that carries the cookie and CSRF token. */
  login(email: string, password?: string): Promise<TestClient>;
  /** Creates a user with the role at the location and logs them in. */
  userWithRole(
    role: Role,
    options?: { locationId?: string; extraLocationIds?: string[] },
  ): Promise<TestClient & { userId: string; email: string }>;
  location: { id: string; code: string };
  close(): Promise<void>;
}

export class TestClient {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie?: string,
    readonly csrfToken?: string,
  ) {}

  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.csrf !== false && options.method && options.method !== 'GET') {
      headers['x-csrf-token'] = this.csrfToken;
    }
    return this.app.inject({ ...options, headers });
  }
  get = (url: string, headers?: Record<string, string>) => this.request({ method: 'GET', url, headers });
  post = (url: string, payload?: unknown, headers?: Record<string, string>) =>
    this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  patch = (url: string, payload?: unknown) =>
    this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  put = (url: string, payload?: unknown) =>
    this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  delete = (url: string) => this.request({ method: 'DELETE', url });
}

export const testLocation = (overrides: Partial<LocationInput> = {}): LocationInput => ({
  name: 'Autohaus Test Stuttgart',
  code: 'STR',
  street: 'Heilbronner Straße 100',
  postalCode: '70191',
  city: 'Stuttgart',
  phone: '+49 711 123456',
  email: 'stuttgart@example.test',
  federalState: 'BW',
  openingHours: {
    mon: [{ from: '08:00', to: '18:00' }],
    tue: [{ from: '08:00', to: '18:00' }],
    wed: [{ from: '08:00', to: '18:00' }],
    thu: [{ from: '08:00', to: '18:00' }],
    fri: [{ from: '08:00', to: '17:00' }],
    sat: [],
    sun: [],
  },
  active: true,
  ...overrides,
});

let counter = 0;

/** The whole app on a fresh database with one location; nothing shared between test files. */
export async function createTestApp(
  options: {
    env?: NodeJS.ProcessEnv;
    clock?: ManualClock;
    /** Where the database comes from; by default a copy of the migrated template. */
    database?: () => Promise<Database>;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const database = await (options.database ?? createTestDatabase)();
  const clock = options.clock ?? new ManualClock('2026-03-02T08:00:00Z');
  const { app, services } = await buildApp({ config, database, clock, logger: pino({ level: 'silent' }) });
  await app.ready();
  const location = await services.org.createLocation(null, testLocation());

  async function login(email: string, password = TEST_PASSWORD) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return new TestClient(app, cookie, res.json().csrfToken as string);
  }

  return {
    app,
    services,
    database,
    clock,
    config,
    location: { id: location.id, code: location.code },
    anonymous: new TestClient(app),
    login,
    async userWithRole(role, opts = {}) {
      const email = `${role}${++counter}@example.test`;
      const { user } = await services.org.createUser(
        null,
        {
          email,
          firstName: role,
          lastName: `Tester${counter}`,
          role,
          homeLocationId: opts.locationId ?? location.id,
          locationIds: opts.extraLocationIds ?? [],
          department: null,
          phoneExtension: null,
          locale: 'de',
          active: true,
          password: TEST_PASSWORD,
        },
        { mustChangePassword: false },
      );
      return Object.assign(await login(email), { userId: user.id, email });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
