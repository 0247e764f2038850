import '@web/features/customers/test-polyfills';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications as toasts } from '@mantine/notifications';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@web/test/event-source';
import { stubFetch, type StubReply } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import i18next from '@web/i18n';
import { renderApp } from '@web/test/render';

const ACTIVITY_ID = '5a5a5a5a-0000-4000-8000-000000000001';
const CONTACT_ID = '6b6b6b6b-0000-4000-8000-000000000001';

function reminder(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `9d9d9d9d-0000-4000-8000-00000000000${n}`,
    kind: 'activity.reminder',
    title: 'Anruf: Herrn Weber anrufen',
    body: 'Fällig 30.03.26, 10:00',
    text: {
      key: 'notification.activityReminder',
      params: {
        activityId: ACTIVITY_ID,
        type: 'call',
        subject: n === 1 ? 'Herrn Weber anrufen' : `Rückruf ${n}`,
        when: '2026-03-30T08:00:00.000Z',
        customer: 'Weber, Klaus',
        place: null,
        onBehalfOf: null,
      },
    },
    link: `/customers/${CONTACT_ID}?activity=${ACTIVITY_ID}`,
    data: { activityId: ACTIVITY_ID, contactId: CONTACT_ID, type: 'call' },
    createdAt: `2026-03-30T08:0${n}:00.000Z`,
    readAt: null,
    ...overrides,
  };
}

const activity = {
  id: ACTIVITY_ID,
  type: 'call',
  status: 'open',
  subject: 'Herrn Weber anrufen',
  remindAt: null,
};

function stubs(extra: Record<string, StubReply | ((r: { body: unknown }) => StubReply)> = {}, unread: unknown[] = []) {
  return stubFetch({
    'GET /api/auth/session': session(salesUser),
    'GET /api/locations': { body: locations },
    'GET /api/notifications/unread-count': { body: { unreadCount: unread.length } },
    'GET /api/notifications': { body: { items: unread, nextCursor: null, unreadCount: unread.length } },
    'POST /api/notifications/read': { body: { updated: 1, unreadCount: 0 } },
    'GET /api/activities/due': { body: { overdue: 0, today: 0, items: [] } },
    [`GET /api/activities/${ACTIVITY_ID}`]: { body: activity },
    ...extra,
  });
}

/** The page is open and its stream listening; the server sends a reminder. */
async function arrives(notification: ReturnType<typeof reminder>) {
  await waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(0));
  act(() => FakeEventSource.instances.at(-1)!.emit('notification', notification, notification.id));
  return screen.findByRole('article', { name: `Anruf: ${notification.text.params.subject}` }, { timeout: 5000 });
}

describe('the reminder card', { timeout: 60_000 }, () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    act(() => toasts.clean());
  });

  it('shows a live reminder as a card instead of a toast, and snoozes it for 15 minutes', async () => {
    const { requests } = stubs({
      [`POST /api/activities/${ACTIVITY_ID}/snooze`]: { body: { ...activity, remindAt: '2026-03-30T08:20:00.000Z' } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/');

    const card = await arrives(reminder(1));
    expect(within(card).getByText(/Fällig 30\.03\.26, 10:00 · Weber, Klaus/)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Erinnerungen' })).toContainElement(card);
    // No toast besides: the card is the one place it shows.
    expect(screen.queryAllByRole('alert').filter((a) => a.textContent?.includes('Weber'))).toEqual([]);

    await user.click(within(card).getByRole('button', { name: /Später erinnern/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'In 15 Minuten' }));

    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    const snooze = requests.find((r) => r.path === `/api/activities/${ACTIVITY_ID}/snooze`);
    expect(snooze?.body).toEqual({ minutes: 15 });
    expect(requests.find((r) => r.path === '/api/notifications/read')?.body).toEqual({ ids: [reminder(1).id] });
    expect(await screen.findByText(/wir erinnern Sie um 10:20 Uhr erneut/)).toBeInTheDocument();
  });

  it('completes through the dialog with its result, and says in words when it was done already', async () => {
    let status = 'open';
    const { requests } = stubs({
      [`GET /api/activities/${ACTIVITY_ID}`]: () => ({ body: { ...activity, status, version: 1 } }),
      [`GET /api/activities/${ACTIVITY_ID}/follow-up`]: { body: null },
      [`POST /api/activities/${ACTIVITY_ID}/complete`]: () => {
        status = 'done';
        return { body: { activity: { ...activity, status: 'done' }, followUp: null } };
      },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/');

    const first = await arrives(reminder(1));
    // Enabled once the activity is loaded.
    await waitFor(() => expect(within(first).getByRole('button', { name: 'Erledigt' })).toBeEnabled());
    await user.click(within(first).getByRole('button', { name: 'Erledigt' }));
    // Done asks how it went and offers the follow-up, like every completion.
    const dialog = await screen.findByRole('dialog', { name: /Erledigen: Herrn Weber anrufen/ });
    await user.click(within(dialog).getByText('erreicht', { exact: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Erledigen' }));
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    expect(requests.find((r) => r.path.endsWith('/complete'))?.body).toMatchObject({ result: 'reached' });
    expect(requests.find((r) => r.path === '/api/notifications/read')?.body).toEqual({ ids: [reminder(1).id] });

    // A second reminder of the same activity, done meanwhile.
    const second = await arrives(reminder(2));
    expect(await within(second).findByText('Diese Aktivität ist bereits erledigt.')).toBeInTheDocument();
    expect(within(second).queryByRole('button', { name: 'Erledigt' })).not.toBeInTheDocument();
    await user.click(within(second).getByRole('button', { name: 'Erinnerung schließen' }));
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
  });

  it('opens the customer and shows reminders that fired while the page was closed, newest first', async () => {
    const unread = [reminder(3), reminder(2), { ...reminder(1), kind: 'request.assigned' }];
    const { requests } = stubs({}, unread);
    const user = userEvent.setup({ delay: null });
    const { router } = renderApp('/');

    const cards = await screen.findAllByRole('article', {}, { timeout: 5000 });
    expect(cards.map((card) => within(card).getByText(/^Anruf:/).textContent)).toEqual([
      'Anruf: Rückruf 3',
      'Anruf: Rückruf 2',
    ]);

    // Keyboard: Alt+R jumps to the newest card from anywhere; its buttons follow in the tab order.
    await user.keyboard('{Alt>}r{/Alt}');
    expect(within(cards[0]!).getByRole('button', { name: 'Erinnerung schließen' })).toHaveFocus();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(within(cards[0]!).getByRole('button', { name: 'Kunde öffnen' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/customers/${CONTACT_ID}`));
    expect(router.state.location.search).toBe(`?activity=${ACTIVITY_ID}`);
    expect(requests.find((r) => r.path === '/api/notifications/read')?.body).toEqual({ ids: [reminder(3).id] });
    expect(screen.getAllByRole('article')).toHaveLength(1);

    // Read in another tab: the card goes here too.
    act(() =>
      FakeEventSource.instances.at(-1)!.emit('notifications.read', { ids: [reminder(2).id], unreadCount: 0 }, '77'),
    );
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
  });

  it('speaks English to an English user, from the stored key rather than the German title', async () => {
    stubFetch({
      'GET /api/auth/session': session({ ...salesUser, locale: 'en' }),
      'GET /api/locations': { body: locations },
      'GET /api/notifications': { body: { items: [], nextCursor: null, unreadCount: 0 } },
      'GET /api/activities/due': { body: { overdue: 0, today: 0, items: [] } },
      [`GET /api/activities/${ACTIVITY_ID}`]: { body: activity },
    });
    renderApp('/');
    await screen.findByRole('link', { name: 'Customers' });
    await waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(0));
    act(() => FakeEventSource.instances.at(-1)!.emit('notification', reminder(1), '5'));

    const card = await screen.findByRole('article', { name: 'Call: Herrn Weber anrufen' });
    expect(within(card).getByText('Due 30/03/2026, 10:00 · Weber, Klaus')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Done' })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: /Remind me later/ })).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Open customer' })).toBeInTheDocument();
    await act(() => i18next.changeLanguage('de'));
  });
});
