import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@web/test/event-source';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

function mainNav() {
  return within(screen.getByRole('navigation', { name: 'Hauptnavigation' }));
}

describe('the overdue count beside "Kalender"', { timeout: 60_000 }, () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('counts my overdue activities and follows a reminder firing at once', async () => {
    let overdue = 2;
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/notifications': { body: { items: [], nextCursor: null, unreadCount: 0 } },
      'GET /api/activities/due': () => ({ body: { overdue, today: 1, items: [] } }),
    });
    renderApp('/customers');

    const calendar = await screen.findByRole('link', { name: /Kalender/ });
    expect(await within(calendar).findByLabelText('2 überfällige Aktivitäten')).toHaveTextContent('2');

    // A reminder fires: the activity is due now, the count is asked again without waiting for the next round.
    overdue = 3;
    await waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(0));
    act(() =>
      FakeEventSource.instances.at(-1)!.emit(
        'notification',
        {
          id: '9d9d9d9d-0000-4000-8000-000000000009',
          kind: 'activity.reminder',
          title: 'Anruf: x',
          body: null,
          text: null,
          link: null,
          data: { activityId: '5a5a5a5a-0000-4000-8000-000000000001' },
          createdAt: '2026-03-30T08:00:00.000Z',
          readAt: null,
        },
        '41',
      ),
    );
    expect(await within(calendar).findByLabelText('3 überfällige Aktivitäten')).toHaveTextContent('3');

    // All done: no badge at all, rather than a zero.
    overdue = 0;
    act(() => FakeEventSource.instances.at(-1)!.emit('ready', { unreadCount: 0 }));
    await waitFor(() => expect(mainNav().queryByLabelText(/überfällige Aktivität/)).not.toBeInTheDocument());
    expect(mainNav().getByRole('link', { name: 'Kalender' })).toBeInTheDocument();
  });
});
