import '@web/features/customers/test-polyfills';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch, type StubReply } from '@web/test/fetch-stub';
import { locations, MUNICH_ID, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import { ACTIVITY_ID, activityFixture } from '../test-fixtures';
import { HOUR_HEIGHT } from './model';

const firstRender = { timeout: 15_000 };

// jsdom has no DragEvent: without it a drop event would carry no pointer position.
if (typeof window.DragEvent === 'undefined') {
  class DragEventPolyfill extends MouseEvent {
    readonly dataTransfer = null;
  }
  Object.defineProperty(window, 'DragEvent', { value: DragEventPolyfill, configurable: true });
}

// Monday 2 March 2026, 10:00–11:00; the grid starts at 07:00 (Munich opens at 08:00).
const meeting = activityFixture({ type: 'appointment', subject: 'Beratung Leasing', place: 'Raum 2' });
const task = activityFixture({
  id: '3c3c3c3c-0000-4000-8000-000000000002',
  subject: 'Angebot nachfassen',
  allDay: true,
  dueOn: '2026-03-04',
  startsAt: '2026-03-04T00:00:00+01:00',
  endsAt: null,
  overdue: true,
});

function routes(patch: StubReply) {
  return {
    'GET /api/auth/session': session(salesUser),
    'GET /api/locations': { body: locations },
    'GET /api/users/directory': { body: [] },
    'GET /api/activities/calendar': { body: { items: [meeting, task] } },
    [`GET /api/locations/${MUNICH_ID}/holidays`]: { body: [{ date: '2026-03-06', name: 'Testfeiertag' }] },
    'GET /api/absences': { body: [] },
    [`PATCH /api/activities/${ACTIVITY_ID}`]: patch,
  };
}

describe('the week view', { timeout: 60_000 }, () => {
  it('places activities by their Berlin time, marks the overdue and shows the holiday', async () => {
    stubFetch(routes({ body: meeting }));
    renderApp('/calendar?date=2026-03-04');

    const event = await screen.findByRole('button', { name: /Beratung Leasing/ }, firstRender);
    expect(screen.getByTestId('calendar-title')).toHaveTextContent('Mo., 02.03. – So., 08.03. · KW 10');
    // 10:00 is three hours below 07:00; an hour long.
    expect(event.style.top).toBe(`${3 * HOUR_HEIGHT}px`);
    expect(event.style.height).toBe(`${HOUR_HEIGHT}px`);
    expect(within(screen.getByTestId('column-2026-03-02')).getByText(/Beratung Leasing/)).toBeInTheDocument();
    expect(event).toHaveTextContent('10:00–11:00');

    const overdue = within(screen.getByTestId('all-day-2026-03-04')).getByRole('button', {
      name: /Angebot nachfassen/,
    });
    expect(overdue).toHaveAttribute('data-overdue', 'true');
    expect(screen.getByText('1 überfällig')).toBeInTheDocument();
    expect(await screen.findByText('Testfeiertag')).toBeInTheDocument();
  });

  it('moves an activity dragged to Tuesday 14:00 with its version, keeping its length', async () => {
    const moved = {
      ...meeting,
      startsAt: '2026-03-03T14:00:00+01:00',
      endsAt: '2026-03-03T15:00:00+01:00',
      version: 4,
    };
    const { requests } = stubFetch(routes({ body: moved }));
    renderApp('/calendar?date=2026-03-04');
    const event = await screen.findByRole('button', { name: /Beratung Leasing/ }, firstRender);

    fireEvent.dragStart(event, { clientY: 0 });
    const tuesday = screen.getByTestId('column-2026-03-03');
    fireEvent.dragOver(tuesday, { clientY: 7 * HOUR_HEIGHT });
    fireEvent.drop(tuesday, { clientY: 7 * HOUR_HEIGHT });

    await waitFor(() => expect(requests.find((r) => r.method === 'PATCH')).toBeDefined());
    expect(requests.find((r) => r.method === 'PATCH')!.body).toEqual({
      version: 3,
      allDay: false,
      startsAt: '2026-03-03T14:00:00+01:00',
      endsAt: '2026-03-03T15:00:00+01:00',
    });
    expect(await screen.findByText(/Verschoben auf Di\., 03\.03\.2026, 14:00–15:00/)).toBeInTheDocument();
  });

  it('says so when the activity was changed in the meantime (409)', async () => {
    stubFetch(routes(problem(409, { code: 'conflict' })));
    renderApp('/calendar?date=2026-03-04');
    const event = await screen.findByRole('button', { name: /Beratung Leasing/ }, firstRender);

    fireEvent.dragStart(event, { clientY: 0 });
    const wednesday = screen.getByTestId('all-day-2026-03-05');
    fireEvent.dragOver(wednesday);
    fireEvent.drop(wednesday);

    expect(await screen.findByText(/inzwischen geändert/)).toBeInTheDocument();
  });

  it('opens the plan dialog at the time of a free slot clicked', async () => {
    stubFetch(routes({ body: meeting }));
    renderApp('/calendar?date=2026-03-04');
    await screen.findByRole('button', { name: /Beratung Leasing/ }, firstRender);

    fireEvent.click(screen.getByTestId('column-2026-03-05'), { clientY: 9 * HOUR_HEIGHT + 10 });
    const dialog = await screen.findByRole('dialog', { name: 'Aktivität planen' });
    expect(within(dialog).getByLabelText(/Beginn/)).toHaveValue('16:00');
    expect(within(dialog).getByLabelText('Ende')).toHaveValue('17:00');
    expect(within(dialog).getByLabelText(/^Tag/)).toHaveValue('05.03.2026');
  });
});
