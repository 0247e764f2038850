import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@web/test/event-source';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const notification = (n: number) => ({
  id: `9d9d9d9d-0000-4000-8000-00000000000${n}`,
  kind: 'request.assigned',
  title: `Neues Anliegen A-10001${n}`,
  body: null,
  link: null,
  data: {},
  createdAt: '2024-05-06T08:00:00.000Z',
  readAt: null,
});

const BANNER = 'Live-Aktualisierung unterbrochen – wird wiederhergestellt …';

function stubServer(user = salesUser) {
  const asked = { lists: 0, liveCalls: 0 };
  stubFetch({
    'GET /api/auth/session': session(user),
    'GET /api/locations': { body: locations },
    'GET /api/notifications/unread-count': { body: { unreadCount: 0 } },
    'GET /api/requests/counts': () => {
      asked.lists += 1;
      return { body: { mine: 0, mineOverdue: 0, team: 0, unassigned: 0 } };
    },
    'GET /api/calls/live': () => {
      asked.liveCalls += 1;
      return { body: { items: [] } };
    },
  });
  return asked;
}

describe('live updates interrupted', { timeout: 60_000 }, () => {
  it('tells the user, reconnects by itself from the last event seen, and says nothing once it is back', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    const asked = stubServer();
    renderApp('/');

    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const first = FakeEventSource.instances[0]!;
    act(() => first.emit('ready', { unreadCount: 0 }));
    act(() => first.emit('notification', notification(1), '41'));
    expect(await screen.findByText('Neues Anliegen A-100011')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: BANNER })).toBeNull();

    // The server answers 5xx: the browser's own retry would give up for good.
    act(() => first.fail());
    expect(await screen.findByText(BANNER)).toBeInTheDocument();
    expect(first.readyState).toBe(FakeEventSource.CLOSED);

    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(2), { timeout: 5000 });
    const second = FakeEventSource.instances[1]!;
    expect(second.url).toBe('/api/events?lastEventId=41');
    const [listsBefore, callsBefore] = [asked.lists, asked.liveCalls];

    // The catch-up may repeat what was seen: shown once. What is new is shown.
    act(() => second.emit('notification', notification(1), '41'));
    act(() => second.emit('notification', notification(2), '42'));
    expect(await screen.findByText('Neues Anliegen A-100012')).toBeInTheDocument();
    expect(screen.getAllByText('Neues Anliegen A-100011')).toHaveLength(1);

    act(() => second.emit('ready', { unreadCount: 2 }));
    await waitFor(() => expect(screen.queryByText(BANNER)).toBeNull());
    // Whatever changed meanwhile is fetched again: work lists and calls going on.
    await waitFor(() => expect(asked.lists).toBeGreaterThan(listsBefore));
    await waitFor(() => expect(asked.liveCalls).toBeGreaterThan(callsBefore));
  });

  it('says so in English to a user who reads English', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    stubServer({ ...salesUser, locale: 'en' });
    renderApp('/');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    act(() => FakeEventSource.instances[0]!.fail());
    expect(await screen.findByRole('status')).toHaveTextContent('Live updates interrupted – reconnecting …');
  });
});
