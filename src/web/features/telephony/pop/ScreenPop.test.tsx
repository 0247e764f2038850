import '@web/features/customers/test-polyfills';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEventSource } from '@web/test/event-source';
import { stubFetch, type StubReply } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import {
  CALL_ID,
  call,
  candidate,
  createdRequest,
  ERIKA_ID,
  HANS_ID,
  pop,
  REQUEST_ID,
  ringing,
} from '../test-fixtures';

function stubServer(routes: Record<string, StubReply | ((request: { body: unknown }) => StubReply)>) {
  return stubFetch({
    'GET /api/auth/session': session(salesUser),
    'GET /api/locations': { body: locations },
    'GET /api/notifications/unread-count': { body: { unreadCount: 0 } },
    'GET /api/requests/counts': { body: { mine: 0, mineOverdue: 0, team: 0, unassigned: 0 } },
    'GET /api/calls/live': { body: { items: [] } },
    ...routes,
  });
}

/** The app on the dashboard with its event stream open; returns the stream to play the server. */
async function openApp() {
  const view = renderApp('/');
  await screen.findByRole('heading', { name: /Jonas/ });
  await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
  return { ...view, stream: FakeEventSource.instances[0]! };
}

describe('screen pop', { timeout: 60_000 }, () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  });

  it('pops up on a ringing call with the customer, his block, requests and vehicles, one click from his record', async () => {
    stubServer({
      'GET /api/calls/5a5a5a5a-0000-4000-8000-000000000001/pop': {
        body: pop([candidate({ block: { reason: 'Zahlungsrückstand', since: '2024-03-01', until: null } })], {
          contact: { id: HANS_ID, displayName: 'Müller, Hans', customerNumber: 'MUC-100001' },
        }),
      },
    });
    const user = userEvent.setup({ delay: null });
    const { stream, router } = await openApp();

    act(() => stream.emit('call', ringing()));

    // Name and number from the event itself, before the pop data arrives.
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });
    expect(within(card).getByText('Klingelt')).toBeInTheDocument();
    // The number by the one display rule, dialled as E.164.
    expect(within(card).getByRole('link', { name: '0171 1234567' })).toHaveAttribute('href', 'tel:+491711234567');

    expect(await within(card).findByText('Zahlungsrückstand')).toBeInTheDocument();
    expect(within(card).getByRole('alert')).toHaveTextContent('Kunde gesperrt');
    expect(within(card).getByText(/MUC-100001/)).toBeInTheDocument();
    expect(within(card).getByText('Sabine Koch')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'A-100012' })).toHaveAttribute('href', `/requests/${REQUEST_ID}`);
    expect(within(card).getByText(/VW Golf VIII/)).toBeInTheDocument();
    expect(within(card).getByText('Reifenwechsel abgeholt')).toBeInTheDocument();
    // The latency from the adapter to the rendered pop is on the element for browser tests to read.
    await waitFor(() => expect(card.dataset.popMs).toMatch(/^\d+$/));

    // Answering changes the state shown; the pop stays put.
    act(() => stream.emit('call', ringing({ state: 'answered' })));
    expect(await within(card).findByText('Im Gespräch')).toBeInTheDocument();

    await user.click(within(card).getByRole('link', { name: 'Müller, Hans' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/customers/${HANS_ID}`));
  });

  it('offers a choice when several customers share the number and records the chosen one', async () => {
    const erika = candidate({
      id: ERIKA_ID,
      displayName: 'Müller, Erika',
      customerNumber: 'MUC-100002',
      openRequests: [],
    });
    let chosen = false;
    const { requests } = stubServer({
      [`GET /api/calls/${CALL_ID}/pop`]: () => ({
        body: chosen
          ? pop([candidate(), erika], {
              contact: { id: ERIKA_ID, displayName: 'Müller, Erika', customerNumber: 'MUC-100002' },
            })
          : pop([candidate(), erika]),
      }),
      [`PUT /api/calls/${CALL_ID}/contact`]: () => {
        chosen = true;
        return { body: call() };
      },
    });
    const user = userEvent.setup({ delay: null });
    const { stream } = await openApp();

    act(() => stream.emit('call', ringing({ candidateCount: 2 })));
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });
    const choice = await within(card).findByRole('list', { name: /2 Kunden mit dieser Nummer/ });
    expect(within(choice).getAllByRole('listitem')).toHaveLength(2);
    // Known customers, only not yet told apart: the card does not call the caller unknown.
    expect(within(card).queryByText(/Anrufer ist unbekannt/)).not.toBeInTheDocument();
    expect(within(card).queryByRole('textbox', { name: /Nachname/ })).not.toBeInTheDocument();
    // Whose request would it be? Not before the user says who is calling.
    expect(within(card).getByRole('button', { name: 'Rückruf anlegen' })).toBeDisabled();

    await user.click(within(choice).getByRole('button', { name: 'Auswählen: Müller, Erika' }));

    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ contactId: ERIKA_ID });
    await waitFor(() => expect(within(card).queryByRole('list')).not.toBeInTheDocument());
    expect(within(card).getByRole('link', { name: 'Müller, Erika' })).toHaveAttribute('href', `/customers/${ERIKA_ID}`);
    expect(within(card).getByRole('button', { name: 'Rückruf anlegen' })).toBeEnabled();
  });

  it('offers a new customer prefilled with the number when nobody has it', async () => {
    stubServer({ [`GET /api/calls/${CALL_ID}/pop`]: { body: pop([]) } });
    const user = userEvent.setup({ delay: null });
    const { stream, router } = await openApp();

    act(() => stream.emit('call', ringing({ displayName: null, candidateCount: 0, number: '+4915112345678' })));
    const card = await screen.findByRole('dialog', { name: '01511 2345678' });
    await user.click(await within(card).findByRole('link', { name: 'Neuer Kunde' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/new'));
    expect(new URLSearchParams(router.state.location.search).get('phone')).toBe('01511 2345678');
    // The pop stays open over the form, so the note is not lost.
    expect(screen.getByRole('dialog', { name: '01511 2345678' })).toBeInTheDocument();
  });

  it('saves the note by itself a moment after typing, and turns it into a callback request in one click', async () => {
    const { requests } = stubServer({
      [`GET /api/calls/${CALL_ID}/pop`]: { body: pop([candidate()]) },
      [`PUT /api/calls/${CALL_ID}/note`]: { body: call() },
      [`POST /api/calls/${CALL_ID}/request`]: { status: 201, body: { call: call(), request: createdRequest } },
    });
    const user = userEvent.setup({ delay: null });
    const { stream } = await openApp();
    act(() => stream.emit('call', ringing({ state: 'answered' })));
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });

    await user.type(await within(card).findByRole('textbox', { name: 'Gesprächsnotiz' }), 'Bremsen quietschen');
    expect(within(card).getByText('Nicht gespeichert')).toBeInTheDocument();
    await within(card).findByText('Gespeichert', {}, { timeout: 4000 });
    const notes = requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/note'));
    expect(notes.map((r) => r.body)).toEqual([{ note: 'Bremsen quietschen' }]);

    await user.click(within(card).getByRole('button', { name: 'Rückruf anlegen' }));

    const created = await within(card).findByRole('status', { name: '' });
    expect(created).toHaveTextContent('Rückruf A-100200 angelegt');
    expect(created).toHaveTextContent('zugewiesen an Sabine Koch');
    expect(within(created).getByRole('link', { name: 'Anliegen öffnen' })).toHaveAttribute(
      'href',
      `/requests/${createdRequest.id}`,
    );
    expect(requests.find((r) => r.method === 'POST' && r.path.endsWith('/request'))?.body).toEqual({
      type: 'callback',
      contactId: HANS_ID,
    });
  });

  it('logs "reached" on an open request only with a note of what was said', async () => {
    const { requests } = stubServer({
      [`GET /api/calls/${CALL_ID}/pop`]: {
        body: pop([candidate()], {
          contact: { id: HANS_ID, displayName: 'Müller, Hans', customerNumber: 'MUC-100001' },
        }),
      },
      [`PUT /api/calls/${CALL_ID}/note`]: { body: call() },
      [`POST /api/calls/${CALL_ID}/attempt`]: { status: 201, body: { call: call(), request: createdRequest } },
    });
    const user = userEvent.setup({ delay: null });
    const { stream } = await openApp();
    act(() => stream.emit('call', ringing({ state: 'answered' })));
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });
    const attempts = () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/attempt'));

    await user.click(await within(card).findByRole('button', { name: /Als Kontaktversuch erfassen: A-100012/ }));
    await user.click(await screen.findByRole('menuitem', { name: /Erreicht/ }));
    expect(
      await within(card).findByText('Bitte festhalten, was mit dem Kunden besprochen und ihm angeboten wurde.'),
    ).toBeInTheDocument();
    expect(within(card).getByRole('textbox', { name: /Gesprächsnotiz/ })).toBeRequired();
    expect(attempts()).toHaveLength(0);

    await user.type(within(card).getByRole('textbox', { name: /Gesprächsnotiz/ }), 'Termin Dienstag 9 Uhr angeboten');
    await user.click(within(card).getByRole('button', { name: /Als Kontaktversuch erfassen: A-100012/ }));
    await user.click(await screen.findByRole('menuitem', { name: /Erreicht/ }));
    await waitFor(() => expect(attempts()).toHaveLength(1));
    expect(attempts()[0]!.body).toEqual({
      requestId: REQUEST_ID,
      outcome: 'reached',
      note: 'Termin Dienstag 9 Uhr angeboten',
    });
  });

  it('saves the note at once on Ctrl+Enter and folds away on Escape', async () => {
    const { requests } = stubServer({
      [`GET /api/calls/${CALL_ID}/pop`]: { body: pop([candidate()]) },
      [`PUT /api/calls/${CALL_ID}/note`]: { body: call() },
    });
    const user = userEvent.setup({ delay: null });
    const { stream } = await openApp();
    act(() => stream.emit('call', ringing()));
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });
    const note = await within(card).findByRole('textbox', { name: 'Gesprächsnotiz' });

    await user.type(note, 'Termin Dienstag');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(requests.filter((r) => r.path.endsWith('/note'))).toHaveLength(1));
    expect(await within(card).findByText('Gespeichert')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'Anruf von Müller, Hans öffnen' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Gesprächsnotiz' })).not.toBeInTheDocument();
  });

  it('jumps to the newest card’s note pad on Alt+N from anywhere, and Escape puts the focus back', async () => {
    stubServer({ [`GET /api/calls/${CALL_ID}/pop`]: { body: pop([candidate()]) } });
    const user = userEvent.setup({ delay: null });
    const { stream } = await openApp();
    act(() => stream.emit('call', ringing()));
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });
    await within(card).findByRole('textbox', { name: 'Gesprächsnotiz' });
    await user.click(within(card).getByRole('button', { name: 'Minimieren (Esc)' }));
    const search = screen.getAllByRole('button', { name: /Suchen/ })[0]!;
    search.focus();

    await user.keyboard('{Alt>}n{/Alt}');
    const note = await within(card).findByRole('textbox', { name: 'Gesprächsnotiz' });
    await waitFor(() => expect(note).toHaveFocus());

    await user.keyboard('{Escape}');
    expect(await screen.findByRole('button', { name: 'Anruf von Müller, Hans öffnen' })).toBeInTheDocument();
    await waitFor(() => expect(search).toHaveFocus());
  });

  it('asks an unknown caller for a last name before creating a complaint', async () => {
    const { requests } = stubServer({
      [`GET /api/calls/${CALL_ID}/pop`]: { body: pop([]) },
      [`POST /api/calls/${CALL_ID}/request`]: {
        status: 201,
        body: { call: call(), request: { ...createdRequest, type: 'complaint', number: 'A-100201' } },
      },
    });
    const user = userEvent.setup({ delay: null });
    const { stream } = await openApp();
    act(() => stream.emit('call', ringing({ displayName: null, candidateCount: 0 })));
    const card = await screen.findByRole('dialog', { name: '0171 1234567' });

    await user.click(await within(card).findByRole('button', { name: 'Reklamation' }));
    expect(within(card).getByText('Pflichtfeld')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(card).getByRole('textbox', { name: /Nachname des Anrufers/ }), 'Schulz');
    await user.click(within(card).getByRole('button', { name: 'Reklamation' }));

    expect(await within(card).findByText('Reklamation A-100201 angelegt')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      type: 'complaint',
      newContact: { lastName: 'Schulz', firstName: null },
    });
  });

  it('shows a withheld number as such and offers no callback', async () => {
    stubServer({
      [`GET /api/calls/${CALL_ID}/pop`]: {
        body: { ...pop([], { fromNumber: null, fromRaw: 'anonymous' }), lookedUp: false },
      },
    });
    const { stream } = await openApp();
    act(() => stream.emit('call', ringing({ displayName: null, candidateCount: 0, number: 'anonymous' })));

    const card = await screen.findByRole('dialog', { name: 'Rufnummer unterdrückt' });
    expect(await within(card).findByText(/kein Rückruf möglich/)).toBeInTheDocument();
    expect(within(card).queryByText('anonymous')).not.toBeInTheDocument();
    expect(within(card).queryByRole('link', { name: /anonymous/ })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Rückruf anlegen' })).not.toBeInTheDocument();
    // A complaint can still be taken, with an address to answer to.
    expect(within(card).getByRole('button', { name: 'Reklamation' })).toBeEnabled();
    expect(within(card).getByRole('textbox', { name: /E-Mail-Adresse des Anrufers/ })).toBeInTheDocument();
  });

  it('restores the pops of calls still going on after a reload', async () => {
    stubServer({
      'GET /api/calls/live': {
        body: {
          items: [
            call({
              state: 'answered',
              contact: { id: HANS_ID, displayName: 'Müller, Hans', customerNumber: 'MUC-100001' },
            }),
          ],
        },
      },
      [`GET /api/calls/${CALL_ID}/pop`]: { body: pop([candidate()]) },
    });
    await openApp();
    const card = await screen.findByRole('dialog', { name: 'Müller, Hans' });
    expect(within(card).getByText('Im Gespräch')).toBeInTheDocument();
    expect(await within(card).findByText(/MUC-100001/)).toBeInTheDocument();
  });
});
