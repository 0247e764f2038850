import '@web/features/customers/test-polyfills';
import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch, type StubReply } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const websiteKey = {
  id: '6c6c6c6c-0000-4000-8000-000000000001',
  name: 'Website Kontaktformular',
  prefix: 'ahc_ab12',
  scopes: ['intake'],
  createdAt: '2026-03-02T09:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

function stubServer(extra: Record<string, StubReply> = {}) {
  notifications.clean();
  return stubFetch({
    'GET /api/auth/session': session(adminUser),
    'GET /api/locations': { body: locations },
    'GET /api/admin/api-keys': { body: [websiteKey] },
    ...extra,
  });
}

async function openRevoke() {
  const user = userEvent.setup({ delay: null });
  renderApp('/admin/api-keys');
  const row = (await screen.findByText('Website Kontaktformular', { selector: 'td p' }, { timeout: 15_000 })).closest(
    'tr',
  )!;
  await user.click(within(row).getByRole('button', { name: 'Widerrufen' }));
  const dialog = await screen.findByRole('dialog', { name: 'API-Schlüssel widerrufen?' });
  await user.click(within(dialog).getByRole('button', { name: 'Widerrufen' }));
  return dialog;
}

describe('ApiKeysPage', { timeout: 60_000 }, () => {
  it('creates a key and shows its secret once', async () => {
    const { requests } = stubServer({
      'POST /api/admin/api-keys': { status: 201, body: { ...websiteKey, name: 'Telefonanlage', secret: 'ahc_secret' } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/api-keys');

    await user.click(await screen.findByRole('button', { name: 'Neuer API-Schlüssel' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Neuen API-Schlüssel erstellen' });
    await user.type(within(dialog).getByRole('textbox', { name: /Bezeichnung/ }), 'Telefonanlage');
    await user.click(within(dialog).getByRole('checkbox', { name: /Telefonie/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Schlüssel erstellen' }));

    expect(await screen.findByRole('dialog', { name: 'API-Schlüssel erstellt' })).toHaveTextContent('ahc_secret');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Telefonanlage', scopes: ['telephony'] });
  });

  it('revokes a key after asking and says so', async () => {
    const { requests } = stubServer({ [`DELETE /api/admin/api-keys/${websiteKey.id}`]: { status: 204 } });
    await openRevoke();

    expect(await screen.findByText('„Website Kontaktformular“ wurde widerrufen.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('says in words why revoking failed', async () => {
    stubServer({ [`DELETE /api/admin/api-keys/${websiteKey.id}`]: problem(403) });
    await openRevoke();

    expect(await screen.findByText('Dazu fehlt Ihnen die Berechtigung.')).toBeInTheDocument();
    expect(screen.queryByText('„Website Kontaktformular“ wurde widerrufen.')).not.toBeInTheDocument();
  });
});
