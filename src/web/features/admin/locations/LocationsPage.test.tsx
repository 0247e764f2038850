import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const firstRender = { timeout: 15_000 };

describe('LocationsPage', { timeout: 60_000 }, () => {
  it('lists the locations by name and edits one in a dialog that starts from its values', async () => {
    stubFetch({ 'GET /api/auth/session': session(adminUser), 'GET /api/locations': { body: locations } });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/locations');

    const table = (await screen.findByText('Autohaus Bergmann Köln', { selector: 'td p' }, firstRender)).closest(
      'table',
    )!;
    const names = within(table)
      .getAllByText(/^Autohaus Bergmann/, { selector: 'td p' })
      .map((cell) => cell.textContent);
    expect(names).toEqual(['Autohaus Bergmann Köln', 'Autohaus Bergmann München']);

    await user.click(within(table).getByRole('button', { name: 'Bearbeiten: Autohaus Bergmann München' }));
    const dialog = await screen.findByRole('dialog', { name: 'Standort bearbeiten' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Autohaus Bergmann München');
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('offers to create the first location when there is none', async () => {
    stubFetch({ 'GET /api/auth/session': session(adminUser), 'GET /api/locations': { body: [] } });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/locations');

    expect(await screen.findByText('Noch keine Standorte', {}, firstRender)).toBeInTheDocument();
    const buttons = screen.getAllByRole('button', { name: 'Neuer Standort' });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]!);
    const dialog = await screen.findByRole('dialog', { name: 'Neuen Standort anlegen' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('');
  });
});
