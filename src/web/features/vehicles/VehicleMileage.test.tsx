import '@web/features/customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { VehicleMileage } from './VehicleMileage';

const VEHICLE = '00000000-0000-4000-8000-000000000031';
const readings = {
  readings: [
    {
      id: '00000000-0000-4000-8000-000000000032',
      readOn: '2026-01-10',
      km: 43_300,
      source: 'workshop',
      createdAt: '2026-01-10T09:00:00Z',
    },
  ],
  kmPerYear: 14_200,
  basis: 'first_registration',
  nextService: null,
};
const belowEarlier = {
  status: 400,
  body: {
    type: '/problems/validation',
    title: 'Bad Request',
    status: 400,
    errors: [
      {
        field: 'km',
        in: 'body',
        code: 'below_earlier_reading',
        message: 'is below an earlier reading',
        params: { km: 43_300 },
      },
    ],
  },
};

describe('VehicleMileage', { timeout: 60_000 }, () => {
  it('asks to confirm a lower reading, keeps the confirmation visible when ticked, and sends it', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/vehicles/${VEHICLE}/mileage`]: { body: readings },
      [`POST /api/vehicles/${VEHICLE}/mileage`]: (request) =>
        (request.body as { confirmLower: boolean }).confirmLower ? { body: readings } : belowEarlier,
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<VehicleMileage vehicleId={VEHICLE} canEdit />);

    expect(await screen.findByText('ca. 14.200 km/Jahr', { exact: false })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Kilometerstand' }), '12000');
    await user.click(screen.getByRole('button', { name: 'Stand erfassen' }));

    expect(await screen.findByText(/Weniger als ein früherer Stand \(43\.300 km\)/)).toBeInTheDocument();
    const confirm = screen.getByRole('checkbox', { name: /der Stand ist niedriger/ });
    await user.click(confirm);
    expect(screen.getByRole('checkbox', { name: /der Stand ist niedriger/ })).toBeChecked();

    // Another number needs its own confirmation.
    const km = screen.getByRole('textbox', { name: 'Kilometerstand' });
    await user.type(km, '0');
    expect(screen.getByRole('checkbox', { name: /der Stand ist niedriger/ })).not.toBeChecked();
    await user.type(km, '{Backspace}');
    await user.click(screen.getByRole('checkbox', { name: /der Stand ist niedriger/ }));

    await user.click(screen.getByRole('button', { name: 'Stand erfassen' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'POST')[1]!.body).toMatchObject({ km: 12_000, confirmLower: true });
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /der Stand ist niedriger/ })).toBeNull());
  });
});
