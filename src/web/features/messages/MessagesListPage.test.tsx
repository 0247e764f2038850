import '@web/features/customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, MUNICH_ID, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const firstRender = { timeout: 15_000 };
const manager = { ...adminUser, role: 'manager' as const, locationIds: [MUNICH_ID] };
const person = (id: string, displayName: string) => ({ id, displayName });
const message = {
  id: '9a000000-0000-4000-8000-000000000001',
  type: 'house_rules',
  locationId: MUNICH_ID,
  contact: { id: '9b000000-0000-4000-8000-000000000001', displayName: 'Bernd Müller', customerNumber: 'K-100377' },
  responsible: person(adminUser.id, 'Petra Schneider'),
  enteredBy: person(salesUser.id, 'Jonas Weber'),
  createdBy: null,
  text: 'Hat im Wartebereich geraucht.',
  internalSubject: null,
  checkEntryId: null,
  checkName: null,
  checkDay: null,
  blockReason: null,
  blockUntil: null,
  houseRule: 'Hausordnung §3',
  channel: null,
  requestId: null,
  unblockState: null,
  confirmedBy: null,
  confirmedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  archivedAt: null,
  createdAt: '2026-03-02T08:00:00.000Z',
};

describe("the managers' list of a location's messages", { timeout: 60_000 }, () => {
  it('is reached from "Meine Nachrichten" and asks the server by location, type and archive', async () => {
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(manager),
      'GET /api/locations': { body: locations },
      'GET /api/users/directory': { body: [] },
      'GET /api/messages/inbox': { body: { items: [], nextCursor: null } },
      'GET /api/messages': { body: { items: [message], nextCursor: null } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/messages');

    await user.click(await screen.findByRole('link', { name: 'Alle Mitteilungen des Standorts' }, firstRender));
    expect(await screen.findByText('Hat im Wartebereich geraucht.', {}, firstRender)).toBeInTheDocument();
    const lists = () =>
      fetchMock.mock.calls
        .map(([url]) => new URL(String(url), 'http://localhost'))
        .filter((url) => url.pathname === '/api/messages');
    expect(lists()[0]?.searchParams.get('locationId')).toBe(MUNICH_ID);
    expect(lists()[0]?.searchParams.get('archived')).toBe('false');

    await user.click(screen.getByRole('radio', { name: 'Archiviert' }));
    await waitFor(() => expect(lists().at(-1)?.searchParams.get('archived')).toBe('true'));
  });

  it('is not offered to a salesperson', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/messages/inbox': { body: { items: [], nextCursor: null } },
    });
    renderApp('/messages');
    expect(await screen.findByText('Keine neuen Mitteilungen an Sie.', {}, firstRender)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Alle Mitteilungen des Standorts' })).toBeNull();
  });
});
