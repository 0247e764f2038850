import '../customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SalesFunnelReport } from '@shared/sales/funnel';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, MUNICH_ID, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { SalesFunnelSection } from './SalesFunnelSection';

const firstRender = { timeout: 15_000 };
const counts = (lead: number, test_drive: number, offer: number, contract: number, delivered: number) => ({
  lead,
  test_drive,
  offer,
  contract,
  delivered,
});

const report: SalesFunnelReport = {
  steps: [
    { step: 'lead', count: 5, rateFromPrevious: null, rateFromLeads: null },
    { step: 'test_drive', count: 3, rateFromPrevious: 60, rateFromLeads: 60 },
    { step: 'offer', count: 2, rateFromPrevious: 66.7, rateFromLeads: 40 },
    { step: 'contract', count: 1, rateFromPrevious: 50, rateFromLeads: 20 },
    { step: 'delivered', count: 1, rateFromPrevious: 100, rateFromLeads: 20 },
  ],
  lost: [{ reason: 'bought_elsewhere', brand: 'BMW', count: 1 }],
  pipeline: [{ stage: 'offer', count: 1, valueCents: 3_000_000 }],
  bySource: [
    { key: 'web', label: 'web', counts: counts(3, 2, 2, 1, 1), contractRate: 33.3 },
    { key: null, label: '', counts: counts(2, 1, 0, 0, 0), contractRate: 0 },
  ],
  byConsultant: [{ key: adminUser.id, label: 'Jonas Weber', counts: counts(5, 3, 2, 1, 1), contractRate: 20 }],
  byLocation: [{ key: MUNICH_ID, label: 'München', counts: counts(5, 3, 2, 1, 1), contractRate: 20 }],
};

const empty: SalesFunnelReport = {
  steps: report.steps.map((s) => ({ ...s, count: 0, rateFromPrevious: null, rateFromLeads: null })),
  lost: [],
  pipeline: [],
  bySource: [],
  byConsultant: [],
  byLocation: [],
};

describe('SalesFunnelSection', { timeout: 60_000 }, () => {
  it('shows each step with its conversion, the lost reasons with brand and the open pipeline value', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/reports/sales-funnel': { body: report },
    });
    renderWithProviders(<SalesFunnelSection />);
    const steps = await screen.findByRole('list', { name: 'Verkaufstrichter' }, firstRender);
    expect(within(steps).getByText('Leads: 5')).toBeInTheDocument();
    expect(within(steps).getByText('Angebote: 2')).toBeInTheDocument();
    expect(within(steps).getByText('66,7 % vom Schritt davor · 40,0 % der Leads')).toBeInTheDocument();

    const lost = screen.getByRole('table', { name: 'Verlustgründe' });
    expect(within(lost).getByText('BMW')).toBeInTheDocument();
    const pipeline = screen.getByRole('table', { name: 'Offene Pipeline je Phase' });
    expect(within(pipeline).getByText('30.000,00 €')).toBeInTheDocument();

    const breakdown = screen.getByRole('table', { name: 'Aufteilung' });
    expect(within(breakdown).getByText('(ohne Quelle)')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Verkäufer' }));
    expect(
      await within(screen.getByRole('table', { name: 'Aufteilung' })).findByText('Jonas Weber'),
    ).toBeInTheDocument();
  });

  it('asks again with the source filter and keeps the CSV link in step', async () => {
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/reports/sales-funnel': { body: report },
    });
    renderWithProviders(<SalesFunnelSection />);
    await screen.findByRole('list', { name: 'Verkaufstrichter' }, firstRender);
    await userEvent.type(screen.getByLabelText('Quelle / Kampagne'), 'web');
    const asked = () =>
      fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/api/reports/sales-funnel?'));
    await waitFor(() => expect(asked().at(-1)).toContain('source=web'));
    expect(screen.getByRole('link', { name: 'Trichter als CSV' }).getAttribute('href')).toMatch(
      /^\/api\/reports\/sales-funnel\.csv\?from=\d{4}-01-01&to=\d{4}-\d{2}-\d{2}&source=web$/,
    );
  });

  it('says so when the period has no opportunities', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/reports/sales-funnel': { body: empty },
    });
    renderWithProviders(<SalesFunnelSection />);
    expect(await screen.findByText('Keine Verkaufschancen im Zeitraum', {}, firstRender)).toBeInTheDocument();
  });
});
