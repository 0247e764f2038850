import '@web/features/customers/test-polyfills';
import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { User } from '@shared/org/schemas';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { adminUser, COLOGNE_ID, locations, MUNICH_ID, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const person = (over: Partial<User>): User => ({
  id: adminUser.id,
  email: 'p@autohaus-bergmann.de',
  firstName: 'Petra',
  lastName: 'Schneider',
  displayName: 'Petra Schneider',
  role: 'admin',
  homeLocationId: MUNICH_ID,
  locationIds: [],
  department: null,
  phoneExtension: null,
  locale: 'de',
  active: true,
  lastLoginAt: null,
  ...over,
});

const petra = person({});
const jonas = person({
  id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000002',
  firstName: 'Jonas',
  lastName: 'Albers',
  displayName: 'Jonas Albers',
  email: 'jonas.albers@autohaus-bergmann.de',
  role: 'sales',
  locationIds: [COLOGNE_ID],
});

describe('UsersPage', { timeout: 60_000 }, () => {
  it('lists the users by last name and edits one in a dialog that starts from their values', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/users': { body: [petra, jonas] },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/users');

    const table = (await screen.findByText('Jonas Albers', { selector: 'td p' }, { timeout: 15_000 })).closest(
      'table',
    )!;
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual([
      'Jonas Albers',
      'Petra Schneider(Sie)',
    ]);
    expect(within(rows[0]!).getByText('CGN')).toBeInTheDocument();

    await user.click(within(rows[0]!).getByRole('button', { name: 'Weitere Aktionen für Jonas Albers' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Benutzer bearbeiten' });
    expect(within(dialog).getByRole('textbox', { name: /Nachname/ })).toHaveValue('Albers');
  });

  it('asks before deactivating someone and says in words why it failed', async () => {
    notifications.clean();
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/users': { body: [petra, jonas] },
      [`PATCH /api/users/${jonas.id}`]: problem(403),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/users');

    await user.click(
      await screen.findByRole('button', { name: 'Weitere Aktionen für Jonas Albers' }, { timeout: 15_000 }),
    );
    await user.click(await screen.findByRole('menuitem', { name: 'Deaktivieren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Benutzer deaktivieren?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deaktivieren' }));

    expect(await screen.findByText('Dazu fehlt Ihnen die Berechtigung.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
