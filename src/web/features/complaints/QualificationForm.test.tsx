import '../customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Complaint } from '@shared/complaints/schemas';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { QualificationForm } from './QualificationForm';

const complaint: Complaint = {
  id: '11111111-1111-4111-8111-111111111111',
  number: 'R-100007',
  requestId: '22222222-2222-4222-8222-222222222222',
  requestNumber: 'A-100042',
  contactId: '33333333-3333-4333-8333-333333333333',
  customer: 'Anna Müller',
  locationId: '44444444-4444-4444-8444-444444444444',
  status: 'new',
  category: null,
  severity: null,
  department: null,
  justified: 'open',
  rootCause: null,
  description: 'Die Klimaanlage riecht muffig.',
  vehicle: null,
  customerVehicles: [
    {
      id: '55555555-5555-4555-8555-555555555555',
      label: 'M-AB 123 (VW ID.4)',
      vin: 'WVWZZZE2ZPP012345',
      make: 'VW',
      model: 'ID.4',
    },
  ],
  costs: {
    partsCents: 0,
    labourCents: 0,
    goodwillManufacturerCents: 0,
    goodwillDealerCents: 0,
    totalCents: 0,
    minutesSpent: 0,
  },
  satisfaction: null,
  satisfactionScale: null,
  outcome: null,
  openedAt: '2026-03-02T08:00:00.000Z',
  acknowledgedAt: null,
  closedAt: null,
  passedOn: null,
  steps: [],
  history: [],
  version: 0,
};

const firstRender = { timeout: 15_000 };

async function pick(user: ReturnType<typeof userEvent.setup>, label: RegExp, option: string | RegExp) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('QualificationForm', { timeout: 60_000 }, () => {
  it('names the missing fields, then sends category, severity, department and the car with its VIN shown', async () => {
    stubFetch({ 'GET /api/auth/session': session(adminUser) });
    const onSubmit = vi.fn();
    const onChange = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<QualificationForm complaint={complaint} onSubmit={onSubmit} onChange={onChange} />);
    await user.click(await screen.findByRole('button', { name: 'Qualifizieren' }, firstRender));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByText('Pflichtfeld').length).toBeGreaterThanOrEqual(3);

    await pick(user, /^Kategorie/, 'Fahrzeugmangel');
    await pick(user, /^Schwere/, 'hoch');
    await pick(user, /^Zuständige Abteilung/, 'Service');
    await pick(user, /^Fahrzeug/, 'M-AB 123 (VW ID.4) · FIN WVWZZZE2ZPP012345');
    await user.type(screen.getByLabelText('Ursache'), 'Filter nicht getauscht');
    // The similar cases beside the form follow category and car as they are chosen.
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ category: 'vehicle_defect', vehicleId: complaint.customerVehicles[0]!.id }),
    );
    await user.click(screen.getByRole('button', { name: 'Qualifizieren' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      category: 'vehicle_defect',
      severity: 'high',
      department: 'service',
      vehicleId: complaint.customerVehicles[0]!.id,
      justified: 'open',
      rootCause: 'Filter nicht getauscht',
      version: 0,
    });
  });

  it('shows what the server says about a field on that field', async () => {
    stubFetch({ 'GET /api/auth/session': session(adminUser) });
    const user = userEvent.setup();
    renderWithProviders(
      <QualificationForm
        complaint={{
          ...complaint,
          status: 'qualified',
          category: 'invoice',
          severity: 'low',
          department: 'administration',
        }}
        onSubmit={(_body, setErrors) => setErrors({ vehicleId: 'ist keines der Fahrzeuge des Kunden' })}
      />,
    );
    await user.click(await screen.findByRole('button', { name: 'Qualifizierung speichern' }, firstRender));
    expect(await screen.findByText('ist keines der Fahrzeuge des Kunden')).toBeInTheDocument();
  });
});
