import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

function mainNav() {
  return within(screen.getByRole('navigation', { name: /Hauptnavigation|Main navigation/ }));
}

describe('AppLayout', () => {
  it('hides the administration from a salesperson', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser), 'GET /api/locations': { body: locations } });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: /Jonas/ })).toBeInTheDocument();
    expect(mainNav().getByRole('link', { name: 'Kunden' })).toBeInTheDocument();
    expect(mainNav().queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });

  it('shows the administration to an admin', async () => {
    stubFetch({ 'GET /api/auth/session': session(adminUser), 'GET /api/locations': { body: locations } });
    renderApp('/');

    expect(await screen.findByRole('heading', { name: /Petra/ })).toBeInTheDocument();
    expect(mainNav().getByRole('link', { name: 'Administration' })).toHaveAttribute('href', '/admin');
  });

  it('says "Kein Zugriff" when a salesperson opens an admin page', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser), 'GET /api/locations': { body: locations } });
    renderApp('/admin/users');

    // The administration's code loads first (staff may read the assignment rules there).
    expect(await screen.findByText('Kein Zugriff', {}, { timeout: 15_000 })).toBeInTheDocument();
  });

  it('switches the language from the user menu and remembers it', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser), 'GET /api/locations': { body: locations } });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Benutzermenü öffnen' }));
    await user.click(await screen.findByText('English'));

    expect(await screen.findByRole('link', { name: 'Customers' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Kunden' })).not.toBeInTheDocument();
    expect(localStorage.getItem('autohaus-crm.locale')).toBe('en');
  });

  it('reaches "Wer ist im Dienst?" and the daily checks from the user menu, also where nobody checks in', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/duty/me': { body: { current: null, locations: [] } },
    });
    const user = userEvent.setup();
    renderApp('/');

    await user.click(await screen.findByRole('button', { name: 'Benutzermenü öffnen' }));
    expect(await screen.findByRole('menuitem', { name: 'Wer ist im Dienst?' })).toHaveAttribute('href', '/duty');
    expect(screen.getByRole('menuitem', { name: 'Tägliche Kontrollen' })).toHaveAttribute('href', '/checks');
  });
});
