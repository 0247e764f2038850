import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../../shared/telephony/schemas';
import { problem, stubFetch } from '../../../test/fetch-stub';
import { adminUser, locations, session } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ConnectionForm } from './ConnectionForm';

const sipgate: Connection = {
  id: '5a1f7a52-1111-4b7c-9d1e-000000000001',
  provider: 'sipgate',
  name: 'sipgate Köln',
  enabled: true,
  locationId: null,
  settings: { verifySignature: true },
  hasSecret: true,
  state: 'connected',
  stateDetail: null,
  stateChangedAt: null,
  webhookUrl: 'https://crm.example.test/api/telephony/sipgate/5a1f7a52-1111-4b7c-9d1e-000000000001',
  lastEventAt: null,
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
        tls: false,
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
    expect(sent.body).toMatchObject({ provider: 'sipgate', settings: { verifySignature: true } });
  });
});
