import '@web/features/customers/test-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';

const reminder = {
  id: '00000000-0000-4000-8000-000000000077',
  defaultKey: null,
  name: 'Servicebrief',
  locationId: null,
  locationName: null,
  make: null,
  trigger: 'annual_service',
  amount: 14,
  phase: null,
  action: 'letter',
  assignee: 'service_advisor',
  activityType: 'service_contact',
  consentChannel: 'letter',
  consentPurpose: 'service_reminders',
  subject: 'Ihr {{fahrzeug}} braucht den Jahresservice',
  template: '{{anrede}},\n\nbitte vereinbaren Sie einen Termin.',
  lookbackDays: 30,
  enabled: true,
  version: 2,
};

describe('RuleEditor', { timeout: 60_000 }, () => {
  it('lets an administrator set the daily cap per person, explained, and previews the letter', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [reminder] },
      'GET /api/lifecycle/settings': { body: { dailyCapPerPerson: 20 } },
      'PUT /api/lifecycle/settings': { body: { dailyCapPerPerson: 8 } },
      [`PUT /api/lifecycle/rules/${reminder.id}`]: { body: { ...reminder, version: 3 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');

    const row = (await screen.findByText('Servicebrief', {}, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lebenszyklus-Regel bearbeiten' });

    const preview = within(dialog).getByLabelText('Vorschau (Beispielkundin)');
    expect(within(preview).getByText('Ihr VW Golf braucht den Jahresservice')).toBeInTheDocument();
    expect(preview).toHaveTextContent('Sehr geehrte Frau Muster,');

    const cap = within(dialog).getByRole('textbox', { name: 'Höchstens pro Person und Tag' });
    await waitFor(() => expect(cap).toHaveValue('20'));
    expect(within(dialog).getByText(/was darüber hinausgeht, wird auf die nächsten Tage verteilt/)).toBeInTheDocument();
    await user.clear(cap);
    await user.type(cap, '8');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT' && r.path.includes('/rules/'))).toBe(true));
    expect(requests.find((r) => r.method === 'PUT' && r.path.endsWith('/lifecycle/settings'))?.body).toEqual({
      dailyCapPerPerson: 8,
    });
  });

  it('leaves the cap alone when it was not changed', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [reminder] },
      'GET /api/lifecycle/settings': { body: { dailyCapPerPerson: 20 } },
      [`PUT /api/lifecycle/rules/${reminder.id}`]: { body: { ...reminder, version: 3 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');
    const row = (await screen.findByText('Servicebrief', {}, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lebenszyklus-Regel bearbeiten' });
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Höchstens pro Person und Tag' })).toHaveValue('20'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([
      expect.stringContaining(`/lifecycle/rules/${reminder.id}`),
    ]);
  });

  it('names a placeholder the letter cannot fill and does not save it', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [reminder] },
      'GET /api/lifecycle/settings': { body: { dailyCapPerPerson: 20 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');
    const row = (await screen.findByText('Servicebrief', {}, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lebenszyklus-Regel bearbeiten' });

    const subject = within(dialog).getByRole('textbox', { name: 'Betreff des Briefs' });
    await user.clear(subject);
    await user.type(subject, 'Ihr {{{{Fahrzeugg}} wartet');
    expect(within(dialog).getByText('Unbekannter Platzhalter: {{Fahrzeugg}}')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Speichern' })).toBeDisabled();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('asks for the consent of the channel the action goes out by when the action changes', async () => {
    const serviceCall = { ...reminder, name: 'Serviceanruf', action: 'activity', consentChannel: 'phone' };
    const { requests } = stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [serviceCall] },
      'GET /api/lifecycle/settings': { body: { dailyCapPerPerson: 20 } },
      [`PUT /api/lifecycle/rules/${reminder.id}`]: { body: { ...reminder, version: 3 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');
    const row = (await screen.findByText('Serviceanruf', {}, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lebenszyklus-Regel bearbeiten' });
    const consent = () => within(dialog).getByRole('combobox', { name: 'Benötigte Einwilligung' });
    expect(consent()).toHaveValue('Telefon · Service-Erinnerung');

    await user.click(within(dialog).getByRole('combobox', { name: 'Aktion' }));
    await user.click(await screen.findByRole('option', { name: 'Brief (Briefe drucken)' }));
    expect(consent()).toHaveValue('Brief · Service-Erinnerung');
    // Only the letter's consent is offered: a phone consent would let letters go to customers who never agreed.
    await user.click(consent());
    expect(screen.queryByRole('option', { name: 'Telefon · Service-Erinnerung' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: 'Brief · Werbung' }));

    await user.click(within(dialog).getByRole('combobox', { name: 'Aktion' }));
    await user.click(await screen.findByRole('option', { name: 'E-Mail (wird von selbst gesendet)' }));
    expect(consent()).toHaveValue('E-Mail · Werbung');

    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({
      action: 'email',
      consentChannel: 'email',
      consentPurpose: 'marketing',
    });
  });

  it('marks a consent saved earlier for another channel than the action’s', async () => {
    stubFetch({
      'GET /api/auth/session': session(adminUser),
      'GET /api/locations': { body: locations },
      'GET /api/lifecycle/rules': { body: [{ ...reminder, consentChannel: 'phone' }] },
      'GET /api/lifecycle/settings': { body: { dailyCapPerPerson: 20 } },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/lifecycle');
    const row = (await screen.findByText('Servicebrief', {}, { timeout: 15_000 })).closest('tr')!;
    await user.click(within(row).getByRole('button', { name: 'Bearbeiten' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lebenszyklus-Regel bearbeiten' });
    expect(within(dialog).getByRole('combobox', { name: 'Benötigte Einwilligung' })).toHaveValue(
      'Telefon · Service-Erinnerung',
    );
    expect(
      within(dialog).getByText('Diese Aktion erreicht den Kunden per Brief: nur die Einwilligung für Brief passt.'),
    ).toBeInTheDocument();
  });
});
