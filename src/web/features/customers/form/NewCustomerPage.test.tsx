import '../test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch, type RecordedRequest } from '@web/test/fetch-stub';
import { locations, MUNICH_ID, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { contactFixture, emptyPage, OTHER_CONTACT_ID } from '../test-fixtures';

// The page is loaded lazily; the first render of its chunk takes a moment in jsdom.
const firstRender = { timeout: 15_000 };
const NEW_ID = '3f1c2b7a-5d4e-4c3b-9a8f-1000000000aa';
const candidate = {
  id: OTHER_CONTACT_ID,
  displayName: 'Anna Schmidt',
  customerNumber: 'K-100555',
  reasons: ['phone'],
  blocked: false,
  city: 'München',
  primaryPhone: '0171 5550000',
};

function stubApp(duplicates: unknown[]) {
  return stubFetch({
    'GET /api/auth/session': session(salesUser),
    'GET /api/locations': { body: locations },
    'GET /api/users/directory': { body: [] },
    'POST /api/contacts/duplicates': { body: duplicates },
    'POST /api/contacts': (request: RecordedRequest) =>
      (request.body as { ignoreDuplicates?: boolean }).ignoreDuplicates
        ? { status: 201, body: contactFixture({ id: NEW_ID, displayName: 'Anna Schmidt' }) }
        : problem(409, { code: 'possible-duplicates', detail: 'Possible duplicates', duplicates: [candidate] }),
    [`GET /api/contacts/${NEW_ID}`]: { body: contactFixture({ id: NEW_ID, displayName: 'Anna Schmidt' }) },
    [`GET /api/contacts/${NEW_ID}/timeline`]: emptyPage,
    [`GET /api/contacts/${NEW_ID}/vehicles`]: { body: [] },
  });
}

describe('NewCustomerPage', { timeout: 60_000 }, () => {
  it('takes name and phone from the address, as the search bar sends them', async () => {
    stubApp([]);
    renderApp('/customers/new?name=Anna%20Schmidt&phone=0171%205550000');

    expect(await screen.findByRole('textbox', { name: 'Vorname' }, firstRender)).toHaveValue('Anna');
    expect(screen.getByRole('textbox', { name: /Nachname/ })).toHaveValue('Schmidt');
    expect(screen.getByRole('textbox', { name: 'Telefonnummer' })).toHaveValue('0171 5550000');
  });

  it('warns about a possible duplicate while typing', async () => {
    const { requests } = stubApp([candidate]);
    const user = userEvent.setup({ delay: null });
    renderApp('/customers/new');

    await user.type(await screen.findByRole('textbox', { name: /Nachname/ }, firstRender), 'Schmidt');
    await user.tab();

    const warning = await screen.findByRole('status');
    expect(within(warning).getByText('Möglicherweise schon vorhanden')).toBeInTheDocument();
    expect(within(warning).getByRole('link', { name: 'Anna Schmidt' })).toHaveAttribute(
      'href',
      `/customers/${OTHER_CONTACT_ID}`,
    );
    const check = requests.find((request) => request.path === '/api/contacts/duplicates');
    expect(check?.body).toMatchObject({ kind: 'person', lastName: 'Schmidt' });
  });

  it('shows the duplicates the server reports and creates anyway when asked', async () => {
    const { requests } = stubApp([candidate]);
    const user = userEvent.setup({ delay: null });
    const { router } = renderApp('/customers/new');

    await user.type(await screen.findByRole('textbox', { name: 'Vorname' }, firstRender), 'Anna');
    await user.type(screen.getByRole('textbox', { name: /Nachname/ }), 'Schmidt');
    await user.type(screen.getByRole('textbox', { name: 'Telefonnummer' }), '0171 5550000');
    await user.click(screen.getByRole('button', { name: 'Kunden anlegen' }));

    const dialog = await screen.findByRole('dialog', { name: 'Möglicherweise schon vorhanden' });
    expect(within(dialog).getByText('K-100555')).toBeInTheDocument();
    expect(within(dialog).getByText('gleiche Telefonnummer')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Trotzdem anlegen' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/customers/${NEW_ID}`));
    const creates = requests.filter((request) => request.method === 'POST' && request.path === '/api/contacts');
    expect(creates).toHaveLength(2);
    expect(creates[0]?.body).toMatchObject({ ignoreDuplicates: false, lastName: 'Schmidt', homeLocationId: MUNICH_ID });
    expect(creates[1]?.body).toMatchObject({
      ignoreDuplicates: true,
      firstName: 'Anna',
      lastName: 'Schmidt',
      phones: [{ kind: 'mobile', number: '0171 5550000', isPrimary: true }],
      // The empty e-mail row the form starts with is not sent.
      emails: [],
    });
  });

  it('puts the server’s field errors on the row the user typed', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/users/directory': { body: [] },
      'POST /api/contacts/duplicates': { body: [] },
      'POST /api/contacts': problem(400, {
        code: 'validation',
        errors: [{ field: 'phones.0.number', in: 'body', message: 'not a valid phone number' }],
      }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/customers/new');

    await user.type(await screen.findByRole('textbox', { name: /Nachname/ }, firstRender), 'Schmidt');
    await user.type(screen.getByRole('textbox', { name: 'Telefonnummer' }), '12345');
    await user.click(screen.getByRole('button', { name: 'Kunden anlegen' }));

    expect(await screen.findByText('not a valid phone number')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Telefonnummer' })).toHaveAttribute('aria-invalid', 'true');
  });
});
