import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Mailbox } from '@shared/mailboxes/schemas';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp, renderWithProviders } from '@web/test/render';
import { MailboxForm } from './MailboxForm';

// The administration is loaded lazily; on a busy machine that takes longer than the default second.
const LAZY = { timeout: 5000 };

const verkauf: Mailbox = {
  id: '6b1f7a52-1111-4b7c-9d1e-000000000001',
  locationId: locations[0]!.id,
  department: 'sales',
  name: 'Verkauf München',
  address: 'verkauf@autohaus.example',
  host: 'imap.autohaus.example',
  port: 993,
  tls: true,
  username: 'verkauf',
  folder: 'INBOX',
  defaultType: 'sales_lead',
  typeRules: [],
  afterProcessing: 'flag',
  moveToFolder: null,
  acknowledge: false,
  enabled: true,
  pollSeconds: 60,
  secretStored: true,
  state: 'error',
  stateDetail: 'Anmeldung abgelehnt: Benutzername oder Passwort falsch.',
  stateChangedAt: '2026-03-02T08:00:00.000Z',
  lastMailAt: '2026-03-02T07:55:00.000Z',
  lastError: 'Anmeldung abgelehnt: Benutzername oder Passwort falsch.',
  lastErrorAt: '2026-03-02T08:00:00.000Z',
};

describe('Mailboxes administration', () => {
  it('shows each mailbox with its state, the reason of an error and its last mail', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/mailboxes': { body: [verkauf] },
    });
    renderApp('/admin/mailboxes');
    const row = (await screen.findByText('Verkauf München', undefined, LAZY)).closest('tr')!;
    expect(within(row).getByText('Fehler')).toBeInTheDocument();
    expect(within(row).getByText('Anmeldung abgelehnt: Benutzername oder Passwort falsch.')).toBeInTheDocument();
    expect(within(row).getByText(/Letzte E-Mail/)).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Jetzt abrufen' })).toBeInTheDocument();
  });

  it('keeps the stored password when left empty and reports a failed connection test in words', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'POST /api/mailboxes/test': {
        body: { ok: false, error: 'Anmeldung abgelehnt: Benutzername oder Passwort falsch.' },
      },
      [`PATCH /api/mailboxes/${verkauf.id}`]: { body: verkauf },
    });
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderWithProviders(<MailboxForm mailbox={verkauf} onClose={onClose} />);
    expect(await screen.findByText(/gespeichert – leer lassen/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Verbindung testen' }));
    expect(await screen.findByText(/Keine Verbindung: Anmeldung abgelehnt/)).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/api/mailboxes/test')!.body).toMatchObject({ mailboxId: verkauf.id });
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = requests.find((r) => r.method === 'PATCH')!.body as Record<string, unknown>;
    expect(sent).not.toHaveProperty('secret');
    expect(sent).toMatchObject({ host: 'imap.autohaus.example', port: 993 });
  });
});
