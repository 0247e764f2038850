import '@web/features/customers/test-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { CompleteActivityDialog } from './CompleteActivityDialog';
import { PlanActivityDialog } from './PlanActivityDialog';
import { ACTIVITY_ID, activityFixture, CUSTOMER } from './test-fixtures';

const firstRender = { timeout: 15_000 };
const directory = [
  {
    id: salesUser.id,
    displayName: salesUser.displayName,
    role: 'sales',
    homeLocationId: salesUser.homeLocationId,
    locationIds: [],
    active: true,
  },
];

describe('PlanActivityDialog', { timeout: 60_000 }, () => {
  it('refuses an empty subject before sending, then plans the call for the customer with Enter', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/users/directory': { body: directory },
      'POST /api/activities': { status: 201, body: activityFixture() },
    });
    renderWithProviders(
      <PlanActivityDialog opened onClose={() => undefined} preset={{ contact: CUSTOMER, day: '2026-03-05' }} />,
    );
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    expect(within(dialog).getByText('Weber, Klaus')).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Planen' }));
    expect(await within(dialog).findByText('Pflichtfeld')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const subject = within(dialog).getByLabelText(/Betreff/);
    await userEvent.type(subject, 'Wegen Finanzierung nachfragen{Enter}');
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeDefined());
    const body = requests.find((r) => r.method === 'POST')!.body;
    // A call without a time is a task for its day, for this customer, reminded when due.
    expect(body).toMatchObject({
      type: 'call',
      subject: 'Wegen Finanzierung nachfragen',
      contactId: CUSTOMER.id,
      allDay: true,
      dueOn: '2026-03-05',
      ownerId: salesUser.id,
      reminderMinutesBefore: 0,
    });
  });

  it('plans an appointment at a time with its end and shows the server’s field errors at the fields', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/users/directory': { body: directory },
      'POST /api/activities': problem(400, {
        errors: [
          { field: 'endsAt', code: 'invalid', message: 'an activity lasts at most 14 days' },
          { field: 'place', code: 'too_long', params: { max: 200 }, message: 'too long' },
        ],
      }),
    });
    renderWithProviders(
      <PlanActivityDialog
        opened
        onClose={() => undefined}
        preset={{ type: 'test_drive', day: '2026-03-26', startMinutes: 14 * 60, endMinutes: 15 * 60 + 30 }}
      />,
    );
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    // Appointment types come with their end and place, reminded 15 minutes before.
    expect(within(dialog).getByLabelText('Ende')).toHaveValue('15:30');
    await userEvent.type(within(dialog).getByLabelText(/Betreff/), 'Probefahrt Golf');
    await userEvent.type(within(dialog).getByLabelText('Ort / Raum'), 'Showroom');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Planen' }));

    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeDefined());
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      type: 'test_drive',
      allDay: false,
      // Berlin wall-clock time with its offset: still winter time on 26 March.
      startsAt: '2026-03-26T14:00:00+01:00',
      endsAt: '2026-03-26T15:30:00+01:00',
      place: 'Showroom',
      reminderMinutesBefore: 15,
    });
    const end = within(dialog).getByLabelText('Ende');
    await waitFor(() => expect(end).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getByText('Höchstens 200 Zeichen')).toBeInTheDocument();
  });
});

describe('CompleteActivityDialog', { timeout: 60_000 }, () => {
  it('opens the questionnaire for a satisfaction call, with the customer, the car and the call', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/activities/${ACTIVITY_ID}/follow-up`]: { body: null },
    });
    const vehicle = { id: '3c3c3c3c-0000-4000-8000-0000000000e1', label: 'VW ID.4 · M-AB 1234' };
    renderWithProviders(
      <CompleteActivityDialog
        activity={activityFixture({ type: 'satisfaction_call', vehicle })}
        onClose={() => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    const link = within(dialog).getByRole('link', { name: 'Befragung öffnen' });
    const url = new URL(link.getAttribute('href')!, 'http://crm.test');
    expect(url.pathname).toBe('/surveys/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      contactId: CUSTOMER.id,
      activityId: ACTIVITY_ID,
      vehicleId: vehicle.id,
    });
  });

  it('needs a result, proposes the follow-up from the rules and plans it with the completion', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/activities/${ACTIVITY_ID}/follow-up`]: {
        body: { type: 'call', subject: 'Angebot besprechen', dueOn: '2026-03-03', afterDays: 1 },
      },
      [`POST /api/activities/${ACTIVITY_ID}/complete`]: {
        body: { activity: activityFixture({ status: 'done' }), followUp: activityFixture({ id: ACTIVITY_ID }) },
      },
    });
    renderWithProviders(<CompleteActivityDialog activity={activityFixture()} onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', {}, firstRender);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Erledigen' }));
    expect(await within(dialog).findByText('Pflichtfeld')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await userEvent.click(within(dialog).getByText('nicht erreicht'));
    expect(await within(dialog).findByText('Vorschlag aus den Regeln: Anruf in 1 Tag')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Folgeaktivität planen')).toBeChecked();
    expect(within(dialog).getByLabelText('Fällig am')).toHaveValue('03.03.2026');
    expect(requests.find((r) => r.path.endsWith('/follow-up'))).toBeDefined();

    // The note goes verbatim; the follow-up's subject can be changed.
    fireEvent.change(within(dialog).getByLabelText(/Was wurde besprochen/), {
      target: { value: 'Mailbox, 2. Versuch.\nMorgen früh erneut.' },
    });
    const subject = within(dialog).getByLabelText('Betreff');
    await userEvent.clear(subject);
    await userEvent.type(subject, 'Zweiter Anrufversuch');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erledigen' }));

    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeDefined());
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      result: 'not_reached',
      note: 'Mailbox, 2. Versuch.\nMorgen früh erneut.',
      version: 3,
      followUp: {
        type: 'call',
        subject: 'Zweiter Anrufversuch',
        ownerId: salesUser.id,
        allDay: true,
        dueOn: '2026-03-03',
      },
    });
  });

  it('offers an appointment’s results and plans no follow-up when the rules propose none', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/activities/${ACTIVITY_ID}/follow-up`]: { body: null },
      [`POST /api/activities/${ACTIVITY_ID}/complete`]: {
        body: { activity: activityFixture({ status: 'done' }), followUp: null },
      },
    });
    renderWithProviders(
      <CompleteActivityDialog activity={activityFixture({ type: 'test_drive' })} onClose={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog', {}, firstRender);
    expect(within(dialog).getByText('Termin wahrgenommen')).toBeInTheDocument();
    expect(within(dialog).getByText('nicht erschienen')).toBeInTheDocument();
    expect(within(dialog).queryByText('nicht erreicht')).not.toBeInTheDocument();

    await userEvent.click(within(dialog).getByText('Termin wahrgenommen'));
    expect(
      await within(dialog).findByText('Für dieses Ergebnis ist keine Folgeaktivität vorgesehen.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Folgeaktivität planen')).not.toBeChecked();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Erledigen' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeDefined());
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ result: 'kept', note: null, version: 3 });
  });
});
