import '@web/features/customers/test-polyfills';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const manager = { ...adminUser, role: 'manager' as const };
const max = { id: '5b1a7c4e-0000-4000-8000-000000000001', displayName: 'Max Weber' };
const anna = { id: '5b1a7c4e-0000-4000-8000-000000000002', displayName: 'Anna Schulz' };
const eva = { id: '5b1a7c4e-0000-4000-8000-000000000003', displayName: 'Eva Ort' };

describe('AbsencesPage', { timeout: 60_000 }, () => {
  it('shows an absence whose reason is held back as "away", with its deputy, and offers no editing', async () => {
    stubFetch({
      'GET /api/auth/session': session(manager),
      'GET /api/locations': { body: locations },
      'GET /api/users/presence': {
        body: [
          { user: { ...anna, role: 'sales' }, present: true },
          {
            user: { ...max, role: 'sales' },
            present: false,
            absence: { kind: null, endsOn: '2026-03-04', deputy: anna },
          },
        ],
      },
      'GET /api/absences': {
        body: [
          {
            id: '5b1a7c4e-0000-4000-8000-0000000000a1',
            user: max,
            kind: null,
            startsOn: '2026-03-02',
            endsOn: '2026-03-04',
            deputy: anna,
            note: null,
          },
          {
            id: '5b1a7c4e-0000-4000-8000-0000000000a2',
            user: eva,
            kind: 'holiday',
            startsOn: '2026-03-09',
            endsOn: '2026-03-13',
            deputy: null,
            note: 'Ostsee',
          },
        ],
      },
    });
    renderApp('/admin/absences');

    const maxRow = (await screen.findByText('Max Weber', { selector: 'td p' }, { timeout: 15_000 })).closest('tr')!;
    expect(within(maxRow).getByText('Abwesend')).toBeInTheDocument();
    expect(within(maxRow).getByText('Anna Schulz')).toBeInTheDocument();
    expect(within(maxRow).queryByRole('button')).not.toBeInTheDocument();
    const evaRow = screen.getByText('Eva Ort', { selector: 'td p' }).closest('tr')!;
    expect(within(evaRow).getByText('Urlaub')).toBeInTheDocument();
    expect(within(evaRow).getAllByRole('button')).toHaveLength(2);
    expect(screen.getByText(/Abwesend bis 04\.03\.2026/)).toBeInTheDocument();
  });
});
