import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ServiceTicket, TicketStep } from '@shared/service-tickets/schemas';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, MUNICH_ID, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { TicketSteps } from './TicketPage';

const firstRender = { timeout: 15_000 };
const step = (position: number, title: string, extra: Partial<TicketStep>): TicketStep => ({
  id: `00000000-0000-4000-8000-00000000000${position}`,
  position,
  title,
  role: 'service',
  status: 'pending',
  expectedHours: 1,
  expectedCostCents: 5_000,
  activityType: 'other',
  assignee: null,
  activityId: null,
  startedAt: null,
  dueAt: null,
  completedAt: null,
  actualHours: null,
  actualCostCents: null,
  note: null,
  overdue: false,
  escalatedAt: null,
  ...extra,
});
const steps = [
  step(1, 'Schaden aufnehmen', {
    status: 'done',
    assignee: { id: adminUser.id, name: 'Petra Schneider' },
    completedAt: '2026-03-02T09:00:00.000Z',
    actualHours: 1.5,
    actualCostCents: 6_000,
  }),
  step(2, 'Antrag beim Hersteller', {
    status: 'current',
    assignee: { id: adminUser.id, name: 'Petra Schneider' },
    dueAt: '2026-03-02T12:00:00.000Z',
    overdue: true,
  }),
  step(3, 'Teile bestellen', { role: 'parts' }),
];
const ticket: ServiceTicket = {
  id: '66666666-6666-4666-8666-666666666666',
  number: 'SA-100007',
  status: 'open',
  template: {
    id: '44444444-4444-4444-8444-444444444444',
    familyId: '55555555-5555-4555-8555-555555555555',
    name: 'Garantieantrag',
    version: 2,
    activity: 'warranty',
  },
  contact: { id: '11111111-1111-4111-8111-111111111111', name: 'Weber, Klaus' },
  vehicleId: null,
  locationId: MUNICH_ID,
  requestId: null,
  call: null,
  note: null,
  startedAt: '2026-03-02T08:00:00.000Z',
  dueAt: '2026-03-02T14:00:00.000Z',
  completedAt: null,
  escalatedAt: null,
  overdue: false,
  steps,
  currentStep: steps[1]!,
  remainingHours: 2,
  totalExpectedCostCents: 15_000,
  totalActualCostCents: 6_000,
};

describe('TicketSteps', { timeout: 60_000 }, () => {
  it('shows done, current (overdue, with person and deadline) and next steps, and completes the current one', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      [`POST /api/service-tickets/${ticket.id}/steps/${steps[1]!.id}/complete`]: { body: ticket },
    });
    renderWithProviders(<TicketSteps ticket={ticket} />);
    await screen.findByText('Antrag beim Hersteller', {}, firstRender);
    expect(screen.getByText(/tatsächlich 1,5 Std\. · 60,00 €/)).toBeInTheDocument();
    expect(screen.getByText(/Überfällig · fällig 02\.03\.2026, 13:00/)).toBeInTheDocument();
    expect(screen.getAllByText('Petra Schneider (Service)')).toHaveLength(2);
    // The next step names only the role: its person is chosen when it starts.
    expect(screen.getByText('Teile & Zubehör')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Schritt erledigt' }));
    const form = screen.getByRole('form', { name: '„Antrag beim Hersteller“ erledigt' });
    const cost = within(form).getByRole('textbox', { name: 'Tatsächliche Kosten (€)' });
    await userEvent.clear(cost);
    await userEvent.type(cost, '75');
    await userEvent.click(within(form).getByRole('button', { name: 'Erledigt melden' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      actualHours: 1,
      actualCostCents: 7_500,
      note: null,
    });
  });
});
