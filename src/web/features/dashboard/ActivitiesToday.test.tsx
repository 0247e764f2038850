import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const owner = { id: salesUser.id, displayName: salesUser.displayName };

function activity(n: number, overrides: Record<string, unknown>) {
  return {
    id: `5a5a5a5a-0000-4000-8000-00000000000${n}`,
    type: 'call',
    status: 'open',
    subject: `Aktivität ${n}`,
    note: null,
    priority: 'normal',
    owner,
    createdBy: owner,
    locationId: locations[0]!.id,
    contact: null,
    vehicle: null,
    request: null,
    allDay: false,
    dueOn: null,
    startsAt: '2026-03-30T08:00:00.000Z',
    endsAt: null,
    place: null,
    reminderMinutesBefore: 0,
    remindAt: null,
    overdue: false,
    result: null,
    resultNote: null,
    completedAt: null,
    completedBy: null,
    cancelledAt: null,
    cancelReason: null,
    followUpOfId: null,
    sequence: 0,
    version: 1,
    createdAt: '2026-03-20T08:00:00.000Z',
    updatedAt: '2026-03-20T08:00:00.000Z',
    ...overrides,
  };
}

const weber = activity(1, {
  subject: 'Herrn Weber anrufen',
  overdue: true,
  startsAt: '2026-03-27T09:30:00.000Z',
  contact: { id: '6b6b6b6b-0000-4000-8000-000000000001', label: 'Weber, Klaus' },
});
const letter = activity(2, { type: 'letter', subject: 'Angebot schicken', allDay: true, dueOn: '2026-03-30' });
const testDrive = activity(3, { type: 'test_drive', subject: 'Probefahrt Golf', startsAt: '2026-03-30T12:00:00.000Z' });

describe('"Heute & überfällig" on the home page', { timeout: 60_000 }, () => {
  it('lists overdue and today’s activities; done and open work from the row', async () => {
    let items = [weber, letter, testDrive];
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/activities/due': () => ({
        body: { overdue: items.filter((a) => a.overdue).length, today: 2, items },
      }),
      [`GET /api/activities/${weber.id}/follow-up`]: { body: null },
      [`POST /api/activities/${weber.id}/complete`]: () => {
        items = [letter, testDrive];
        return { body: { activity: { ...weber, status: 'done' }, followUp: null } };
      },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/');

    const panel = within(await screen.findByRole('region', { name: 'Heute & überfällig' }));
    expect(await panel.findByText('Überfällig (1)')).toBeInTheDocument();
    expect(panel.getByText('Heute (2)')).toBeInTheDocument();
    const overdueRow = panel.getByText('Herrn Weber anrufen').closest('li')!;
    expect(within(overdueRow).getByText('fällig 27.03.26, 10:30')).toBeInTheDocument();
    expect(within(overdueRow).getByText(/Weber, Klaus/)).toBeInTheDocument();
    expect(within(overdueRow).getByRole('link', { name: 'Herrn Weber anrufen öffnen' })).toHaveAttribute(
      'href',
      `/customers/6b6b6b6b-0000-4000-8000-000000000001?activity=${weber.id}`,
    );
    const letterRow = panel.getByText('Angebot schicken').closest('li')!;
    expect(within(letterRow).getByText('ganztägig')).toBeInTheDocument();
    expect(within(letterRow).getByRole('link', { name: 'Angebot schicken öffnen' })).toHaveAttribute(
      'href',
      `/calendar?activity=${letter.id}`,
    );
    expect(within(panel.getByText('Probefahrt Golf').closest('li')!).getByText('14:00')).toBeInTheDocument();

    await user.click(within(overdueRow).getByRole('button', { name: 'Herrn Weber anrufen als erledigt vermerken' }));
    const dialog = await screen.findByRole('dialog', { name: /Erledigen: Herrn Weber anrufen/ });
    await user.click(within(dialog).getByText('erreicht', { exact: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Erledigen' }));
    await waitFor(() => expect(panel.queryByText('Herrn Weber anrufen')).not.toBeInTheDocument());
    expect(requests.find((r) => r.path.endsWith('/complete'))?.body).toMatchObject({ result: 'reached' });
    expect(panel.queryByText(/Überfällig/)).not.toBeInTheDocument();
  });

  it('says so when nothing is due', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/activities/due': { body: { overdue: 0, today: 0, items: [] } },
    });
    renderApp('/');
    const panel = within(await screen.findByRole('region', { name: 'Heute & überfällig' }));
    expect(await panel.findByText('Nichts überfällig und für heute nichts geplant.')).toBeInTheDocument();
  });
});
