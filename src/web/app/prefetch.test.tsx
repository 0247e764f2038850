import { describe, expect, it } from 'vitest';
import { customerRoutes } from '@web/features/customers/routes';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { createAppQueryClient } from './query-client';

const listRoute = customerRoutes.find((route) => route.path === 'customers')!;
const recordRoute = customerRoutes.find((route) => route.path === 'customers/:id')!;

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function askedFor(fetchMock: ReturnType<typeof stubFetch>['fetchMock']) {
  return fetchMock.mock.calls.map(([input]) => {
    const url = new URL(String(input), 'http://localhost');
    return url.pathname + url.search;
  });
}

describe('a page’s data on a cold load', () => {
  it('is asked for by the router, with the list’s filters from the address, once the session is known', async () => {
    const client = createAppQueryClient();
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/contacts': { body: { items: [], nextCursor: null } },
    });
    const loader = listRoute.loader as (args: unknown) => unknown;
    expect(
      loader({ request: new Request('http://localhost/customers?kind=company&sort=updatedAt&dir=desc'), params: {} }),
    ).toBeNull();
    await settle();
    expect(askedFor(fetchMock)).toEqual([
      '/api/auth/session',
      '/api/contacts?sort=updatedAt&dir=desc&kind=company&limit=50',
    ]);
    // The page's own query finds the answer there.
    expect(client.getQueryData(['contacts', 'list', { sort: 'updatedAt', dir: 'desc', kind: 'company' }])).toBeTruthy();
  });

  it('asks for the record’s customer, and for nothing without a session', async () => {
    createAppQueryClient();
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/contacts/c-1': { body: { id: 'c-1' } },
    });
    const loader = recordRoute.loader as (args: unknown) => unknown;
    loader({ request: new Request('http://localhost/customers/c-1'), params: { id: 'c-1' } });
    await settle();
    expect(askedFor(fetchMock)).toEqual(['/api/auth/session', '/api/contacts/c-1']);

    createAppQueryClient();
    const loggedOut = stubFetch({ 'GET /api/auth/session': problem(401) });
    loader({ request: new Request('http://localhost/customers/c-1'), params: { id: 'c-1' } });
    await settle();
    expect(askedFor(loggedOut.fetchMock)).toEqual(['/api/auth/session']);
  });
});
