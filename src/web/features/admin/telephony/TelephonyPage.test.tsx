import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

// The administration is loaded lazily; on a busy machine that takes longer than the default second.
const LAZY = { timeout: 5000 };

const connection = {
  id: '5a1f7a52-1111-4b7c-9d1e-000000000002',
  provider: 'csta',
  name: 'OpenScape München',
  enabled: true,
  locationId: null,
  settings: { host: 'pbx', port: 8800 },
  hasSecret: false,
  hasApiToken: false,
  state: 'failed',
  stateDetail: 'connect ECONNREFUSED 10.0.0.5:8800',
  stateChangedAt: '2026-03-02T08:00:00.000Z',
  webhookUrl: null,
  lastEventAt: null,
};

describe('Telephony administration', () => {
  it('says in words that a phone system has sent no events yet', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/telephony/connections': { body: [connection] },
      [`GET /api/telephony/connections/${connection.id}/events`]: { body: [] },
    });
    renderApp('/admin/telephony?tab=events');

    expect(await screen.findByText('Noch keine Ereignisse', undefined, LAZY)).toBeInTheDocument();
    expect(screen.getByText(/Diese Anlage hat noch nichts gemeldet/)).toBeInTheDocument();
  });

  it('shows the live state of a CSTA link with its reason', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/telephony/connections': { body: [connection] },
    });
    renderApp('/admin/telephony');

    expect(await screen.findByText('Fehlgeschlagen', undefined, LAZY)).toBeInTheDocument();
    expect(screen.getByText('connect ECONNREFUSED 10.0.0.5:8800')).toBeInTheDocument();
  });

  it('explains that extensions need a phone system first', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/telephony/connections': { body: [] },
      'GET /api/telephony/extensions': { body: [] },
    });
    renderApp('/admin/telephony?tab=extensions');

    expect(await screen.findByText('Keine Durchwahlen zugeordnet', undefined, LAZY)).toBeInTheDocument();
    expect(screen.getByText(/Binden Sie zuerst eine Telefonanlage an/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Neue Durchwahl' })).not.toBeInTheDocument();
  });

  it('lets the admin choose national or international numbers per phonebook export', async () => {
    const generatedAt = '2026-03-02T08:00:00.000Z';
    const status = (yealink: 'national' | 'international') => ({
      formats: [{ format: 'yealink', entryCount: 12, generatedAt }],
      numberFormats: [
        { format: 'csv', numberFormat: 'international' },
        { format: '3cx', numberFormat: 'international' },
        { format: 'vcard', numberFormat: 'international' },
        { format: 'yealink', numberFormat: yealink },
        { format: 'snom', numberFormat: 'national' },
        { format: 'fritzbox', numberFormat: 'national' },
      ],
    });
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/telephony/connections': { body: [] },
      'GET /api/phonebook/status': { body: status('national') },
      'PUT /api/phonebook/yealink/settings': { body: status('international') },
    });
    renderApp('/admin/telephony?tab=phonebook');

    expect(await screen.findByText('3CX (Kontakte-Import, CSV)', undefined, LAZY)).toBeInTheDocument();
    expect(screen.getByText('Snom (tbook-XML)')).toBeInTheDocument();
    const yealink = await screen.findByRole('combobox', {
      name: 'Rufnummern im Format Yealink (Remote-Telefonbuch)',
    });
    expect(yealink).toHaveValue('national');
    await userEvent.selectOptions(yealink, 'international');
    expect(
      await screen.findByText('Gespeichert; Yealink (Remote-Telefonbuch) wurde neu erstellt.'),
    ).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ numberFormat: 'international' });
    expect(yealink).toHaveValue('international');
  });
});
