import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { OpportunityOrder } from './OpportunityOrder';

const OPPORTUNITY = '4f0c2a9e-5b1d-4c3e-8f7a-000000000014';
const OFFER = '4f0c2a9e-5b1d-4c3e-8f7a-0000000000a1';
const ORDER = '4f0c2a9e-5b1d-4c3e-8f7a-0000000000b1';
const firstRender = { timeout: 15_000 };

const acceptedOffer = {
  id: OFFER,
  opportunityId: OPPORTUNITY,
  version: 1,
  status: 'accepted',
  content: null,
  figures: null,
  grossCents: 3_450_000,
  netCents: null,
  vatCents: null,
  payableCents: null,
  monthlyRateCents: null,
  externalTool: null,
  externalFileName: null,
  validUntil: '2026-03-17',
  sentAt: null,
  decidedAt: '2026-03-05T09:00:00.000Z',
  rejectionReason: null,
  createdBy: 'Jonas Weber',
  createdAt: '2026-03-03T09:00:00.000Z',
};

const order = {
  id: ORDER,
  number: 'KV-100001',
  opportunityId: OPPORTUNITY,
  opportunityNumber: 'V-100001',
  offerId: OFFER,
  contactId: '4f0c2a9e-5b1d-4c3e-8f7a-0000000000c1',
  contactName: 'Anna Schmidt',
  locationId: '4f0c2a9e-5b1d-4c3e-8f7a-0000000000d1',
  consultantId: salesUser.id,
  status: 'ordered',
  orderedAt: '2026-03-05T09:00:00.000Z',
  plannedDeliveryAt: '2026-03-19T09:00:00.000Z',
  deliveryActivityId: '4f0c2a9e-5b1d-4c3e-8f7a-0000000000e1',
  checklist: ['registration'],
  missing: ['papers', 'keys', 'handover_explained'],
  deliveredAt: null,
  vehicleId: null,
  vehicle: { make: 'Hyundai', model: 'Tucson', variant: null, vin: null },
  grossCents: 3_450_000,
  cancelledAt: null,
  cancelReason: null,
  version: 3,
};

const routes = (items: unknown[], offers: unknown[] = [acceptedOffer], user = salesUser) => ({
  'GET /api/auth/session': session(user),
  [`GET /api/opportunities/${OPPORTUNITY}/offers`]: { body: { closed: false, items: offers } },
  [`GET /api/opportunities/${OPPORTUNITY}/purchase-orders`]: { body: { items } },
});

describe('OpportunityOrder', { timeout: 60_000 }, () => {
  it('says an order needs an accepted offer when none is accepted', async () => {
    stubFetch(routes([], []));
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    expect(
      await screen.findByText('Eine Bestellung entsteht aus einem angenommenen Angebot.', {}, firstRender),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bestellung anlegen' })).not.toBeInTheDocument();
  });

  it('places the order from the accepted offer and lets the server choose the day when untouched', async () => {
    const { requests } = stubFetch({
      ...routes([]),
      [`POST /api/offers/${OFFER}/purchase-order`]: { status: 201, body: order },
    });
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Bestellung anlegen' }, firstRender));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Geplante Auslieferung, Uhrzeit')).toHaveValue('10');
    expect(within(dialog).getByLabelText('Geplante Auslieferung, Minuten')).toHaveValue('00');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bestellung anlegen' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({});
  });

  it('sends the chosen delivery time in Berlin time', async () => {
    const { requests } = stubFetch({
      ...routes([]),
      [`POST /api/offers/${OFFER}/purchase-order`]: { status: 201, body: order },
    });
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Bestellung anlegen' }, firstRender));
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByLabelText(/^Geplante Auslieferung(?!,)/);
    await userEvent.clear(date);
    await userEvent.type(date, '2026-03-20');
    // Typed without a colon, in one go, as on the desk's keyboard: the hours hand over to the minutes.
    const hours = within(dialog).getByLabelText('Geplante Auslieferung, Uhrzeit');
    await userEvent.clear(hours);
    await userEvent.type(hours, '1430');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Bestellung anlegen' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({ plannedDeliveryAt: '2026-03-20T14:30:00+01:00' });
  });

  it('shows the order with its appointment, saves a tick and keeps delivery closed until all are ticked', async () => {
    const { requests } = stubFetch({
      ...routes([order]),
      [`PATCH /api/purchase-orders/${ORDER}`]: {
        body: { ...order, checklist: ['registration', 'papers'], missing: ['keys', 'handover_explained'], version: 4 },
      },
    });
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    expect(await screen.findByText('KV-100001', {}, firstRender)).toBeInTheDocument();
    expect(screen.getByText('Bestellt')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Im Kalender öffnen' })).toHaveAttribute(
      'href',
      '/calendar?date=2026-03-19',
    );
    const deliver = screen.getByRole('button', { name: 'Ausgeliefert' });
    expect(deliver).toBeDisabled();
    expect(
      screen.getByText('Noch nicht abgehakt: Papiere, Schlüssel, Übergabe/Einweisung erklärt'),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Zulassung' })).toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Papiere' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')!.body).toEqual({
      checklist: ['registration', 'papers'],
      version: 3,
    });
  });

  it('hands the car over once the checklist is complete', async () => {
    const complete = { ...order, checklist: ['registration', 'papers', 'keys', 'handover_explained'], missing: [] };
    const { requests } = stubFetch({
      ...routes([complete]),
      [`POST /api/purchase-orders/${ORDER}/deliver`]: {
        body: { ...complete, status: 'delivered', deliveredAt: '2026-03-19T10:00:00.000Z' },
      },
    });
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    const deliver = await screen.findByRole('button', { name: 'Ausgeliefert' }, firstRender);
    expect(deliver).toBeEnabled();
    await userEvent.click(deliver);
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/deliver'))).toBe(true));
  });

  it('cancels the order only with a reason', async () => {
    const { requests } = stubFetch({
      ...routes([order]),
      [`POST /api/purchase-orders/${ORDER}/cancel`]: {
        body: { ...order, status: 'cancelled', cancelReason: 'Finanzierung abgelehnt' },
      },
    });
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Bestellung stornieren' }, firstRender));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Bestellung stornieren' });
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/^Grund/), 'Finanzierung abgelehnt');
    await userEvent.click(confirm);
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/cancel'))).toBe(true));
    expect(requests.find((r) => r.path.endsWith('/cancel'))!.body).toEqual({ reason: 'Finanzierung abgelehnt' });
  });

  it('shows reception the order without letting them change it', async () => {
    stubFetch(routes([order], [acceptedOffer], { ...salesUser, role: 'reception' }));
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    expect(await screen.findByText('KV-100001', {}, firstRender)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Papiere' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Ausgeliefert' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bestellung stornieren' })).not.toBeInTheDocument();
  });

  it('renders the PDF and opens the stored document', async () => {
    const opened: string[] = [];
    window.open = ((url: string) => (opened.push(url), null)) as typeof window.open;
    stubFetch({
      ...routes([order]),
      [`POST /api/purchase-orders/${ORDER}/pdf`]: { status: 201, body: { id: 'doc-1' } },
    });
    renderWithProviders(<OpportunityOrder opportunityId={OPPORTUNITY} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Bestellung als PDF' }, firstRender));
    await waitFor(() => expect(opened).toEqual(['/api/documents/doc-1']));
  });
});
