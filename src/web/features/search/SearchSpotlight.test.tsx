import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { OTHER_CONTACT_ID, searchHit, VEHICLE_ID } from '../customers/test-fixtures';

const results = [
  searchHit(),
  searchHit({
    id: OTHER_CONTACT_ID,
    contactId: OTHER_CONTACT_ID,
    title: 'Bernd Müller',
    subtitle: 'K-100377 · Köln',
    customerNumber: 'K-100377',
    blocked: true,
  }),
  searchHit({
    type: 'vehicle',
    id: VEHICLE_ID,
    title: 'M-AB 1234',
    subtitle: 'VW Golf · Anna Müller',
    matchedOn: 'plate',
    customerNumber: null,
  }),
];

function stubApp(searchResults = results, letterResults: typeof results = []) {
  return stubFetch({
    'GET /api/auth/session': session(salesUser),
    'GET /api/locations': { body: locations },
    'GET /api/search': { body: { query: 'müller', results: searchResults, tookMs: 4 } },
    'GET /api/search/letters': { body: { query: 'müller', results: letterResults, tookMs: 6 } },
  });
}

async function openWithShortcut(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('heading', { name: /Jonas/ });
  await user.keyboard('{Control>}k{/Control}');
  return screen.findByRole('combobox', { name: /Name, Telefon/ });
}

describe('SearchSpotlight', () => {
  it('opens with Ctrl+K and lists customers and vehicles, marking blocked customers', async () => {
    const { requests } = stubApp();
    const user = userEvent.setup();
    renderApp('/');

    const input = await openWithShortcut(user);
    await user.type(input, 'müller');

    const list = await screen.findByRole('listbox', { name: 'Suchergebnisse' });
    const options = await within(list).findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('Anna Müller'),
      expect.stringContaining('Bernd Müller'),
      expect.stringContaining('M-AB 1234'),
    ]);
    expect(within(list).getByText('Kunden')).toBeInTheDocument();
    expect(within(list).getByText('Fahrzeuge')).toBeInTheDocument();
    expect(within(options[1]!).getByText('Gesperrt')).toBeInTheDocument();
    expect(within(options[0]!).queryByText('Gesperrt')).not.toBeInTheDocument();
    expect(within(options[2]!).getByText('Kennzeichen')).toBeInTheDocument();
    // Typing pauses are awaited: one request for the whole word, not one per letter.
    const searches = requests.filter((request) => request.path === '/api/search');
    expect(searches.length).toBeLessThanOrEqual(2);
  });

  it('adds the letters found by their text after the customers and vehicles', async () => {
    const letter = searchHit({
      type: 'request',
      id: '7c1f9a54-3b4e-4c55-9a51-000000000001',
      title: 'A-100123 · Beschwerde Lieferung',
      subtitle: '…Herr Müller schreibt, die Lieferung sei wieder verschoben…',
      matchedOn: 'letter',
      customerNumber: null,
    });
    stubApp(results, [letter]);
    const user = userEvent.setup();
    renderApp('/');

    const input = await openWithShortcut(user);
    await user.type(input, 'müller');

    const list = await screen.findByRole('listbox', { name: 'Suchergebnisse' });
    await within(list).findByText('Briefe');
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('Anna Müller'),
      expect.stringContaining('Bernd Müller'),
      expect.stringContaining('M-AB 1234'),
      expect.stringContaining('A-100123'),
    ]);
  });

  it('opens the record chosen with the arrow keys on Enter', async () => {
    stubApp();
    const user = userEvent.setup();
    const { router } = renderApp('/');

    const input = await openWithShortcut(user);
    await user.type(input, 'müller');
    await screen.findAllByRole('option');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', expect.stringMatching(/option-1$/));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe(`/customers/${OTHER_CONTACT_ID}`));
  });

  it('offers to create the customer with the typed phone number when nothing matches', async () => {
    stubApp([]);
    const user = userEvent.setup();
    const { router } = renderApp('/');

    const input = await openWithShortcut(user);
    await user.type(input, '0171 9876543');
    expect(await screen.findByText('Keine Treffer')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Neuen Kunden anlegen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/new'));
    expect(new URLSearchParams(router.state.location.search).get('phone')).toBe('0171 9876543');
  });

  it('writes a message about a customer straight from the result row, and from the keyboard with Alt+M', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/search': { body: { query: 'müller', results, tookMs: 4 } },
      'GET /api/users/directory': { body: [] },
      [`GET /api/messages/locations/${salesUser.homeLocationId}/people`]: { body: { items: [] } },
    });
    const user = userEvent.setup();
    renderApp('/');

    const input = await openWithShortcut(user);
    await user.type(input, 'müller');
    await user.click(await screen.findByRole('button', { name: 'Mitteilung zu Bernd Müller' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kundenmitteilung eingeben' });
    expect(within(dialog).getByText(/K-100377/)).toBeInTheDocument();
    expect(screen.queryByRole('listbox', { name: 'Suchergebnisse' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Schließen ohne Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Kundenmitteilung eingeben' })).toBeNull());
    const again = await openWithShortcut(user);
    await user.type(again, 'müller');
    await screen.findAllByRole('option');
    await user.keyboard('{Alt>}m{/Alt}');
    const second = await screen.findByRole('dialog', { name: 'Kundenmitteilung eingeben' });
    expect(within(second).getByText(/K-100234/)).toBeInTheDocument();
  });
});
