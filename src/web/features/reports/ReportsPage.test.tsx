import '../customers/test-polyfills';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { berlinDay } from '../requests/intake/callback-windows';

const emptyRow = {
  key: 'total',
  label: 'Gesamt',
  received: 0,
  contactedWithinOneWorkingDay: 0,
  contactedWithinOneWorkingDayPct: null,
  contactedWithinDeadline: 0,
  contactedWithinDeadlinePct: null,
  attempts: 0,
  attemptsByChannel: { phone: 0, email: 0, sms: 0, letter: 0, in_person: 0 },
  open: 0,
  overdue: 0,
  done: 0,
  lost: 0,
  lostReasons: {},
};

describe('ReportsPage', { timeout: 60_000 }, () => {
  it('shows today with one click', async () => {
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/reports/monitoring': { body: { from: '', to: '', groupBy: 'location', rows: [], total: emptyRow } },
    });
    renderApp('/reports');
    const today = await screen.findByRole('button', { name: 'Heute' }, { timeout: 15_000 });
    await userEvent.setup({ delay: null }).click(today);

    const day = berlinDay(new Date());
    const asked = () =>
      fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/api/reports/monitoring?'));
    await waitFor(() => expect(asked().at(-1)).toContain(`from=${day}&to=${day}`));
  });
});
