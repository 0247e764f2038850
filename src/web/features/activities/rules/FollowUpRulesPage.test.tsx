import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const manager = { ...adminUser, role: 'manager' as const };

/** A Mantine select's input, by its label. */
const select = (label: string) => screen.getAllByLabelText(label)[0]!;

const shipped = [
  { activityType: null, result: 'offer_sent', followUpType: 'offer_follow_up', afterDays: 10 },
  { activityType: 'delivery', result: null, followUpType: 'satisfaction_call', afterDays: 7 },
  { activityType: null, result: null, followUpType: 'call', afterDays: 5 },
];

describe('the follow-up rules page', { timeout: 60_000 }, () => {
  it('lets a manager change, add and remove rules and save them at once', async () => {
    let stored = shipped;
    const { requests } = stubFetch({
      'GET /api/auth/session': session(manager),
      'GET /api/locations': { body: locations },
      'GET /api/activities/follow-up-rules': () => ({ body: { rules: stored } }),
      'PUT /api/activities/follow-up-rules': (request) => {
        const { rules } = request.body as { rules: typeof shipped };
        stored = rules.length === 0 ? shipped : rules;
        return { body: { rules: stored } };
      },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/follow-ups');

    expect(
      await screen.findByRole('tab', { name: 'Wiedervorlagen', selected: true }, { timeout: 15_000 }),
    ).toBeVisible();
    const days = await screen.findByRole('textbox', { name: 'Tage in Regel 1' });
    expect(days).toHaveValue('10');
    expect(select('Ergebnis in Regel 1')).toHaveValue('Angebot gesendet');
    expect(select('Erledigte Aktivität in Regel 1')).toHaveValue('alle');
    const save = screen.getByRole('button', { name: 'Speichern' });
    expect(save).toBeDisabled();

    // An offer is followed up after 14 days instead of 10.
    await user.clear(days);
    await user.type(days, '14');
    // The satisfaction call after a delivery goes.
    await user.click(screen.getByRole('button', { name: 'Regel 2 entfernen' }));
    // After a test drive, an offer follow-up the next day.
    await user.click(screen.getByRole('button', { name: 'Regel hinzufügen' }));
    await user.click(select('Erledigte Aktivität in Regel 3'));
    await user.click(await screen.findByRole('option', { name: 'Probefahrt' }));
    await user.click(select('Folgeaktivität in Regel 3'));
    await user.click(await screen.findByRole('option', { name: 'Angebotsnachfass' }));
    const newDays = screen.getByRole('textbox', { name: 'Tage in Regel 3' });
    await user.clear(newDays);
    await user.type(newDays, '1');
    expect(screen.getByText('Ungespeicherte Änderungen')).toBeInTheDocument();

    await user.click(save);
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({
      rules: [
        { activityType: null, result: 'offer_sent', followUpType: 'offer_follow_up', afterDays: 14 },
        { activityType: null, result: null, followUpType: 'call', afterDays: 5 },
        { activityType: 'test_drive', result: null, followUpType: 'offer_follow_up', afterDays: 1 },
      ],
    });
    expect(await screen.findByText('Wiedervorlagen gespeichert.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Speichern' })).toBeDisabled());

    // Back to what the product ships with.
    await user.click(screen.getByRole('button', { name: 'Auf Standard zurücksetzen' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Auf Standard zurücksetzen' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PUT')[1]?.body).toEqual({ rules: [] });
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Tage in Regel 1' })).toHaveValue('10'));
    expect(screen.getByRole('textbox', { name: 'Tage in Regel 2' })).toHaveValue('7');
  });

  it('refuses to save two rules for the same activity and result', async () => {
    stubFetch({
      'GET /api/auth/session': session(manager),
      'GET /api/locations': { body: locations },
      'GET /api/activities/follow-up-rules': { body: { rules: shipped } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/follow-ups');

    await user.click(await screen.findByRole('button', { name: 'Regel hinzufügen' }, { timeout: 15_000 }));
    // The new row is "alle / alle", as rule 3 already is.
    expect(await screen.findByText('Regel 4 gilt schon für dieselbe Aktivität und dasselbe Ergebnis.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Speichern' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Regel 4 entfernen' }));
    expect(screen.queryByText(/gilt schon/)).not.toBeInTheDocument();
  });

  it('is not offered to a salesperson', async () => {
    stubFetch({
      'GET /api/auth/session': session(salesUser),
      'GET /api/locations': { body: locations },
      'GET /api/activities/follow-up-rules': { body: { rules: shipped } },
    });
    renderApp('/admin/follow-ups');
    expect(await screen.findByText('Kein Zugriff', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Wiedervorlagen' })).not.toBeInTheDocument();
  });
});
