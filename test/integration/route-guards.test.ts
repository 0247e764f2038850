import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/org/enums';
import { createTestApp, type TestApp, type TestClient } from '../support/app';

/**
 * Walks every API route the app registers, so a route added later is covered
 * without anyone remembering to: no session → 401, wrong role → 403, and a
 * bad body or path parameter → 400 problem+json naming the field.
 */
let t: TestApp;
const clients = {} as Record<Role, TestClient>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) clients[role] = await t.userWithRole(role);
});
afterAll(() => t.close());

const UUID = '00000000-0000-4000-8000-000000000000';

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ in: string; name: string; schema?: { enum?: string[] } }>;
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};
const spec = () => t.app.swagger() as unknown as Spec;
const operation = (method: string, url: string) =>
  spec().paths[url.replace(/:([a-zA-Z]+)/g, '{$1}')]?.[method.toLowerCase()];

/** A path with valid-looking parameters: an enum parameter gets its first value, any other a UUID. */
function fill(url: string, method = 'GET') {
  const params = operation(method, url)?.parameters ?? [];
  return url.replace(
    /:([a-zA-Z]+)/g,
    (_, name: string) => params.find((p) => p.in === 'path' && p.name === name)?.schema?.enum?.[0] ?? UUID,
  );
}
const guarded = () => t.app.routeAccess.filter((r) => !('public' in r.access) && 'roles' in r.access);

type JsonSchema = { properties?: Record<string, { type?: string | string[] }>; required?: string[] };

function bodySchema(method: string, url: string): JsonSchema | undefined {
  return operation(method, url)?.requestBody?.content['application/json']?.schema;
}

describe('every route', () => {
  it('declares its access and at least one route exists per module', () => {
    const urls = t.app.routeAccess.map((r) => r.url);
    expect(urls).toContain('/api/users');
    expect(urls).toContain('/api/locations');
    expect(urls).toContain('/api/admin/api-keys');
  });

  it('answers 401 problem+json without a session', async () => {
    for (const route of guarded()) {
      const res = await t.anonymous.request({
        method: route.method as 'GET',
        url: fill(route.url, route.method),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 403 to every role the route does not admit', async () => {
    let checked = 0;
    for (const route of guarded()) {
      const access = route.access as { roles: readonly Role[] | 'any' };
      if (access.roles === 'any') continue;
      for (const outsider of ROLES.filter((r) => !(access.roles as readonly Role[]).includes(r))) {
        const res = await clients[outsider].request({
          method: route.method as 'GET',
          url: fill(route.url),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${outsider} → ${route.method} ${route.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('lets staff read the assignment rules, while only managers and admins may change or try them', () => {
    const rules = t.app.routeAccess.filter((r) => r.url.startsWith('/api/assignment/'));
    const rolesOf = (r: (typeof rules)[number]) => (r.access as { roles: readonly Role[] }).roles;
    const read = rules.find((r) => r.method === 'GET' && r.url === '/api/assignment/rules')!;
    expect([...rolesOf(read)].sort()).toEqual([...ROLES].sort());
    const writes = rules.filter((r) => r !== read);
    expect(writes.length).toBeGreaterThanOrEqual(5);
    for (const route of writes)
      expect([...rolesOf(route)].sort(), `${route.method} ${route.url}`).toEqual(['admin', 'manager']);
  });

  it('answers 400 naming the field for a bad body or path parameter', async () => {
    let checked = 0;
    for (const route of guarded()) {
      const access = route.access as { roles: readonly Role[] | 'any' };
      const insider = access.roles === 'any' ? 'admin' : access.roles.includes('admin') ? 'admin' : access.roles[0]!;
      const client = clients[insider];
      if (route.url.includes(':')) {
        const res = await client.request({
          method: route.method as 'GET',
          url: route.url.replace(/:[a-zA-Z]+/g, 'not-an-id'),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        });
        expect(res.statusCode, `${route.method} ${route.url} with a bad id`).toBe(400);
        const param = /:([a-zA-Z]+)/.exec(route.url)![1]!;
        expect(
          res.json().errors.map((e: { field: string }) => e.field),
          route.url,
        ).toContain(param);
        checked++;
      }
      const schema = bodySchema(route.method, route.url);
      const props = Object.entries(schema?.properties ?? {});
      if (props.length === 0) continue;
      // Give every field a value of the wrong type.
      const bad = Object.fromEntries(
        props.map(([k, p]) => [k, [p.type].flat().includes('object') ? 12345 : { wrong: true }]),
      );
      const res = await client.request({
        method: route.method as 'POST',
        url: fill(route.url, route.method),
        payload: bad,
      });
      expect(res.statusCode, `${route.method} ${route.url} with a bad body`).toBe(400);
      const body = res.json();
      expect(body.status).toBe(400);
      const fields = body.errors.map((e: { field: string }) => e.field.split('.')[0]);
      expect(fields, `${route.method} ${route.url}`).toContain(props[0]![0]);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});
