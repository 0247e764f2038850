import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ProcessTemplate } from '@shared/service-tickets/schemas';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { ProcessEditor } from './ProcessEditor';

const firstRender = { timeout: 15_000 };
const warranty: ProcessTemplate = {
  id: '44444444-4444-4444-8444-444444444444',
  familyId: '55555555-5555-4555-8555-555555555555',
  version: 3,
  name: 'Garantieantrag',
  activity: 'warranty',
  locationId: null,
  locationName: null,
  steps: [
    {
      position: 1,
      title: 'Schaden aufnehmen',
      role: 'service',
      expectedHours: 0.5,
      expectedCostCents: 0,
      activityType: 'appointment',
    },
    {
      position: 2,
      title: 'Antrag beim Hersteller',
      role: 'service',
      expectedHours: 1,
      expectedCostCents: 2_500,
      activityType: 'email',
    },
  ],
  totalHours: 1.5,
  totalCostCents: 2_500,
  createdAt: '2026-03-01T08:00:00.000Z',
  mayEdit: true,
};

describe('ProcessEditor', { timeout: 60_000 }, () => {
  it('reorders, adds and removes steps and saves the next version with costs in cents', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      [`PUT /api/service-processes/${warranty.id}`]: { body: { ...warranty, version: 4 } },
    });
    let saved: ProcessTemplate | null = null;
    renderWithProviders(<ProcessEditor process={warranty} onDone={(p) => (saved = p)} />);
    const form = await screen.findByRole('form', { name: 'Garantieantrag' }, firstRender);
    const steps = () => within(form).getAllByRole('listitem');
    expect(steps()).toHaveLength(2);
    expect(within(form).getByTestId('process-total')).toHaveTextContent('Zusammen: 1,5 Std. · 25,00 €');

    // The second step first.
    await userEvent.click(within(form).getByRole('button', { name: 'Schritt 2: Nach oben' }));
    expect(within(steps()[0]!).getByRole('textbox', { name: 'Bezeichnung' })).toHaveValue('Antrag beim Hersteller');

    // A third step: the parts department, two hours, 120 €, no activity.
    await userEvent.click(within(form).getByRole('button', { name: 'Schritt hinzufügen' }));
    const third = steps()[2]!;
    await userEvent.type(within(third).getByRole('textbox', { name: 'Bezeichnung' }), 'Teile bestellen');
    await userEvent.click(within(third).getByRole('combobox', { name: 'Wer' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Teile & Zubehör' }));
    const hours = within(third).getByRole('textbox', { name: 'Dauer (Std.)' });
    await userEvent.clear(hours);
    await userEvent.type(hours, '2');
    await userEvent.type(within(third).getByRole('textbox', { name: 'Kosten (€)' }), '120');
    await userEvent.click(within(third).getByRole('combobox', { name: 'Aktivität anlegen' }));
    await userEvent.click(await screen.findByRole('option', { name: 'keine' }));
    await waitFor(() =>
      expect(within(form).getByTestId('process-total')).toHaveTextContent('Zusammen: 3,5 Std. · 145,00 €'),
    );

    // The step that is now first goes.
    await userEvent.click(within(form).getByRole('button', { name: 'Schritt 1: Entfernen' }));
    expect(steps()).toHaveLength(2);

    await userEvent.click(within(form).getByRole('button', { name: 'Als Version 4 speichern' }));
    await waitFor(() => expect(saved).not.toBeNull());
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      name: 'Garantieantrag',
      activity: 'warranty',
      locationId: null,
      steps: [
        {
          title: 'Schaden aufnehmen',
          role: 'service',
          expectedHours: 0.5,
          expectedCostCents: 0,
          activityType: 'appointment',
        },
        { title: 'Teile bestellen', role: 'parts', expectedHours: 2, expectedCostCents: 12_000, activityType: null },
      ],
    });
  });

  it("shows the server's field error on the step it names", async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'POST /api/service-processes': {
        status: 400,
        body: {
          type: '/problems/validation',
          title: 'Invalid',
          status: 400,
          code: 'validation',
          errors: [{ field: 'steps.0.title', code: 'too_long', params: { max: 160 }, message: 'too long' }],
        },
      },
    });
    renderWithProviders(<ProcessEditor process={null} onDone={() => undefined} />);
    const form = await screen.findByRole('form', { name: 'Neuer Prozess' }, firstRender);
    await userEvent.type(within(form).getByRole('textbox', { name: /^Name/ }), 'Wartung');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Bezeichnung' }), 'Annehmen');
    await userEvent.click(within(form).getByRole('button', { name: 'Speichern' }));
    const step = within(form).getAllByRole('listitem')[0]!;
    expect(await within(step).findByText(/160/)).toBeInTheDocument();
  });
});
