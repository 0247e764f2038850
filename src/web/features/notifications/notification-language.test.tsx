import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@web/test/event-source';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

/** As the server stores it when a German colleague hands over a request: German title, key and parameters. */
const handedOver = {
  id: '9d9d9d9d-0000-4000-8000-000000000002',
  kind: 'request.assigned',
  title: 'Neues Anliegen A-100013: Probefahrt Golf',
  body: 'Kunde: Anna Müller · zugewiesen von Petra Schmidt: Urlaub',
  text: {
    key: 'notification.requestAssigned',
    params: {
      number: 'A-100013',
      subject: 'Probefahrt Golf',
      customer: 'Anna Müller',
      onBehalfOf: null,
      reassignedBy: 'Petra Schmidt',
      reason: 'Urlaub',
    },
  },
  link: '/requests/6c1d2e3f-4a5b-4c6d-8e7f-300000000002',
  data: { number: 'A-100013' },
  createdAt: '2024-05-06T08:00:00.000Z',
  readAt: null,
};

describe('a notification in the reader’s language', { timeout: 60_000 }, () => {
  it('shows an English user the toast and the bell entry in English', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    stubFetch({
      'GET /api/auth/session': session({ ...salesUser, locale: 'en' }),
      'GET /api/locations': { body: locations },
      'GET /api/notifications/unread-count': { body: { unreadCount: 0 } },
      'GET /api/notifications': { body: { items: [handedOver], nextCursor: null, unreadCount: 1 } },
      'GET /api/requests/counts': { body: { mine: 1, mineOverdue: 0, team: 0, unassigned: 0 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/');
    await screen.findByRole('heading', { name: /Jonas/ });
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));

    act(() => FakeEventSource.instances[0]!.emit('notification', handedOver));
    expect(await screen.findByText('New request A-100013: Probefahrt Golf')).toBeInTheDocument();
    expect(screen.getByText('Customer: Anna Müller · assigned by Petra Schmidt: Urlaub')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await waitFor(() => expect(screen.getAllByText('New request A-100013: Probefahrt Golf')).toHaveLength(2));
    expect(screen.queryByText('Neues Anliegen A-100013: Probefahrt Golf')).not.toBeInTheDocument();
  });
});
