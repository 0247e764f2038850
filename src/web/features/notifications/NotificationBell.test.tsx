import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

/** Just enough of EventSource: the test plays the server and emits named events. */
class FakeEventSource {
  static CLOSED = 2;
  static instances: FakeEventSource[] = [];
  readonly url: string;
  readyState = 1;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, Array<(event: MessageEvent) => void>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

const notification = {
  id: '9d9d9d9d-0000-4000-8000-000000000001',
  kind: 'request.assigned',
  title: 'Neues Anliegen A-100012: Bitte um Rückruf',
  body: 'Anna Müller · Rückruf',
  link: '/requests/6c1d2e3f-4a5b-4c6d-8e7f-300000000001',
  data: { number: 'A-100012' },
  createdAt: '2024-05-06T08:00:00.000Z',
  readAt: null,
};

describe('NotificationBell', { timeout: 60_000 }, () => {
  it('shows a live notification at once: toast, bell count and fresh work-list counts', async () => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    let countsAsked = 0;
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/notifications/unread-count': { body: { unreadCount: 0 } },
      'GET /api/notifications': { body: { items: [notification], nextCursor: null, unreadCount: 1 } },
      'GET /api/requests/counts': () => {
        countsAsked += 1;
        return { body: { mine: countsAsked > 1 ? 1 : 0, mineOverdue: 0, team: 0, unassigned: 0 } };
      },
    });
    const user = userEvent.setup({ delay: null });
    const { router } = renderApp('/');

    await screen.findByRole('heading', { name: /Jonas/ });
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const stream = FakeEventSource.instances[0]!;
    expect(stream.url).toBe('/api/events');
    await waitFor(() => expect(countsAsked).toBe(1));

    act(() => stream.emit('notification', notification));

    expect(await screen.findByText('Neues Anliegen A-100012: Bitte um Rückruf')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Benachrichtigungen, 1 ungelesen' })).toBeInTheDocument();
    // The work lists and the navigation badge are asked again without a reload.
    await waitFor(() => expect(countsAsked).toBeGreaterThan(1));
    expect(await screen.findByLabelText('1 offene Anliegen')).toBeInTheDocument();

    // A click on the toast opens the request.
    await user.click(screen.getByText('Anna Müller · Rückruf'));
    await waitFor(() => expect(router.state.location.pathname).toBe(notification.link));
  });
});
