import '../customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { SelectionFilterInput } from '@shared/campaigns/schemas';
import { type RecordedRequest, stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { SelectionEditor } from './SelectionEditor';

const firstRender = { timeout: 15_000 };

function Editor() {
  const [filter, setFilter] = useState<SelectionFilterInput>({});
  return <SelectionEditor channel="email" filter={filter} onChange={setFilter} />;
}

/** The server's answer: phase 3 narrows the count, and 312 customers lack consent. */
const count = (request: RecordedRequest) => {
  const phases = (request.body as { filter: SelectionFilterInput }).filter.phases ?? [];
  return {
    body: phases.includes('reorientation')
      ? { matching: 400, blocked: 3, withoutConsent: 312, withoutAddress: 0, recipients: 85 }
      : { matching: 5000, blocked: 10, withoutConsent: 1200, withoutAddress: 40, recipients: 3750 },
  };
};

describe('SelectionEditor', { timeout: 60_000 }, () => {
  it('counts live as the filter changes and says who is left out and why', async () => {
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/users/directory': { body: [] },
      'GET /api/campaigns/vehicle-choices': { body: [{ brand: 'VW', model: 'Golf', count: 12 }] },
      'POST /api/campaigns/selection/count': count,
      'POST /api/campaigns/selection/preview': {
        body: [
          {
            contactId: 'a',
            displayName: 'Müller, Anna',
            customerNumber: 'MUC-1',
            reachable: true,
            excludedBecause: null,
          },
          {
            contactId: 'b',
            displayName: 'Schmidt, Bernd',
            customerNumber: 'MUC-2',
            reachable: false,
            excludedBecause: 'no_consent',
          },
        ],
      },
    });
    renderWithProviders(<Editor />);
    const live = await screen.findByLabelText('Anzahl der Empfänger', {}, firstRender);
    expect(await within(live).findByText('3750 Empfänger')).toBeInTheDocument();
    expect(within(live).getByText('40 ohne E-Mail-Adresse ausgeschlossen')).toBeInTheDocument();
    const preview = within(live).getByRole('table', { name: 'Die ersten Empfänger' });
    expect(within(preview).getByText('keine Einwilligung')).toBeInTheDocument();

    await userEvent.click(screen.getAllByLabelText('Lebenszyklus-Phase')[0]!);
    await userEvent.click(await screen.findByRole('option', { name: /Phase 3: Neuorientierung/ }));
    expect(await within(live).findByText('85 Empfänger')).toBeInTheDocument();
    expect(within(live).getByText('312 ohne Einwilligung ausgeschlossen')).toBeInTheDocument();
    expect(within(live).getByText('3 gesperrte Kunden ausgeschlossen')).toBeInTheDocument();
    const counts = fetchMock.mock.calls.filter(([url]) => String(url).includes('/selection/count'));
    await waitFor(() => expect(JSON.parse(String(counts.at(-1)![1]!.body)).filter.phases).toEqual(['reorientation']));
  });

  it('shows the error in words when the count fails', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/users/directory': { body: [] },
      'GET /api/campaigns/vehicle-choices': { body: [] },
      'POST /api/campaigns/selection/count': {
        status: 403,
        body: { title: 'Forbidden', status: 403, detail: 'You may not do this.' },
      },
      'POST /api/campaigns/selection/preview': { body: [] },
    });
    renderWithProviders(<Editor />);
    const live = await screen.findByLabelText('Anzahl der Empfänger', {}, firstRender);
    expect(await within(live).findByRole('alert')).toBeInTheDocument();
    expect(within(live).getByText('Niemand passt zu dieser Auswahl.')).toBeInTheDocument();
  });

  it('reads financing-end dates typed day first, as Germans write them', async () => {
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/users/directory': { body: [] },
      'GET /api/campaigns/vehicle-choices': { body: [] },
      'POST /api/campaigns/selection/count': count,
      'POST /api/campaigns/selection/preview': { body: [] },
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<Editor />);
    const from = await screen.findByRole('textbox', { name: 'Finanzierungsende ab' }, firstRender);
    await user.type(from, '05.03.2027');
    await user.tab();
    const to = screen.getByRole('textbox', { name: 'Finanzierungsende bis' });
    await user.type(to, '31.12.2027');
    await user.tab();

    expect(from).toHaveValue('05.03.2027');
    expect(to).toHaveValue('31.12.2027');
    await waitFor(() => {
      const counts = fetchMock.mock.calls.filter(([url]) => String(url).includes('/selection/count'));
      expect(JSON.parse(String(counts.at(-1)![1]!.body)).filter).toMatchObject({
        financingEndFrom: '2027-03-05',
        financingEndTo: '2027-12-31',
      });
    });
  });
});
