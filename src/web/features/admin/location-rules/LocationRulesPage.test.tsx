import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, MUNICH_ID, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const firstRender = { timeout: 15_000 };

describe('LocationRulesPage', { timeout: 60_000 }, () => {
  it("saves a location's check-in settings and who lifts a block at once", async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      [`GET /api/locations/${MUNICH_ID}/duty-settings`]: {
        body: { locationId: MUNICH_ID, usesCheckIn: false, autoCheckOutAtClosing: false },
      },
      [`PUT /api/locations/${MUNICH_ID}/duty-settings`]: (r) => ({
        body: { locationId: MUNICH_ID, ...(r.body as object) },
      }),
      [`GET /api/messages/locations/${MUNICH_ID}/block-policy`]: {
        body: { blockRoles: ['admin', 'manager', 'reception'], unblockRoles: ['admin', 'manager'] },
      },
      [`PUT /api/messages/locations/${MUNICH_ID}/block-policy`]: (r) => ({ body: r.body }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/location-rules');

    const checkIn = await screen.findByRole('switch', { name: /Nutzt Einchecken/ }, firstRender);
    const autoOut = screen.getByRole('switch', { name: /Automatisch auschecken bei Ladenschluss/ });
    expect(autoOut).toBeDisabled();
    await user.click(checkIn);
    await user.click(autoOut);
    await user.click(screen.getByRole('button', { name: 'Dienst-Einstellungen speichern' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT' && r.path.endsWith('/duty-settings'))?.body).toEqual({
        usesCheckIn: true,
        autoCheckOutAtClosing: true,
      }),
    );

    const unblock = screen.getByRole('group', { name: /Heben eine Sperre sofort auf/ });
    await user.click(within(unblock).getByRole('checkbox', { name: 'Empfang' }));
    await user.click(screen.getByRole('button', { name: 'Sperr-Regeln speichern' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT' && r.path.endsWith('/block-policy'))?.body).toEqual({
        blockRoles: ['admin', 'manager', 'reception'],
        unblockRoles: ['admin', 'manager', 'reception'],
      }),
    );
  });
});
