import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { TrackingNumberForm } from './TrackingNumberForm';

const routes = {
  'GET /api/auth/session': session(adminUser),
  'GET /api/locations': { body: locations },
  'GET /api/users/directory': { body: [] },
};

describe('TrackingNumberForm', () => {
  it('needs a number, a label and a source', async () => {
    const { requests } = stubFetch(routes);
    const user = userEvent.setup();
    renderWithProviders(<TrackingNumberForm trackingNumber={null} onClose={vi.fn()} />);

    await user.click(await screen.findByRole('button', { name: 'Anlegen' }));

    expect(await screen.findAllByText(/Pflichtfeld|Mindestens 3 Zeichen/)).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: /Rufnummer/ })).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows on the number field that it is already a tracking number', async () => {
    const { requests } = stubFetch({
      ...routes,
      'POST /api/telephony/tracking-numbers': problem(409, {
        code: 'conflict',
        errors: [{ field: 'number', in: 'body', code: 'already_in_use', message: 'already in use' }],
      }),
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<TrackingNumberForm trackingNumber={null} onClose={onClose} />);

    await user.type(await screen.findByRole('textbox', { name: /Rufnummer/ }), '089 2158 3300');
    await user.type(screen.getByRole('textbox', { name: /Bezeichnung/ }), 'mobile.de Golf');
    await user.type(screen.getByRole('textbox', { name: /Quelle/ }), 'mobile.de');
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));

    expect(await screen.findByText('Wird bereits verwendet')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Rufnummer/ })).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      number: '089 2158 3300',
      label: 'mobile.de Golf',
      source: 'mobile.de',
      channel: 'phone',
      routeUserId: null,
      routeGroupUserIds: [],
    });
  });
});
