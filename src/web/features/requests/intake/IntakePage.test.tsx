import '@web/features/customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { locations, MUNICH_ID, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { CONTACT_ID, contactFixture, searchHit } from '@web/features/customers/test-fixtures';
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

  it('offers whoever is free now first for a walk-in and marks colleagues on the phone or away', async () => {
    const person = (n: number, displayName: string) => ({
      id: `0b5e6f4a-1c2d-4e3f-8a9b-00000000001${n}`,
      displayName,
      role: 'sales',
    });
    const jonas = { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000002', displayName: 'Jonas Weber', role: 'sales' };
    const [anna, bernd, clara] = [person(1, 'Anna Schulz'), person(2, 'Bernd Koch'), person(3, 'Clara Lang')];
    const { requests } = stubFetch({
      'GET /api/auth/session': session(reception),
      'GET /api/locations': { body: locations },
      'GET /api/search': { body: { query: 'Müller', results: [searchHit()], tookMs: 3 } },
      [`GET /api/contacts/${CONTACT_ID}`]: { body: contactFixture() },
      [`GET /api/contacts/${CONTACT_ID}/vehicles`]: { body: [] },
      [`GET /api/contacts/${CONTACT_ID}/requests`]: { body: [] },
      // By name, as the server sends it; the customer's regular consultant Jonas is on the phone.
      'GET /api/users/presence': {
        body: [
          { user: anna, present: true, onCall: false },
          { user: bernd, present: true, onCall: false },
          { user: clara, present: false, onCall: false, absence: { kind: null, endsOn: '2024-05-10', deputy: null } },
          { user: jonas, present: true, onCall: true },
        ],
      },
      'POST /api/requests': { status: 201, body: requestFixture() },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/requests/new?channel=walk_in');

    await screen.findByRole('textbox', { name: /^Kunde/ }, firstRender);
    await user.keyboard('Müller');
    await screen.findByRole('option', { name: /Anna Müller/ }, { timeout: 5000 });
    await user.keyboard('{Enter}');
    await screen.findByText('Verkaufsberater Jonas Weber ist heute da, aber gerade im Gespräch.');
    await user.click(screen.getByLabelText(/^Wer übernimmt/, { selector: 'input' }));
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(4));
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Anna Schulz',
      'Bernd Koch',
      'Jonas Weber — Stammberater, im Gespräch',
      'Clara Lang — abwesend',
    ]);
    expect(screen.getByRole('option', { name: 'Clara Lang — abwesend' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('option', { name: 'Bernd Koch' }));
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    expect(requests.find((request) => request.method === 'POST')?.body).toMatchObject({
      channel: 'walk_in',
      assigneeId: bernd.id,
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
