import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('system', () => {
  it('reports health and readiness with the engine in use', async () => {
    expect((await t.anonymous.get('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = (await t.anonymous.get('/api/ready')).json();
    expect(ready.status).toBe('ready');
    expect(['pglite', 'postgres']).toContain(ready.engine);
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    const login = spec.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['email', 'password']);
    expect(spec.paths['/api/users'].get.security).toEqual([{ session: [] }]);
    expect((await t.anonymous.get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('answers unknown API routes and malformed JSON with problem+json', async () => {
    const missing = await t.anonymous.get('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const malformed = await t.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ status: 400, errors: [{ field: 'body' }] });
  });

  it('tags every response with a request id, honouring one sent by a proxy', async () => {
    const own = await t.anonymous.get('/api/health');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.anonymous.get('/api/health', { 'x-request-id': 'lb-1234' });
    expect(given.headers['x-request-id']).toBe('lb-1234');
  });

  it('has pg_trgm and unaccent available for search', async () => {
    const [row] = await t.database.query<{ u: string; s: number }>(
      "SELECT f_unaccent('Müller Café') AS u, similarity('Mueller', 'Muller')::float AS s",
    );
    expect(row!.u).toBe('Muller Cafe');
    expect(row!.s).toBeGreaterThan(0.3);
  });
});
