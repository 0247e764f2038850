import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { BookTestDriveDialog } from './BookTestDriveDialog';

const CAR = '7c0e1a9e-3b1f-4f54-9a0a-0000000000c1';
const OTHER_CAR = '7c0e1a9e-3b1f-4f54-9a0a-0000000000c2';
const schedule = {
  from: '2026-03-03T00:00:00.000Z',
  to: '2026-03-04T00:00:00.000Z',
  cars: [
    {
      id: CAR,
      label: 'VW ID.4 M-AB 123',
      plate: 'M-AB 123',
      bookings: [
        {
          id: '7c0e1a9e-3b1f-4f54-9a0a-0000000000d1',
          startsAt: '2026-03-03T13:00:00.000Z',
          endsAt: '2026-03-03T14:00:00.000Z',
          status: 'booked',
          customer: 'Müller, Anna',
          consultant: 'Jonas Weber',
        },
      ],
      blocks: [],
    },
    { id: OTHER_CAR, label: 'VW Golf M-CC 42', plate: 'M-CC 42', bookings: [], blocks: [] },
  ],
};

/** The dialog for Klaus Weber on 3 March 2026 at the consultant's location, with the car and time given. */
function openDialog(preset: { demoVehicleId: string; startMinutes?: number }) {
  renderWithProviders(
    <BookTestDriveDialog
      opened
      onClose={() => undefined}
      preset={{
        locationId: salesUser.homeLocationId,
        day: '2026-03-03',
        contact: { id: '7c0e1a9e-3b1f-4f54-9a0a-0000000000e1', label: 'Weber, Klaus' },
        ...preset,
      }}
    />,
  );
}

describe('BookTestDriveDialog', { timeout: 60_000 }, () => {
  it('shows which car is busy in the slot, and the server’s conflict in words next to the slot', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/users/directory': { body: [] },
      [`GET /api/locations/${salesUser.homeLocationId}/test-drive-schedule`]: { body: schedule },
      'POST /api/test-drives': problem(409, {
        code: 'slot-taken',
        detail: 'VW ID.4 M-AB 123 ist am 03.03.2026 von 14:00 bis 15:00 für Müller, Anna gebucht.',
        conflict: {
          kind: 'test_drive',
          car: 'VW ID.4 M-AB 123',
          startsAt: '2026-03-03T13:00:00.000Z',
          endsAt: '2026-03-03T14:00:00.000Z',
          customer: 'Müller, Anna',
          reason: null,
        },
      }),
    });
    openDialog({ startMinutes: 14 * 60 + 30, demoVehicleId: CAR });
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const car = within(dialog).getByLabelText(/Vorführwagen/, { selector: 'input' });
    await waitFor(() => expect(car).toHaveValue('VW ID.4 M-AB 123 – belegt (14:00–15:00 Müller, Anna)'));

    await userEvent.click(within(dialog).getByRole('button', { name: 'Buchen' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('VW ID.4 M-AB 123 ist von 14:00 bis 15:00 für Müller, Anna gebucht.');
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      demoVehicleId: CAR,
      startsAt: '2026-03-03T14:30:00+01:00',
      endsAt: '2026-03-03T15:30:00+01:00',
      invite: 'none',
    });

    await userEvent.click(car);
    expect(await screen.findByRole('option', { name: 'VW Golf M-CC 42 – frei' })).toBeInTheDocument();
  });

  it('takes the slot typed as 24-hour times, without a colon, and books it in Berlin time', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/users/directory': { body: [] },
      [`GET /api/locations/${salesUser.homeLocationId}/test-drive-schedule`]: { body: schedule },
      'POST /api/test-drives': problem(409, { code: 'slot-taken', detail: 'belegt' }),
    });
    openDialog({ demoVehicleId: OTHER_CAR });
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const from = within(dialog).getByLabelText('Von, Uhrzeit');
    await userEvent.clear(from);
    await userEvent.type(from, '1615');
    const to = within(dialog).getByLabelText('Bis, Uhrzeit');
    await userEvent.clear(to);
    await userEvent.type(to, '1745');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Buchen' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      demoVehicleId: OTHER_CAR,
      startsAt: '2026-03-03T16:15:00+01:00',
      endsAt: '2026-03-03T17:45:00+01:00',
    });
  });
});
