import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '@shared/telephony/schemas';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { ConnectionForm } from './ConnectionForm';

const sipgate: Connection = {
  id: '5a1f7a52-1111-4b7c-9d1e-000000000001',
  provider: 'sipgate',
  name: 'sipgate Köln',
  enabled: true,
  locationId: null,
  settings: { tokenId: 'token-A1B2C3', callerId: '+4922112345', allowedIps: ['217.116.118.0/24'] },
  hasSecret: true,
  hasApiToken: false,
  state: 'connected',
  stateDetail: null,
  stateChangedAt: null,
  webhookUrl: 'https://crm.example.test/api/telephony/sipgate/5a1f7a52-1111-4b7c-9d1e-000000000001?token=abc',
  lastEventAt: null,
};

const placetel: Connection = {
  ...sipgate,
  id: '5a1f7a52-1111-4b7c-9d1e-000000000003',
  provider: 'placetel',
  name: 'Placetel Wien',
  settings: { country: 'AT' },
  hasApiToken: true,
  webhookUrl: 'https://crm.example.test/api/telephony/placetel/5a1f7a52-1111-4b7c-9d1e-000000000003',
};

const csta: Connection = {
  ...sipgate,
  id: '5a1f7a52-1111-4b7c-9d1e-000000000004',
  provider: 'csta',
  name: 'OpenScape',
  settings: {
    host: 'pbx.muc.local',
    port: 8800,
    userId: 'crm',
    protocolVersions: ['ed5', 'ed3'],
    dialFormat: 'national',
    dialPrefix: '0',
    country: 'DE',
    devices: [],
    applicationSession: true,
    reconnectInitialMs: 500,
  },
  hasSecret: false,
  webhookUrl: null,
};

describe('ConnectionForm', () => {
  it('asks for host and port of a CSTA link before sending anything', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
    });
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm connection={null} onClose={vi.fn()} />);

    await user.type(await screen.findByRole('textbox', { name: /Name/ }), 'OpenScape München');
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));

    expect(await screen.findAllByText('Pflichtfeld')).toHaveLength(2);
    expect(screen.getByRole('textbox', { name: /Host oder IP-Adresse/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: /Port/ })).toHaveAttribute('aria-invalid', 'true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('sends only the chosen provider’s settings and shows the server’s field error on the field', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'POST /api/telephony/connections': problem(400, {
        code: 'validation',
        errors: [{ field: 'settings.host', in: 'body', message: 'must be a host name or IP address' }],
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm connection={null} onClose={vi.fn()} />);

    await user.type(await screen.findByRole('textbox', { name: /Name/ }), 'OpenScape');
    await user.type(screen.getByRole('textbox', { name: /Host oder IP-Adresse/ }), 'pbx.muc.local');
    await user.type(screen.getByRole('textbox', { name: /Port/ }), '8800');
    await user.type(
      screen.getByRole('textbox', { name: /Weitere überwachte Geräte/ }),
      '+4989123456100{enter}+4989123456101',
    );
    await user.click(screen.getByRole('button', { name: 'Anlegen' }));

    expect(await screen.findByText('must be a host name or IP address')).toBeInTheDocument();
    const sent = requests.find((r) => r.method === 'POST')!;
    expect(sent.body).toEqual({
      provider: 'csta',
      name: 'OpenScape',
      enabled: true,
      locationId: null,
      settings: {
        host: 'pbx.muc.local',
        port: 8800,
        applicationSession: false,
        devices: ['+4989123456100', '+4989123456101'],
        protocolVersions: ['ed3'],
        dialFormat: 'e164',
        dialPrefix: '',
      },
    });
  });

  it('keeps a stored secret unless a new one is typed; never shows it', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'PATCH /api/telephony/connections/5a1f7a52-1111-4b7c-9d1e-000000000001': { body: sipgate },
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm connection={sipgate} onClose={onClose} />);

    const secret = await screen.findByLabelText(/API-Token/);
    expect(secret).toHaveValue('');
    expect(screen.getByText('Ein Geheimnis ist hinterlegt. Leer lassen, um es zu behalten.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const sent = requests.find((r) => r.method === 'PATCH')!;
    expect(sent.body).not.toHaveProperty('secret');
    expect(sent.body).toMatchObject({
      provider: 'sipgate',
      settings: { tokenId: 'token-A1B2C3', callerId: '+4922112345', allowedIps: ['217.116.118.0/24'] },
    });
  });

  it('names a sipgate allow-list entry that is not an address on the field', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
    });
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm connection={sipgate} onClose={vi.fn()} />);

    const ips = await screen.findByRole('textbox', { name: /Erlaubte Absender-IP-Adressen/ });
    await user.type(ips, '{enter}sipgate.de');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    await vi.waitFor(() => expect(ips).toHaveAttribute('aria-invalid', 'true'));
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('never shows the stored Placetel API token and keeps it unless a new one is typed', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'PATCH /api/telephony/connections/5a1f7a52-1111-4b7c-9d1e-000000000003': { body: placetel },
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm connection={placetel} onClose={onClose} />);

    expect(await screen.findByLabelText('API-Token')).toHaveValue('');
    expect(screen.getByText('Ein API-Token ist hinterlegt. Leer lassen, um es zu behalten.')).toBeInTheDocument();
    const country = screen.getByRole('textbox', { name: /Land der Rufnummern/ });
    await user.clear(country);
    await user.type(country, 'de');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    const kept = requests.find((r) => r.method === 'PATCH')!;
    expect(kept.body).toMatchObject({ provider: 'placetel', settings: { country: 'DE' } });
    expect((kept.body as { settings: object }).settings).not.toHaveProperty('apiToken');

    await user.type(screen.getByLabelText('API-Token'), 'new-placetel-token');
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await vi.waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]!.body).toMatchObject({
      settings: { apiToken: 'new-placetel-token', country: 'DE' },
    });
  });

  it('shows the CSTA settings the adapter uses and keeps tuning set through the API', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'PATCH /api/telephony/connections/5a1f7a52-1111-4b7c-9d1e-000000000004': { body: csta },
    });
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ConnectionForm connection={csta} onClose={onClose} />);

    expect(await screen.findByRole('textbox', { name: /Benutzerkennung/ })).toHaveValue('crm');
    const prefix = screen.getByRole('textbox', { name: /Amtsholung/ });
    expect(prefix).toHaveValue('0');
    await user.clear(prefix);
    await user.click(screen.getByRole('button', { name: 'Speichern' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(requests.find((r) => r.method === 'PATCH')!.body).toMatchObject({
      settings: {
        host: 'pbx.muc.local',
        port: 8800,
        userId: 'crm',
        protocolVersions: ['ed5', 'ed3'],
        dialFormat: 'national',
        dialPrefix: '',
        reconnectInitialMs: 500,
      },
    });
  });
});
