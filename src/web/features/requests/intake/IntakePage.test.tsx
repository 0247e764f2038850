import '../../customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../../../test/fetch-stub';
import { locations, MUNICH_ID, salesUser, session } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { CONTACT_ID, contactFixture, searchHit } from '../../customers/test-fixtures';
import { requestFixture } from '../test-fixtures';

const reception = { ...salesUser, role: 'reception' as const, displayName: 'Lena Koch' };
const firstRender = { timeout: 15_000 };

describe('IntakePage', { timeout: 60_000 }, () => {
  it('takes a callback request by keyboard alone and says who will call back', async () => {
    const created = requestFixture({ firstContactDueAt: '2024-05-07T08:00:00.000Z' });
    const { requests } = stubFetch({
      'GET /api/auth/session': session(reception),
      'GET /api/locations': { body: locations },
      'GET /api/search': { body: { query: 'Müller', results: [searchHit()], tookMs: 3 } },
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
      [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
      'POST /api/requests': { status: 201, body: created },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/requests/new');

    const search = await screen.findByRole('textbox', { name: /^Kunde/ }, firstRender);
    await waitFor(() => expect(search).toHaveFocus());
    await user.keyboard('Müller');
    // The best hit is preselected once it arrives; Enter takes it.
    await screen.findByRole('option', { name: /Anna Müller/ }, { timeout: 5000 });
    await user.keyboard('{Enter}');
    const message = await screen.findByRole('textbox', { name: /Anliegen in den Worten des Kunden/ });
    await waitFor(() => expect(message).toHaveFocus());
    await user.keyboard('Bitte wegen Inspektion zurückrufen');
    await user.keyboard('{Control>}{Enter}{/Control}');

    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Anliegen A-100123 angelegt — zugewiesen an Eva Schmidt');
    expect(status).toHaveTextContent(/fällig bis/);
    const post = requests.find((request) => request.method === 'POST' && request.path === '/api/requests');
    expect(post?.body).toMatchObject({
      type: 'callback',
      channel: 'phone',
      contactId: CONTACT_ID,
      customer: null,
      subject: 'Bitte um Rückruf',
      message: 'Bitte wegen Inspektion zurückrufen',
      locationId: MUNICH_ID,
      priority: 'normal',
      department: null,
    });
  });

  it('sends the department a callback asks for', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(reception),
      'GET /api/locations': { body: locations },
      'GET /api/search': { body: { query: 'Müller', results: [searchHit()], tookMs: 3 } },
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
      [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
      'POST /api/requests': { status: 201, body: requestFixture({ department: 'sales' }) },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/requests/new');

    await screen.findByRole('textbox', { name: /^Kunde/ }, firstRender);
    await user.keyboard('Müller');
    await screen.findByRole('option', { name: /Anna Müller/ }, { timeout: 5000 });
    await user.keyboard('{Enter}');
    await user.click(screen.getByLabelText(/^Abteilung/, { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Verkauf' }));
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      type: 'callback',
      department: 'sales',
    });
  });

  it('asks for a customer before saving', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(reception),
      'GET /api/locations': { body: locations },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/requests/new');

    await screen.findByRole('textbox', { name: /^Kunde/ }, firstRender);
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await screen.findByText('Bitte wählen Sie einen Kunden oder legen Sie einen neuen an.')).toBeInTheDocument();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });
});
