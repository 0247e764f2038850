import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications } from '@mantine/notifications';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch, type StubReply } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const manager = { ...adminUser, role: 'manager' as const };
const max = { id: '5b1a7c4e-0000-4000-8000-000000000001', displayName: 'Max Weber' };
const anna = { id: '5b1a7c4e-0000-4000-8000-000000000002', displayName: 'Anna Schulz' };
const eva = { id: '5b1a7c4e-0000-4000-8000-000000000003', displayName: 'Eva Ort' };

describe('AbsencesPage', { timeout: 60_000 }, () => {
  it('shows an absence whose reason is held back as "away", with its deputy, and offers no editing', async () => {
    stubFetch({
      'GET /api/auth/session': session(manager),
      'GET /api/locations': { body: locations },
      'GET /api/users/presence': {
        body: [
          { user: { ...anna, role: 'sales' }, present: true },
          {
            user: { ...max, role: 'sales' },
            present: false,
            absence: { kind: null, endsOn: '2026-03-04', deputy: anna },
          },
        ],
      },
      'GET /api/absences': {
        body: [
          {
            id: '5b1a7c4e-0000-4000-8000-0000000000a1',
            user: max,
            kind: null,
            startsOn: '2026-03-02',
            endsOn: '2026-03-04',
            deputy: anna,
            note: null,
          },
          {
            id: '5b1a7c4e-0000-4000-8000-0000000000a2',
            user: eva,
            kind: 'holiday',
            startsOn: '2026-03-09',
            endsOn: '2026-03-13',
            deputy: null,
            note: 'Ostsee',
          },
        ],
      },
    });
    renderApp('/admin/absences');

    const maxRow = (await screen.findByText('Max Weber', { selector: 'td p' }, { timeout: 15_000 })).closest('tr')!;
    expect(within(maxRow).getByText('Abwesend')).toBeInTheDocument();
    expect(within(maxRow).getByText('Anna Schulz')).toBeInTheDocument();
    expect(within(maxRow).queryByRole('button')).not.toBeInTheDocument();
    const evaRow = screen.getByText('Eva Ort', { selector: 'td p' }).closest('tr')!;
    expect(within(evaRow).getByText('Urlaub')).toBeInTheDocument();
    expect(within(evaRow).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByText(/Abwesend bis 04\.03\.2026/)).toBeInTheDocument();
  });

  const evaHoliday = {
    id: '5b1a7c4e-0000-4000-8000-0000000000a2',
    user: eva,
    kind: 'holiday',
    startsOn: '2026-03-09',
    endsOn: '2026-03-13',
    deputy: null,
    note: 'Ostsee',
  };

  async function deleteEvasHoliday(reply: StubReply) {
    // Notifications outlive a test; each starts without any.
    notifications.clean();
    const server = stubFetch({
      'GET /api/auth/session': session(manager),
      'GET /api/locations': { body: locations },
      'GET /api/users/presence': { body: [] },
      'GET /api/absences': { body: [evaHoliday] },
      [`DELETE /api/absences/${evaHoliday.id}`]: reply,
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/absences');
    const evaRow = (await screen.findByText('Eva Ort', { selector: 'td p' }, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(evaRow).getByRole('button', { name: 'Abwesenheit von Eva Ort löschen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Abwesenheit löschen' });
    expect(within(dialog).getByText('Die Abwesenheit von Eva Ort wird gelöscht.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Abwesenheit löschen' }));
    return { ...server, dialog };
  }

  it('asks before deleting an absence, then deletes it and says so', async () => {
    const { requests } = await deleteEvasHoliday({ status: 204 });

    expect(await screen.findByText('Abwesenheit von Eva Ort gelöscht.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Abwesenheit löschen' })).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('keeps the dialog open and says in words why a delete failed', async () => {
    const { dialog } = await deleteEvasHoliday(problem(403));

    expect(await screen.findByText('Dazu fehlt Ihnen die Berechtigung.')).toBeInTheDocument();
    expect(dialog).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Abwesenheit löschen' })).toBeEnabled();
    expect(screen.queryByText('Abwesenheit von Eva Ort gelöscht.')).not.toBeInTheDocument();
  });
});
