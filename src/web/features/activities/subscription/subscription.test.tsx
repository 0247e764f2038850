import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { CalendarSubscription } from './CalendarSubscription';
import { CalendarSubscriptionModal } from './CalendarSubscriptionModal';
import { InvitationButton } from './InvitationButton';

const URL_ONCE = 'https://crm.example.test/api/calendar/feed/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd.ics';
const inactive = { active: false, includeDetails: false, createdAt: null, lastFetchedAt: null, url: null };

describe('Kalender-Abo', () => {
  it('creates the feed and shows its address once, with the details opt-in as ticked', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/calendar/feed': { body: inactive },
      'POST /api/calendar/feed': {
        body: {
          active: true,
          includeDetails: true,
          createdAt: '2026-03-02T08:00:00Z',
          lastFetchedAt: null,
          url: URL_ONCE,
        },
      },
    });
    renderWithProviders(<CalendarSubscription />);
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('Notiz, Ort und Telefonnummer des Kunden mitsenden'));
    await user.click(screen.getByRole('button', { name: 'Abo-Adresse erstellen' }));

    expect(await screen.findByTestId('feed-url')).toHaveTextContent(URL_ONCE);
    expect(screen.getByText(/nur dieses eine Mal angezeigt/)).toBeInTheDocument();
    expect(screen.getByText('Abo aktiv')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ includeDetails: true });
    expect(screen.getByText(/Aus dem Internet abonnieren/)).toBeInTheDocument();
  });

  it('shows the CalDAV push failing with its last error', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/calendar/feed': { body: inactive },
      'GET /api/calendar/caldav': {
        body: {
          configured: true,
          url: 'https://cloud.example.test/dav/calendars/anna/crm/',
          username: 'anna',
          hasPassword: true,
          lastPushAt: null,
          lastError: 'PUT: HTTP 401',
          lastErrorAt: '2026-03-02T08:00:00Z',
        },
      },
    });
    renderWithProviders(<CalendarSubscription />);
    await userEvent.setup().click(await screen.findByRole('tab', { name: 'CalDAV-Kalender' }));
    expect(await screen.findByText('Übertragung gestört')).toBeInTheDocument();
    expect(screen.getByText('PUT: HTTP 401')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Benutzername/ })).toHaveValue('anna');
    expect(screen.getByText(/Ein Passwort ist gespeichert/)).toBeInTheDocument();
  });
});

describe('CalendarSubscriptionModal', () => {
  it('loads the subscription settings when opened', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/calendar/feed': { body: inactive },
    });
    renderWithProviders(<CalendarSubscriptionModal opened onClose={() => undefined} />);
    expect(await screen.findByRole('dialog', { name: 'Kalender-Abo' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Abo-Adresse erstellen' })).toBeInTheDocument();
  });
});

describe('InvitationButton', () => {
  it('explains a missing consent and sends once the customer asked for it', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/activities/a1/invitation': {
        body: { invited: false, email: null, reason: null, lastMethod: null, lastSentAt: null },
      },
      'POST /api/activities/a1/invitation': (request) =>
        (request.body as { reason: string }).reason === 'asked'
          ? { status: 202, body: { email: 'eva@example.test', sequence: 0, method: 'REQUEST', mailId: 'm1' } }
          : problem(409, {
              code: 'conflict',
              detail: 'The customer has not agreed to e-mail.',
              errors: [{ field: 'reason', code: 'consent_missing', message: 'no consent' }],
            }),
    });
    renderWithProviders(<InvitationButton activityId="a1" canInvite />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Einladung senden' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Einladung senden' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('keine Einwilligung für E-Mail');

    await user.click(within(dialog).getByLabelText('Kunde hat darum gebeten'));
    await user.click(within(dialog).getByRole('button', { name: 'Einladung senden' }));
    expect(await screen.findByText('Einladung an eva@example.test wird gesendet.')).toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { reason: 'consent' },
      { reason: 'asked' },
    ]);
  });

  it('says the invitation waits when no mail server is set up', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser, { mailServer: false }),
      'GET /api/activities/a1/invitation': {
        body: { invited: false, email: null, reason: null, lastMethod: null, lastSentAt: null },
      },
      'POST /api/activities/a1/invitation': {
        status: 202,
        body: { email: 'eva@example.test', sequence: 0, method: 'REQUEST', mailId: 'm1' },
      },
    });
    renderWithProviders(<InvitationButton activityId="a1" canInvite />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Einladung senden' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Einladung senden' }));
    expect(
      await screen.findByText(/Einladung an eva@example\.test gespeichert\. Noch ist kein Mailserver eingerichtet/),
    ).toBeInTheDocument();
  });

  it('is not shown for an activity that cannot be sent', () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
    renderWithProviders(<InvitationButton activityId="a1" canInvite={false} />);
    expect(screen.queryByRole('button', { name: 'Einladung senden' })).not.toBeInTheDocument();
  });
});
