import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, MUNICH_ID, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { UserFormModal } from './UserFormModal';

describe('UserFormModal', () => {
  it('shows the field error the server returns on the field', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'POST /api/users': problem(409, {
        code: 'conflict',
        detail: 'A user with this e-mail address exists.',
        errors: [{ field: 'email', in: 'body', code: 'already_in_use', message: 'already in use' }],
      }),
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<UserFormModal opened user={null} onClose={onClose} onCreated={vi.fn()} />);

    await user.type(await screen.findByRole('textbox', { name: /Vorname/ }), 'Lena');
    await user.type(screen.getByRole('textbox', { name: /Nachname/ }), 'Frauen');
    await user.type(screen.getByRole('textbox', { name: /E-Mail-Adresse/ }), 'lena.frauen@autohaus-bergmann.de');
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));

    const email = screen.getByRole('textbox', { name: /E-Mail-Adresse/ });
    expect(await screen.findByText('Wird bereits verwendet')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(onClose).not.toHaveBeenCalled();

    const create = requests.find((request) => request.method === 'POST' && request.path === '/api/users');
    expect(create?.headers['X-CSRF-Token']).toBe('csrf-test-token');
    expect(create?.body).toMatchObject({
      firstName: 'Lena',
      lastName: 'Frauen',
      email: 'lena.frauen@autohaus-bergmann.de',
      role: 'sales',
      homeLocationId: MUNICH_ID,
    });
  });

  it('checks the fields in the browser before sending', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
    });
    const user = userEvent.setup();
    renderWithProviders(<UserFormModal opened user={null} onClose={vi.fn()} onCreated={vi.fn()} />);

    await user.type(await screen.findByRole('textbox', { name: /E-Mail-Adresse/ }), 'keine-adresse');
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));

    expect(await screen.findByText('Bitte eine gültige E-Mail-Adresse eingeben')).toBeInTheDocument();
    expect(screen.getAllByText('Pflichtfeld')).toHaveLength(2);
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
  });
});
