import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { notifications } from '@mantine/notifications';
import { describe, expect, it } from 'vitest';
import type { Me } from '@shared/auth/schemas';
import { problem, stubFetch } from '@web/test/fetch-stub';
import { adminUser, locations, MUNICH_ID, salesUser, session } from '@web/test/fixtures';
import { renderApp } from '@web/test/render';
import type { AssignmentRuleData } from '@web/features/requests/types';

const firstRender = { timeout: 15_000 };

const rule: AssignmentRuleData = {
  id: '3c3c3c3c-0000-4000-8000-000000000001',
  position: 0,
  name: 'Service München',
  active: true,
  match: { types: ['service_appointment'], locationIds: [MUNICH_ID], brands: [], sources: [] },
  strategy: 'round_robin',
  user: null,
  groupUsers: [{ id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000009', displayName: 'Sabine Koch' }],
  notifyManager: false,
  notifyDeputy: true,
};

function stubServer(user: Me, extra: Parameters<typeof stubFetch>[0] = {}) {
  return stubFetch({
    'GET /api/auth/session': session(user),
    'GET /api/locations': { body: locations },
    'GET /api/assignment/rules': { body: [rule] },
    ...extra,
  });
}

describe('assignment rules page', { timeout: 60_000 }, () => {
  it('shows a salesperson the rules from the main navigation, read-only', async () => {
    stubServer(salesUser);
    renderApp('/');
    const nav = within(await screen.findByRole('navigation', { name: 'Hauptnavigation' }, firstRender));
    expect(nav.getByRole('link', { name: 'Zuweisungsregeln' })).toHaveAttribute('href', '/admin/assignment');
    expect(nav.queryByRole('link', { name: 'Administration' })).not.toBeInTheDocument();
  });

  it('lists the rules without anything to change them for staff', async () => {
    stubServer(salesUser);
    renderApp('/admin/assignment');

    expect(await screen.findByText('Service München', {}, firstRender)).toBeInTheDocument();
    expect(screen.getByText('Sabine Koch')).toBeInTheDocument();
    expect(screen.getByText('Nur die Leitung und die Administration ändern die Regeln.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Neue Regel' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Service München bearbeiten' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Service München löschen' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Service München nach unten' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Wer würde dieses Anliegen bekommen/ })).not.toBeInTheDocument();
    // The other administration pages stay closed.
    expect(screen.queryByRole('tab', { name: 'Abwesenheiten' })).not.toBeInTheDocument();
  });

  it('keeps the editing tools for managers and admins', async () => {
    stubServer(adminUser);
    renderApp('/admin/assignment');

    expect(await screen.findByText('Service München', {}, firstRender)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Neue Regel' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Service München bearbeiten' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Wer würde dieses Anliegen bekommen/ })).toBeInTheDocument();
  });

  it('says who the fallback picked and why when no rule takes the request', async () => {
    const { requests } = stubServer(adminUser, {
      'POST /api/assignment/probe': {
        body: {
          assignee: { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000011', displayName: 'Dana Vertreterin' },
          onBehalfOf: null,
          rule: null,
          explanation: [
            'Keine Regel passt → Verkaufsanfrage gehört zur Verkaufsleitung: Zora Zeller ist abwesend (Urlaub bis 13.03.2026) → Vertretung: Dana Vertreterin',
          ],
          notify: [],
          fallback: {
            reason: 'no_rule',
            team: 'sales',
            via: 'deputy',
            standsInFor: { id: '0b5e6f4a-1c2d-4e3f-8a9b-000000000012', displayName: 'Zora Zeller' },
          },
        },
      },
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/assignment');

    await user.click(await screen.findByRole('button', { name: 'Ausprobieren' }, firstRender));
    const result = await screen.findByRole('status');
    expect(result).toHaveTextContent('Dana Vertreterin bekäme das Anliegen');
    expect(
      within(result).getByText(
        'Ersatzweise: Dana Vertreterin als Vertretung für Zora Zeller (Verkaufsleitung, abwesend).',
      ),
    ).toBeInTheDocument();
    expect(within(result).getByText('Grund: Keine Regel passt.')).toBeInTheDocument();
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({
      type: 'service_appointment',
      department: null,
    });
  });

  it('deletes a rule only after asking, and keeps the question open with the reason when it fails', async () => {
    notifications.clean();
    let fail = true;
    const { requests } = stubServer(adminUser, {
      [`DELETE /api/assignment/rules/${rule.id}`]: () => (fail ? problem(403) : { status: 204 }),
    });
    const user = userEvent.setup({ delay: null });
    renderApp('/admin/assignment');

    await user.click(await screen.findByRole('button', { name: 'Service München löschen' }, firstRender));
    const dialog = await screen.findByRole('dialog', { name: 'Regel löschen?' });
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Regel löschen' }));

    expect(await screen.findByText('Dazu fehlt Ihnen die Berechtigung.')).toBeInTheDocument();
    expect(dialog).toBeInTheDocument();

    fail = false;
    await user.click(within(dialog).getByRole('button', { name: 'Regel löschen' }));
    expect(await screen.findByText('Regel „Service München“ gelöscht.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'DELETE')).toHaveLength(2);
  });
});
