import '../customers/test-polyfills';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ActivityReport, ActivityReportRow } from '@shared/activities/report';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, salesUser, session } from '@web/test/fixtures';
import { renderApp, renderWithProviders } from '@web/test/render';
import { ActivityReportTable } from './ActivityReportTable';

const row = (overrides: Partial<ActivityReportRow>): ActivityReportRow => ({
  key: 'u1',
  label: 'Bauer, Jonas',
  planned: 12,
  done: 8,
  overdue: 3,
  fromRequests: 4,
  kept: 3,
  noShow: 1,
  keptPct: 75,
  ...overrides,
});

const report: ActivityReport = {
  from: '2026-03-02',
  to: '2026-03-06',
  byPerson: [row({}), row({ key: 'u2', label: 'Yilmaz, Aylin', overdue: 0, kept: 0, noShow: 0, keptPct: null })],
  byType: [
    row({ key: 'call', label: 'Anruf', fromRequests: 0, kept: 0, noShow: 0, keptPct: null }),
    row({ key: 'test_drive', label: 'Probefahrt', planned: 5, kept: 4, noShow: 0, keptPct: 100 }),
  ],
  total: row({ key: 'total', label: 'Gesamt', planned: 24, kept: 3, noShow: 1, keptPct: 75 }),
};

describe('ActivityReportTable', () => {
  it('shows planned, done, overdue and appointments kept per person, then per type', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
    renderWithProviders(<ActivityReportTable report={report} />);

    const bauer = (await screen.findByText('Bauer, Jonas')).closest('tr')!;
    const cells = within(bauer)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 5)).toEqual(['Bauer, Jonas', '12', '8', '3', '4']);
    expect(within(bauer).getByText('3 / 4')).toBeInTheDocument();
    expect(within(bauer).getByTestId('kept-pct')).toHaveTextContent('75 %');
    expect(within(bauer).getByTestId('kept-pct')).toHaveAttribute('data-variant', 'filled');
    // Nobody marked kept or not: no rate rather than 0 %.
    const yilmaz = screen.getByText('Yilmaz, Aylin').closest('tr')!;
    expect(within(yilmaz).getByTestId('kept-pct')).toHaveTextContent('–');
    expect(screen.getByRole('columnheader', { name: 'Termin wahrgenommen' })).toBeInTheDocument();
    const total = screen.getByText('Gesamt').closest('tr')!;
    expect(within(total).getAllByRole('cell')[1]).toHaveTextContent('24');

    await userEvent.setup({ delay: null }).click(screen.getByRole('radio', { name: 'Art' }));
    const drives = (await screen.findByText('Probefahrt')).closest('tr')!;
    expect(within(drives).getByTestId('kept-pct')).toHaveTextContent('100 %');
    expect(screen.getByText('Anruf')).toBeInTheDocument();
    expect(screen.queryByText('Bauer, Jonas')).not.toBeInTheDocument();
  });
});

describe('the monitoring page', { timeout: 60_000 }, () => {
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

  it('asks for the activities of the chosen period and location and shows them', async () => {
    const { fetchMock } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/reports/monitoring': { body: { from: '', to: '', groupBy: 'location', rows: [], total: emptyRow } },
      'GET /api/reports/activities': { body: report },
    });
    const munich = locations[0]!.id;
    renderApp(`/reports?from=2026-03-02&to=2026-03-06&locationId=${munich}`);
    await screen.findByText('Aktivitäten und Termine', {}, { timeout: 15_000 });
    expect(await screen.findByText('Bauer, Jonas')).toBeInTheDocument();
    const asked = fetchMock.mock.calls
      .map(([url]) => String(url))
      .filter((url) => url.includes('/reports/activities?'));
    expect(asked.at(-1)).toContain(`from=2026-03-02&to=2026-03-06&locationId=${munich}`);
  });

  it('says when there were no activities', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/reports/monitoring': { body: { from: '', to: '', groupBy: 'location', rows: [], total: emptyRow } },
      'GET /api/reports/activities': { body: { ...report, byPerson: [], byType: [], total: row({ key: 'total' }) } },
    });
    renderApp('/reports');
    expect(await screen.findByText('Keine Aktivitäten im Zeitraum', {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
