import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const repurchase = {
  id: '00000000-0000-4000-8000-000000000032',
  defaultKey: 'repurchase',
  name: 'Wiedermotorisierung',
  locationId: null,
  locationName: null,
  make: null,
  trigger: 'months_after_delivery',
  amount: 32,
  phase: null,
  action: 'activity',
  assignee: 'sales_consultant',
  activityType: 'repurchase',
  consentChannel: 'phone',
  consentPurpose: 'marketing',
  template: 'Wiedermotorisierung ansprechen.',
  lookbackDays: 30,
  enabled: true,
  version: 3,
};

describe('LifecyclePage', { timeout: 60_000 }, () => {
  it('lets an administrator change when the re-purchase activity is due', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [repurchase] },
      [`PUT /api/lifecycle/rules/${repurchase.id}`]: { body: { ...repurchase, amount: 30, version: 4 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');

    const row = (await screen.findByText('Wiedermotorisierung', {}, { timeout: 15_000 })).closest('tr')!;
    expect(within(row).getByText('32 Monate nach Auslieferung')).toBeInTheDocument();
    expect(within(row).getByText('Telefon · Werbung')).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Bearbeiten' }));

    const dialog = await screen.findByRole('dialog', { name: 'Lebenszyklus-Regel bearbeiten' });
    const amount = within(dialog).getByRole('textbox', { name: 'Anzahl' });
    await user.clear(amount);
    await user.type(amount, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({
      amount: 30,
      trigger: 'months_after_delivery',
      activityType: 'repurchase',
      consentChannel: 'phone',
      consentPurpose: 'marketing',
      version: 3,
    });
  });

  it('turns a rule off and runs the rules now, saying what was done', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [repurchase] },
      [`PUT /api/lifecycle/rules/${repurchase.id}`]: { body: { ...repurchase, enabled: false, version: 4 } },
      'POST /api/lifecycle/run': { body: { found: 12, created: 9, queued: 1, pendingSend: 0, skipped: 2 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');

    await user.click(await screen.findByRole('switch', { name: 'Wiedermotorisierung aktiv' }, { timeout: 15_000 }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ enabled: false }));

    await user.click(screen.getByRole('button', { name: 'Jetzt ausführen' }));
    expect(
      await screen.findByText(
        'Gefunden: 12 · angelegt: 9 · in Warteschlange: 1 · wartet auf Versand: 0 · übersprungen: 2',
      ),
    ).toBeInTheDocument();
  });
});
