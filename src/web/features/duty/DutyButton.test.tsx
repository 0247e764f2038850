import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { COLOGNE_ID, MUNICH_ID, salesUser, session } from '@web/test/fixtures';
import { renderWithProviders } from '@web/test/render';
import { DutyButton } from './DutyButton';

const shift = (locationId: string, name: string) => ({
  id: '5a5a5a5a-0000-4000-8000-000000000001',
  user: { id: salesUser.id, displayName: salesUser.displayName },
  location: { id: locationId, name },
  checkedInAt: '2026-03-02T06:58:00.000Z',
  checkedOutAt: null,
  checkOutKind: null,
});

describe('DutyButton', { timeout: 60_000 }, () => {
  it('checks in with one click at the only location and then says since when the user is on duty', async () => {
    let current: ReturnType<typeof shift> | null = null;
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/duty/me': () => ({
        body: { current, locations: [{ id: MUNICH_ID, name: 'München', usesCheckIn: true }] },
      }),
      'POST /api/duty/check-in': () => {
        current = shift(MUNICH_ID, 'München');
        return { body: current };
      },
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<DutyButton />);

    await user.click(await screen.findByRole('button', { name: 'Einchecken' }));
    expect(await screen.findByRole('button', { name: 'Im Dienst · München seit 07:58' })).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/api/duty/check-in')?.body).toEqual({ locationId: MUNICH_ID });
  });

  it('lets a user with several locations pick one, and check out again', async () => {
    let current: ReturnType<typeof shift> | null = null;
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/duty/me': () => ({
        body: {
          current,
          locations: [
            { id: MUNICH_ID, name: 'München', usesCheckIn: true },
            { id: COLOGNE_ID, name: 'Köln', usesCheckIn: true },
          ],
        },
      }),
      'POST /api/duty/check-in': (request) => {
        current = shift((request.body as { locationId: string }).locationId, 'Köln');
        return { body: current };
      },
      'POST /api/duty/check-out': () => {
        const ended = { ...current!, checkedOutAt: '2026-03-02T16:00:00.000Z', checkOutKind: 'manual' };
        current = null;
        return { body: ended };
      },
    });
    const user = userEvent.setup({ delay: null });
    renderWithProviders(<DutyButton />);

    await user.click(await screen.findByRole('button', { name: 'Einchecken' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Köln' }));
    const onDuty = await screen.findByRole('button', { name: 'Im Dienst · Köln seit 07:58' });
    expect(requests.find((r) => r.path === '/api/duty/check-in')?.body).toEqual({ locationId: COLOGNE_ID });

    await user.click(onDuty);
    await user.click(await screen.findByRole('menuitem', { name: 'Auschecken' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Einchecken' })).toBeInTheDocument());
  });

  it('stays out of the header where no location of the user uses check-in', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/duty/me': {
        body: { current: null, locations: [{ id: MUNICH_ID, name: 'München', usesCheckIn: false }] },
      },
    });
    renderWithProviders(<DutyButton />);
    await waitFor(() => expect(requests.some((r) => r.path === '/api/duty/me')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Einchecken' })).not.toBeInTheDocument();
  });
});
