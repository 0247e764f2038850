import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '@shared/requests/enums';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const defaults = REQUEST_TYPES.map((type) => ({
  type,
  firstContactAmount: 1,
  firstContactUnit: 'working_days',
  acknowledgement: false,
  isDefault: true,
}));

describe('DeadlinesPage', { timeout: 60_000 }, () => {
  it('lets an administrator give complaints four working hours and an acknowledgement mail', async () => {
    const saved = defaults.map((s) =>
      s.type === 'complaint' ? { ...s, firstContactAmount: 4, firstContactUnit: 'working_hours', isDefault: false } : s,
    );
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/requests/type-settings': { body: defaults },
      'PUT /api/requests/type-settings/complaint': { body: saved },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/deadlines');

    const amount = await screen.findByRole('textbox', { name: 'Frist für Reklamation' }, { timeout: 15_000 });
    await user.clear(amount);
    await user.type(amount, '4');
    await user.click(screen.getAllByLabelText('Einheit der Frist für Reklamation')[0]!);
    await user.click(await screen.findByRole('option', { name: 'Arbeitsstunden' }));
    const row = amount.closest('tr')!;
    await user.click(within(row).getByRole('switch', { name: 'Eingangsbestätigung für Reklamation' }));
    await user.click(within(row).getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      firstContactAmount: 4,
      firstContactUnit: 'working_hours',
      acknowledgement: true,
    });
    expect(await screen.findByText('Auf Standard zurücksetzen')).toBeInTheDocument();
  });

  it('shows a manager the group-wide deadlines without a way to change them', async () => {
    const saved = defaults.map((s) =>
      s.type === 'complaint' ? { ...s, firstContactAmount: 4, firstContactUnit: 'working_hours', isDefault: false } : s,
    );
    stubFetch({
      'GET /api/auth/session': session({ ...adminUser, role: 'manager' }),
      'GET /api/locations': { body: locations },
      'GET /api/requests/type-settings': { body: saved },
    });
    renderApp('/admin/deadlines');

    const complaint = (await screen.findByText('Reklamation', {}, { timeout: 15_000 })).closest('tr')!;
    expect(within(complaint).getByText('4 Arbeitsstunden')).toBeInTheDocument();
    expect(screen.getByText(/ändern können sie Administratoren/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Speichern' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('says in words beside the row why saving failed', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/requests/type-settings': { body: defaults },
      'PUT /api/requests/type-settings/complaint': problem(403),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/deadlines');

    const amount = await screen.findByRole('textbox', { name: 'Frist für Reklamation' }, { timeout: 15_000 });
    await user.clear(amount);
    await user.type(amount, '2');
    const row = amount.closest('tr')!;
    await user.click(within(row).getByRole('switch', { name: 'Eingangsbestätigung für Reklamation' }));
    await user.click(within(row).getByRole('button', { name: 'Speichern' }));

    expect(await within(row).findByRole('alert')).toHaveTextContent('Dazu fehlt Ihnen die Berechtigung.');
  });
});
