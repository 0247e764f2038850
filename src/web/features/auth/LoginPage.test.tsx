import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

async function submitLogin(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('E-Mail-Adresse'), email);
  await user.type(screen.getByLabelText('Passwort'), password);
  await user.click(screen.getByRole('button', { name: 'Anmelden' }));
}

describe('LoginPage', () => {
  it('sends the credentials and explains wrong ones in words', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': problem(401),
      'POST /api/auth/login': problem(401, { code: 'invalid-credentials', detail: 'Invalid e-mail or password.' }),
    });
    renderApp('/login');

    await submitLogin('verkauf@autohaus-bergmann.de', 'falsches-passwort');

    expect(await screen.findByRole('alert')).toHaveTextContent('E-Mail-Adresse oder Passwort ist falsch.');
    const login = requests.find((request) => request.path === '/api/auth/login');
    expect(login?.method).toBe('POST');
    expect(login?.body).toEqual({ email: 'verkauf@autohaus-bergmann.de', password: 'falsches-passwort' });
  });

  it('tells the user to wait after too many attempts', async () => {
    stubFetch({
      'GET /api/auth/session': problem(401),
      'POST /api/auth/login': { ...problem(429), headers: { 'Retry-After': '600' } },
    });
    renderApp('/login');

    await submitLogin('verkauf@autohaus-bergmann.de', 'noch-ein-versuch');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Zu viele Fehlversuche. Bitte versuchen Sie es in 10 Minuten erneut.',
    );
  });

  it('returns to the page the user wanted after logging in', async () => {
    stubFetch({
      'GET /api/auth/session': problem(401),
      'POST /api/auth/login': session(salesUser),
      'GET /api/locations': { body: locations },
    });
    const { router } = renderApp('/calendar?view=week');
    await screen.findByRole('button', { name: 'Anmelden' });
    expect(router.state.location.pathname).toBe('/login');

    await submitLogin('verkauf@autohaus-bergmann.de', 'autohaus-demo');

    expect(await screen.findByRole('button', { name: 'Benutzermenü öffnen' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/calendar');
    expect(router.state.location.search).toBe('?view=week');
  });
});
