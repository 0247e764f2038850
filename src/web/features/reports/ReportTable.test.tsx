import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import type { MonitoringRowData } from '../requests/types';
import { ReportTable } from './ReportTable';

const row = (overrides: Partial<MonitoringRowData>): MonitoringRowData => ({
  key: 'muc',
  label: 'Autohaus Bergmann München',
  received: 20,
  contactedWithinOneWorkingDay: 17,
  contactedWithinOneWorkingDayPct: 85,
  contactedWithinDeadline: 19,
  contactedWithinDeadlinePct: 95,
  attempts: 31,
  attemptsByChannel: { phone: 27, email: 4, sms: 0, letter: 0, in_person: 0 },
  open: 5,
  overdue: 2,
  done: 12,
  lost: 3,
  lostReasons: {
    not_reached: 1,
    bought_elsewhere: 2,
    no_interest: 0,
    price: 0,
    no_stock: 0,
    duplicate: 0,
    spam: 0,
    other: 0,
  },
  ...overrides,
});

describe('ReportTable', () => {
  it('shows a row with the share contacted in time, red below the target, and a total', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
    const onDrill = vi.fn();
    renderWithProviders(
      <ReportTable
        report={{
          from: '2024-05-06',
          to: '2024-05-06',
          groupBy: 'location',
          rows: [row({})],
          total: row({ key: 'total', label: 'total' }),
        }}
        onDrill={onDrill}
      />,
    );

    const munich = (await screen.findByText('Autohaus Bergmann München')).closest('tr')!;
    const [oneDay] = within(munich).getAllByTestId('pct');
    expect(oneDay).toHaveTextContent('85 %');
    expect(oneDay).toHaveAttribute('data-variant', 'filled');
    expect(within(munich).getByText('Telefon 27 · E-Mail 4')).toBeInTheDocument();
    expect(screen.getByText('Gesamt')).toBeInTheDocument();

    await userEvent.click(within(munich).getByRole('button', { name: /Überfällig: 2/ }));
    expect(onDrill).toHaveBeenCalledWith(expect.objectContaining({ key: 'muc' }), 'overdue', 'overdue');
  });

  it('shows contacted within one working day next to contacted within the deadline, each with its requests', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
    const onDrill = vi.fn();
    renderWithProviders(
      <ReportTable
        report={{
          from: '2024-05-06',
          to: '2024-05-06',
          groupBy: 'location',
          rows: [row({})],
          total: row({ key: 'total' }),
        }}
        onDrill={onDrill}
      />,
    );

    expect(await screen.findByRole('columnheader', { name: 'Kontakt ≤ 1 Arbeitstag' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Kontakt in der Frist' })).toBeInTheDocument();
    const munich = screen.getByText('Autohaus Bergmann München').closest('tr')!;
    expect(
      within(munich)
        .getAllByTestId('pct')
        .map((badge) => badge.textContent),
    ).toEqual(['85 %', '95 %']);

    await userEvent.click(within(munich).getByRole('button', { name: /Kontakt ≤ 1 Arbeitstag: 17/ }));
    expect(onDrill).toHaveBeenLastCalledWith(
      expect.objectContaining({ key: 'muc' }),
      'contacted_one_day',
      'contactedWithinOneWorkingDay',
    );
    await userEvent.click(within(munich).getByRole('button', { name: /Kontakt in der Frist: 19/ }));
    expect(onDrill).toHaveBeenLastCalledWith(
      expect.objectContaining({ key: 'muc' }),
      'contacted',
      'contactedWithinDeadline',
    );
  });

  it('names the rows of a report by source and campaign, and the channel of requests without one', async () => {
    stubFetch({ 'GET /api/auth/session': session(salesUser) });
    renderWithProviders(
      <ReportTable
        report={{
          from: '2024-05-06',
          to: '2024-05-06',
          groupBy: 'source',
          rows: [
            row({ key: 'source:4f1c', label: 'Google Ads · Frühjahr 2026' }),
            row({ key: 'channel:walk_in', label: 'ohne Quelle (Vor Ort)' }),
          ],
          total: row({ key: 'total' }),
        }}
        onDrill={vi.fn()}
      />,
    );

    expect(await screen.findByRole('columnheader', { name: 'Quelle / Kampagne' })).toBeInTheDocument();
    expect(screen.getByText('Google Ads · Frühjahr 2026')).toBeInTheDocument();
    expect(screen.getByText('ohne Quelle (Vor Ort)')).toBeInTheDocument();
  });
});
