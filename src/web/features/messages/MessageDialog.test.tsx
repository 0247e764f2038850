import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { MessageDialog } from './MessageDialog';

const firstRender = { timeout: 15_000 };
const customer = {
  id: '11111111-1111-4111-8111-111111111111',
  displayName: 'Weber, Klaus',
  customerNumber: 'STR-100001',
};
const manager = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Maria Chef' };
const directory = [salesUser, manager].map((u) => ({
  id: u.id,
  displayName: u.displayName,
  role: 'sales',
  homeLocationId: salesUser.homeLocationId,
  locationIds: [],
  active: true,
}));

function setUp() {
  return stubFetch({
    'GET /api/auth/session': session(salesUser),
    'GET /api/users/directory': { body: directory },
    [`GET /api/messages/locations/${salesUser.homeLocationId}/people`]: { body: { items: directory } },
    'POST /api/messages': { status: 201, body: { id: '33333333-3333-4333-8333-333333333333', unblockState: null } },
  });
}

async function choose(dialog: HTMLElement, label: RegExp, option: string) {
  await userEvent.click(within(dialog).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('MessageDialog', { timeout: 60_000 }, () => {
  it('enables Speichern only when the type’s fields are filled, and saves with Ctrl+Enter', async () => {
    const { requests } = setUp();
    renderWithProviders(<MessageDialog opened onClose={() => undefined} customer={customer} />);
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    expect(within(dialog).getByTestId('message-customer')).toHaveTextContent('STR-100001 · Weber, Klaus');
    const save = within(dialog).getByRole('button', { name: 'Speichern' });
    expect(save).toBeDisabled();
    // No board supplied: no board button.
    expect(within(dialog).queryByRole('button', { name: 'An das Board' })).toBeNull();

    await choose(dialog, /Mitteilungsart/, 'Verstoß gegen die Hausordnung');
    expect(within(dialog).getByRole('textbox', { name: /Verstoßene Regel/ })).toBeInTheDocument();
    await choose(dialog, /Zuständiger Mitarbeiter/, 'Maria Chef');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Mitteilung/ }), 'Hat im Wartebereich geraucht.');
    expect(save).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Verstoßene Regel/ }), 'AGB §9');
    await waitFor(() => expect(save).toBeEnabled());

    await choose(dialog, /Mitteilungsart/, 'Reklamation');
    expect(within(dialog).queryByRole('textbox', { name: /Verstoßene Regel/ })).toBeNull();
    expect(save).toBeDisabled();
    await choose(dialog, /Wie kam es zu uns/, 'Schriftlich');
    await waitFor(() => expect(save).toBeEnabled());

    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Mitteilung/ }), '{Control>}{Enter}{/Control}');
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeDefined());
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      contactId: customer.id,
      responsibleId: manager.id,
      type: 'complaint',
      channel: 'written',
      enteredById: salesUser.id,
      text: 'Hat im Wartebereich geraucht.',
    });
  });

  it('offers the board when supplied and prefills an unblock for a blocked customer', async () => {
    setUp();
    const onToBoard = vi.fn();
    renderWithProviders(
      <MessageDialog opened onClose={() => undefined} customer={customer} blocked onToBoard={onToBoard} />,
    );
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    expect(within(dialog).getByRole('button', { name: 'An das Board' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sperre aufheben' }));
    expect(within(dialog).getByRole('combobox', { name: /Mitteilungsart/ })).toHaveValue('Kunde entsperren');
    expect(within(dialog).getByRole('textbox', { name: /^Mitteilung/ })).toHaveValue('Sperre aufheben: ');
    await choose(dialog, /Zuständiger Mitarbeiter/, 'Maria Chef');
    await userEvent.click(within(dialog).getByRole('button', { name: 'An das Board' }));
    await waitFor(() => expect(onToBoard).toHaveBeenCalledWith(expect.objectContaining({ id: expect.any(String) })));
  });
});
