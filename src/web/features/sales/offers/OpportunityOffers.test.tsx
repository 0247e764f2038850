import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { OpportunityOffers } from './OpportunityOffers';

const OPPORTUNITY = '4f0c2a9e-5b1d-4c3e-8f7a-000000000014';
const firstRender = { timeout: 15_000 };

const saved = {
  id: '4f0c2a9e-5b1d-4c3e-8f7a-0000000000a1',
  opportunityId: OPPORTUNITY,
  version: 1,
  status: 'draft',
  content: null,
  figures: null,
  grossCents: 3_450_000,
  netCents: null,
  vatCents: null,
  payableCents: null,
  monthlyRateCents: 39_900,
  externalTool: 'hyundai_hsa',
  externalFileName: 'hsa.pdf',
  validUntil: '2026-03-17',
  sentAt: null,
  decidedAt: null,
  rejectionReason: null,
  createdBy: 'Jonas Weber',
  createdAt: '2026-03-03T09:00:00.000Z',
};

/** The figure in the totals panel beside a label. */
const total = (panel: HTMLElement, label: string) => within(panel).getByTestId(`total-${label}`).textContent;

describe('OpportunityOffers', { timeout: 60_000 }, () => {
  it('lists the versions with their price, rate and the brand PDF', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/opportunities/${OPPORTUNITY}/offers`]: { body: { closed: false, items: [saved] } },
    });
    renderWithProviders(<OpportunityOffers opportunityId={OPPORTUNITY} />);
    const row = (await screen.findByText('34.500,00 €', {}, firstRender)).closest('tr')!;
    expect(within(row).getByText('399,00 €')).toBeInTheDocument();
    expect(within(row).getByText('17.03.2026')).toBeInTheDocument();
    expect(within(row).getByText('Hyundai HSA')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'PDF herunterladen' })).toHaveAttribute(
      'href',
      `/api/offers/${saved.id}/external-pdf`,
    );
  });

  it('shows the totals and the monthly rate while the offer is typed, and sends the amounts in cents', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      [`GET /api/opportunities/${OPPORTUNITY}/offers`]: { body: { closed: false, items: [] } },
      [`POST /api/opportunities/${OPPORTUNITY}/offers`]: { status: 201, body: { ...saved, externalTool: null } },
    });
    renderWithProviders(<OpportunityOffers opportunityId={OPPORTUNITY} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Neues Angebot' }, firstRender));
    const dialog = await screen.findByRole('dialog');
    const panel = within(dialog).getByRole('region', { name: 'Summen' });

    await userEvent.type(within(dialog).getByLabelText(/^Marke/), 'Hyundai');
    await userEvent.type(within(dialog).getByLabelText(/^Modell/), 'Tucson');
    await userEvent.type(within(dialog).getByLabelText(/^Listenpreis/), '35.990,00');
    expect(total(panel, 'Brutto')).toBe('35.990,00 €');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Position hinzufügen' }));
    await userEvent.type(within(dialog).getByLabelText(/^Bezeichnung/), 'Überführung');
    await userEvent.type(within(dialog).getByLabelText(/^Preis/), '990,01');
    await userEvent.type(within(dialog).getByLabelText(/^Nachlass/), '1.980,01');
    // 35,990 + 990.01 − 1,980.01 = 35,000.00 €; net 29,411.76, VAT 5,588.24.
    expect(total(panel, 'Brutto')).toBe('35.000,00 €');
    expect(total(panel, 'Netto')).toBe('29.411,76 €');
    expect(total(panel, 'MwSt. 19 %')).toBe('5.588,24 €');

    await userEvent.click(within(dialog).getByRole('switch', { name: 'Finanzierung' }));
    const downPayments = within(dialog).getAllByLabelText(/^Anzahlung/);
    await userEvent.clear(downPayments[0]!);
    await userEvent.type(downPayments[0]!, '10.000');
    await userEvent.type(within(dialog).getByLabelText(/^Sollzins/), '4,99');
    // 25,000 € at 4.99 % over the default 48 months: 575.62 € a month.
    await waitFor(() => expect(total(panel, 'Monatsrate')).toBe('575,62 €'));
    expect(within(panel).getByText('4,99 % Sollzins, 5,11 % eff. Jahreszins')).toBeInTheDocument();

    await userEvent.clear(within(dialog).getByLabelText(/^Nachlass/));
    await userEvent.type(within(dialog).getByLabelText(/^Nachlass/), '40.000');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Der Nachlass kann höchstens 36.980,01 € betragen');
    await userEvent.clear(within(dialog).getByLabelText(/^Nachlass/));
    await userEvent.type(within(dialog).getByLabelText(/^Nachlass/), '1.980,01');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Angebot speichern' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'POST')).toBeDefined());
    expect(requests.find((r) => r.method === 'POST')!.body).toMatchObject({
      content: {
        vehicle: { make: 'Hyundai', model: 'Tucson', listPriceCents: 3_599_000 },
        lines: [{ kind: 'option', label: 'Überführung', priceCents: 99_001 }],
        discountCents: 198_001,
        financing: { downPaymentCents: 1_000_000, termMonths: 48, nominalRateBasisPoints: 499, balloonCents: 0 },
      },
    });
  });
});
